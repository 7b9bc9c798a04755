import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { inspectDatabaseFile, snapshotDatabase } from '../db/backup';
import { openStore, peekSchemaVersion, StartupError, type Store } from '../db/connection';
import { migrate } from '../db/migrator';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { documentHandlers } from '../print/documents';
import { startLetterArchive } from '../print/letter-documents';
import { startBackupSchedule } from '../services/backup';
import { bootstrap } from '../services/bootstrap';
import type { Logger, PdfRenderer, ServiceContext, WorkstationStore } from '../services/context';
import { createDispatcher, type Dispatcher } from '../services/dispatcher';
import { EventBus } from '../services/events';
import { applyPendingRestore } from './restore';
import { acquireDataLock } from './lock';
import { createLogger } from './log';
import { shippedVoiceDir } from './paths';
import { APP_VERSION } from './version';
import { workstationStoreOn, workstationStoreOptions } from './workstation';

export interface HostOptions {
  dataDir: string;
  mode: 'electron' | 'serve';
  /** electron-store in the Electron shell; `conf` in the same folder otherwise. */
  workstation?: WorkstationStore;
  nativeBinding?: string;
  /** Load Kemendagri regions on first start (tests may skip the 90k rows). */
  loadRegions?: boolean;
  logToConsole?: boolean;
  now?: () => Date;
  /** The shipped voice clips; found beside the app unless given (null: none, tests of the fallback). */
  voiceDir?: string | null;
  /** Renders letters to PDF (Electron: printToPDF; serve/tests: Chromium); absent: PDFs unavailable. */
  renderPdf?: PdfRenderer | null;
  /** How often the daily backup checks whether it is due (tests shorten it). */
  backupCheckMs?: number;
}

export interface Host {
  ctx: ServiceContext;
  dispatcher: Dispatcher;
  store: Store;
  dataDir: string;
  databaseFile: string;
  log: Logger & { file: string };
  close(): Promise<void>;
}

export const DATABASE_FILE = 'loket.db';

/** Composition root: paths → lock → log → settings → database → migrate → services. */
export async function startHost(options: HostOptions): Promise<Host> {
  mkdirSync(options.dataDir, { recursive: true });
  const release = acquireDataLock(options.dataDir);
  let store: Store | undefined;
  try {
    const log = createLogger(options.dataDir, { console: options.logToConsole ?? false });
    const databaseFile = join(options.dataDir, DATABASE_FILE);
    // A restore chosen in the app (backup.restore) is swapped in before anything opens the database.
    applyPendingRestore(options.dataDir, databaseFile, log);
    // Refuse a database from a newer Loket before anything writes to it (even the WAL switch).
    const existing = peekSchemaVersion(databaseFile, options);
    if (existing !== null && existing > LATEST_SCHEMA_VERSION) {
      throw new StartupError(
        `Basis data ${databaseFile} dibuat oleh Loket versi yang lebih baru (skema ${existing}; versi ini mengenal sampai skema ${LATEST_SCHEMA_VERSION}). ` +
          'Pasang Loket versi terbaru. Basis data tidak diubah.',
      );
    }
    store = openStore(databaseFile, options);
    const { from, to } = await migrate(store.db);
    if (from !== to) log.info(`basis data: skema ${from} → ${to}`);

    const opened = store;
    const bootId = randomUUID().slice(0, 8);
    const now = options.now ?? (() => new Date());
    const ctx: ServiceContext = {
      db: store.db,
      events: new EventBus(bootId, 2000, now),
      workstation: options.workstation ?? workstationStoreOn(new Conf(workstationStoreOptions(options.dataDir))),
      log,
      host: { version: APP_VERSION, mode: options.mode, bootId, startedAt: now().toISOString() },
      now,
      voiceDir: options.voiceDir === undefined ? shippedVoiceDir() : options.voiceDir,
      dataDir: options.dataDir,
      renderPdf: options.renderPdf ?? null,
      database: { snapshot: (to) => snapshotDatabase(opened.sqlite, to, options), inspect: (file) => inspectDatabaseFile(file, options) },
    };
    await bootstrap(ctx, { regions: options.loadRegions ?? true });
    const dispatcher = createDispatcher(ctx, documentHandlers(ctx));
    const letterArchive = startLetterArchive(ctx);
    const backups = startBackupSchedule(ctx, options.backupCheckMs);
    log.info(`host ${APP_VERSION} siap (mode ${options.mode}, skema ${to})`);
    return {
      ctx,
      dispatcher,
      store: opened,
      dataDir: options.dataDir,
      databaseFile,
      log,
      async close() {
        // The copy at exit runs while the database is still open.
        await backups.stop();
        await letterArchive.stop();
        await opened.close();
        release();
      },
    };
  } catch (error) {
    await store?.close();
    release();
    throw error;
  }
}
