import BetterSqlite3 from 'better-sqlite3';
import type { OpenOptions } from './connection';

/** What a database file holds, read without changing it (a backup's preview before a restore). */
export interface DatabaseFacts {
  schemaVersion: number;
  /** `PRAGMA quick_check`: "ok" or SQLite's first complaints. */
  quickCheck: string;
  patients: number;
  visits: number;
  lastVisitDate: string | null;
  users: number;
  folders: number | null;
  letters: number | null;
}

/**
 * Copies the live database with SQLite's online backup API: pages are copied while the clerks
 * keep working, and the copy is a consistent snapshot (WAL included) — never a torn file copy.
 */
export async function snapshotDatabase(sqlite: BetterSqlite3.Database, toFile: string, options: OpenOptions = {}): Promise<void> {
  await sqlite.backup(toFile);
  // The copy inherits WAL mode; a backup is one self-contained file (no -wal/-shm beside it).
  const copy = new BetterSqlite3(toFile, { fileMustExist: true, ...binding(options) });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

const binding = (options: OpenOptions) => (options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});

export function inspectDatabaseFile(file: string, options: OpenOptions = {}): DatabaseFacts {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...binding(options) });
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    const quickCheck = rows.map((r) => r.quick_check).join('; ');
    const has = (table: string) => sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
    const count = (table: string) => (has(table) ? (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : null);
    const last = has('visit') ? (sqlite.prepare(`SELECT max(visit_date) AS d FROM visit`).get() as { d: string | null }).d : null;
    return {
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      quickCheck,
      patients: count('patient') ?? 0,
      visits: count('visit') ?? 0,
      lastVisitDate: last,
      users: count('app_user') ?? 0,
      folders: count('folder'),
      letters: count('letter'),
    };
  } finally {
    sqlite.close();
  }
}
