import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { OutputOf, Permission, SessionUser } from '../../src-main/contract';
import { Cell } from '../api/client';
import { useRemote } from '../api/react';

export type PublicSettings = OutputOf<'settings.public'>;

export interface Session {
  user: SessionUser;
  can: (permission: Permission) => boolean;
  logout: () => void;
  settings: PublicSettings;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('Belum masuk.');
  return s;
}

const COUNTER_KEY = 'loket.counterNumber';

function readOverride(): number | null {
  try {
    const raw = window.localStorage.getItem(COUNTER_KEY);
    const n = raw === null ? NaN : Number(raw);
    return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
  } catch {
    return null;
  }
}

const counterOverride = new Cell<number | null>(readOverride());
window.addEventListener('storage', (e) => {
  if (e.key === COUNTER_KEY) counterOverride.set(readOverride());
});

/**
 * In a browser on another PC, `workstation.get` describes the host PC, not this one: the
 * browser keeps its own counter number in localStorage.
 */
export function setCounterOverride(n: number | null): void {
  try {
    if (n === null) window.localStorage.removeItem(COUNTER_KEY);
    else window.localStorage.setItem(COUNTER_KEY, String(n));
  } catch {
    // Storage may be disabled; the value still applies to this page.
  }
  counterOverride.set(n);
}

export function useCounterOverride(): number | null {
  return useSyncExternalStore(counterOverride.subscribe, counterOverride.get);
}

/** This workstation's counter: the browser's own choice first, then the host PC's setting. */
export function useCounterNumber(): number | null {
  const override = useCounterOverride();
  const ws = useRemote('workstation.get', {}, { refreshOn: ['workstation.changed'] });
  return override ?? ws.data?.counterNumber ?? null;
}
