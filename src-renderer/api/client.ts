import {
  contract,
  type ErrorCode,
  type FieldIssue,
  type InputOf,
  type LoketEvent,
  type MethodName,
  type OutputOf,
  type Reply,
} from '../../src-main/contract';

/** What the status bar says about the host: Indonesian words, shown as they are. */
export type ConnectionState = 'tersambung' | 'menyambung' | 'terputus';

/** A value that changes over time; shaped for React's useSyncExternalStore. */
export interface Observable<T> {
  get: () => T;
  subscribe: (listener: () => void) => () => void;
}

export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A refused or failed call. `message` is Bahasa Indonesia and safe to show. */
export class ClientError extends Error {
  readonly code: ClientErrorCode;
  readonly fields: FieldIssue[];
  constructor(code: ClientErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
    this.fields = fields;
  }
  /** The first message for a field path (`puskesmas.name`), for showing next to the field. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

export const NETWORK_MESSAGE = 'Tidak dapat menghubungi host Loket. Periksa jaringan; aplikasi terus mencoba menyambung ulang.';

/**
 * The one API the screens use. Two implementations (IPC inside Electron, HTTP in a browser)
 * behave the same; the screens never know which one they have.
 */
export interface LoketClient {
  readonly transport: 'ipc' | 'http';
  /** Calls a contract method; throws `ClientError` when the host refuses or cannot be reached. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Live events from the host (public ones only until someone logs in). */
  subscribe(listener: (event: LoketEvent) => void): () => void;
  readonly connection: Observable<ConnectionState>;
  /** The host says (or a reconnection implies) that events were missed: reload every screen's data. */
  onResync(listener: () => void): () => void;
  /** A call was refused because the session ended (expired, revoked, logged out elsewhere). */
  onSessionEnded(listener: () => void): () => void;
  /** A call was refused because the session's lock screen is up (this window or another one locked it). */
  onLocked(listener: () => void): () => void;
  /** False when there is certainly no session to resume (HTTP without a stored token). */
  mayHaveSession(): boolean;
  /** null, or the host's message when this browser is not (or no longer) a paired LAN device. */
  readonly deviceUnpaired: Observable<string | null>;
  close(): void;
}

/** A tiny observable value. */
export class Cell<T> implements Observable<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = (): T => this.value;
  set(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const l of [...this.listeners]) l();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export class Emitter<A extends unknown[] = []> {
  private listeners = new Set<(...args: A) => void>();
  on(listener: (...args: A) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(...args: A): void {
    for (const l of [...this.listeners]) {
      try {
        l(...args);
      } catch (error) {
        // One broken listener must not silence the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** The part of a zod schema the client uses (the renderer does not import zod itself). */
interface InputSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** Methods whose UNAUTHENTICATED reply means "wrong credentials", not "your session ended". */
const CREDENTIAL_METHODS = new Set<MethodName>(['auth.login', 'auth.setupAdmin', 'auth.unlock']);

/**
 * What both transports share: input checked with the contract's own schemas before it leaves
 * (the same Bahasa Indonesia messages as the host, without a round trip), replies unwrapped,
 * session bookkeeping.
 */
export abstract class BaseClient implements LoketClient {
  abstract readonly transport: 'ipc' | 'http';
  abstract readonly connection: Observable<ConnectionState>;
  protected readonly events = new Emitter<[LoketEvent]>();
  protected readonly resync = new Emitter();
  protected readonly sessionEnded = new Emitter();
  protected readonly locked = new Emitter();
  readonly deviceUnpaired = new Cell<string | null>(null);
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Counts successful logins, so a delayed logout can tell that a new session began. */
  private logins = 0;

  /** Resolves when no call is on its way (or after `maxMs`, so a hung request never blocks). */
  private async settled(maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, deadline - Date.now()))]);
    }
  }

  protected abstract send(method: MethodName, input: unknown): Promise<Reply<unknown>>;
  protected abstract tokenChanged(token: string | null): void;
  abstract mayHaveSession(): boolean;
  abstract close(): void;

  async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const parsed = (contract[method].input as unknown as InputSchema).safeParse(input);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(isian)', message: i.message }));
      const summary = fields
        .slice(0, 3)
        .map((f) => `${f.path}: ${f.message}`)
        .join('; ');
      throw new ClientError('VALIDATION', `Isian tidak valid — ${summary}${fields.length > 3 ? '; …' : ''}`, fields);
    }
    // Logging out lets the calls already on their way finish first: one arriving after the token
    // is revoked would be answered 401 (and logged by the browser) for nothing.
    if (method === 'auth.logout') {
      const session = this.logins;
      await this.settled(1000);
      // Someone logged in meanwhile: the old token is gone already; do not end the new session.
      if (session !== this.logins) return { ok: true } as OutputOf<M>;
    }
    let reply: Reply<unknown>;
    const sent = this.send(method, input);
    this.inFlight.add(sent);
    try {
      reply = await sent;
    } finally {
      this.inFlight.delete(sent);
      if (method === 'auth.logout') this.tokenChanged(null);
    }
    if (!reply.ok) {
      const { code, message, fields } = reply.error;
      // Latched, not emitted: the pairing page may mount after the first refused call.
      if (code === 'DEVICE_UNPAIRED') this.deviceUnpaired.set(message);
      if (code === 'UNAUTHENTICATED' && !CREDENTIAL_METHODS.has(method)) {
        this.tokenChanged(null);
        this.sessionEnded.emit();
      }
      if (code === 'LOCKED') this.locked.emit();
      throw new ClientError(code, message, fields ?? []);
    }
    if (method === 'auth.login' || method === 'auth.setupAdmin') {
      this.logins++;
      this.tokenChanged((reply.value as { token: string }).token);
    }
    return reply.value as OutputOf<M>;
  }

  subscribe(listener: (event: LoketEvent) => void): () => void {
    return this.events.on(listener);
  }
  onResync(listener: () => void): () => void {
    return this.resync.on(listener);
  }
  onSessionEnded(listener: () => void): () => void {
    return this.sessionEnded.on(listener);
  }
  onLocked(listener: () => void): () => void {
    return this.locked.on(listener);
  }
}
