import { sql, type Kysely } from 'kysely';
import { auditExclusions, auditTriggersSql, type AuditColumn } from './audit-triggers';

/**
 * The audit trail (issue #8): one append-only table, each row chained to the one before by
 * sha256 (db/audit-context). Changes are written by AFTER triggers on every ordinary table that
 * exists now (generated from PRAGMA table_info), so a change and its row commit in one
 * transaction; views, prints and logins are explicit rows through the same INSERT. Numbered last
 * on purpose: it covers the tables of the migrations before it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    // AUTOINCREMENT: ids are never reused, and sqlite_sequence keeps the highest one given, so
    // rows removed from the end are noticed too.
    sql`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      user_id INTEGER,
      username TEXT,
      device TEXT,
      method TEXT,
      action TEXT NOT NULL,
      entity TEXT,
      entity_id TEXT,
      patient_id INTEGER,
      "before" TEXT,
      "after" TEXT,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    )`,
    // The viewer always asks for a date range; a user or a patient may span years. Action and
    // table are filtered within those (an index each cost ±5 µs on every audited write).
    sql`CREATE INDEX audit_log_at ON audit_log(at)`,
    sql`CREATE INDEX audit_log_user ON audit_log(user_id, id)`,
    sql`CREATE INDEX audit_log_patient ON audit_log(patient_id, id) WHERE patient_id IS NOT NULL`,
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak boleh diubah'); END`,
    sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak boleh dihapus'); END`,
  ]) {
    await statement.execute(db);
  }
  const { rows: tables } = await sql<{ name: string }>`
    SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
  for (const { name } of tables) {
    if (name in auditExclusions) continue;
    const { rows: columns } = await sql<AuditColumn>`SELECT name, type, pk FROM pragma_table_info(${name})`.execute(db);
    for (const statement of auditTriggersSql(name, columns)) await sql.raw(statement).execute(db);
  }
}
