import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Who is acting, for the audit triggers (migration 0021). The dispatcher runs each call inside
 * `withAuditActor`; Kysely runs every query of that call in its async continuation, so the SQL
 * function `loket_audit_actor()` called by a trigger sees the caller even when calls interleave
 * on the single connection. Writes outside any call (migrations, boot, demo seed) are 'sistem'.
 */
export interface AuditActor {
  userId: number | null;
  username: string | null;
  /** The transport: 'ipc' (the host PC's window) or 'http' (a LAN client). */
  device: string | null;
  method: string | null;
  /** ISO-8601 UTC; the service clock (ctx.now) so tests that move time see it in the log. */
  at: string;
  /** false inside `withBulkAudit`: the triggers write nothing, the caller writes one summary row. */
  rows?: boolean;
}

const store = new AsyncLocalStorage<AuditActor>();

export function withAuditActor<T>(actor: AuditActor, fn: () => T): T {
  return store.run(actor, fn);
}

/**
 * Runs a bulk load of synthetic rows (the demo and benchmark seed: 10⁵–10⁶ patients) without a
 * row per change — it made the seed 2.5× slower and the file 4× larger — as the current actor.
 * The caller writes one summary row (appendAuditRow) inside the same transaction. Only for data
 * no user typed: an import of real patients keeps its row per patient.
 */
export function withBulkAudit<T>(fn: () => T): T {
  return store.run({ ...currentAuditActor(), rows: false }, fn);
}

export function currentAuditActor(): AuditActor {
  return store.getStore() ?? { userId: null, username: 'sistem', device: null, method: null, at: new Date().toISOString() };
}

/** The `prev_hash` of the first row. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** The fields that the hash covers, in this order (every column but id, prev_hash and hash). */
export const auditHashedColumns = [
  'at',
  'user_id',
  'username',
  'device',
  'method',
  'action',
  'entity',
  'entity_id',
  'patient_id',
  'before',
  'after',
] as const;

/**
 * The one hashing rule, used by the SQL function (triggers and explicit rows) and by the check:
 * sha256 of the previous hash, a newline and each field as `<length>:<text>` (`-` for NULL), joined
 * by `|`. Length prefixes keep it unambiguous without escaping (JSON.stringify of the before/after
 * JSON took most of a row's hashing time). Values are compared as text because SQLite may hand an
 * id over as a number and store it as text.
 */
export function auditHash(prevHash: string, fields: readonly unknown[]): string {
  let payload = `${prevHash}\n`;
  for (const field of fields) {
    const text = asText(field);
    payload += text === null ? '-|' : `${text.length}:${text}|`;
  }
  return createHash('sha256').update(payload).digest('hex');
}

/** What SQLite hands a function (text, a number, a BLOB, NULL) as text. */
function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v.toString();
  if (Buffer.isBuffer(v)) return v.toString('hex');
  return JSON.stringify(v);
}

/**
 * The SQL functions the audit triggers call. Every connection that writes audited tables needs
 * them (openStore registers them; a script or test opening the file with raw better-sqlite3 must
 * call this too), otherwise the write fails with "no such function".
 */
export function registerAuditFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('loket_audit_actor', { deterministic: false }, () => JSON.stringify(currentAuditActor()));
  sqlite.function('loket_audit_rows', { deterministic: false }, () => (store.getStore()?.rows === false ? 0 : 1));
  sqlite.function('loket_audit_hash', { varargs: true, deterministic: true }, (prev: unknown, ...fields: unknown[]) => {
    if (fields.length !== auditHashedColumns.length) throw new Error(`loket_audit_hash: ${auditHashedColumns.length} fields expected`);
    return auditHash(asText(prev) ?? '', fields);
  });
  sqlite.function('loket_sha256', { deterministic: true }, (value: unknown) => {
    const text = asText(value);
    return text === null ? null : createHash('sha256').update(text).digest('hex');
  });
}

export interface AuditRowExpressions {
  action: string;
  entity: string;
  entityId: string;
  patientId: string;
  before: string;
  after: string;
}

/**
 * The INSERT that appends one audit row, with SQL expressions for the row's own fields (NEW./OLD.
 * columns in a trigger, `?` placeholders for an explicit row). The actor comes from
 * `loket_audit_actor()` and the chain link from the last row, in the same statement, so a change
 * and its row commit together and there is a single place where rows are hashed.
 */
export function auditInsertSql(e: AuditRowExpressions): string {
  const actor = (key: string) => `json_extract(a, '$.${key}')`;
  return `INSERT INTO audit_log (at, user_id, username, device, method, action, entity, entity_id, patient_id, "before", "after", prev_hash, hash)
  SELECT at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f, prev_hash,
    loket_audit_hash(prev_hash, at, user_id, username, device, method, action, entity, entity_id, patient_id, b, f)
  FROM (SELECT ${actor('at')} AS at, ${actor('userId')} AS user_id, ${actor('username')} AS username, ${actor('device')} AS device,
    ${actor('method')} AS method, ${e.action} AS action, ${e.entity} AS entity, CAST(${e.entityId} AS TEXT) AS entity_id,
    ${e.patientId} AS patient_id, ${e.before} AS b, ${e.after} AS f,
    coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${AUDIT_GENESIS}') AS prev_hash
    FROM (SELECT loket_audit_actor() AS a))`;
}
