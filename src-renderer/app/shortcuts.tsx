import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';

/**
 * The one registry of keyboard shortcuts. The shell and every screen register into it; the
 * help overlay (F1 or ?) lists exactly what is registered at that moment. When two live
 * entries claim the same keys, the one registered last wins (an open panel's Esc beats the
 * screen's).
 */
export interface ShortcutSpec {
  /** "Alt+1", "F1", "?", "Escape", "Alt+PageUp", "Alt+K"; several alternatives with " / ". */
  keys: string;
  /** What it does, in Bahasa Indonesia ("Buka Pendaftaran"). */
  label: string;
  /** Heading in the help overlay ("Navigasi", "Umum", a screen's name). */
  group: string;
  /** Without a handler the entry only documents a key handled where it happens (arrows in a list). */
  handler?: (event: KeyboardEvent) => void;
  /** Keys without Ctrl/Alt (and not F-keys or Esc) are ignored while typing unless this is set. */
  allowInInput?: boolean;
}

interface Entry extends ShortcutSpec {
  seq: number;
}

export class ShortcutRegistry {
  private entries: Entry[] = [];
  private snapshot: readonly Entry[] = [];
  private listeners = new Set<() => void>();
  private seq = 0;

  register(spec: ShortcutSpec): () => void {
    const entry: Entry = { ...spec, seq: ++this.seq };
    this.entries.push(entry);
    this.changed();
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
      this.changed();
    };
  }

  list = (): readonly Entry[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = [...this.entries];
    for (const l of [...this.listeners]) l();
  }

  /** Runs the matching shortcut, if any; returns whether the key was taken. */
  dispatch(event: KeyboardEvent): boolean {
    if (event.isComposing) return false;
    const combo = comboOf(event);
    if (!combo) return false;
    const typing = isEditable(event.target);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (!entry.handler) continue;
      const alternatives = entry.keys.split(' / ').map(normalize);
      if (!alternatives.includes(combo)) continue;
      if (typing && !entry.allowInInput && !worksWhileTyping(combo)) continue;
      event.preventDefault();
      event.stopPropagation();
      entry.handler(event);
      return true;
    }
    return false;
  }
}

const named: Record<string, string> = { Esc: 'Escape', Del: 'Delete', Spasi: ' ' };

function normalize(keys: string): string {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const base = named[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (isPrintableSymbol(base)) return base;
  return `${mods.has('ctrl') ? 'Ctrl+' : ''}${mods.has('alt') ? 'Alt+' : ''}${mods.has('shift') ? 'Shift+' : ''}${base}`;
}

function isPrintableSymbol(key: string): boolean {
  return key.length === 1 && !/[A-Za-z0-9]/.test(key);
}

/** The event as "Ctrl+Alt+Shift+Key"; letters and digits by physical key so Alt cannot change them. */
export function comboOf(event: KeyboardEvent): string | null {
  if (['Control', 'Alt', 'Shift', 'Meta', 'AltGraph'].includes(event.key)) return null;
  let base: string;
  if (/^Key[A-Z]$/.test(event.code)) base = event.code.slice(3);
  else if (/^Digit\d$/.test(event.code)) base = event.code.slice(5);
  else base = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  if (isPrintableSymbol(base) && !event.ctrlKey && !event.altKey) return event.key;
  return `${event.ctrlKey || event.metaKey ? 'Ctrl+' : ''}${event.altKey ? 'Alt+' : ''}${event.shiftKey ? 'Shift+' : ''}${base}`;
}

function worksWhileTyping(combo: string): boolean {
  return combo.startsWith('Ctrl+') || combo.startsWith('Alt+') || /^F\d{1,2}$/.test(combo) || combo === 'Escape';
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

const arrows: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Enter: 'Enter',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** Keys as shown to people: "Alt + 1", "Esc", "↑ / ↓". */
export function showKeys(keys: string): string[] {
  return keys.split(' / ').map((alt) =>
    alt
      .split('+')
      .map((k) => arrows[k] ?? k)
      .join(' + '),
  );
}

const RegistryContext = createContext<ShortcutRegistry | null>(null);

export function ShortcutProvider({ registry, children }: { registry: ShortcutRegistry; children: ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      registry.dispatch(e);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [registry]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

function useRegistry(): ShortcutRegistry {
  const r = useContext(RegistryContext);
  if (!r) throw new Error('ShortcutProvider tidak ada di atas komponen ini.');
  return r;
}

/** Registers a shortcut while the component is mounted (and `enabled`); the handler may change freely. */
export function useShortcut(spec: ShortcutSpec, enabled = true): void {
  const registry = useRegistry();
  const handler = useRef(spec.handler);
  useEffect(() => {
    handler.current = spec.handler;
  });
  const hasHandler = spec.handler !== undefined;
  const { keys, label, group, allowInInput } = spec;
  useEffect(() => {
    if (!enabled) return;
    return registry.register({ keys, label, group, allowInInput, handler: hasHandler ? (e) => handler.current?.(e) : undefined });
  }, [registry, keys, label, group, allowInInput, hasHandler, enabled]);
}

export function useShortcutList(): readonly ShortcutSpec[] {
  const registry = useRegistry();
  return useSyncExternalStore(registry.subscribe, registry.list);
}
