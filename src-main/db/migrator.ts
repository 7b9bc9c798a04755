import { sql, type Kysely } from 'kysely';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
import type { Database } from './schema';
import { StartupError } from './connection';

export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return rows[0]?.user_version ?? 0;
}

/**
 * Brings the schema to `target`, one migration per transaction (Kysely's own migrator runs
 * SQLite migrations without one). A failed migration rolls back and stops startup.
 */
export async function migrate(
  db: Kysely<Database>,
  target: number = LATEST_SCHEMA_VERSION,
  list: readonly Migration[] = migrations,
): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(db);
  const latest = list.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new StartupError(
      `Basis data ini dibuat oleh Loket versi yang lebih baru (skema ${from}; versi ini mengenal sampai skema ${latest}). ` +
        'Pasang Loket versi terbaru. Basis data tidak diubah.',
    );
  }
  if (target > latest || target < from) throw new StartupError(`Target skema ${target} tidak dapat dicapai dari skema ${from}.`);
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(db);
  for (const migration of list) {
    if (migration.version <= from || migration.version > target) continue;
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx as unknown as Kysely<unknown>);
        await trx
          .insertInto('schema_migration')
          .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
          .execute();
        await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
      });
    } catch (error) {
      throw new StartupError(`Migrasi basis data ${migration.name} gagal dan dibatalkan: ${(error as Error).message}`, { cause: error });
    }
  }
  return { from, to: target };
}
