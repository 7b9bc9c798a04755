import type { Executor } from './executor';

/** What a recap counts of one visit (cancelled visits are not counted). */
export interface RecapVisit {
  date: string;
  unitId: number;
  cluster: string;
  payer: string;
  sex: string;
  birthDate: string;
  villageCode: string | null;
  kunjunganBaru: boolean;
  pasienBaru: boolean;
}

/** Every visit of a date range (one unit or all) with the patient's sex, birth date and village. */
export async function recapVisits(db: Executor, from: string, to: string, unitId?: number): Promise<RecapVisit[]> {
  let q = db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .select(['v.visit_date', 'v.unit_id', 'v.cluster', 'v.payer', 'p.sex', 'p.birth_date', 'p.village_code', 'v.kunjungan_baru', 'v.pasien_baru'])
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', to)
    .where('v.status', '!=', 'batal');
  if (unitId !== undefined) q = q.where('v.unit_id', '=', unitId);
  const rows = await q.execute();
  return rows.map((r) => ({
    date: r.visit_date,
    unitId: r.unit_id,
    cluster: r.cluster,
    payer: r.payer,
    sex: r.sex,
    birthDate: r.birth_date,
    villageCode: r.village_code,
    kunjunganBaru: r.kunjungan_baru === 1,
    pasienBaru: r.pasien_baru === 1,
  }));
}

/** Names of regions by code (villages of a recap or a follow-up list). */
export async function regionNames(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('region')
      .select(['code', 'name'])
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.code, r.name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Follow-up for the pustu

export interface FollowUpRecord {
  id: number;
  visitId: number;
  visitDate: string;
  unitName: string;
  patientId: number;
  rmNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  phone: string | null;
  street: string | null;
  rt: string | null;
  rw: string | null;
  villageCode: string | null;
  villageName: string | null;
  reason: string;
  note: string | null;
  markedAt: string;
  markedBy: string | null;
  status: string;
  doneAt: string | null;
  doneBy: string | null;
  doneNote: string | null;
}

function followUpQuery(db: Executor) {
  return db
    .selectFrom('follow_up as f')
    .innerJoin('visit as v', 'v.id', 'f.visit_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .leftJoin('region as r', 'r.code', 'f.village_code')
    .leftJoin('app_user as mu', 'mu.id', 'f.marked_by')
    .leftJoin('app_user as du', 'du.id', 'f.done_by')
    .select([
      'f.id',
      'f.visit_id',
      'v.visit_date',
      'u.name as unit_name',
      'p.id as patient_id',
      'p.rm_number',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.phone',
      'p.address_street',
      'p.rt',
      'p.rw',
      'f.village_code',
      'r.name as village_name',
      'f.reason',
      'f.note',
      'f.marked_at',
      'mu.full_name as marked_by',
      'f.status',
      'f.done_at',
      'du.full_name as done_by',
      'f.done_note',
    ]);
}

type FollowUpRow = Awaited<ReturnType<ReturnType<typeof followUpQuery>['execute']>>[number];

const followUpOf = (r: FollowUpRow): FollowUpRecord => ({
  id: r.id,
  visitId: r.visit_id,
  visitDate: r.visit_date,
  unitName: r.unit_name,
  patientId: r.patient_id,
  rmNumber: r.rm_number,
  name: r.name,
  sex: r.sex,
  birthDate: r.birth_date,
  phone: r.phone,
  street: r.address_street,
  rt: r.rt,
  rw: r.rw,
  villageCode: r.village_code,
  villageName: r.village_name,
  reason: r.reason,
  note: r.note,
  markedAt: r.marked_at,
  markedBy: r.marked_by,
  status: r.status,
  doneAt: r.done_at,
  doneBy: r.done_by,
  doneNote: r.done_note,
});

export async function getFollowUp(db: Executor, id: number): Promise<FollowUpRecord | undefined> {
  const r = await followUpQuery(db).where('f.id', '=', id).executeTakeFirst();
  return r && followUpOf(r);
}

export async function followUpOfVisit(db: Executor, visitId: number): Promise<FollowUpRecord | undefined> {
  const r = await followUpQuery(db).where('f.visit_id', '=', visitId).executeTakeFirst();
  return r && followUpOf(r);
}

/** Follow-ups of visits in a date range, by village then visit date and register number (a short list: the service groups it). */
export async function listFollowUps(db: Executor, f: { from: string; to: string; status?: string }): Promise<FollowUpRecord[]> {
  let q = followUpQuery(db).where('v.visit_date', '>=', f.from).where('v.visit_date', '<=', f.to);
  if (f.status) q = q.where('f.status', '=', f.status);
  const rows = await q.orderBy('f.village_code').orderBy('v.visit_date').orderBy('v.seq').execute();
  return rows.map(followUpOf);
}

/** The visit a follow-up is marked on, with the village of the patient's address now. */
export async function visitForFollowUp(
  db: Executor,
  visitId: number,
): Promise<{ id: number; status: string; villageCode: string | null } | undefined> {
  return db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .select(['v.id', 'v.status', 'p.village_code as villageCode'])
    .where('v.id', '=', visitId)
    .executeTakeFirst();
}

export async function insertFollowUp(
  trx: Executor,
  f: { visitId: number; villageCode: string | null; reason: string; note: string | null; at: string; userId: number },
): Promise<number> {
  const row = await trx
    .insertInto('follow_up')
    .values({ visit_id: f.visitId, village_code: f.villageCode, reason: f.reason, note: f.note, marked_at: f.at, marked_by: f.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Selesai records who and when; back to dikirim clears them (the note stays as written). */
export async function setFollowUpStatus(
  trx: Executor,
  id: number,
  status: 'dikirim' | 'selesai',
  note: string | null,
  at: string,
  userId: number,
): Promise<void> {
  await trx
    .updateTable('follow_up')
    .set(
      status === 'selesai'
        ? { status, done_at: at, done_by: userId, done_note: note }
        : { status, done_at: null, done_by: null, ...(note !== null ? { done_note: note } : {}) },
    )
    .where('id', '=', id)
    .execute();
}

export interface DayVisitRecord {
  visitId: number;
  seq: number;
  registeredAt: string;
  rmNumber: string;
  name: string;
  unitName: string;
  villageName: string | null;
  followUpId: number | null;
}

/** A day's visits (not cancelled), optionally those whose RM or name contains `query`. */
export async function visitsOfDay(db: Executor, date: string, query: string | undefined, limit: number): Promise<DayVisitRecord[]> {
  let q = db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .leftJoin('region as r', 'r.code', 'p.village_code')
    .leftJoin('follow_up as f', 'f.visit_id', 'v.id')
    .select(['v.id', 'v.seq', 'v.registered_at', 'p.rm_number', 'p.name', 'u.name as unit_name', 'r.name as village_name', 'f.id as follow_up_id'])
    .where('v.visit_date', '=', date)
    .where('v.status', '!=', 'batal');
  if (query) {
    // LIKE wildcards typed by the clerk are dropped: the query is plain text.
    const like = `%${query.replace(/[%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('p.rm_number', 'like', like), eb('p.name', 'like', like)]));
  }
  const rows = await q.orderBy('v.seq').limit(limit).execute();
  return rows.map((r) => ({
    visitId: r.id,
    seq: r.seq,
    registeredAt: r.registered_at,
    rmNumber: r.rm_number,
    name: r.name,
    unitName: r.unit_name,
    villageName: r.village_name,
    followUpId: r.follow_up_id,
  }));
}
