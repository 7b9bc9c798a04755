import { sql } from 'kysely';
import type { NewPatient } from '../schema';
import type { Executor } from './executor';

/**
 * Bulk reads and writes of the patient import: every lookup takes a batch of keys (one query per
 * {@link LOOKUP_BATCH}), so 100,000 rows cost a few hundred queries, not 100,000.
 */

/** Keys per `IN (…)` list: far below SQLite's bound-parameter limit. */
const LOOKUP_BATCH = 500;
/** 29 columns × 500 rows = 14,500 parameters per INSERT (SQLite allows 32,766). */
const INSERT_BATCH = 500;

export interface ExistingPatient {
  id: number;
  rm_number: string;
  nik: string | null;
  name: string;
  name_key: string;
  birth_date: string;
  sex: string;
  mother_name: string | null;
  merged_into: number | null;
}

const existingColumns = ['id', 'rm_number', 'nik', 'name', 'name_key', 'birth_date', 'sex', 'mother_name', 'merged_into'] as const;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every patient (merged ones too: their RM numbers stay taken) holding one of these RM numbers. */
export async function patientsByRm(db: Executor, rms: readonly string[]): Promise<ExistingPatient[]> {
  const out: ExistingPatient[] = [];
  for (const batch of chunks([...new Set(rms)], LOOKUP_BATCH)) {
    out.push(...(await db.selectFrom('patient').select(existingColumns).where('rm_number', 'in', batch).execute()));
  }
  return out;
}

/** Live patients holding one of these NIKs. */
export async function patientsByNik(db: Executor, niks: readonly string[]): Promise<ExistingPatient[]> {
  const out: ExistingPatient[] = [];
  for (const batch of chunks([...new Set(niks)], LOOKUP_BATCH)) {
    out.push(...(await db.selectFrom('patient').select(existingColumns).where('nik', 'in', batch).where('merged_into', 'is', null).execute()));
  }
  return out;
}

/** Live patients whose folded name is one of these (the caller compares the birth date). */
export async function patientsByNameKey(db: Executor, nameKeys: readonly string[]): Promise<ExistingPatient[]> {
  const out: ExistingPatient[] = [];
  for (const batch of chunks([...new Set(nameKeys)], LOOKUP_BATCH)) {
    out.push(...(await db.selectFrom('patient').select(existingColumns).where('name_key', 'in', batch).where('merged_into', 'is', null).execute()));
  }
  return out;
}

/** Which of these RM numbers are taken (by any patient, merged ones included). */
export async function takenRmNumbers(db: Executor, rms: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const batch of chunks([...new Set(rms)], LOOKUP_BATCH)) {
    for (const r of await db.selectFrom('patient').select('rm_number').where('rm_number', 'in', batch).execute()) taken.add(r.rm_number);
  }
  return taken;
}

/** RM numbers of the patients of these KK numbers (family folders). */
export async function rmNumbersByKk(db: Executor, kkNumbers: readonly string[]): Promise<{ kk_number: string; rm_number: string }[]> {
  const out: { kk_number: string; rm_number: string }[] = [];
  for (const batch of chunks([...new Set(kkNumbers)], LOOKUP_BATCH)) {
    const rows = await db.selectFrom('patient').select(['kk_number', 'rm_number']).where('kk_number', 'in', batch).execute();
    for (const r of rows) if (r.kk_number !== null) out.push({ kk_number: r.kk_number, rm_number: r.rm_number });
  }
  return out;
}

/** The current value of a sequence (0 when it was never used). */
export async function sequenceValue(db: Executor, name: string, period = ''): Promise<number> {
  const row = await db.selectFrom('number_sequence').select('value').where('name', '=', name).where('period', '=', period).executeTakeFirst();
  return row?.value ?? 0;
}

export interface VillageRow {
  code: string;
  name: string;
  district_name: string;
}

/** Every village/kelurahan (level 4) with the name of its kecamatan, for matching names in a file. */
export async function villagesWithDistrict(db: Executor): Promise<VillageRow[]> {
  return db
    .selectFrom('region as v')
    .innerJoin('region as d', 'd.code', 'v.parent_code')
    .select(['v.code', 'v.name', 'd.name as district_name'])
    .where('v.level', '=', 4)
    .execute();
}

/** Regency (kabupaten/kota) codes `NN.NN` where live patients live: the puskesmas's area as the data shows it. */
export async function patientRegencies(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('patient')
    .select(sql<string>`substr(village_code, 1, 5)`.as('regency'))
    .where('village_code', 'is not', null)
    .where('merged_into', 'is', null)
    .groupBy(sql`substr(village_code, 1, 5)`)
    .execute();
  return rows.map((r) => r.regency);
}

/** Inserts patient rows in multi-row INSERTs inside the caller's transaction. */
export async function insertPatientRows(trx: Executor, rows: readonly NewPatient[]): Promise<void> {
  for (const batch of chunks(rows, INSERT_BATCH)) await trx.insertInto('patient').values(batch).execute();
}

/** The highest patient id (the last one inserted). */
export async function lastPatientId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('patient')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
