import type { followUpKinds, ReferralStatus, transportKinds } from '../../contract';
import { toBool, type Executor } from './executor';

// ---------------------------------------------------------------------------------------------
// Referrals

export interface NewReferral {
  letterId: number;
  patientId: number;
  visitId: number | null;
  date: string;
  facilityId: number;
  specialty: string;
  diagnosisCode: string;
  diagnosisText: string;
  emergency: boolean;
  signerId: number;
  at: string;
}

export async function insertReferral(trx: Executor, r: NewReferral): Promise<void> {
  await trx
    .insertInto('referral')
    .values({
      letter_id: r.letterId,
      patient_id: r.patientId,
      visit_id: r.visitId,
      referral_date: r.date,
      facility_id: r.facilityId,
      specialty: r.specialty,
      diagnosis_code: r.diagnosisCode,
      diagnosis_text: r.diagnosisText,
      emergency: r.emergency ? 1 : 0,
      signer_id: r.signerId,
      sisrute_number: null,
      family_informed_at: null,
      admitted: null,
      follow_up_closed_at: null,
      created_at: r.at,
      updated_at: r.at,
    })
    .execute();
}

export interface NewReferralEvent {
  letterId: number;
  status: ReferralStatus;
  at: string;
  userId: number | null;
  note: string | null;
  sisruteNumber: string | null;
  reason: string | null;
  transport: (typeof transportKinds)[number] | null;
  escortName: string | null;
  familyInformedAt: string | null;
  receivedBy: string | null;
  admitted: boolean | null;
}

export async function insertReferralEvent(trx: Executor, e: NewReferralEvent): Promise<void> {
  await trx
    .insertInto('referral_event')
    .values({
      letter_id: e.letterId,
      status: e.status,
      at: e.at,
      user_id: e.userId,
      note: e.note,
      sisrute_number: e.sisruteNumber,
      reason: e.reason,
      transport: e.transport,
      escort_name: e.escortName,
      family_informed_at: e.familyInformedAt,
      received_by: e.receivedBy,
      admitted: e.admitted === null ? null : e.admitted ? 1 : 0,
    })
    .execute();
}

/** Moves the current status from `from` to `to`; false when another clerk moved it first. */
export async function setReferralStatus(
  trx: Executor,
  letterId: number,
  from: ReferralStatus,
  patch: { status: ReferralStatus; sisruteNumber?: string; familyInformedAt?: string; admitted?: boolean; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('referral')
    .set({
      status: patch.status,
      updated_at: patch.at,
      ...(patch.sisruteNumber !== undefined ? { sisrute_number: patch.sisruteNumber } : {}),
      ...(patch.familyInformedAt !== undefined ? { family_informed_at: patch.familyInformedAt } : {}),
      ...(patch.admitted !== undefined ? { admitted: patch.admitted ? 1 : 0 } : {}),
    })
    .where('letter_id', '=', letterId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFollowUp(
  trx: Executor,
  f: { letterId: number; kind: (typeof followUpKinds)[number]; note: string; at: string; userId: number | null },
): Promise<void> {
  await trx.insertInto('referral_followup').values({ letter_id: f.letterId, kind: f.kind, note: f.note, at: f.at, user_id: f.userId }).execute();
  if (f.kind === 'selesai')
    await trx.updateTable('referral').set({ follow_up_closed_at: f.at, updated_at: f.at }).where('letter_id', '=', f.letterId).execute();
}

export interface ReferralRecord {
  letterId: number;
  number: string;
  date: string;
  status: ReferralStatus;
  emergency: boolean;
  patient: { id: number; rmNumber: string; name: string };
  facility: { id: number; name: string };
  specialty: string;
  diagnosis: { code: string; text: string };
  signerName: string;
  sisruteNumber: string | null;
  familyInformedAt: string | null;
  admitted: boolean | null;
  followUpClosed: boolean;
}

export interface ReferralFilter {
  letterIds?: readonly number[];
  status?: ReferralStatus;
  /** Open trails (not ditolak / serah terima), plus closed ones from `closedSince` when given. */
  open?: boolean;
  closedSince?: string;
  /** Admitted patients whose follow-up is not closed (or all admitted with `includeClosed`). */
  followUp?: { includeClosed: boolean };
  patientId?: number;
}

/** Referrals of issued (not cancelled) letters, newest first. */
export async function listReferrals(db: Executor, filter: ReferralFilter): Promise<ReferralRecord[]> {
  let q = db
    .selectFrom('referral as r')
    .innerJoin('letter as l', 'l.id', 'r.letter_id')
    .innerJoin('patient as p', 'p.id', 'r.patient_id')
    .innerJoin('facility as f', 'f.id', 'r.facility_id')
    .innerJoin('practitioner as s', 's.id', 'r.signer_id')
    .select([
      'r.letter_id',
      'l.number',
      'r.referral_date',
      'r.status',
      'r.emergency',
      'p.id as patient_id',
      'p.rm_number',
      'p.name as patient_name',
      'f.id as facility_id',
      'f.name as facility_name',
      'r.specialty',
      'r.diagnosis_code',
      'r.diagnosis_text',
      's.name as signer_name',
      'r.sisrute_number',
      'r.family_informed_at',
      'r.admitted',
      'r.follow_up_closed_at',
    ])
    .where('l.status', '=', 'terbit');
  if (filter.letterIds) q = q.where('r.letter_id', 'in', filter.letterIds.length ? [...filter.letterIds] : [0]);
  if (filter.status) q = q.where('r.status', '=', filter.status);
  if (filter.patientId !== undefined) q = q.where('r.patient_id', '=', filter.patientId);
  if (filter.open) {
    const since = filter.closedSince;
    q = q.where((eb) =>
      since === undefined
        ? eb('r.status', 'not in', ['ditolak', 'serah_terima'])
        : eb.or([eb('r.status', 'not in', ['ditolak', 'serah_terima']), eb('r.updated_at', '>=', since)]),
    );
  }
  if (filter.followUp) {
    q = q.where('r.admitted', '=', 1);
    if (!filter.followUp.includeClosed) q = q.where('r.follow_up_closed_at', 'is', null);
  }
  const rows = await q.orderBy('r.letter_id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    letterId: r.letter_id,
    number: r.number,
    date: r.referral_date,
    status: r.status as ReferralStatus,
    emergency: toBool(r.emergency),
    patient: { id: r.patient_id, rmNumber: r.rm_number, name: r.patient_name },
    facility: { id: r.facility_id, name: r.facility_name },
    specialty: r.specialty,
    diagnosis: { code: r.diagnosis_code, text: r.diagnosis_text },
    signerName: r.signer_name,
    sisruteNumber: r.sisrute_number,
    familyInformedAt: r.family_informed_at,
    admitted: r.admitted === null ? null : toBool(r.admitted),
    followUpClosed: r.follow_up_closed_at !== null,
  }));
}

export async function referralEvents(db: Executor, letterIds: readonly number[]) {
  if (letterIds.length === 0) return [];
  const rows = await db
    .selectFrom('referral_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select('u.full_name')
    .where('e.letter_id', 'in', [...letterIds])
    .orderBy('e.id')
    .execute();
  return rows.map((e) => ({
    letterId: e.letter_id,
    id: e.id,
    status: e.status as ReferralStatus,
    at: e.at,
    userName: e.full_name,
    note: e.note,
    sisruteNumber: e.sisrute_number,
    reason: e.reason,
    transport: e.transport as (typeof transportKinds)[number] | null,
    escortName: e.escort_name,
    familyInformedAt: e.family_informed_at,
    receivedBy: e.received_by,
    admitted: e.admitted === null ? null : toBool(e.admitted),
  }));
}

export async function referralFollowUps(db: Executor, letterIds: readonly number[]) {
  if (letterIds.length === 0) return [];
  const rows = await db
    .selectFrom('referral_followup as f')
    .leftJoin('app_user as u', 'u.id', 'f.user_id')
    .select(['f.id', 'f.letter_id', 'f.kind', 'f.note', 'f.at', 'u.full_name'])
    .where('f.letter_id', 'in', [...letterIds])
    .orderBy('f.id')
    .execute();
  return rows.map((f) => ({
    letterId: f.letter_id,
    id: f.id,
    kind: f.kind as (typeof followUpKinds)[number],
    note: f.note,
    at: f.at,
    userName: f.full_name,
  }));
}

// ---------------------------------------------------------------------------------------------
// Internal referral slip

export async function insertInternalReferral(
  trx: Executor,
  r: {
    letterId: number;
    patientId: number;
    visitId: number | null;
    date: string;
    fromUnitId: number | null;
    toUnitId: number;
    request: string;
    movementId: number | null;
    ticketId: number | null;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('internal_referral')
    .values({
      letter_id: r.letterId,
      patient_id: r.patientId,
      visit_id: r.visitId,
      referral_date: r.date,
      from_unit_id: r.fromUnitId,
      to_unit_id: r.toUnitId,
      request: r.request,
      movement_id: r.movementId,
      ticket_id: r.ticketId,
      created_at: r.at,
    })
    .execute();
}

/** The SISRUTE identity fields J's letter patient does not carry: contact, birth place, JKN number, NIK. */
export async function referralPatientFacts(db: Executor, patientId: number) {
  return db
    .selectFrom('patient')
    .select(['phone', 'birth_place as birthPlace', 'bpjs_number as jknNumber', 'nik'])
    .where('id', '=', patientId)
    .executeTakeFirst();
}

/** Today's ticket of a visit that can still be transferred (waiting, called, skipped or held), newest first. */
export async function openTicketOfVisit(db: Executor, visitId: number, date: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('queue_ticket')
    .select('id')
    .where('visit_id', '=', visitId)
    .where('service_date', '=', date)
    .where('status', 'in', ['menunggu', 'dipanggil', 'dilewati', 'ditahan'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** The patient's latest visit of the day (the one a slip written now belongs to), with its unit. */
export async function todaysVisitOf(db: Executor, patientId: number, date: string) {
  return db
    .selectFrom('visit')
    .select(['id', 'patient_id as patientId', 'unit_id as unitId', 'visit_date as date'])
    .where('patient_id', '=', patientId)
    .where('visit_date', '=', date)
    .where('status', '!=', 'batal')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
