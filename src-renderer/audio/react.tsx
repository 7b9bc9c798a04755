import { useSyncExternalStore } from 'react';
import type { LoketEvent } from '../../src-main/contract';
import { ClientError, type LoketClient } from '../api/client';
import { useClient } from '../api/react';
import { Announcer, type ClipSource, type SoundState } from './announcer';
import './sound.css';

/**
 * How a page gets clip bytes: a browser page fetches `GET /voice/<key>` (cached by the browser,
 * revalidated by ETag); the Electron window, whose page is a file and has no HTTP origin, asks
 * over IPC with `voice.clip`.
 */
export function clipSourceFor(client: LoketClient): ClipSource {
  if (client.transport === 'ipc')
    return async (key) => {
      try {
        const clip = await client.call('voice.clip', { key });
        return Uint8Array.from(atob(clip.dataBase64), (c) => c.charCodeAt(0)).buffer;
      } catch (error) {
        if (error instanceof ClientError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    };
  return async (key) => {
    const response = await fetch(`/voice/${encodeURIComponent(key)}`);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Klip ${key}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
}

const announcers = new WeakMap<LoketClient, Announcer>();

/** One announcer per page and client, kept in step with re-recordings and unit changes. */
export function announcerFor(client: LoketClient): Announcer {
  let announcer = announcers.get(client);
  if (!announcer) {
    const created = new Announcer(clipSourceFor(client));
    client.subscribe((e: LoketEvent) => {
      if (e.name === 'voice.changed') created.invalidate((e as LoketEvent<'voice.changed'>).payload.key);
      else if (e.name === 'reference.changed' && (e as LoketEvent<'reference.changed'>).payload.kind === 'unit') created.invalidate();
    });
    client.onResync(() => created.invalidate());
    announcers.set(client, (announcer = created));
  }
  return announcer;
}

/**
 * The page's announcer. On the display: `useAnnouncer().announce({ clips, text })` for each
 * `queue.called` event, and `<SoundGate />` somewhere on screen.
 */
export function useAnnouncer(): Announcer {
  return announcerFor(useClient());
}

export function useSoundState(): SoundState {
  const { sound } = useAnnouncer();
  return useSyncExternalStore(sound.subscribe, sound.get);
}

/**
 * The one-click "Aktifkan suara" banner: browsers keep a page silent until someone clicks it.
 * The choice is remembered in this browser, so after a restart any click or key enables sound
 * again (or none at all in a browser started with `--autoplay-policy=no-user-gesture-required`).
 */
export function SoundGate({ className }: { className?: string }) {
  const announcer = useAnnouncer();
  const state = useSoundState();
  if (state === 'aktif') return null;
  if (state === 'tidak-didukung')
    return (
      <div className={`sound-gate ${className ?? ''}`} role="status">
        Peramban ini tidak dapat memutar suara panggilan; nomor tetap tampil di layar.
      </div>
    );
  return (
    <div className={`sound-gate ${className ?? ''}`} role="region" aria-label="Suara panggilan">
      <span>Suara panggilan belum aktif.</span>
      <button type="button" className="sound-gate-button" onClick={() => void announcer.enableSound()}>
        Aktifkan suara
      </button>
    </div>
  );
}
