import { auditInsertSql } from '../audit-context';

/**
 * Tables the audit triggers leave out, each with its reason. Every other ordinary table is
 * audited: a migration that creates a table adds `auditTriggersSql` for it or an entry here
 * (tests/integration/audit.test.ts fails otherwise).
 */
export const auditExclusions: Readonly<Record<string, string>> = {
  audit_log: 'the log itself (append-only, chained)',
  schema_migration: 'migration bookkeeping, written by the migrator only',
  user_session: 'touched on every request; logins and logouts are audited explicitly',
  login_attempt: 'append-only itself; logins and failed logins are audited explicitly',
  number_sequence: 'a pure counter; the numbers it hands out are in the audited rows that use them',
  // Keeps the queue's calls fast (issue + call ≤ 5 ms): two audit rows per pair instead of four.
  queue_event: 'append-only call log stamped with its own time and user (0008); the ticket each event changes is audited',
  region: 'Kemendagri codes loaded from the idn-area-data package at boot (90,000 rows), never edited by users',
};

/** Column values that never go into the log as they are. */
const redacted: Readonly<Record<string, readonly string[]>> = {
  app_user: ['password_hash'],
  device: ['token_hash'],
};

/**
 * Columns that only say "still in use": an update touching nothing else writes no audit row
 * (a paired TV's once-a-minute last_seen_at would otherwise log ±600 rows a day).
 */
const heartbeat: Readonly<Record<string, readonly string[]>> = {
  device: ['last_seen_at'],
};

export interface AuditColumn {
  name: string;
  /** Declared type, as PRAGMA table_info reports it. */
  type: string;
  /** Position in the primary key (0: not part of it). */
  pk: number;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function valueOf(table: string, ref: 'NEW' | 'OLD', c: AuditColumn): string {
  const v = `${ref}.${q(c.name)}`;
  // A password hash shows only that it changed; JSON cannot hold a BLOB, so its size stands in.
  if (redacted[table]?.includes(c.name)) return `CASE WHEN ${v} IS NULL THEN NULL ELSE '[disamarkan ' || substr(loket_sha256(${v}), 1, 8) || ']' END`;
  if (/BLOB/i.test(c.type)) return `CASE WHEN ${v} IS NULL THEN NULL ELSE '[' || length(${v}) || ' bita]' END`;
  return v;
}

const rowJson = (table: string, ref: 'NEW' | 'OLD', columns: readonly AuditColumn[]) =>
  `json_object(${columns.map((c) => `'${c.name}', ${valueOf(table, ref, c)}`).join(', ')})`;

function entityIdOf(ref: 'NEW' | 'OLD', columns: readonly AuditColumn[]): string {
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (keys.length === 0) return `${ref}.rowid`;
  return keys.map((c) => `${ref}.${q(c.name)}`).join(` || ':' || `);
}

/** The patient a row belongs to, so the viewer can filter per patient. */
function patientIdOf(table: string, ref: 'NEW' | 'OLD', columns: readonly AuditColumn[]): string {
  const has = (name: string) => columns.some((c) => c.name === name);
  if (table === 'patient') return `${ref}.id`;
  if (has('patient_id')) return `${ref}.patient_id`;
  if (has('visit_id')) return `(SELECT patient_id FROM visit WHERE id = ${ref}.visit_id)`;
  if (has('folder_id')) return `(SELECT min(patient_id) FROM folder_patient WHERE folder_id = ${ref}.folder_id)`;
  return 'NULL';
}

/**
 * The three AFTER triggers that write a table's inserts, updates (only when a value changed) and
 * deletes to audit_log with every column before and after. `columns` is PRAGMA table_info.
 */
export function auditTriggersSql(table: string, columns: readonly AuditColumn[]): string[] {
  const body = (action: string, ref: 'NEW' | 'OLD', before: string, after: string) =>
    auditInsertSql({
      action: `'${action}'`,
      entity: `'${table}'`,
      entityId: entityIdOf(ref, columns),
      patientId: patientIdOf(table, ref, columns),
      before,
      after,
    });
  const changed = columns
    .filter((c) => !heartbeat[table]?.includes(c.name))
    .map((c) => `OLD.${q(c.name)} IS NOT NEW.${q(c.name)}`)
    .join(' OR ');
  // loket_audit_rows() is 0 only inside withBulkAudit (the demo seed), which writes a summary row.
  return [
    `CREATE TRIGGER ${q(`audit_${table}_tambah`)} AFTER INSERT ON ${q(table)} WHEN loket_audit_rows() BEGIN
  ${body('tambah', 'NEW', 'NULL', rowJson(table, 'NEW', columns))};
END`,
    `CREATE TRIGGER ${q(`audit_${table}_ubah`)} AFTER UPDATE ON ${q(table)} WHEN loket_audit_rows() AND (${changed}) BEGIN
  ${body('ubah', 'NEW', rowJson(table, 'OLD', columns), rowJson(table, 'NEW', columns))};
END`,
    `CREATE TRIGGER ${q(`audit_${table}_hapus`)} AFTER DELETE ON ${q(table)} WHEN loket_audit_rows() BEGIN
  ${body('hapus', 'OLD', rowJson(table, 'OLD', columns), 'NULL')};
END`,
  ];
}
