import { sql, type Kysely } from 'kysely';

/**
 * Devices paired to the host over the LAN (issue #8): a TV's display, a kiosk, another counter.
 * Only the SHA-256 of the device token is kept; revoking is an update (the row stays, so the
 * list shows who revoked it and when).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE device (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      scope TEXT NOT NULL CHECK (scope IN ('display','kiosk','counter')),
      token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
      paired_at TEXT NOT NULL,
      paired_by INTEGER NOT NULL REFERENCES app_user(id),
      last_seen_at TEXT,
      revoked_at TEXT,
      revoked_by INTEGER REFERENCES app_user(id),
      CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
    )`,
  ]) {
    await statement.execute(db);
  }
}
