import { sql } from 'kysely';
import type { FolderStatus, LocationKind, MovementKind } from '../../domain/berkas';
import type { Executor } from './executor';

/** A folder as the services see it (rows never leave the db layer). */
export interface FolderRecord {
  id: number;
  rmBase: string;
  volume: number;
  temporaryFor: number | null;
  status: FolderStatus;
  locationKind: LocationKind;
  locationUnitId: number | null;
  borrower: string | null;
  dueDate: string | null;
  outSince: string | null;
  lastUnitId: number | null;
  createdAt: string;
  patients: { id: number; rmNumber: string; name: string; sex: string; birthDate: string }[];
  openReviewId: number | null;
  /** The folder this one's sheets were put into (a merged patient's), with its RM. */
  combinedInto: { id: number; rmBase: string } | null;
  /** How many volumes the RM has (this one included). */
  volumes: number;
}

/** The folder's RM in SQL: the RM number, without the `-NN` member suffix for family folders. */
const rmBaseOf = (family: boolean) =>
  family
    ? sql<string>`CASE WHEN p.rm_number GLOB '*-[0-9][0-9]' THEN substr(p.rm_number, 1, length(p.rm_number) - 3) ELSE p.rm_number END`
    : sql<string>`p.rm_number`;

/**
 * Gives every patient from `fromPatientId` on who has no folder one: the family's folder when
 * it already exists (family format), else a new folder on the shelf. Set-based, so an import
 * of thousands of patients costs two statements.
 */
export async function createMissingFolders(trx: Executor, family: boolean, at: string, fromPatientId: number): Promise<void> {
  const base = rmBaseOf(family);
  await sql`INSERT INTO folder (rm_base, created_at, updated_at)
    SELECT DISTINCT ${base}, ${at}, ${at} FROM patient p
    WHERE p.id >= ${fromPatientId} AND p.merged_into IS NULL
      AND NOT EXISTS (SELECT 1 FROM folder_patient fp WHERE fp.patient_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM folder f WHERE f.rm_base = ${base} AND f.temporary_for IS NULL)`.execute(trx);
  // The current volume (the highest) of the folder; a temporary stand-in takes over while the original is missing.
  await sql`INSERT INTO folder_patient (patient_id, folder_id)
    SELECT p.id, (SELECT f.id FROM folder f WHERE f.rm_base = ${base} AND f.temporary_for IS NULL ORDER BY f.volume DESC LIMIT 1)
    FROM patient p
    WHERE p.id >= ${fromPatientId} AND p.merged_into IS NULL
      AND NOT EXISTS (SELECT 1 FROM folder_patient fp WHERE fp.patient_id = p.id)`.execute(trx);
}

const folderColumns = [
  'f.id',
  'f.rm_base',
  'f.volume',
  'f.temporary_for',
  'f.status',
  'f.location_kind',
  'f.location_unit_id',
  'f.borrower',
  'f.due_date',
  'f.out_since',
  'f.last_unit_id',
  'f.created_at',
  'f.combined_into',
] as const;

export async function getFolders(db: Executor, ids: readonly number[]): Promise<FolderRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('folder as f')
    .select(folderColumns)
    .select((eb) =>
      eb
        .selectFrom('completeness_review as r')
        .select((e) => e.fn.max('r.id').as('x'))
        .whereRef('r.folder_id', '=', 'f.id')
        .where('r.complete', '=', 0)
        .where('r.resolved_at', 'is', null)
        .where('r.resolves_review_id', 'is', null)
        .as('open_review_id'),
    )
    .select((eb) => eb.selectFrom('folder as c').select('c.rm_base').whereRef('c.id', '=', 'f.combined_into').as('combined_rm'))
    .select((eb) =>
      eb
        .selectFrom('folder as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.rm_base', '=', 'f.rm_base')
        .where('v.temporary_for', 'is', null)
        .as('volumes'),
    )
    .where('f.id', 'in', ids)
    .execute();
  const members = await db
    .selectFrom('folder_patient as fp')
    .innerJoin('patient as p', 'p.id', 'fp.patient_id')
    .select(['fp.folder_id', 'p.id', 'p.rm_number', 'p.name', 'p.sex', 'p.birth_date'])
    .where('fp.folder_id', 'in', ids)
    .where('p.merged_into', 'is', null)
    .orderBy('p.rm_number')
    .execute();
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        rmBase: r.rm_base,
        volume: r.volume,
        temporaryFor: r.temporary_for,
        status: r.status as FolderStatus,
        locationKind: r.location_kind as LocationKind,
        locationUnitId: r.location_unit_id,
        borrower: r.borrower,
        dueDate: r.due_date,
        outSince: r.out_since,
        lastUnitId: r.last_unit_id,
        createdAt: r.created_at,
        openReviewId: r.open_review_id ?? null,
        combinedInto: r.combined_into !== null && r.combined_rm ? { id: r.combined_into, rmBase: r.combined_rm } : null,
        volumes: Math.max(1, Number(r.volumes ?? 1)),
        patients: members
          .filter((m) => m.folder_id === r.id)
          .map((m) => ({ id: m.id, rmNumber: m.rm_number, name: m.name, sex: m.sex, birthDate: m.birth_date })),
      } satisfies FolderRecord,
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getFolder(db: Executor, id: number): Promise<FolderRecord | undefined> {
  return (await getFolders(db, [id]))[0];
}

/**
 * The folder of an RM as stored (any of the candidate spellings): through the patient holding
 * it, or a family folder's own RM. The temporary stand-in wins while the original is missing.
 */
export async function folderIdByRm(db: Executor, candidates: readonly string[]): Promise<number | undefined> {
  if (candidates.length === 0) return undefined;
  const viaPatient = await db
    .selectFrom('patient as p')
    .innerJoin('folder_patient as fp', 'fp.patient_id', 'p.id')
    .select('fp.folder_id')
    .where('p.rm_number', 'in', candidates)
    .where('p.merged_into', 'is', null)
    .executeTakeFirst();
  if (viaPatient) return viaPatient.folder_id;
  const own = await db
    .selectFrom('folder')
    .select('id')
    .where('rm_base', 'in', candidates)
    .where('status', '!=', 'digabung')
    .orderBy('temporary_for', 'desc')
    .orderBy('volume', 'desc')
    .executeTakeFirst();
  if (own) return own.id;
  // A merged patient's folder: its old label leads to the folder its sheets went into.
  const combined = await db
    .selectFrom('folder')
    .select('combined_into')
    .where('rm_base', 'in', candidates)
    .where('combined_into', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return combined?.combined_into ?? undefined;
}

/** What a patient merge changed on a folder: an undo puts it back exactly. */
export interface CombinedFolder {
  folderId: number;
  status: FolderStatus;
  locationKind: LocationKind;
  locationUnitId: number | null;
  outSince: string | null;
  lastUnitId: number | null;
}

/** One volume of an RM's folder (not a temporary stand-in). */
export async function volumeIdByRm(db: Executor, candidates: readonly string[], volume: number): Promise<number | undefined> {
  if (candidates.length === 0) return undefined;
  const row = await db
    .selectFrom('folder as f')
    .leftJoin('folder_patient as fp', 'fp.folder_id', 'f.id')
    .leftJoin('patient as p', 'p.id', 'fp.patient_id')
    .select('f.id')
    .where('f.volume', '=', volume)
    .where('f.temporary_for', 'is', null)
    .where((eb) => eb.or([eb('f.rm_base', 'in', candidates), eb('p.rm_number', 'in', candidates)]))
    .executeTakeFirst();
  return row?.id;
}

/** The folder a patient's sheets go into now. */
export async function folderIdOfPatient(db: Executor, patientId: number): Promise<number | undefined> {
  const row = await db.selectFrom('folder_patient').select('folder_id').where('patient_id', '=', patientId).executeTakeFirst();
  return row?.folder_id;
}

/** Live patients other than `patientId` whose sheets go into the folder (a family folder's members). */
export async function otherMembers(db: Executor, folderId: number, patientId: number): Promise<number> {
  const row = await db
    .selectFrom('folder_patient as fp')
    .innerJoin('patient as p', 'p.id', 'fp.patient_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fp.folder_id', '=', folderId)
    .where('fp.patient_id', '!=', patientId)
    .where('p.merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setCombinedInto(trx: Executor, folderId: number, into: number | null, at: string): Promise<void> {
  await trx.updateTable('folder').set({ combined_into: into, updated_at: at }).where('id', '=', folderId).execute();
}

/** Opens the next volume of a folder where the full one is; returns its id. */
export async function insertVolume(trx: Executor, current: FolderRecord, at: string): Promise<number> {
  const onShelf = current.locationKind === 'rak';
  const row = await trx
    .insertInto('folder')
    .values({
      rm_base: current.rmBase,
      volume: current.volume + 1,
      temporary_for: null,
      status: onShelf ? 'di_rak' : 'keluar',
      location_kind: onShelf ? 'rak' : 'ruang_rm',
      location_unit_id: null,
      out_since: onShelf ? null : at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The highest volume of an RM (a new volume is opened from it only). */
export async function latestVolume(db: Executor, rmBase: string): Promise<number> {
  const row = await db
    .selectFrom('folder')
    .select((eb) => eb.fn.max('volume').as('v'))
    .where('rm_base', '=', rmBase)
    .where('temporary_for', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.v ?? 1);
}

export async function updateFolder(
  trx: Executor,
  id: number,
  values: {
    status: FolderStatus;
    locationKind: LocationKind;
    locationUnitId: number | null;
    borrower?: string | null;
    dueDate?: string | null;
    outSince: string | null;
    lastUnitId?: number | null;
    at: string;
  },
): Promise<void> {
  await trx
    .updateTable('folder')
    .set({
      status: values.status,
      location_kind: values.locationKind,
      location_unit_id: values.locationUnitId,
      borrower: values.borrower ?? null,
      due_date: values.dueDate ?? null,
      out_since: values.outSince,
      ...(values.lastUnitId !== undefined ? { last_unit_id: values.lastUnitId } : {}),
      updated_at: values.at,
    })
    .where('id', '=', id)
    .execute();
}

export interface NewMovement {
  folderId: number;
  at: string;
  kind: MovementKind;
  fromKind: LocationKind | null;
  fromUnitId: number | null;
  toKind: LocationKind;
  toUnitId: number | null;
  userId: number | null;
  method: 'scan' | 'ketik' | 'sistem';
  requestId?: number | null;
  visitId?: number | null;
  reason?: string | null;
  borrower?: string | null;
  dueDate?: string | null;
}

export async function insertMovement(trx: Executor, m: NewMovement): Promise<number> {
  const row = await trx
    .insertInto('folder_movement')
    .values({
      folder_id: m.folderId,
      at: m.at,
      kind: m.kind,
      from_kind: m.fromKind,
      from_unit_id: m.fromUnitId,
      to_kind: m.toKind,
      to_unit_id: m.toUnitId,
      user_id: m.userId,
      method: m.method,
      request_id: m.requestId ?? null,
      visit_id: m.visitId ?? null,
      reason: m.reason ?? null,
      borrower: m.borrower ?? null,
      due_date: m.dueDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface MovementRecord {
  id: number;
  at: string;
  kind: MovementKind;
  fromKind: LocationKind | null;
  fromUnitId: number | null;
  toKind: LocationKind;
  toUnitId: number | null;
  userName: string | null;
  method: 'scan' | 'ketik' | 'sistem';
  requestId: number | null;
  visitId: number | null;
  reason: string | null;
  borrower: string | null;
  dueDate: string | null;
}

/** A folder's moves, newest first (all of them, or the last `limit`). */
export async function movementsOf(db: Executor, folderId: number, limit?: number): Promise<MovementRecord[]> {
  let q = db
    .selectFrom('folder_movement as m')
    .leftJoin('app_user as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select('u.full_name')
    .where('m.folder_id', '=', folderId)
    .orderBy('m.id', 'desc');
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind as MovementKind,
    fromKind: r.from_kind as LocationKind | null,
    fromUnitId: r.from_unit_id,
    toKind: r.to_kind as LocationKind,
    toUnitId: r.to_unit_id,
    userName: r.full_name,
    method: r.method as MovementRecord['method'],
    requestId: r.request_id,
    visitId: r.visit_id,
    reason: r.reason,
    borrower: r.borrower,
    dueDate: r.due_date,
  }));
}

export async function getMovement(db: Executor, folderId: number, id: number): Promise<MovementRecord> {
  const all = await movementsOf(db, folderId, 20);
  const found = all.find((m) => m.id === id);
  if (!found) throw new Error(`movement ${id} not found`);
  return found;
}

export interface RequestRecord {
  id: number;
  visitId: number;
  patientId: number;
  unitId: number;
  unitName: string;
  requestedAt: string;
  status: 'menunggu' | 'diambil' | 'diterima_unit' | 'batal';
}

/** Open requests (waiting or pulled) of a folder's patients for visits on a date, oldest first. */
export async function openRequestsOfFolder(db: Executor, folderId: number, date: string): Promise<RequestRecord[]> {
  const rows = await db
    .selectFrom('folder_request as r')
    .innerJoin('visit as v', 'v.id', 'r.visit_id')
    .innerJoin('folder_patient as fp', 'fp.patient_id', 'r.patient_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.visit_id', 'r.patient_id', 'r.unit_id', 'u.name as unit_name', 'r.requested_at', 'r.status'])
    .where('fp.folder_id', '=', folderId)
    .where('v.visit_date', '=', date)
    .where('r.status', 'in', ['menunggu', 'diambil'])
    .orderBy('r.requested_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    visitId: r.visit_id,
    patientId: r.patient_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    requestedAt: r.requested_at,
    status: r.status as RequestRecord['status'],
  }));
}

export async function setRequestStatus(trx: Executor, id: number, status: 'diambil' | 'diterima_unit', deliveredAt: string | null): Promise<void> {
  await trx
    .updateTable('folder_request')
    .set({ status, ...(deliveredAt ? { delivered_at: deliveredAt } : {}) })
    .where('id', '=', id)
    .execute();
}

export interface PullRow {
  requestId: number | null;
  visitId: number | null;
  appointmentId: number | null;
  date: string;
  patientId: number;
  rmNumber: string;
  name: string;
  birthDate: string;
  folderId: number | null;
  folderRm: string | null;
  folderStatus: FolderStatus | null;
  folderLocationKind: LocationKind | null;
  folderUnitId: number | null;
  unitId: number;
  unitName: string;
  requestedAt: string | null;
  requestStatus: RequestRecord['status'] | null;
}

/** The patient and folder columns both parts of the pull list read. */
const pullColumns = [
  'p.id as patient_id',
  'p.rm_number',
  'p.name',
  'p.birth_date',
  'f.id as folder_id',
  'f.rm_base',
  'f.status as folder_status',
  'f.location_kind',
  'f.location_unit_id',
  'u.name as unit_name',
] as const;

type PullBase = {
  patient_id: number;
  rm_number: string;
  name: string;
  birth_date: string;
  folder_id: number | null;
  rm_base: string | null;
  folder_status: string | null;
  location_kind: string | null;
  location_unit_id: number | null;
  unit_id: number;
  unit_name: string;
};

const pullRow = (
  r: PullBase,
  date: string,
  source: Pick<PullRow, 'requestId' | 'visitId' | 'appointmentId' | 'requestedAt' | 'requestStatus'>,
): PullRow => ({
  ...source,
  date,
  patientId: r.patient_id,
  rmNumber: r.rm_number,
  name: r.name,
  birthDate: r.birth_date,
  folderId: r.folder_id,
  folderRm: r.rm_base,
  folderStatus: r.folder_status as FolderStatus | null,
  folderLocationKind: r.location_kind as LocationKind | null,
  folderUnitId: r.location_unit_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
});

/** The requests of a day's visits (open ones only unless `includeDone`), with patient and folder. */
export async function requestsOfDay(db: Executor, date: string, includeDone: boolean, unitId?: number): Promise<PullRow[]> {
  let q = db
    .selectFrom('folder_request as r')
    .innerJoin('visit as v', 'v.id', 'r.visit_id')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('folder_patient as fp', 'fp.patient_id', 'p.id')
    .leftJoin('folder as f', 'f.id', 'fp.folder_id')
    .select(pullColumns)
    .select(['r.id', 'r.visit_id', 'r.unit_id', 'r.requested_at', 'r.status'])
    .where('v.visit_date', '=', date);
  if (!includeDone) q = q.where('r.status', 'in', ['menunggu', 'diambil']);
  if (unitId !== undefined) q = q.where('r.unit_id', '=', unitId);
  return (await q.execute()).map((r) =>
    pullRow(r, date, {
      requestId: r.id,
      visitId: r.visit_id,
      appointmentId: null,
      requestedAt: r.requested_at,
      requestStatus: r.status as RequestRecord['status'],
    }),
  );
}

/** A day's scheduled control appointments (not yet checked in), with patient and folder. */
export async function appointmentsOfDay(db: Executor, date: string, unitId?: number): Promise<PullRow[]> {
  let q = db
    .selectFrom('appointment as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .leftJoin('folder_patient as fp', 'fp.patient_id', 'p.id')
    .leftJoin('folder as f', 'f.id', 'fp.folder_id')
    .select(pullColumns)
    .select(['a.id', 'a.unit_id'])
    .where('a.date', '=', date)
    .where('a.status', '=', 'terjadwal')
    .where('p.merged_into', 'is', null);
  if (unitId !== undefined) q = q.where('a.unit_id', '=', unitId);
  return (await q.execute()).map((r) =>
    pullRow(r, date, { requestId: null, visitId: null, appointmentId: r.id, requestedAt: null, requestStatus: null }),
  );
}

export interface OutRow {
  folderId: number;
  rmBase: string;
  status: 'keluar' | 'dipinjam';
  unitId: number | null;
  unitName: string | null;
  closingTime: string | null;
  borrower: string | null;
  dueDate: string | null;
  outSince: string;
  sentBack: boolean;
}

/** Folders at a unit or with a borrower (the partial index `folder_out` keeps this to the few that are out). */
export async function foldersOut(db: Executor, unitId?: number): Promise<OutRow[]> {
  let q = db
    .selectFrom('folder as f')
    .leftJoin('unit as u', 'u.id', 'f.location_unit_id')
    .select([
      'f.id',
      'f.rm_base',
      'f.status',
      'f.location_unit_id',
      'u.name as unit_name',
      'u.closing_time',
      'f.borrower',
      'f.due_date',
      'f.out_since',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('completeness_review as r')
              .select('r.id')
              .whereRef('r.folder_id', '=', 'f.id')
              .where('r.complete', '=', 0)
              .where('r.resolved_at', 'is', null)
              .where('r.resolves_review_id', 'is', null),
          )
          .as('sent_back'),
    ])
    // Written as the partial index's own literal condition so SQLite uses folder_out (bound parameters would not prove it).
    .where(sql<boolean>`f.status IN ('keluar','dipinjam')`)
    .where((eb) => eb.or([eb('f.location_kind', '=', 'unit'), eb('f.status', '=', 'dipinjam')]));
  if (unitId !== undefined) q = q.where('f.location_unit_id', '=', unitId);
  return (await q.execute()).map((r) => ({
    folderId: r.id,
    rmBase: r.rm_base,
    status: r.status as OutRow['status'],
    unitId: r.location_unit_id,
    unitName: r.unit_name,
    closingTime: r.closing_time,
    borrower: r.borrower,
    dueDate: r.due_date,
    outSince: r.out_since ?? '',
    sentBack: Number(r.sent_back) === 1,
  }));
}

/** Patient names per folder, for lists. */
export async function namesOfFolders(db: Executor, folderIds: readonly number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>();
  if (folderIds.length === 0) return names;
  const rows = await db
    .selectFrom('folder_patient as fp')
    .innerJoin('patient as p', 'p.id', 'fp.patient_id')
    .select(['fp.folder_id', 'p.name'])
    .where('fp.folder_id', 'in', folderIds)
    .where('p.merged_into', 'is', null)
    .orderBy('p.rm_number')
    .execute();
  for (const r of rows) names.set(r.folder_id, [...(names.get(r.folder_id) ?? []), r.name]);
  return names;
}

/** Moves every patient of one folder to another (a temporary folder taking over, or handing back). */
export async function relinkPatients(trx: Executor, fromFolderId: number, toFolderId: number): Promise<void> {
  await trx.updateTable('folder_patient').set({ folder_id: toFolderId }).where('folder_id', '=', fromFolderId).execute();
}

export async function insertTemporaryFolder(trx: Executor, original: FolderRecord, at: string): Promise<number> {
  const row = await trx
    .insertInto('folder')
    .values({
      rm_base: original.rmBase,
      volume: original.volume,
      temporary_for: original.id,
      status: 'keluar',
      location_kind: 'ruang_rm',
      location_unit_id: null,
      out_since: at,
      last_unit_id: null,
      borrower: null,
      due_date: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function temporaryFolderOf(db: Executor, folderId: number): Promise<number | undefined> {
  const row = await db.selectFrom('folder').select('id').where('temporary_for', '=', folderId).where('status', '!=', 'digabung').executeTakeFirst();
  return row?.id;
}

/** The visit the folder last went to `unitId` for (the review's visit), if a move recorded it. */
export async function lastVisitAtUnit(db: Executor, folderId: number, unitId: number): Promise<number | null> {
  const row = await db
    .selectFrom('folder_movement')
    .select('visit_id')
    .where('folder_id', '=', folderId)
    .where('to_unit_id', '=', unitId)
    .where('visit_id', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.visit_id ?? null;
}

export interface ReviewRecord {
  id: number;
  folderId: number;
  rmBase: string;
  unitId: number;
  unitName: string;
  visitId: number | null;
  practitionerId: number | null;
  practitionerName: string | null;
  reviewedAt: string;
  reviewedBy: string | null;
  complete: boolean;
  missing: string[];
  resolvesReviewId: number | null;
  resolvedAt: string | null;
}

export async function insertReview(
  trx: Executor,
  r: {
    folderId: number;
    unitId: number;
    visitId: number | null;
    practitionerId: number | null;
    period: string;
    at: string;
    userId: number;
    complete: boolean;
    resolvesReviewId: number | null;
    items: readonly { item: string; present: boolean }[];
  },
): Promise<number> {
  const row = await trx
    .insertInto('completeness_review')
    .values({
      folder_id: r.folderId,
      unit_id: r.unitId,
      visit_id: r.visitId,
      practitioner_id: r.practitionerId,
      period: r.period,
      reviewed_at: r.at,
      reviewed_by: r.userId,
      complete: r.complete ? 1 : 0,
      resolves_review_id: r.resolvesReviewId,
      resolved_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('completeness_item')
    .values(r.items.map((i) => ({ review_id: row.id, item: i.item, present: i.present ? 1 : 0 })))
    .execute();
  if (r.resolvesReviewId !== null && r.complete)
    await trx.updateTable('completeness_review').set({ resolved_at: r.at }).where('id', '=', r.resolvesReviewId).execute();
  return row.id;
}

export async function listReviews(
  db: Executor,
  filter: { folderId?: number; openOnly?: boolean; ids?: number[]; unitId?: number },
): Promise<ReviewRecord[]> {
  let q = db
    .selectFrom('completeness_review as r')
    .innerJoin('folder as f', 'f.id', 'r.folder_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('practitioner as pr', 'pr.id', 'r.practitioner_id')
    .leftJoin('app_user as au', 'au.id', 'r.reviewed_by')
    .selectAll('r')
    .select(['f.rm_base', 'u.name as unit_name', 'pr.name as practitioner_name', 'au.full_name']);
  if (filter.folderId !== undefined) q = q.where('r.folder_id', '=', filter.folderId);
  if (filter.unitId !== undefined) q = q.where('r.unit_id', '=', filter.unitId);
  if (filter.ids) q = q.where('r.id', 'in', filter.ids.length ? filter.ids : [0]);
  // An incomplete first check stays open until a complete re-check resolves it; re-checks are never open themselves.
  if (filter.openOnly) q = q.where('r.complete', '=', 0).where('r.resolved_at', 'is', null).where('r.resolves_review_id', 'is', null);
  const rows = await q.orderBy('r.id', 'desc').limit(2000).execute();
  const missing = new Map<number, string[]>();
  if (rows.length > 0) {
    const items = await db
      .selectFrom('completeness_item')
      .select(['review_id', 'item'])
      .where(
        'review_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('present', '=', 0)
      .execute();
    for (const i of items) missing.set(i.review_id, [...(missing.get(i.review_id) ?? []), i.item]);
  }
  return rows.map((r) => ({
    id: r.id,
    folderId: r.folder_id,
    rmBase: r.rm_base,
    unitId: r.unit_id,
    unitName: r.unit_name,
    visitId: r.visit_id,
    practitionerId: r.practitioner_id,
    practitionerName: r.practitioner_name,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.full_name,
    complete: r.complete === 1,
    missing: missing.get(r.id) ?? [],
    resolvesReviewId: r.resolves_review_id,
    resolvedAt: r.resolved_at,
  }));
}

export interface RetrievalRow {
  date: string;
  unitId: number;
  unitName: string;
  requestedAt: string;
  deliveredAt: string | null;
}

/** Requests of visits in a date range (not cancelled), with when the folder reached the unit. */
export async function retrievalRows(db: Executor, from: string, to: string): Promise<RetrievalRow[]> {
  const rows = await db
    .selectFrom('folder_request as r')
    .innerJoin('visit as v', 'v.id', 'r.visit_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(['v.visit_date', 'r.unit_id', 'u.name as unit_name', 'u.sort_order', 'r.requested_at', 'r.delivered_at'])
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', to)
    .where('r.status', '!=', 'batal')
    .orderBy('v.visit_date')
    .orderBy('u.sort_order')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    date: r.visit_date,
    unitId: r.unit_id,
    unitName: r.unit_name,
    requestedAt: r.requested_at,
    deliveredAt: r.delivered_at,
  }));
}

export interface KlpcmRow {
  period: string;
  unitId: number;
  unitName: string;
  practitionerId: number | null;
  practitionerName: string | null;
  checked: number;
  incomplete: number;
}

/** First checks (not the re-checks of a sent-back folder) grouped by month, unit and practitioner. */
export async function klpcmRows(db: Executor, fromPeriod: string, toPeriod: string): Promise<KlpcmRow[]> {
  const rows = await db
    .selectFrom('completeness_review as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('practitioner as pr', 'pr.id', 'r.practitioner_id')
    .select((eb) => [
      'r.period',
      'r.unit_id',
      'u.name as unit_name',
      'r.practitioner_id',
      'pr.name as practitioner_name',
      eb.fn.countAll<number>().as('checked'),
      eb.fn.sum<number>(eb.case().when('r.complete', '=', 0).then(1).else(0).end()).as('incomplete'),
    ])
    .where('r.resolves_review_id', 'is', null)
    .where('r.period', '>=', fromPeriod)
    .where('r.period', '<=', toPeriod)
    .groupBy(['r.period', 'r.unit_id', 'r.practitioner_id'])
    .orderBy('r.period')
    .orderBy('u.sort_order')
    .execute();
  return rows.map((r) => ({
    period: r.period,
    unitId: r.unit_id,
    unitName: r.unit_name,
    practitionerId: r.practitioner_id,
    practitionerName: r.practitioner_name,
    checked: Number(r.checked),
    incomplete: Number(r.incomplete),
  }));
}

/** Folders on the shelf whose patients have no visit since `cutoffDate` (nor were created after it). */
export async function inactiveFolders(
  db: Executor,
  cutoffDate: string,
  limit: number,
): Promise<{ count: number; rows: { folderId: number; rmBase: string; lastVisit: string | null }[] }> {
  const base = db
    .selectFrom('folder as f')
    .where('f.status', '=', 'di_rak')
    .where('f.temporary_for', 'is', null)
    .where('f.created_at', '<', `${cutoffDate}T00:00:00.000Z`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('folder_patient as fp')
            .innerJoin('visit as v', 'v.patient_id', 'fp.patient_id')
            .select('v.id')
            .whereRef('fp.folder_id', '=', 'f.id')
            .where('v.visit_date', '>=', cutoffDate),
        ),
      ),
    );
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select((eb) => [
      'f.id',
      'f.rm_base',
      eb
        .selectFrom('folder_patient as fp')
        .innerJoin('visit as v', 'v.patient_id', 'fp.patient_id')
        .select((e) => e.fn.max('v.visit_date').as('d'))
        .whereRef('fp.folder_id', '=', 'f.id')
        .as('last_visit'),
    ])
    .orderBy('f.id')
    .limit(limit)
    .execute();
  return { count: Number(count.n), rows: rows.map((r) => ({ folderId: r.id, rmBase: r.rm_base, lastVisit: r.last_visit ?? null })) };
}

/** A request with what a tracer prints: the unit and who registered the visit. */
export async function requestForTracer(
  db: Executor,
  requestId: number,
): Promise<{ patientId: number; unitName: string; requestedAt: string; registeredBy: string | null } | undefined> {
  const r = await db
    .selectFrom('folder_request as r')
    .innerJoin('visit as v', 'v.id', 'r.visit_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .leftJoin('app_user as au', 'au.id', 'v.registered_by')
    .select(['r.patient_id', 'u.name as unit_name', 'r.requested_at', 'au.full_name'])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  return r && { patientId: r.patient_id, unitName: r.unit_name, requestedAt: r.requested_at, registeredBy: r.full_name };
}
