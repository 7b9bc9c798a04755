import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isPublicEvent, type LoketEvent, type Reply } from '../contract';
import type { Dispatcher } from '../services/dispatcher';
import type { EventBus } from '../services/events';

/** The parts of Electron's IPC we use, typed narrowly so the transport is testable under Node. */
export interface IpcSender {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): void;
}
export interface IpcInvokeEvent {
  sender: IpcSender;
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcTransportOptions {
  /** Only frames of our own renderer may call (VS Code checks the sender the same way). */
  isTrustedFrame(url: string): boolean;
}

const rejected = (message: string): Reply<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

/**
 * Serves the contract over IPC. The session token stays in the main process, keyed by the
 * calling window: the renderer never holds it, and a window that closes is logged out.
 */
export function registerIpcTransport(ipcMain: IpcMainLike, dispatcher: Dispatcher, events: EventBus, options: IpcTransportOptions): () => void {
  const sessions = new Map<number, string>();
  const windows = new Map<number, IpcSender>();

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method, input) => {
    const url = event.senderFrame?.url ?? '';
    if (!options.isTrustedFrame(url)) return rejected('Permintaan dari halaman yang tidak dikenal ditolak.');
    if (typeof method !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'Nama metode harus teks.' } } satisfies Reply<never>;
    const sender = event.sender;
    if (!windows.has(sender.id)) {
      windows.set(sender.id, sender);
      sender.once('destroyed', () => {
        windows.delete(sender.id);
        sessions.delete(sender.id);
      });
    }
    const token = sessions.get(sender.id) ?? null;
    const reply = await dispatcher.invoke(method, input, { token, client: 'ipc' });
    if (reply.ok && (method === 'auth.login' || method === 'auth.setupAdmin')) {
      const value = reply.value as { token: string };
      sessions.set(sender.id, value.token);
      return { ok: true, value: { ...value, token: '' } };
    }
    if (method === 'auth.logout') sessions.delete(sender.id);
    return reply;
  });

  const unsubscribe = events.subscribe((e: LoketEvent) => {
    for (const [id, sender] of windows) {
      if (sender.isDestroyed()) continue;
      if (isPublicEvent(e.name) || sessions.has(id)) sender.send(IPC_EVENT_CHANNEL, e);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
