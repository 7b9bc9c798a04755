import { useRef, useState, type KeyboardEvent } from 'react';
import {
  accessKinds,
  accessLabels,
  domainLabels,
  permissionDomains,
  roleLabels,
  roles,
  type Permission,
  type Role,
  type RoleGrants,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { useSubmit } from '../../components/form';
import { FormFooter, Panel, RemoteView, SelectField, TextField } from '../../components/ui';
import './peran.css';

/** The administrator always keeps these (the host refuses otherwise): shown ticked and fixed. */
const ADMIN_FIXED = new Set<Permission>(['pengguna:view', 'pengguna:correction']);

/**
 * Pengaturan → Peran: what each role may input, correct and view, per domain (Permenkes
 * 24/2022 keeps the three rights apart). Arrow keys move through the matrix, Space ticks,
 * Ctrl+Enter saves. Also the idle lock time of every window.
 */
export function PeranTab() {
  const grants = useRemote('roles.list', {}, { refreshOn: ['roles.changed'] });
  const { can } = useSession();
  return (
    <>
      <RemoteView remote={grants}>{(list) => <RoleMatrix list={list} />}</RemoteView>
      {can('pengaturan:view') ? <IdleLockPanel /> : null}
    </>
  );
}

function RoleMatrix({ list }: { list: RoleGrants[] }) {
  const client = useClient();
  const { can } = useSession();
  const editable = can('pengguna:correction');
  const [role, setRole] = useState<Role>('pendaftaran');
  const stored = list.find((g) => g.role === role)!;
  const [draft, setDraft] = useState<{ role: Role; set: Set<Permission> }>(() => ({ role, set: new Set(stored.permissions) }));
  // Another role chosen (or the list reloaded for it): start from what is stored.
  const current = draft.role === role ? draft.set : new Set(stored.permissions);
  const [cursor, setCursor] = useState({ row: 0, col: 0 });
  const grid = useRef<HTMLTableElement>(null);

  const form = useSubmit(() => client.call('roles.update', { role, permissions: [...current] }), {
    savedText: `Hak akses ${roleLabels[role]} tersimpan. Berlaku mulai tindakan berikutnya setiap pengguna peran ini.`,
  });
  const fixed = (p: Permission) => role === 'administrator' && ADMIN_FIXED.has(p);
  const toggle = (p: Permission) => {
    if (!editable || fixed(p)) return;
    const next = new Set(current);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    setDraft({ role, set: next });
    form.reset();
  };
  const changed = current.size !== stored.permissions.length || stored.permissions.some((p) => !current.has(p));
  const isDefault = current.size === stored.defaults.length && stored.defaults.every((p) => current.has(p));

  const focusCell = (row: number, col: number) => {
    setCursor({ row, col });
    grid.current?.querySelector<HTMLInputElement>(`[data-cell="${row}-${col}"]`)?.focus();
  };
  const onGridKey = (e: KeyboardEvent) => {
    const rows = permissionDomains.length;
    const cols = accessKinds.length;
    const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = move[e.key];
    if (!step || e.altKey || e.ctrlKey) return;
    e.preventDefault();
    focusCell((cursor.row + step[0] + rows) % rows, (cursor.col + step[1] + cols) % cols);
  };
  useShortcut({ keys: 'ArrowUp / ArrowDown / ArrowLeft / ArrowRight', label: 'Pindah dalam tabel hak akses', group: 'Pengaturan — Peran' });
  useShortcut({ keys: 'Space', label: 'Centang / hapus centang hak', group: 'Pengaturan — Peran' });
  useShortcut({ keys: 'Ctrl+Enter', label: 'Simpan hak akses peran', group: 'Pengaturan — Peran' });

  return (
    <Panel title="Hak akses per peran" className="wide-panel">
      <form
        onSubmit={form.onSubmit}
        noValidate
        aria-label="Hak akses peran"
        className="peran-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.ctrlKey) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <div className="form-grid">
          <SelectField
            label="Peran yang diatur"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role);
              form.reset();
            }}
            options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
            hint="Pengguna dengan peran ini langsung mengikuti hak yang disimpan."
          />
        </div>
        <table className="table peran-matrix" ref={grid} onKeyDown={onGridKey} aria-label={`Hak akses ${roleLabels[role]}`}>
          <thead>
            <tr>
              <th scope="col">Bagian</th>
              {accessKinds.map((a) => (
                <th key={a} scope="col">
                  {accessLabels[a]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissionDomains.map((d, row) => (
              <tr key={d}>
                <th scope="row">{domainLabels[d]}</th>
                {accessKinds.map((a, col) => {
                  const p: Permission = `${d}:${a}`;
                  const atCursor = cursor.row === row && cursor.col === col;
                  return (
                    <td key={a}>
                      <input
                        type="checkbox"
                        data-cell={`${row}-${col}`}
                        aria-label={`${domainLabels[d]} — ${accessLabels[a]}`}
                        title={fixed(p) ? 'Administrator selalu boleh mengatur pengguna dan peran' : undefined}
                        checked={current.has(p)}
                        disabled={!editable || fixed(p)}
                        // One cell in the Tab order; arrows move within the matrix.
                        tabIndex={atCursor ? 0 : -1}
                        onFocus={() => setCursor({ row, col })}
                        onChange={() => toggle(p)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note" role="status" aria-live="polite">
          {changed ? 'Ada perubahan yang belum disimpan.' : isDefault ? 'Sama dengan bawaan.' : 'Berbeda dari bawaan.'}
        </p>
        {editable ? (
          <div className="peran-actions">
            <button
              type="button"
              className="btn"
              disabled={isDefault}
              onClick={() => {
                setDraft({ role, set: new Set(stored.defaults) });
                form.reset();
                // The button is disabled now: the focus goes back to the matrix, where Ctrl+Enter saves.
                focusCell(cursor.row, cursor.col);
              }}
            >
              Kembalikan ke bawaan
            </button>
          </div>
        ) : null}
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan hak akses (Ctrl+Enter)" disabled={!editable} />
      </form>
    </Panel>
  );
}

function IdleLockPanel() {
  const client = useClient();
  const { can } = useSession();
  const settings = useRemote('settings.public', {}, { refreshOn: ['settings.changed'] });
  return (
    <RemoteView remote={settings}>
      {(s) => <IdleLockForm key={s.idleLockMinutes} initial={s.idleLockMinutes} editable={can('pengaturan:correction')} client={client} />}
    </RemoteView>
  );
}

function IdleLockForm({ initial, editable, client }: { initial: number; editable: boolean; client: ReturnType<typeof useClient> }) {
  const [minutes, setMinutes] = useState(String(initial));
  const form = useSubmit(() => client.call('settings.update', { idleLockMinutes: /^\d+$/.test(minutes.trim()) ? Number(minutes) : Number.NaN }), {
    savedText: 'Waktu kunci layar tersimpan dan berlaku di semua komputer.',
  });
  return (
    <Panel title="Kunci layar otomatis" className="narrow-panel">
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-single" aria-label="Kunci layar otomatis">
        <TextField
          label="Kunci layar setelah tidak dipakai (menit)"
          inputMode="numeric"
          value={minutes}
          disabled={!editable}
          onChange={(e) => setMinutes(e.target.value)}
          error={form.fieldError('idleLockMinutes')}
          hint="0 = tidak pernah. Layar terkunci menyembunyikan semua data; buka dengan kata sandi pengguna."
          wide
        />
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan" disabled={!editable} />
      </form>
    </Panel>
  );
}
