import { sql } from 'kysely';
import { birthCodeSql, retrievalTenthsSql, visitCodeSql, waitSecondsSql } from '../migrations/0018_indeks_rekap';
import type { Executor } from './executor';

/** One visit as one integer: {@link visitCodeSql} × BIRTH_CODES + the patient's {@link birthCodeSql}. */
export const BIRTH_CODES = 2 ** 22;
/** The largest unit id a visit code carries exactly (53 bits of a JavaScript number). */
export const MAX_RECAP_UNIT_ID = 2 ** 15 - 1;
export { RECAP_CLUSTERS, RECAP_PAYERS, VISIT_CODE } from '../migrations/0018_indeks_rekap';

export interface RecapGroup {
  villageCode: string | null;
  sex: string;
  count: number;
  /** One number per visit: visit code × {@link BIRTH_CODES} + birth code (migration 0018). */
  visits: number[];
}

/**
 * Every visit of a date range (one unit or all; cancelled visits not counted), one row per
 * village and sex of the patient, each visit as one number (visit code and the patient's birth
 * code, migration 0018). SQLite walks patients by village and sex (`patient_recap`) and each
 * one's visits of the period (`visit_recap`), reading both codes from the indexes: nothing is
 * sorted, no table row is read, and only these few rows reach JavaScript.
 */
export async function recapCounts(db: Executor, range: { from: string; to: string; unitId?: number | undefined }): Promise<RecapGroup[]> {
  const unit = range.unitId === undefined ? sql`` : sql`AND v.unit_id = ${range.unitId}`;
  // CROSS JOIN and INDEXED BY fix the plan above; the planner alone prefers a sort.
  const { rows } = await sql<{ village_code: string | null; sex: string; n: number; visits: string | null }>`
    SELECT p.village_code, p.sex, count(*) AS n,
      json_group_array(${sql.raw(visitCodeSql('v.'))} * ${sql.lit(BIRTH_CODES)} + ${sql.raw(birthCodeSql('p.'))}) AS visits
    FROM patient AS p INDEXED BY patient_recap CROSS JOIN visit AS v INDEXED BY visit_recap ON v.patient_id = p.id
    WHERE v.visit_date >= ${range.from} AND v.visit_date <= ${range.to} AND v.status != 'batal' ${unit}
    GROUP BY p.village_code, p.sex`.execute(db);
  // A JSON array parses faster than splitting a list of numbers.
  return rows.map((r) => ({
    villageCode: r.village_code,
    sex: r.sex,
    count: Number(r.n),
    visits: r.visits ? (JSON.parse(r.visits) as number[]) : [],
  }));
}

/** Visits of a date range (not cancelled) whose cluster or payer is not among `known`, by that value and the patient's sex (normally none). */
export async function otherValues(
  db: Executor,
  range: { from: string; to: string; unitId?: number | undefined },
  column: 'cluster' | 'payer',
  known: readonly string[],
): Promise<{ value: string; sex: string; count: number }[]> {
  let q = db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .select((eb) => [`v.${column} as value`, 'p.sex', eb.fn.countAll<number>().as('count')])
    .where('v.visit_date', '>=', range.from)
    .where('v.visit_date', '<=', range.to)
    .where('v.status', '!=', 'batal')
    .where(`v.${column}`, 'not in', known);
  if (range.unitId !== undefined) q = q.where('v.unit_id', '=', range.unitId);
  const rows = await q.groupBy([`v.${column}`, 'p.sex']).execute();
  return rows.map((r) => ({ value: r.value, sex: r.sex, count: Number(r.count) }));
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

/** How many samples have each value: `[value, count]` in ascending value order. */
export type Histogram = [value: number, count: number][];

export interface WaitHistogram {
  month: string;
  /** `S<service id>` or `U<unit id>`. */
  lane: string;
  issued: number;
  /** Issued → first call of every called ticket, in whole seconds (as `secondsBetween`). */
  waits: Histogram;
}

/**
 * Queue tickets of the months of a date range per month and lane: how many were issued and how
 * many waited each whole number of seconds before the first call. Read in the order of
 * `queue_ticket_wait` (migration 0018): no sort, one row per distinct wait.
 */
export async function queueWaitHistograms(db: Executor, from: string, to: string, lane?: string): Promise<WaitHistogram[]> {
  const month = sql.raw('substr(service_date, 1, 7)');
  const wait = sql.raw(waitSecondsSql('issued_at', 'called_at'));
  const { rows } = await sql<{ month: string; lane: string; wait: number | null; n: number }>`
    SELECT ${month} AS month, lane, ${wait} AS wait, count(*) AS n
    FROM queue_ticket INDEXED BY queue_ticket_wait
    WHERE ${month} >= ${from.slice(0, 7)} AND ${month} <= ${to.slice(0, 7)} ${lane === undefined ? sql`` : sql`AND lane = ${lane}`}
    GROUP BY ${month}, lane, ${wait}`.execute(db);
  const out: WaitHistogram[] = [];
  let g: WaitHistogram | undefined;
  for (const r of rows) {
    if (!g || g.month !== r.month || g.lane !== r.lane) out.push((g = { month: r.month, lane: r.lane, issued: 0, waits: [] }));
    g.issued += Number(r.n);
    if (r.wait !== null) g.waits.push([Number(r.wait), Number(r.n)]);
  }
  return out;
}

export interface RetrievalHistogram {
  unitId: number;
  notDelivered: number;
  /** Registration → folder at the unit of every delivered request, in tenths of a minute (as `minutesBetween` × 10). */
  tenths: Histogram;
}

/**
 * Folder requests (not cancelled) of the visits of a date range per unit: how many never arrived
 * and how many took each tenth of a minute. Read in the order of `folder_request_time`
 * (migration 0018). Visit ids follow registration, so the period's visits are normally one id
 * range: when the range holds exactly the period's visits it stands for the date (no visit is
 * read per request); otherwise each request's visit date is looked up.
 */
export async function retrievalHistograms(db: Executor, from: string, to: string, unitId?: number): Promise<RetrievalHistogram[]> {
  const span = await db
    .selectFrom('visit')
    .select((eb) => [eb.fn.min('id').as('first'), eb.fn.max('id').as('last'), eb.fn.countAll<number>().as('n')])
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .executeTakeFirstOrThrow();
  if (span.first === null || span.last === null) return [];
  const inRange = await db
    .selectFrom('visit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>=', span.first)
    .where('id', '<=', span.last)
    .executeTakeFirstOrThrow();
  const visits =
    Number(inRange.n) === Number(span.n)
      ? sql`visit_id >= ${span.first} AND visit_id <= ${span.last}`
      : sql`(SELECT v.visit_date FROM visit AS v WHERE v.id = visit_id) BETWEEN ${from} AND ${to}`;
  const tenths = sql.raw(retrievalTenthsSql('requested_at', 'delivered_at'));
  const { rows } = await sql<{ unit_id: number; tenths: number; n: number }>`
    SELECT unit_id, ${tenths} AS tenths, count(*) AS n
    FROM folder_request INDEXED BY folder_request_time
    WHERE status != 'batal' AND ${visits} ${unitId === undefined ? sql`` : sql`AND unit_id = ${unitId}`}
    GROUP BY unit_id, ${tenths}`.execute(db);
  const out: RetrievalHistogram[] = [];
  let g: RetrievalHistogram | undefined;
  for (const r of rows) {
    if (!g || g.unitId !== r.unit_id) out.push((g = { unitId: r.unit_id, notDelivered: 0, tenths: [] }));
    if (r.tenths < 0) g.notDelivered += Number(r.n);
    else g.tenths.push([Number(r.tenths), Number(r.n)]);
  }
  return out;
}

/**
 * Referral letters (not cancelled) dated in a range, per destination facility, the patient's sex
 * and whether the hospital refused it (`ditolak`); with a unit, those of its visits.
 */
export async function referralsByDestination(
  db: Executor,
  from: string,
  to: string,
  unitId?: number,
): Promise<{ facilityId: number; facilityName: string; sex: string; refused: boolean; count: number }[]> {
  let q = db
    .selectFrom('referral as r')
    .innerJoin('letter as l', 'l.id', 'r.letter_id')
    .innerJoin('facility as f', 'f.id', 'r.facility_id')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .select((eb) => [
      'r.facility_id as facilityId',
      'f.name as facilityName',
      'p.sex',
      sql<number>`r.status = 'ditolak'`.as('refused'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('r.referral_date', '>=', from)
    .where('r.referral_date', '<=', to)
    .where('l.status', '!=', 'batal');
  if (unitId !== undefined) q = q.innerJoin('visit as v', 'v.id', 'r.visit_id').where('v.unit_id', '=', unitId);
  const rows = await q
    .groupBy(['r.facility_id', 'p.sex', sql`r.status = 'ditolak'`])
    .orderBy('f.name')
    .execute();
  return rows.map((r) => ({ ...r, refused: r.refused === 1, count: Number(r.count) }));
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
