import { CompiledQuery, sql } from 'kysely';
import type { AuditEntry, AuditVerifyResult } from '../../contract';
import { AUDIT_GENESIS, auditHash, auditInsertSql } from '../audit-context';
import type { AuditLogTable } from '../schema';
import type { Executor } from './executor';

/** The explicit rows' INSERT: the triggers' statement with the row's own fields as parameters. */
const explicitInsert = auditInsertSql({ action: '?', entity: '?', entityId: '?', patientId: '?', before: '?', after: '?' });

export interface ExplicitAuditRow {
  action: string;
  entity: string | null;
  entityId: string | number | null;
  patientId: number | null;
  /** What the call asked for (a view's or print's input), stored as `after`. */
  detail: Record<string, unknown> | null;
}

/** Appends a view, print or login row; the actor is whoever the audit context names. */
export async function appendAuditRow(db: Executor, row: ExplicitAuditRow): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(explicitInsert, [
      row.action,
      row.entity,
      row.entityId === null ? null : String(row.entityId),
      row.patientId,
      null,
      row.detail === null ? null : JSON.stringify(row.detail),
    ]),
  );
}

/** The patient an entity named in a call belongs to (null when it has none or does not exist). */
export async function patientOfEntity(db: Executor, entity: string, id: number): Promise<number | null> {
  const query = {
    patient: sql<{ p: number }>`SELECT id AS p FROM patient WHERE id = ${id}`,
    visit: sql<{ p: number }>`SELECT patient_id AS p FROM visit WHERE id = ${id}`,
    letter: sql<{ p: number }>`SELECT patient_id AS p FROM letter WHERE id = ${id}`,
    folder: sql<{ p: number }>`SELECT min(patient_id) AS p FROM folder_patient WHERE folder_id = ${id}`,
    queue_ticket: sql<{ p: number }>`SELECT v.patient_id AS p FROM queue_ticket t JOIN visit v ON v.id = t.visit_id WHERE t.id = ${id}`,
    completeness_review: sql<{ p: number }>`SELECT v.patient_id AS p FROM completeness_review r JOIN visit v ON v.id = r.visit_id WHERE r.id = ${id}`,
  }[entity];
  if (!query) return null;
  const { rows } = await query.execute(db);
  return rows[0]?.p ?? null;
}

export interface AuditFilter {
  /** UTC instants, `at >= fromAt AND at < toAt`. */
  fromAt: string;
  toAt: string;
  userId?: number | undefined;
  patientIds?: readonly number[] | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  cursor?: number | undefined;
  limit: number;
}

const parsed = (json: string | null): Record<string, unknown> | null => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

/** Newest first, `limit` rows below the cursor. */
export async function listAuditRows(db: Executor, f: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('patient as p', 'p.id', 'a.patient_id')
    .selectAll('a')
    .select('p.rm_number')
    .where('a.at', '>=', f.fromAt)
    .where('a.at', '<', f.toAt);
  if (f.userId !== undefined) query = query.where('a.user_id', '=', f.userId);
  if (f.patientIds !== undefined) query = query.where('a.patient_id', 'in', f.patientIds.length ? f.patientIds : [-1]);
  if (f.action !== undefined) query = query.where('a.action', '=', f.action);
  if (f.entity !== undefined) query = query.where('a.entity', '=', f.entity);
  if (f.cursor !== undefined) query = query.where('a.id', '<', f.cursor);
  const rows = await query.orderBy('a.id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    device: r.device,
    method: r.method,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    patientId: r.patient_id,
    rmNumber: r.rm_number ?? null,
    before: parsed(r.before),
    after: parsed(r.after),
  }));
}

type ChainRow = Omit<AuditLogTable, 'id'> & { id: number };
const PAGE = 5000;

/**
 * Recomputes the chain from the first row: a row whose hash does not match its content was
 * altered; a row whose link does not match the row before follows removed rows (a gap in the
 * ids) or was inserted or altered along with its hash; ids handed out beyond the last row
 * (sqlite_sequence) mean rows were removed from the end.
 */
export async function verifyAuditChain(db: Executor): Promise<AuditVerifyResult> {
  let prev: { id: number; hash: string } | null = null;
  let checked = 0;
  const broken = (id: number, kind: 'diubah' | 'hilang' | 'disisipkan', message: string): AuditVerifyResult => ({
    ok: false,
    checked,
    lastId: prev?.id ?? null,
    lastHash: prev?.hash ?? null,
    problem: { id, kind },
    message,
  });
  for (;;) {
    const rows: ChainRow[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', prev?.id ?? 0)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const fields = [r.at, r.user_id, r.username, r.device, r.method, r.action, r.entity, r.entity_id, r.patient_id, r.before, r.after];
      if (auditHash(r.prev_hash, fields) !== r.hash)
        return broken(r.id, 'diubah', `Baris jejak audit #${r.id} telah diubah: isinya tidak cocok dengan hash-nya.`);
      const expected = prev?.hash ?? AUDIT_GENESIS;
      if (r.prev_hash !== expected) {
        const firstMissing = (prev?.id ?? 0) + 1;
        if (r.id > firstMissing)
          return broken(
            firstMissing,
            'hilang',
            firstMissing === r.id - 1
              ? `Baris jejak audit #${firstMissing} hilang (dihapus): rantai putus sebelum baris #${r.id}.`
              : `Baris jejak audit #${firstMissing}–#${r.id - 1} hilang (dihapus): rantai putus sebelum baris #${r.id}.`,
          );
        return broken(
          r.id,
          'disisipkan',
          `Baris jejak audit #${r.id} tidak tersambung ke baris sebelumnya: baris ini disisipkan, atau baris #${prev?.id ?? '-'} diubah beserta hash-nya.`,
        );
      }
      prev = { id: r.id, hash: r.hash };
      checked++;
    }
    if (rows.length < PAGE) break;
  }
  const { rows: seq } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`.execute(db);
  const handedOut = seq[0]?.seq ?? 0;
  const lastId = prev?.id ?? 0;
  if (handedOut > lastId) {
    const first = lastId + 1;
    return broken(
      first,
      'hilang',
      first === handedOut
        ? `Baris jejak audit #${first} hilang (dihapus dari akhir jejak).`
        : `Baris jejak audit #${first}–#${handedOut} hilang (dihapus dari akhir jejak).`,
    );
  }
  return {
    ok: true,
    checked,
    lastId: prev?.id ?? null,
    lastHash: prev?.hash ?? null,
    problem: null,
    message: `Jejak audit utuh: ${checked.toLocaleString('id-ID')} baris diperiksa, rantai hash tidak terputus.`,
  };
}
