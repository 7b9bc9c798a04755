import { RESYNC_EVENT, type LoketBridge, type LoketEvent, type MethodName, type Reply } from '../../src-main/contract';
import { BaseClient, Cell, ClientError, type ConnectionState } from './client';

/**
 * The Electron transport: `window.loket` from the preload. The main process keeps the session
 * per window, so this client never sees or sends a token, and the host is always reachable.
 */
export class IpcClient extends BaseClient {
  readonly transport = 'ipc' as const;
  readonly connection = new Cell<ConnectionState>('tersambung');
  private readonly unsubscribe: () => void;

  constructor(private readonly bridge: LoketBridge) {
    super();
    this.unsubscribe = bridge.on((event: LoketEvent) => {
      // The host may tell a window to resynchronise with the same event name as over SSE.
      if ((event.name as string) === RESYNC_EVENT) this.resync.emit();
      else this.events.emit(event);
    });
  }

  mayHaveSession(): boolean {
    return true;
  }

  close(): void {
    this.unsubscribe();
  }

  protected tokenChanged(): void {
    // The session lives in the main process.
  }

  protected async send(method: MethodName, input: unknown): Promise<Reply<unknown>> {
    try {
      return await this.bridge.invoke(method, input);
    } catch {
      throw new ClientError('INTERNAL', 'Jendela ini tidak dapat berbicara dengan proses utama Loket. Tutup lalu buka kembali aplikasi.');
    }
  }
}
