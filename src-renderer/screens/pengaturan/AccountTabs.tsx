import { useState } from 'react';
import { roleLabels, roles, type Role, type User } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { localError, useSubmit } from '../../components/form';
import { ListEditor } from '../../components/ListEditor';
import { ActiveBadge, Badge, CheckField, FormFooter, Panel, SelectField, TextField } from '../../components/ui';
import { jam, tanggalPendekWaktu } from '../../lib/format';

export function UsersTab() {
  const client = useClient();
  const { can, user: me, settings } = useSession();
  const users = useRemote('users.list', {}, { refreshOn: ['users.changed'] });
  type F = { username: string; fullName: string; role: Role; password: string; active: boolean; mustChange: boolean };
  return (
    <ListEditor<User, F>
      group="Pengaturan — Pengguna"
      noun="pengguna"
      remote={users}
      canEdit={can('pengguna:input') && can('pengguna:correction')}
      columns={[
        { header: 'Nama pengguna', cell: (u) => u.username, className: 'mono' },
        { header: 'Nama lengkap', cell: (u) => (u.id === me.id ? `${u.fullName} (Anda)` : u.fullName) },
        { header: 'Peran', cell: (u) => roleLabels[u.role] },
        { header: 'Dibuat', cell: (u) => tanggalPendekWaktu(u.createdAt, settings.timeZone) },
        {
          header: 'Status',
          cell: (u) => (
            <>
              <ActiveBadge active={u.active} />
              {u.mustChangePassword ? (
                <>
                  {' '}
                  <Badge tone="warn">Wajib ganti sandi</Badge>
                </>
              ) : null}
              {u.lockedUntil ? (
                <>
                  {' '}
                  <Badge tone="warn">Terkunci s.d. {jam(u.lockedUntil, settings.timeZone)}</Badge>{' '}
                  {can('pengguna:correction') ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void client.call('users.unlock', { id: u.id }).then(() => users.reload())}
                    >
                      Buka kunci
                    </button>
                  ) : null}
                </>
              ) : null}
            </>
          ),
        },
      ]}
      blank={{ username: '', fullName: '', role: 'pendaftaran', password: '', active: true, mustChange: false }}
      toForm={(u) => ({ username: u.username, fullName: u.fullName, role: u.role, password: '', active: u.active, mustChange: false })}
      nameOf={(f) => f.username}
      save={(f, id) =>
        id === null
          ? client.call('users.create', {
              username: f.username,
              fullName: f.fullName,
              role: f.role,
              password: f.password,
              mustChangePassword: f.mustChange,
            })
          : client.call('users.update', {
              id,
              fullName: f.fullName,
              role: f.role,
              active: f.active,
              ...(f.password ? { password: f.password, mustChangePassword: f.mustChange } : {}),
            })
      }
      fields={(f, set, err, editingId) => (
        <>
          <TextField
            label="Nama pengguna"
            value={f.username}
            disabled={editingId !== null}
            onChange={(e) => set({ username: e.target.value })}
            error={err('username')}
            hint="3–32 karakter: huruf kecil, angka, . - _"
            autoComplete="off"
          />
          <SelectField
            label="Peran"
            value={f.role}
            onChange={(e) => set({ role: e.target.value as Role })}
            options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
            error={err('role')}
          />
          <TextField label="Nama lengkap" value={f.fullName} onChange={(e) => set({ fullName: e.target.value })} error={err('fullName')} wide />
          <TextField
            label={editingId === null ? 'Kata sandi awal' : 'Kata sandi baru'}
            type="password"
            autoComplete="new-password"
            value={f.password}
            onChange={(e) => set({ password: e.target.value })}
            error={err('password')}
            hint={editingId === null ? 'Minimal 8 karakter' : 'Kosongkan bila tidak diganti'}
            wide
          />
          {f.password ? (
            <CheckField
              label="Sandi sementara: wajib diganti saat masuk berikutnya"
              checked={f.mustChange}
              onChange={(mustChange) => set({ mustChange })}
            />
          ) : null}
          {editingId !== null ? <CheckField label="Aktif (boleh masuk)" checked={f.active} onChange={(active) => set({ active })} /> : null}
        </>
      )}
    />
  );
}

/**
 * Changing one's own password: the old one, the new one twice. Shared by Pengaturan → Ganti kata
 * sandi and the first-login screen after an administrator set a temporary password.
 */
export function usePasswordChange({
  oldLabel,
  savedText,
  onDone,
  autoFocus = false,
}: {
  oldLabel: string;
  savedText?: string;
  onDone?: () => void;
  autoFocus?: boolean;
}) {
  const client = useClient();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useSubmit(
    async () => {
      if (newPassword !== confirm) throw localError('confirm', 'Kedua kata sandi baru tidak sama');
      if (newPassword !== '' && newPassword === oldPassword) throw localError('newPassword', 'Pilih kata sandi yang berbeda dari yang lama');
      return client.call('auth.changePassword', { oldPassword, newPassword });
    },
    {
      ...(savedText ? { savedText } : {}),
      onDone: () => {
        setOld('');
        setNew('');
        setConfirm('');
        onDone?.();
      },
    },
  );
  const fields = (
    <>
      <TextField
        label={oldLabel}
        type="password"
        autoComplete="current-password"
        autoFocus={autoFocus}
        value={oldPassword}
        onChange={(e) => setOld(e.target.value)}
        error={form.fieldError('oldPassword')}
        wide
      />
      <TextField
        label="Kata sandi baru"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={form.fieldError('newPassword')}
        hint="Minimal 8 karakter"
        wide
      />
      <TextField
        label="Ulangi kata sandi baru"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={form.fieldError('confirm')}
        wide
      />
    </>
  );
  return { form, fields };
}

export function PasswordTab() {
  const { form, fields } = usePasswordChange({
    oldLabel: 'Kata sandi lama',
    savedText: 'Kata sandi sudah diganti. Gunakan kata sandi baru saat masuk berikutnya.',
  });
  return (
    <Panel title="Ganti kata sandi Anda" className="narrow-panel">
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-single">
        {fields}
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Ganti kata sandi" />
      </form>
    </Panel>
  );
}
