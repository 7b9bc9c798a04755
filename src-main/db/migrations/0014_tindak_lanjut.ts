import { sql, type Kysely } from 'kysely';

/**
 * Follow-up for the pustu (seed 001 step 14): a visit marked for follow-up in the patient's
 * village, at most one per visit. The village is copied from the patient's address when the
 * visit is marked — the notice went to that pustu even if the patient moves later. Status:
 * dikirim (sent to the pustu) → selesai. Nothing is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE follow_up (
      id INTEGER PRIMARY KEY,
      visit_id INTEGER NOT NULL UNIQUE REFERENCES visit(id),
      village_code TEXT,
      reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
      note TEXT,
      marked_at TEXT NOT NULL,
      marked_by INTEGER REFERENCES app_user(id),
      status TEXT NOT NULL DEFAULT 'dikirim' CHECK (status IN ('dikirim','selesai')),
      done_at TEXT,
      done_by INTEGER REFERENCES app_user(id),
      done_note TEXT
    )`,
    sql`CREATE INDEX follow_up_village ON follow_up(village_code)`,
  ]) {
    await statement.execute(db);
  }
}
