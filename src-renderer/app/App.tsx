import { useCallback, useEffect, useState } from 'react';
import type { SessionUser } from '../../src-main/contract';
import type { ClientError, LoketClient } from '../api/client';
import { asClientError, useClient, useConnection, useRemote } from '../api/react';
import { OfflineBanner } from '../components/OfflineBanner';
import { LockScreen, PasswordChangeScreen, useIdleLock } from './LockScreen';
import { LoginScreen, SetupScreen } from './Login';
import { Shell } from './Shell';

type Phase =
  | { kind: 'memuat' }
  | { kind: 'gagal'; error: ClientError }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: string }
  | { kind: 'masuk'; user: SessionUser };

/** First-run setup, login, or straight into the shell when a session is still valid. */
async function decide(client: LoketClient): Promise<Phase> {
  try {
    const status = await client.call('auth.status', {});
    if (status.needsSetup) return { kind: 'setup' };
    if (client.mayHaveSession()) {
      try {
        return { kind: 'masuk', user: await client.call('auth.me', {}) };
      } catch (error) {
        if (asClientError(error).code !== 'UNAUTHENTICATED') throw error;
      }
    }
    return { kind: 'login' };
  } catch (error) {
    return { kind: 'gagal', error: asClientError(error) };
  }
}

/** Decides what the window shows: first-run setup, login, or the working shell. */
export function App() {
  const client = useClient();
  const connection = useConnection();
  const [phase, setPhase] = useState<Phase>({ kind: 'memuat' });
  const settings = useRemote('settings.public', {}, { refreshOn: ['settings.changed'] });

  useEffect(() => {
    void decide(client).then(setPhase);
  }, [client]);

  // The host came back after the first attempt failed: try again by itself.
  const failed = phase.kind === 'gagal';
  useEffect(() => {
    if (failed && connection === 'tersambung') void decide(client).then(setPhase);
  }, [failed, connection, client]);

  const retry = () => {
    setPhase({ kind: 'memuat' });
    void decide(client).then(setPhase);
  };

  useEffect(
    () =>
      client.onSessionEnded(() =>
        setPhase((p) => (p.kind === 'masuk' ? { kind: 'login', notice: 'Sesi Anda berakhir atau dicabut. Silakan masuk lagi.' } : p)),
      ),
    [client],
  );

  const logout = useCallback(() => {
    // The screens go first (no new calls), then the session ends once the calls on their way are answered.
    setPhase({ kind: 'login', notice: 'Anda sudah keluar.' });
    void client.call('auth.logout', {}).catch(() => undefined);
  }, [client]);

  // The lock screen goes up first (the screens unmount), then the host is told.
  const lock = useCallback(() => {
    setPhase((p) => (p.kind === 'masuk' ? { ...p, user: { ...p.user, locked: true } } : p));
    void client.call('auth.lock', {}).catch(() => undefined);
  }, [client]);
  useIdleLock(settings.data?.idleLockMinutes ?? 0, phase.kind === 'masuk' && !phase.user.locked, lock);
  // Locked in another window of this session, or refused as locked by the host: show the lock screen too.
  useEffect(() => client.onLocked(() => setPhase((p) => (p.kind === 'masuk' ? { ...p, user: { ...p.user, locked: true } } : p))), [client]);
  // A role's rights were edited: this window's menus and tabs follow at once.
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.name !== 'roles.changed') return;
        void client.call('auth.me', {}).then(
          (user) => setPhase((p) => (p.kind === 'masuk' ? { ...p, user } : p)),
          () => undefined,
        );
      }),
    [client],
  );
  const unlocked = useCallback((user: SessionUser) => setPhase({ kind: 'masuk', user }), []);

  const name = settings.data?.puskesmasName ?? '';
  useEffect(() => {
    document.title = name ? `Loket — ${name}` : 'Loket';
  }, [name]);

  return (
    <>
      <OfflineBanner />
      {phase.kind === 'memuat' ? (
        <div className="center-page" role="status">
          Menghubungi host Loket…
        </div>
      ) : phase.kind === 'gagal' ? (
        <div className="center-page">
          <div className="card login-card" role="alert">
            <h1>Host Loket tidak dapat dihubungi</h1>
            <p>{phase.error.message}</p>
            <button type="button" className="btn btn-primary" autoFocus onClick={retry}>
              Coba lagi
            </button>
          </div>
        </div>
      ) : phase.kind === 'setup' ? (
        <SetupScreen puskesmasName={name} onDone={(user) => setPhase({ kind: 'masuk', user })} />
      ) : phase.kind === 'login' ? (
        <LoginScreen puskesmasName={name} notice={phase.notice} onDone={(user) => setPhase({ kind: 'masuk', user })} />
      ) : phase.user.locked ? (
        <LockScreen user={phase.user} puskesmasName={name} onUnlocked={unlocked} logout={logout} />
      ) : phase.user.mustChangePassword ? (
        <PasswordChangeScreen puskesmasName={name} onDone={() => unlocked({ ...phase.user, mustChangePassword: false })} logout={logout} />
      ) : settings.data ? (
        <Shell user={phase.user} settings={settings.data} logout={logout} />
      ) : (
        <div className="center-page" role="status">
          Memuat pengaturan puskesmas…
        </div>
      )}
    </>
  );
}
