import { sql, type Kysely } from 'kysely';

/**
 * Every login attempt by user name (append-only): a run of failures locks the name for a while
 * (domain/akses), a success or an administrator's unlock ends the run. No password is stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE login_attempt (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
      at TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('berhasil','gagal','dibuka')),
      client TEXT
    )`,
    sql`CREATE INDEX login_attempt_user ON login_attempt(username, id)`,
    sql`CREATE TRIGGER login_attempt_no_update BEFORE UPDATE ON login_attempt
      BEGIN SELECT RAISE(ABORT, 'login_attempt is append-only'); END`,
  ]) {
    await statement.execute(db);
  }
}
