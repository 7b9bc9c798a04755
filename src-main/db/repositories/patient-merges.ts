import type { PatientMerge } from '../../contract';
import type { CombinedFolder } from './folders';
import type { Executor } from './executor';
import { summariesByIds } from './patients';

/** Rows moved by one merge, by table: what an undo puts back. */
export interface MovedRows {
  visit: number[];
  appointment: number[];
  folder_request: number[];
  /** The merged patient's folder as it was before it was combined (merges since schema 12). */
  folder?: CombinedFolder | null;
}

const movable = ['visit', 'appointment', 'folder_request'] as const;

/** Re-points every row of the movable tables from one patient to another; returns their ids. */
export async function moveRows(trx: Executor, fromId: number, toId: number, only?: MovedRows): Promise<MovedRows> {
  const moved: MovedRows = { visit: [], appointment: [], folder_request: [] };
  for (const table of movable) {
    let q = trx.selectFrom(table).select('id').where('patient_id', '=', fromId);
    if (only) {
      if (only[table].length === 0) continue;
      q = q.where('id', 'in', only[table]);
    }
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) continue;
    await trx.updateTable(table).set({ patient_id: toId }).where('id', 'in', ids).execute();
    moved[table] = ids;
  }
  return moved;
}

export async function setMergedInto(trx: Executor, patientId: number, into: number | null, at: string): Promise<void> {
  await trx.updateTable('patient').set({ merged_into: into, updated_at: at }).where('id', '=', patientId).execute();
}

export async function insertMerge(
  trx: Executor,
  m: { keptId: number; mergedId: number; reason: string; moved: MovedRows; at: string; by: number },
): Promise<number> {
  const row = await trx
    .insertInto('patient_merge')
    .values({
      kept_id: m.keptId,
      merged_id: m.mergedId,
      reason: m.reason,
      moved: JSON.stringify(m.moved),
      merged_at: m.at,
      merged_by: m.by,
      undone_at: null,
      undone_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markUndone(trx: Executor, id: number, at: string, by: number): Promise<boolean> {
  const r = await trx
    .updateTable('patient_merge')
    .set({ undone_at: at, undone_by: by })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function mergeRow(db: Executor, id: number) {
  return db.selectFrom('patient_merge').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Live merges that a patient is the merged side of, or that merged into it (undo order matters). */
export async function activeMergesInvolving(db: Executor, patientId: number) {
  return db
    .selectFrom('patient_merge')
    .selectAll()
    .where('undone_at', 'is', null)
    .where((eb) => eb.or([eb('kept_id', '=', patientId), eb('merged_id', '=', patientId)]))
    .execute();
}

export async function listMerges(db: Executor, patientId?: number): Promise<PatientMerge[]> {
  let q = db
    .selectFrom('patient_merge as m')
    .innerJoin('patient as p', 'p.id', 'm.merged_id')
    .leftJoin('app_user as u', 'u.id', 'm.merged_by')
    .selectAll('m')
    .select(['p.rm_number', 'p.name', 'p.birth_date', 'p.nik', 'u.full_name as merged_by_name']);
  if (patientId !== undefined) q = q.where((eb) => eb.or([eb('m.kept_id', '=', patientId), eb('m.merged_id', '=', patientId)]));
  const rows = await q.orderBy('m.id', 'desc').limit(500).execute();
  // The kept patient may itself be merged later; show it as it is stored.
  const kept = new Map(
    (
      await summariesIncludingMerged(
        db,
        rows.map((r) => r.kept_id),
      )
    ).map((p) => [p.id, p]),
  );
  return rows.flatMap((r) => {
    const k = kept.get(r.kept_id);
    if (!k) return [];
    const moved = JSON.parse(r.moved) as MovedRows;
    return [
      {
        id: r.id,
        kept: k,
        merged: { id: r.merged_id, rmNumber: r.rm_number, name: r.name, birthDate: r.birth_date, nik: r.nik },
        reason: r.reason,
        moved: { visits: moved.visit.length, appointments: moved.appointment.length, folderRequests: moved.folder_request.length },
        mergedAt: r.merged_at,
        mergedBy: r.merged_by_name,
        undoneAt: r.undone_at,
      },
    ];
  });
}

async function summariesIncludingMerged(db: Executor, ids: number[]) {
  const live = await summariesByIds(db, ids);
  const found = new Set(live.map((p) => p.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return live;
  const rows = await db
    .selectFrom('patient')
    .select(['id', 'rm_number', 'name', 'sex', 'birth_date', 'payer_default'])
    .where('id', 'in', missing)
    .execute();
  return [
    ...live,
    ...rows.map((r) => ({
      id: r.id,
      rmNumber: r.rm_number,
      name: r.name,
      sex: r.sex as 'L' | 'P',
      birthDate: r.birth_date,
      village: null,
      payerDefault: r.payer_default as 'umum',
      lastVisitDate: null,
    })),
  ];
}
