import { sql } from 'kysely';
import type { PatientRecord } from '../../contract';
import type { PatientTable } from '../schema';
import type { Executor } from './executor';

/** Columns a patient form writes (snake_case as stored). */
export type PatientColumns = Omit<PatientTable, 'id' | 'rm_number' | 'created_at' | 'updated_at' | 'merged_into'>;

export async function getPatientRecord(db: Executor, id: number): Promise<PatientRecord | undefined> {
  const r = await db
    .selectFrom('patient as p')
    .leftJoin('region as v', 'v.code', 'p.village_code')
    .leftJoin('region as d', 'd.code', 'v.parent_code')
    .leftJoin('region as k', 'k.code', 'd.parent_code')
    .leftJoin('region as pr', 'pr.code', 'k.parent_code')
    .selectAll('p')
    .select((eb) => [
      sql<string | null>`v.name || ', ' || d.name || ', ' || k.name || ', ' || pr.name`.as('region_path'),
      eb
        .selectFrom('visit')
        .select((e) => e.fn.max('visit_date').as('d'))
        .whereRef('visit.patient_id', '=', 'p.id')
        .as('last_visit'),
    ])
    .where('p.id', '=', id)
    .where('p.merged_into', 'is', null)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    rmNumber: r.rm_number,
    name: r.name,
    nik: r.nik,
    birthPlace: r.birth_place,
    birthDate: r.birth_date,
    sex: r.sex as PatientRecord['sex'],
    addressStreet: r.address_street,
    rt: r.rt,
    rw: r.rw,
    villageCode: r.village_code,
    regionPath: r.region_path,
    phone: r.phone,
    bpjsNumber: r.bpjs_number,
    bpjsClass: r.bpjs_class,
    payerDefault: r.payer_default as PatientRecord['payerDefault'],
    occupation: r.occupation,
    education: r.education as PatientRecord['education'],
    religion: r.religion as PatientRecord['religion'],
    maritalStatus: r.marital_status as PatientRecord['maritalStatus'],
    bloodType: r.blood_type as PatientRecord['bloodType'],
    motherName: r.mother_name,
    motherNik: r.mother_nik,
    kkNumber: r.kk_number,
    familyHead: r.family_head,
    emergencyName: r.emergency_name,
    emergencyRelation: r.emergency_relation,
    emergencyPhone: r.emergency_phone,
    lastVisitDate: r.last_visit ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertPatientRow(
  trx: Executor,
  row: PatientColumns & { rm_number: string; created_at: string; updated_at: string },
): Promise<number> {
  const inserted = await trx.insertInto('patient').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updatePatientRow(trx: Executor, id: number, columns: Partial<PatientColumns> & { updated_at: string }): Promise<boolean> {
  const result = await trx.updateTable('patient').set(columns).where('id', '=', id).where('merged_into', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function rmNumberTaken(db: Executor, rm: string): Promise<boolean> {
  return (await db.selectFrom('patient').select('id').where('rm_number', '=', rm).executeTakeFirst()) !== undefined;
}

/** The live patient holding a NIK, other than `excludeId`. */
export async function patientIdByNik(db: Executor, nik: string, excludeId?: number): Promise<number | undefined> {
  let q = db.selectFrom('patient').select('id').where('nik', '=', nik).where('merged_into', 'is', null);
  if (excludeId !== undefined) q = q.where('id', '!=', excludeId);
  return (await q.executeTakeFirst())?.id;
}

/** Live patients born between two dates (inclusive), for the similar-name check. */
export async function patientsBornBetween(
  db: Executor,
  from: string,
  to: string,
  excludeId?: number,
): Promise<{ id: number; name_key: string; birth_date: string }[]> {
  let q = db
    .selectFrom('patient')
    .select(['id', 'name_key', 'birth_date'])
    .where('birth_date', '>=', from)
    .where('birth_date', '<=', to)
    .where('merged_into', 'is', null);
  if (excludeId !== undefined) q = q.where('id', '!=', excludeId);
  return q.limit(5000).execute();
}

export async function villageExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('region').select('code').where('code', '=', code).where('level', '=', 4).executeTakeFirst()) !== undefined;
}
