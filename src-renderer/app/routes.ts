import { useSyncExternalStore } from 'react';
import type { Permission } from '../../src-main/contract';

export type ScreenId = 'antrean' | 'pendaftaran' | 'rekam-medis' | 'register' | 'surat' | 'laporan' | 'pengaturan' | 'kasir';

export interface ScreenEntry {
  id: ScreenId;
  title: string;
  /** Alt+<key> opens it; the numbers stay the same for every role so training carries over. */
  key: string;
  /** Needed to see the entry; the host checks every call anyway. `null`: every logged-in user. */
  permission: Permission | null;
}

export const screens: readonly ScreenEntry[] = [
  { id: 'antrean', title: 'Antrean', key: '1', permission: 'antrean:view' },
  { id: 'pendaftaran', title: 'Pendaftaran', key: '2', permission: 'pasien:view' },
  { id: 'rekam-medis', title: 'Rekam Medis', key: '3', permission: 'rekam_medis:view' },
  { id: 'register', title: 'Register Harian', key: '4', permission: 'register:view' },
  { id: 'surat', title: 'Surat', key: '5', permission: 'surat:view' },
  { id: 'laporan', title: 'Laporan', key: '6', permission: 'laporan:view' },
  { id: 'pengaturan', title: 'Pengaturan', key: '7', permission: null },
  { id: 'kasir', title: 'Kasir', key: '8', permission: 'kasir:view' },
];

export interface Route {
  screen: string;
  /** The rest of the path: a settings tab, for example. */
  sub: string;
}

function parse(hash: string): Route {
  const [screen = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { screen, sub: rest.join('/') };
}

let current = parse(window.location.hash);
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  current = parse(window.location.hash);
  for (const l of [...listeners]) l();
});

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export function navigate(path: string, replace = false): void {
  const hash = `#/${path}`;
  if (window.location.hash === hash) return;
  if (replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = hash;
}
