import { sql, type Kysely } from 'kysely';

/** Reference data every capability needs, shared settings, and local users. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL,
      updated_by INTEGER
    )`,
    sql`CREATE TABLE unit (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      cluster TEXT NOT NULL CHECK (cluster IN ('klaster1','klaster2','klaster3','klaster4','lintas')),
      closing_time TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      sort_order INTEGER NOT NULL DEFAULT 0
    )`,
    sql`CREATE TABLE service (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL UNIQUE,
      daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      sort_order INTEGER NOT NULL DEFAULT 0
    )`,
    sql`CREATE TABLE counter (
      id INTEGER PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE,
      name TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    )`,
    sql`CREATE TABLE counter_service (
      counter_id INTEGER NOT NULL REFERENCES counter(id),
      service_id INTEGER NOT NULL REFERENCES service(id),
      PRIMARY KEY (counter_id, service_id)
    ) WITHOUT ROWID`,
    sql`CREATE TABLE practitioner (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      profession TEXT NOT NULL,
      nip TEXT,
      sip TEXT,
      str TEXT,
      unit_id INTEGER REFERENCES unit(id),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    )`,
    sql`CREATE TABLE facility (
      id INTEGER PRIMARY KEY,
      code TEXT UNIQUE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      address TEXT,
      phone TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    )`,
    sql`CREATE TABLE region (
      code TEXT PRIMARY KEY,
      parent_code TEXT,
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
      name TEXT NOT NULL
    ) WITHOUT ROWID`,
    sql`CREATE INDEX region_parent ON region(parent_code)`,
    sql`CREATE INDEX region_level_name ON region(level, name COLLATE NOCASE)`,
    sql`CREATE TABLE app_user (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      full_name TEXT NOT NULL,
      role TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    sql`CREATE TABLE user_session (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES app_user(id),
      client TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked_at TEXT
    ) WITHOUT ROWID`,
    sql`CREATE INDEX user_session_user ON user_session(user_id)`,
  ]) {
    await statement.execute(db);
  }
}
