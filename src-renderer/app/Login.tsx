import { useState } from 'react';
import type { SessionUser } from '../../src-main/contract';
import { useClient } from '../api/react';
import { localError, useSubmit, type Submitter } from '../components/form';
import { TextField } from '../components/ui';

export function Brand({ puskesmasName }: { puskesmasName: string }) {
  return (
    <div className="login-brand">
      <span className="logo-mark" aria-hidden="true">
        L
      </span>
      <div>
        <div className="login-app">Loket</div>
        <div className="login-org">{puskesmasName || 'Puskesmas'}</div>
      </div>
    </div>
  );
}

/** A card form's own error (one not tied to a field) and its one wide submit button. */
export function CardSubmit({ form, label, busyLabel }: { form: Submitter; label: string; busyLabel: string }) {
  return (
    <>
      {form.error && form.error.fields.length === 0 ? (
        <p className="text-error" role="alert">
          {form.error.message}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary btn-block" disabled={form.busy}>
        {form.busy ? busyLabel : label}
      </button>
    </>
  );
}

export function LoginScreen({
  puskesmasName,
  notice,
  onDone,
}: {
  puskesmasName: string;
  notice?: string | undefined;
  onDone: (user: SessionUser) => void;
}) {
  const client = useClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(() => client.call('auth.login', { username, password }), { onDone: (r) => onDone(r.user) });
  return (
    <main className="center-page">
      <form className="card login-card" onSubmit={form.onSubmit} noValidate>
        <Brand puskesmasName={puskesmasName} />
        <h1>Masuk</h1>
        {notice && !form.error ? (
          <p className="note" role="status">
            {notice}
          </p>
        ) : null}
        <TextField
          label="Nama pengguna"
          name="username"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={form.fieldError('username')}
        />
        <TextField
          label="Kata sandi"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fieldError('password')}
        />
        <CardSubmit form={form} label="Masuk" busyLabel="Memeriksa…" />
        <p className="login-foot">Tekan Enter untuk masuk. Lupa kata sandi? Minta administrator mengaturnya ulang.</p>
      </form>
    </main>
  );
}

export function SetupScreen({ puskesmasName, onDone }: { puskesmasName: string; onDone: (user: SessionUser) => void }) {
  const client = useClient();
  const [username, setUsername] = useState('admin');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useSubmit(
    async () => {
      if (password !== confirm) throw localError('confirm', 'Kedua kata sandi tidak sama');
      return client.call('auth.setupAdmin', { username, fullName, password });
    },
    { onDone: (r) => onDone(r.user) },
  );
  return (
    <main className="center-page">
      <form className="card login-card setup-card" onSubmit={form.onSubmit} noValidate>
        <Brand puskesmasName={puskesmasName} />
        <h1>Penyiapan pertama</h1>
        <p className="muted">
          Host ini belum mempunyai pengguna. Buat akun administrator pertama; pengguna lain ditambahkan sesudahnya di Pengaturan → Pengguna.
        </p>
        <TextField
          label="Nama lengkap"
          name="fullName"
          autoFocus
          autoComplete="name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={form.fieldError('fullName')}
        />
        <TextField
          label="Nama pengguna"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={form.fieldError('username')}
          hint="3–32 karakter: huruf kecil, angka, titik, minus"
        />
        <TextField
          label="Kata sandi"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fieldError('password')}
          hint="Minimal 8 karakter"
        />
        <TextField
          label="Ulangi kata sandi"
          name="confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={form.fieldError('confirm')}
        />
        <CardSubmit form={form} label="Buat administrator dan masuk" busyLabel="Menyimpan…" />
      </form>
    </main>
  );
}
