import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { registerAuditFunctions } from './audit-context';
import type { Database } from './schema';

/** A failure that stops the host from starting; the message is for the person starting it. */
export class StartupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export interface Store {
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for Electron (DESIGN.md §5); Node's build otherwise. */
  nativeBinding?: string;
}

/** Reads `PRAGMA user_version` without writing anything, so a database can be refused untouched. */
export function peekSchemaVersion(file: string, options: OpenOptions = {}): number | null {
  if (file === ':memory:') return null;
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...binding(options) });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') return null;
    throw new StartupError(`Berkas basis data ${file} tidak dapat dibaca: ${(error as Error).message}`, { cause: error });
  }
  try {
    return sqlite.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new StartupError(`Berkas ${file} bukan basis data Loket yang sah atau rusak: ${(error as Error).message}`, { cause: error });
  } finally {
    sqlite.close();
  }
}

export function openStore(file: string, options: OpenOptions = {}): Store {
  const sqlite = new BetterSqlite3(file, binding(options));
  // WAL keeps readers off the writer's back; FULL makes each commit survive a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The audit triggers (migration 0021) call these on every write.
  registerAuditFunctions(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    sqlite,
    db,
    async close() {
      await db.destroy(); // closes the better-sqlite3 handle too
    },
  };
}

/**
 * Kysely asks the driver to prepare every query anew; a clerk's action runs the same dozen
 * statements each time, so the last few hundred prepared statements are kept (least recently
 * used dropped first). Preparing was ±15 % of a queue call. Kysely runs one query at a time on
 * this single connection, so a cached statement is never busy when it is asked for again.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, size = 300): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

function binding(options: OpenOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}
