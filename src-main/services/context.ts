import type { Kysely } from 'kysely';
import type { SessionUser, WorkstationSettings } from '../contract';
import type { DatabaseFacts } from '../db/backup';
import type { Database } from '../db/schema';
import type { EventBus } from './events';

/** Per-PC settings; the app layer backs it with electron-store (or `conf` in serve mode). */
export interface WorkstationStore {
  get(): WorkstationSettings;
  update(patch: Partial<WorkstationSettings>): WorkstationSettings;
}

/** Logging without patient data: callers pass ids and counts, never names, NIK or BPJS numbers. */
export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

export interface HostInfo {
  version: string;
  mode: 'electron' | 'serve';
  bootId: string;
  startedAt: string;
}

export interface ServiceContext {
  db: Kysely<Database>;
  events: EventBus;
  workstation: WorkstationStore;
  log: Logger;
  host: HostInfo;
  /** Injected so tests can move time (day rollover, session expiry). */
  now(): Date;
  /** The shipped clip set of the queue voice (resources/voice); null when this build has none. */
  voiceDir: string | null;
  /** The host's data folder (the letters' PDF archive lives in `<dataDir>/surat`). */
  dataDir: string;
  /** null: no browser engine on this host; PDFs are refused with a clear message, printing still works. */
  renderPdf: PdfRenderer | null;
  /** The live database as a file: SQLite's online backup, and a read-only look into another copy. */
  database: { snapshot(toFile: string): Promise<void>; inspect(file: string): DatabaseFacts };
}

/**
 * Turns a print-ready HTML document into a PDF with a browser engine: in Electron a hidden
 * window's printToPDF (app/main.ts), in serve mode and tests Chromium through playwright-core.
 */
export type PdfRenderer = (html: string, paper: { widthMm: number; heightMm: number }) => Promise<Uint8Array>;

export type ClientKind = 'ipc' | 'http';

/** Who is calling: the transports resolve it before a handler runs. */
export interface Call {
  actor: SessionUser | null;
  token: string | null;
  client: ClientKind;
}

export interface AuthenticatedCall extends Call {
  actor: SessionUser;
}
