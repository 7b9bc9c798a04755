import type { Cluster, Register, RegisterRow } from '../../contract';
import { toBool, type Executor } from './executor';

/** One register line as stored; the service adds the age (it depends on the visit date). */
export type RegisterVisit = Omit<RegisterRow, 'age' | 'ageText'>;

export interface RegisterQuery {
  from: string;
  to: string;
  unitId?: number | undefined;
  cluster?: Cluster | undefined;
  payer?: Register['payer'] | undefined;
}

/**
 * The visits of a period in register order (day, then the day's number); cancelled visits are
 * not in the register. One query: the (visit_date, unit_id) index serves the period.
 */
export async function registerVisits(db: Executor, q: RegisterQuery): Promise<RegisterVisit[]> {
  let query = db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .leftJoin('region as r', 'r.code', 'p.village_code')
    .select([
      'v.id',
      'v.visit_date',
      'v.seq',
      'v.registered_at',
      'p.rm_number',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.bpjs_number',
      'r.name as village',
      'v.payer',
      'v.insurance_name',
      'v.unit_id',
      'u.name as unit_name',
      'v.cluster',
      'v.kunjungan_baru',
      'v.pasien_baru',
      'v.emergency',
      'v.fee',
      'v.paid_at',
    ])
    // Referred out: a surat rujukan (to a hospital, not the internal slip) issued for the visit and not cancelled.
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('letter as l')
            .select('l.id')
            .whereRef('l.visit_id', '=', 'v.id')
            .where('l.kind', '=', 'rujukan')
            .where('l.status', '!=', 'batal'),
        )
        .as('referred_out'),
    )
    .where('v.visit_date', '>=', q.from)
    .where('v.visit_date', '<=', q.to)
    .where('v.status', '!=', 'batal');
  if (q.unitId !== undefined) query = query.where('v.unit_id', '=', q.unitId);
  if (q.cluster !== undefined) query = query.where('v.cluster', '=', q.cluster);
  if (q.payer !== undefined) query = query.where('v.payer', '=', q.payer);
  const rows = await query.orderBy('v.visit_date').orderBy('v.seq').execute();
  return rows.map((r) => ({
    visitId: r.id,
    seq: r.seq,
    visitDate: r.visit_date,
    registeredAt: r.registered_at,
    rmNumber: r.rm_number,
    patientName: r.name,
    sex: r.sex as RegisterRow['sex'],
    birthDate: r.birth_date,
    village: r.village,
    payer: r.payer as RegisterRow['payer'],
    bpjsNumber: r.bpjs_number,
    insuranceName: r.insurance_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    cluster: r.cluster as Cluster,
    kunjunganBaru: toBool(r.kunjungan_baru),
    pasienBaru: toBool(r.pasien_baru),
    emergency: toBool(r.emergency),
    referredOut: Boolean(r.referred_out),
    fee: r.fee,
    paid: r.paid_at !== null,
    paidAt: r.paid_at,
  }));
}
