import { sql, type Kysely } from 'kysely';

/**
 * Counters for numbers that must be unique and gapless (RM numbers, later letter and ticket
 * numbers): bumped inside the same write transaction that uses the number, never "max + 1".
 * `period` is '' for a counter that never restarts, or e.g. '2026' / '2026-11-23'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE number_sequence (
    name TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    value INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (name, period)
  ) WITHOUT ROWID`.execute(db);
  // Existing RM numbers (imported or from the demo) continue from the highest numeric one.
  await sql`INSERT INTO number_sequence (name, period, value)
    SELECT 'rm', '', coalesce(max(CAST(rm_number AS INTEGER)), 0) FROM patient WHERE rm_number NOT GLOB '*[^0-9]*'`.execute(db);
}
