import type { Appointment, Cluster, Visit } from '../../contract';
import type { NewVisit } from '../schema';
import { toBool, type Executor } from './executor';
import { summariesByIds } from './patients';

export async function getVisit(db: Executor, id: number): Promise<Visit | undefined> {
  const r = await db
    .selectFrom('visit as v')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .leftJoin('tariff as t', 't.id', 'v.tariff_id')
    .leftJoin('appointment as a', 'a.visit_id', 'v.id')
    .selectAll('v')
    .select(['u.name as unit_name', 't.name as tariff_name', 'a.id as appointment_id'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const [patient] = await summariesByIds(db, [r.patient_id]);
  if (!patient) return undefined;
  return {
    id: r.id,
    date: r.visit_date,
    seq: r.seq,
    registeredAt: r.registered_at,
    patient,
    payer: r.payer as Visit['payer'],
    insuranceName: r.insurance_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    cluster: r.cluster as Cluster,
    clusterReason: r.cluster_reason,
    lifeStage: r.life_stage as Visit['lifeStage'],
    emergency: toBool(r.emergency),
    kunjunganBaru: toBool(r.kunjungan_baru),
    pasienBaru: toBool(r.pasien_baru),
    status: r.status as Visit['status'],
    fee: r.fee,
    tariffName: r.tariff_name,
    paidAt: r.paid_at,
    appointmentId: r.appointment_id,
  };
}

export async function insertVisit(trx: Executor, row: NewVisit): Promise<number> {
  return (await trx.insertInto('visit').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The patient's visit dates in one calendar year before a date (for kunjungan baru). */
export async function visitDatesInYear(db: Executor, patientId: number, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('visit')
    .select('visit_date')
    .where('patient_id', '=', patientId)
    .where('visit_date', '>=', `${date.slice(0, 4)}-01-01`)
    .where('visit_date', '<=', date)
    .where('status', '!=', 'batal')
    .execute();
  return rows.map((r) => r.visit_date);
}

export async function unitsVisitedOn(db: Executor, patientId: number, date: string): Promise<number[]> {
  const rows = await db
    .selectFrom('visit')
    .select('unit_id')
    .distinct()
    .where('patient_id', '=', patientId)
    .where('visit_date', '=', date)
    .where('status', '!=', 'batal')
    .execute();
  return rows.map((r) => r.unit_id);
}

export async function insertFolderRequest(trx: Executor, r: { visitId: number; patientId: number; unitId: number; at: string }): Promise<void> {
  await trx.insertInto('folder_request').values({ visit_id: r.visitId, patient_id: r.patientId, unit_id: r.unitId, requested_at: r.at }).execute();
}

export async function markVisitPaid(trx: Executor, id: number, at: string): Promise<boolean> {
  const result = await trx.updateTable('visit').set({ paid_at: at }).where('id', '=', id).where('paid_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const appointmentQuery = (db: Executor) =>
  db.selectFrom('appointment as a').innerJoin('unit as u', 'u.id', 'a.unit_id').selectAll('a').select('u.name as unit_name');

type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number];

async function appointmentsOf(db: Executor, rows: AppointmentRow[]): Promise<Appointment[]> {
  const patients = new Map((await summariesByIds(db, [...new Set(rows.map((r) => r.patient_id))])).map((p) => [p.id, p]));
  return rows.flatMap((r) => {
    const patient = patients.get(r.patient_id);
    if (!patient) return []; // merged away
    return [
      {
        id: r.id,
        date: r.date,
        patient,
        unitId: r.unit_id,
        unitName: r.unit_name,
        note: r.note,
        status: r.status as Appointment['status'],
        visitId: r.visit_id,
        createdAt: r.created_at,
      },
    ];
  });
}

export async function getAppointment(db: Executor, id: number): Promise<Appointment | undefined> {
  return (await appointmentsOf(db, await appointmentQuery(db).where('a.id', '=', id).execute()))[0];
}

export async function listAppointments(
  db: Executor,
  from: string,
  to: string,
  includeCancelled: boolean,
  patientId?: number,
): Promise<Appointment[]> {
  let q = appointmentQuery(db).where('a.date', '>=', from).where('a.date', '<=', to);
  if (!includeCancelled) q = q.where('a.status', '!=', 'batal');
  if (patientId !== undefined) q = q.where('a.patient_id', '=', patientId);
  return appointmentsOf(db, await q.orderBy('a.date').orderBy('u.sort_order').orderBy('a.id').limit(2000).execute());
}

export async function insertAppointment(
  trx: Executor,
  a: { patientId: number; unitId: number; date: string; note: string | null; createdBy: number; at: string },
): Promise<number> {
  const row = await trx
    .insertInto('appointment')
    .values({
      patient_id: a.patientId,
      unit_id: a.unitId,
      date: a.date,
      note: a.note,
      created_by: a.createdBy,
      created_at: a.at,
      updated_at: a.at,
      visit_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setAppointmentStatus(
  trx: Executor,
  id: number,
  status: 'hadir' | 'batal',
  at: string,
  visitId: number | null = null,
): Promise<boolean> {
  const result = await trx
    .updateTable('appointment')
    .set({ status, updated_at: at, ...(visitId !== null ? { visit_id: visitId } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'terjadwal')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function waitingAppointment(
  db: Executor,
  patientId: number,
  date: string,
): Promise<{ id: number; unit_id: number; note: string | null } | undefined> {
  return db
    .selectFrom('appointment')
    .select(['id', 'unit_id', 'note'])
    .where('patient_id', '=', patientId)
    .where('date', '=', date)
    .where('status', '=', 'terjadwal')
    .orderBy('id')
    .executeTakeFirst();
}
