import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { roleHas, roleLabels, type Permission, type SessionUser } from '../../src-main/contract';
import { useConnection, useReloadAll } from '../api/react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { hariTanggal, jam, zonaSingkat } from '../lib/format';
import { useNow } from '../lib/clock';
import { AntreanScreen } from '../screens/antrean/AntreanScreen';
import { KasirScreen } from '../screens/kasir/KasirScreen';
import { LaporanScreen } from '../screens/laporan/LaporanScreen';
import { PendaftaranScreen } from '../screens/pendaftaran/PendaftaranScreen';
import { PengaturanScreen } from '../screens/pengaturan/PengaturanScreen';
import { RegisterScreen } from '../screens/register/RegisterScreen';
import { RekamMedisScreen } from '../screens/rekam-medis/RekamMedisScreen';
import { SuratScreen } from '../screens/surat/SuratScreen';
import { navigate, screens, useRoute, type ScreenEntry, type ScreenId } from './routes';
import { SessionProvider, useCounterNumber, useSession, type PublicSettings, type Session } from './session';
import { showKeys, useShortcut, useShortcutList } from './shortcuts';

const views: Record<ScreenId, () => ReactNode> = {
  antrean: () => <AntreanScreen />,
  pendaftaran: () => <PendaftaranScreen />,
  'rekam-medis': () => <RekamMedisScreen />,
  register: () => <RegisterScreen />,
  surat: () => <SuratScreen />,
  laporan: () => <LaporanScreen />,
  pengaturan: () => <PengaturanScreen />,
  kasir: () => <KasirScreen />,
};

/** The working window after login: navigation, the current screen, the status bar, help. */
export function Shell({ user, settings, logout }: { user: SessionUser; settings: PublicSettings; logout: () => void }) {
  const session: Session = useMemo(
    () => ({
      user,
      settings,
      logout,
      // The login reply carries the role's permissions; the role table is the fallback.
      can: (p: Permission) => user.permissions.includes(p) || (user.permissions.length === 0 && roleHas(user.role, p)),
    }),
    [user, settings, logout],
  );
  return (
    <SessionProvider value={session}>
      <ShellBody />
    </SessionProvider>
  );
}

function ShellBody() {
  const { can, logout } = useSession();
  const route = useRoute();
  const reloadAll = useReloadAll();
  const [help, setHelp] = useState(false);
  const visible = screens.filter((s) => s.permission === null || can(s.permission));
  const current = visible.find((s) => s.id === route.screen);

  useEffect(() => {
    if (!current && visible[0]) navigate(visible[0].id, true);
  }, [current, visible]);

  useShortcut({ keys: 'F1 / ?', label: 'Tampilkan daftar pintasan keyboard ini', group: 'Umum', handler: () => setHelp((h) => !h) });
  useShortcut({ keys: 'Escape', label: 'Tutup jendela atau panel yang terbuka', group: 'Umum' });
  useShortcut({ keys: 'Alt+R', label: 'Muat ulang data di layar ini', group: 'Umum', handler: reloadAll });
  useShortcut({ keys: 'Alt+K', label: 'Keluar (logout)', group: 'Umum', handler: logout });
  useShortcut({ keys: 'Tab / Shift+Tab', label: 'Pindah ke isian atau tombol berikutnya / sebelumnya', group: 'Umum' });

  return (
    <div className="app">
      <div className="app-main">
        <nav className="sidebar" aria-label="Menu utama">
          <SidebarBrand />
          {visible.map((s) => (
            <NavShortcut key={s.id} entry={s} />
          ))}
          <ul className="nav-list">
            {visible.map((s) => (
              <li key={s.id}>
                <a href={`#/${s.id}`} className="nav-item" aria-current={current?.id === s.id ? 'page' : undefined}>
                  <span>{s.title}</span>
                  <kbd>Alt+{s.key}</kbd>
                </a>
              </li>
            ))}
          </ul>
          <div className="sidebar-foot">
            <button type="button" className="nav-item nav-button" onClick={() => setHelp(true)}>
              <span>Pintasan keyboard</span>
              <kbd>F1</kbd>
            </button>
            <button type="button" className="nav-item nav-button" onClick={logout}>
              <span>Keluar</span>
              <kbd>Alt+K</kbd>
            </button>
          </div>
        </nav>
        <main className="content" id="konten">
          {current ? (
            <ErrorBoundary key={current.id} place={`layar ${current.title}`}>
              {views[current.id]()}
            </ErrorBoundary>
          ) : null}
        </main>
      </div>
      <StatusBar />
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

function NavShortcut({ entry }: { entry: ScreenEntry }) {
  useShortcut({ keys: `Alt+${entry.key}`, label: `Buka ${entry.title}`, group: 'Navigasi', handler: () => navigate(entry.id) });
  return null;
}

function SidebarBrand() {
  const { settings } = useSession();
  return (
    <div className="sidebar-brand">
      <span className="logo-mark" aria-hidden="true">
        L
      </span>
      <div>
        <div className="brand-app">Loket</div>
        <div className="brand-org" title={settings.puskesmasName}>
          {settings.puskesmasName}
        </div>
      </div>
    </div>
  );
}

const connectionText = { tersambung: 'Host tersambung', menyambung: 'Menyambung ke host…', terputus: 'Terputus dari host' } as const;

function StatusBar() {
  const { user, settings } = useSession();
  const connection = useConnection();
  const counter = useCounterNumber();
  const now = useNow(1000);
  return (
    <footer className="statusbar" aria-label="Bilah status">
      <span className={`status-conn status-${connection}`} data-testid="status-koneksi">
        <span className="status-dot" aria-hidden="true" />
        {connectionText[connection]}
      </span>
      <span data-testid="status-loket">{counter ? `Loket ${counter}` : 'Loket belum diatur'}</span>
      <span data-testid="status-pengguna">
        {user.fullName} · {roleLabels[user.role]}
      </span>
      <span className="status-spacer" />
      <span data-testid="status-tanggal">{hariTanggal(now, settings.timeZone)}</span>
      <span className="status-clock">
        {jam(now, settings.timeZone)} {zonaSingkat(settings.timeZone)}
      </span>
      <span className="status-help">
        <kbd>F1</kbd> Bantuan
      </span>
    </footer>
  );
}

function HelpOverlay({ onClose }: { onClose: () => void }) {
  const list = useShortcutList();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const groups = new Map<string, { keys: string; label: string }[]>();
  for (const s of list) {
    const rows = groups.get(s.group) ?? [];
    if (!rows.some((r) => r.keys === s.keys && r.label === s.label)) rows.push({ keys: s.keys, label: s.label });
    groups.set(s.group, rows);
  }
  const order = ['Navigasi', 'Umum'];
  const names = [...groups.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return (
    <dialog ref={dialog} className="dialog help-dialog" aria-labelledby="help-title" onClose={onClose} onCancel={onClose}>
      <header className="dialog-head">
        <h2 id="help-title">Pintasan keyboard</h2>
        <button type="button" className="btn btn-small" onClick={onClose} autoFocus>
          Tutup (Esc)
        </button>
      </header>
      <div className="help-groups">
        {names.map((g) => (
          <section key={g} className="help-group">
            <h3>{g}</h3>
            <table className="help-table">
              <tbody>
                {groups.get(g)!.map((r) => (
                  <tr key={r.keys + r.label}>
                    <td className="help-keys">
                      {showKeys(r.keys).map((k, i) => (
                        <span key={k}>
                          {i > 0 ? ' atau ' : null}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{r.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </dialog>
  );
}
