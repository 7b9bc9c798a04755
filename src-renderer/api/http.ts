import { RESYNC_EVENT, type LoketEvent, type MethodName, type Reply } from '../../src-main/contract';
import { BaseClient, Cell, ClientError, NETWORK_MESSAGE, type ConnectionState } from './client';
import { SseParser, type SseMessage } from './sse';

const TOKEN_KEY = 'loket.token';
/** The host sends `: ping` every 15 s: a stream silent for longer than this is dead. */
const SILENCE_LIMIT_MS = 40_000;
const CALL_TIMEOUT_MS = 30_000;
const BACKOFF_MS = [500, 1000, 2000, 3000, 5000];

export interface HttpClientOptions {
  /** Origin of the host, '' for the page's own origin. */
  baseUrl?: string;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * The browser transport: `POST /api/<method>` with a bearer token kept in sessionStorage, and
 * events over SSE read with fetch streaming (not EventSource, which cannot send the
 * Authorization and Last-Event-ID headers). Reconnects by itself with backoff.
 */
export class HttpClient extends BaseClient {
  readonly transport = 'http' as const;
  readonly connection = new Cell<ConnectionState>('menyambung');
  private readonly baseUrl: string;
  private readonly storage: HttpClientOptions['storage'];
  private token: string | null;
  private lastEventId: string | null = null;
  private bootId: string | null = null;
  private closed = false;
  private everConnected = false;
  private stream: AbortController | null = null;
  private wakeUp: (() => void) | null = null;
  /** Set when the stream is cut on purpose (login, logout): reconnect at once, not as a failure. */
  private restarting = false;

  constructor(options: HttpClientOptions = {}) {
    super();
    this.baseUrl = options.baseUrl ?? '';
    this.storage = options.storage ?? safeSessionStorage();
    this.token = this.storage?.getItem(TOKEN_KEY) ?? null;
    void this.runEvents();
  }

  mayHaveSession(): boolean {
    return this.token !== null;
  }

  close(): void {
    this.closed = true;
    this.stream?.abort();
    this.wakeUp?.();
  }

  protected tokenChanged(token: string | null): void {
    if (token === this.token) return;
    this.token = token;
    if (token) this.storage?.setItem(TOKEN_KEY, token);
    else this.storage?.removeItem(TOKEN_KEY);
    // Reopen the event stream so it carries (or drops) the session's private events.
    this.restartStream();
  }

  protected async send(method: MethodName, input: unknown): Promise<Reply<unknown>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify(input ?? {}),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch {
      this.markDown();
      throw new ClientError('NETWORK', NETWORK_MESSAGE);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      if (response.status >= 502) {
        this.markDown();
        throw new ClientError('NETWORK', NETWORK_MESSAGE);
      }
      throw new ClientError('INTERNAL', `Jawaban host tidak dapat dibaca (HTTP ${response.status}).`);
    }
    if (!isReply(body)) throw new ClientError('INTERNAL', `Jawaban host tidak dikenal (HTTP ${response.status}).`);
    // The host answered: if the event stream is waiting to retry, retry now.
    if (this.connection.get() === 'terputus') this.wakeUp?.();
    return body;
  }

  private markDown(): void {
    if (this.closed) return;
    this.connection.set('terputus');
    // A failed call may be the first sign: do not wait for the stream's own silence limit.
    this.stream?.abort();
  }

  private restartStream(): void {
    this.restarting = true;
    this.stream?.abort();
    this.wakeUp?.();
  }

  private async runEvents(): Promise<void> {
    let attempt = 0;
    while (!this.closed) {
      this.restarting = false;
      const ok = await this.readStream();
      if (this.closed) return;
      if (ok) attempt = 0;
      if (this.restarting) continue;
      if (this.everConnected) this.connection.set('terputus');
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 5000;
      attempt++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, delay * (0.8 + Math.random() * 0.4));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wakeUp = done;
      });
      this.wakeUp = null;
    }
  }

  /** Reads one SSE connection until it ends; true when it got as far as the host's hello. */
  private async readStream(): Promise<boolean> {
    const controller = new AbortController();
    this.stream = controller;
    let greeted = false;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const feedWatchdog = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_LIMIT_MS);
    };
    try {
      feedWatchdog();
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
      const response = await fetch(`${this.baseUrl}/api/events`, { headers, signal: controller.signal, cache: 'no-store' });
      if (!response.ok || !response.body) return false;
      const parser = new SseParser((m) => {
        if (this.handle(m)) greeted = true;
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feedWatchdog();
        parser.push(value);
      }
    } catch {
      // Aborted, refused or cut: the loop decides what next.
    } finally {
      clearTimeout(silence);
      if (this.stream === controller) this.stream = null;
    }
    return greeted;
  }

  /** Returns true for the host's hello. */
  private handle(message: SseMessage): boolean {
    if (message.event === 'hello') {
      const { bootId } = JSON.parse(message.data) as { bootId: string };
      const wasDown = this.connection.get() === 'terputus';
      const newBoot = this.bootId !== null && this.bootId !== bootId;
      this.bootId = bootId;
      if (newBoot) this.lastEventId = null;
      this.everConnected = true;
      this.connection.set('tersambung');
      // After a gap, calls may have failed and events may be lost: every screen reloads.
      if (newBoot || wasDown) this.resync.emit();
      return true;
    }
    if (message.event === RESYNC_EVENT) {
      this.lastEventId = null;
      this.resync.emit();
      return false;
    }
    let event: LoketEvent;
    try {
      event = JSON.parse(message.data) as LoketEvent;
    } catch {
      return false;
    }
    if (message.id) this.lastEventId = message.id;
    this.events.emit(event);
    return false;
  }
}

function isReply(body: unknown): body is Reply<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
