import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './executor';

/** What a recap counts of one visit (cancelled visits are not counted); the flags are 0/1. */
export interface RecapVisit {
  date: string;
  unitId: number;
  cluster: string;
  payer: string;
  sex: string;
  birthDate: string;
  villageCode: string | null;
  kunjunganBaru: number;
  pasienBaru: number;
}

/**
 * Every visit of a date range (one unit or all) with the patient's sex, birth date and village,
 * selected straight into the returned shape (a year is a hundred thousand rows: no second copy).
 */
export async function recapVisits(db: Executor, from: string, to: string, unitId?: number): Promise<RecapVisit[]> {
  let q = db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .select([
      'v.visit_date as date',
      'v.unit_id as unitId',
      'v.cluster',
      'v.payer',
      'p.sex',
      'p.birth_date as birthDate',
      'p.village_code as villageCode',
      'v.kunjungan_baru as kunjunganBaru',
      'v.pasien_baru as pasienBaru',
    ])
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', to)
    .where('v.status', '!=', 'batal');
  if (unitId !== undefined) q = q.where('v.unit_id', '=', unitId);
  return q.execute();
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

/**
 * Exact milliseconds between two ISO instants (`…T08:05:00.123Z`, as the app writes them): whole
 * seconds by strftime plus the milliseconds, so the service converts them exactly as
 * `secondsBetween` / `minutesBetween` would from the two strings.
 */
function msBetween(from: string, to: string): RawBuilder<number> {
  const f = sql.ref(from);
  const t = sql.ref(to);
  return sql<number>`((strftime('%s', ${t}) - strftime('%s', ${f})) * 1000 + CAST(substr(${t}, 21, 3) AS INTEGER) - CAST(substr(${f}, 21, 3) AS INTEGER))`;
}

const samplesOf = (list: string | null): number[] => (list ? list.split(',').map(Number) : []);

export interface WaitSamples {
  month: string;
  serviceId: number | null;
  unitId: number | null;
  issued: number;
  /** Issued → first call of every called ticket, in ms. */
  waitsMs: number[];
}

/**
 * Queue tickets of a date range per month and lane: how many were issued and each called one's
 * wait. One row per lane and month (the samples travel as one list), not one per ticket: a year
 * holds a hundred thousand tickets.
 */
export async function queueWaitSamples(db: Executor, from: string, to: string, lane?: string): Promise<WaitSamples[]> {
  let q = db
    .selectFrom('queue_ticket')
    .select((eb) => [
      sql<string>`substr(service_date, 1, 7)`.as('month'),
      'service_id',
      'unit_id',
      eb.fn.countAll<number>().as('issued'),
      sql<string | null>`group_concat(CASE WHEN called_at IS NOT NULL THEN ${msBetween('issued_at', 'called_at')} END)`.as('waits'),
    ])
    .where('service_date', '>=', from)
    .where('service_date', '<=', to);
  if (lane) q = q.where('lane', '=', lane);
  const rows = await q.groupBy([sql`substr(service_date, 1, 7)`, 'lane']).execute();
  return rows.map((r) => ({ month: r.month, serviceId: r.service_id, unitId: r.unit_id, issued: Number(r.issued), waitsMs: samplesOf(r.waits) }));
}

export interface RetrievalSamples {
  unitId: number;
  notDelivered: number;
  /** Registration → folder at the unit of every delivered request, in ms. */
  deliveredMs: number[];
}

/** Folder requests of the visits in a date range (not cancelled) per unit: the retrieval times, and how many never arrived. */
export async function retrievalSamples(db: Executor, from: string, to: string, unitId?: number): Promise<RetrievalSamples[]> {
  let q = db
    .selectFrom('folder_request as r')
    .innerJoin('visit as v', 'v.id', 'r.visit_id')
    .select([
      'r.unit_id',
      sql<number>`sum(r.delivered_at IS NULL)`.as('not_delivered'),
      sql<string | null>`group_concat(CASE WHEN r.delivered_at IS NOT NULL THEN ${msBetween('r.requested_at', 'r.delivered_at')} END)`.as(
        'delivered',
      ),
    ])
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', to)
    .where('r.status', '!=', 'batal');
  if (unitId !== undefined) q = q.where('r.unit_id', '=', unitId);
  const rows = await q.groupBy('r.unit_id').execute();
  return rows.map((r) => ({ unitId: r.unit_id, notDelivered: Number(r.not_delivered), deliveredMs: samplesOf(r.delivered) }));
}

/** Referral letters (not cancelled) dated in a range, per destination facility and the patient's sex; with a unit, those of its visits. */
export async function referralsByDestination(
  db: Executor,
  from: string,
  to: string,
  unitId?: number,
): Promise<{ facilityId: number; facilityName: string; sex: string; count: number }[]> {
  let q = db
    .selectFrom('referral as r')
    .innerJoin('letter as l', 'l.id', 'r.letter_id')
    .innerJoin('facility as f', 'f.id', 'r.facility_id')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .select((eb) => ['r.facility_id as facilityId', 'f.name as facilityName', 'p.sex', eb.fn.countAll<number>().as('count')])
    .where('r.referral_date', '>=', from)
    .where('r.referral_date', '<=', to)
    .where('l.status', '!=', 'batal');
  if (unitId !== undefined) q = q.innerJoin('visit as v', 'v.id', 'r.visit_id').where('v.unit_id', '=', unitId);
  const rows = await q.groupBy(['r.facility_id', 'p.sex']).orderBy('f.name').execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
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
