import { sql, type Kysely } from 'kysely';

/**
 * Merging duplicate patients: each merge records exactly which rows moved from the merged
 * patient to the kept one, so it can be undone row for row. Nothing is deleted: the merged
 * patient stays, marked `merged_into`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE patient_merge (
    id INTEGER PRIMARY KEY,
    kept_id INTEGER NOT NULL REFERENCES patient(id),
    merged_id INTEGER NOT NULL REFERENCES patient(id),
    reason TEXT NOT NULL,
    moved TEXT NOT NULL CHECK (json_valid(moved)),
    merged_at TEXT NOT NULL,
    merged_by INTEGER REFERENCES app_user(id),
    undone_at TEXT,
    undone_by INTEGER REFERENCES app_user(id),
    CHECK (kept_id != merged_id)
  )`.execute(db);
  await sql`CREATE INDEX patient_merge_kept ON patient_merge(kept_id)`.execute(db);
  await sql`CREATE INDEX patient_merge_merged ON patient_merge(merged_id)`.execute(db);
}
