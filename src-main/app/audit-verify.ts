import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AuditVerifyResult } from '../contract';
import { verifyAuditChain } from '../db/repositories/audit';
import type { Database } from '../db/schema';
import { DATABASE_FILE } from './host';
import { defaultDataDir } from './paths';

/**
 * `npm run audit:verify [file]`: the audit.verify check run on a database file outside the app
 * (read-only, so it may run while Loket is open). Exit code 0: intact; 1: broken; 2: no file or
 * not a Loket database with an audit trail.
 */
export async function auditVerifyCli(argv: readonly string[]): Promise<number> {
  const file = argv[0] ?? join(defaultDataDir(), DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`Berkas basis data ${file} tidak ditemukan.`);
    return 2;
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    console.error(`Berkas ${file} tidak dapat dibuka: ${(error as Error).message}`);
    return 2;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const hasLog = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get();
    if (!hasLog) {
      console.error(`Berkas ${file} bukan basis data Loket dengan jejak audit (skema sebelum 0021).`);
      return 2;
    }
    const result: AuditVerifyResult = await verifyAuditChain(db);
    console.log(`Memeriksa ${file}`);
    console.log(result.message);
    if (result.lastId !== null) console.log(`Baris terakhir yang utuh: #${result.lastId}, hash ${result.lastHash}`);
    return result.ok ? 0 : 1;
  } catch (error) {
    console.error(`Pemeriksaan gagal: ${(error as Error).message}`);
    return 2;
  } finally {
    await db.destroy();
  }
}
