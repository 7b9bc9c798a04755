import { useEffect, useRef, useState } from 'react';
import { roleLabels, type SessionUser } from '../../src-main/contract';
import { useClient } from '../api/react';
import { useSubmit } from '../components/form';
import { TextField } from '../components/ui';
import { usePasswordChange } from '../screens/pengaturan/AccountTabs';
import { Brand, CardSubmit } from './Login';
import './lock.css';

/** What counts as someone at the PC: any key, click or scroll restarts the idle time. */
const ACTIVITY = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` after `minutes` without keyboard or mouse (0 = never). The clock restarts on
 * every key, click or scroll anywhere in the window, dialogs and print previews included.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    const ms = minutes * 60_000;
    let timer = window.setTimeout(() => latest.current(), ms);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), ms);
    };
    for (const e of ACTIVITY) window.addEventListener(e, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
    };
  }, [minutes, enabled]);
}

/**
 * The lock screen replaces the whole shell (the screens are unmounted, so no patient data stays
 * in the page behind it). The host refuses this session everything until auth.unlock.
 */
export function LockScreen({
  user,
  puskesmasName,
  onUnlocked,
  logout,
}: {
  user: SessionUser;
  puskesmasName: string;
  onUnlocked: (user: SessionUser) => void;
  logout: () => void;
}) {
  const client = useClient();
  const [password, setPassword] = useState('');
  const form = useSubmit(
    async () => {
      try {
        return await client.call('auth.unlock', { password });
      } catch (error) {
        // A wrong password is cleared, so the next try starts from an empty field.
        setPassword('');
        throw error;
      }
    },
    { onDone: onUnlocked },
  );
  return (
    <main className="center-page lock-screen" aria-label="Layar terkunci">
      <form className="card login-card" onSubmit={form.onSubmit} noValidate>
        <Brand puskesmasName={puskesmasName} />
        <h1>Layar terkunci</h1>
        <p className="lock-user" data-testid="kunci-pengguna">
          <span aria-hidden="true" className="lock-icon">
            🔒
          </span>{' '}
          {user.fullName} · {roleLabels[user.role]}
        </p>
        <p className="note">Komputer ini ditinggal terlalu lama. Masukkan kata sandi Anda untuk melanjutkan.</p>
        <TextField
          label="Kata sandi"
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fieldError('password')}
        />
        <CardSubmit form={form} label="Buka kunci" busyLabel="Memeriksa…" />
        <button type="button" className="btn btn-block lock-logout" onClick={logout}>
          Keluar / ganti pengguna
        </button>
      </form>
    </main>
  );
}

/**
 * An administrator set this password as temporary (Pengaturan → Pengguna): the user chooses
 * their own before the shell opens, so no one else knows the password in use.
 */
export function PasswordChangeScreen({ puskesmasName, onDone, logout }: { puskesmasName: string; onDone: () => void; logout: () => void }) {
  const { form, fields } = usePasswordChange({ oldLabel: 'Kata sandi sementara', onDone, autoFocus: true });
  return (
    <main className="center-page">
      <form className="card login-card setup-card" onSubmit={form.onSubmit} noValidate>
        <Brand puskesmasName={puskesmasName} />
        <h1>Ganti kata sandi</h1>
        <p className="note">Kata sandi Anda diatur oleh administrator. Pilih kata sandi Anda sendiri sebelum melanjutkan.</p>
        {fields}
        <CardSubmit form={form} label="Simpan dan lanjutkan" busyLabel="Menyimpan…" />
        <button type="button" className="btn btn-block" onClick={logout}>
          Keluar
        </button>
      </form>
    </main>
  );
}
