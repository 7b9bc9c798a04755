import type BetterSqlite3 from 'better-sqlite3';
import type { NewPatient, NewVisit } from '../schema';
import type { Executor } from './executor';

/** Demo and benchmark seeding: bulk reads and writes the screens never need. */

/** Any patient row at all (merged ones included): a database with patients is never re-seeded. */
export async function hasAnyPatient(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('patient').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function isTableEmpty(db: Executor, table: 'practitioner' | 'facility'): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Village (level 4) codes under the given kecamatan codes, in code order. */
export async function villageCodesIn(db: Executor, districtCodes: readonly string[]): Promise<string[]> {
  if (districtCodes.length === 0) return [];
  const rows = await db
    .selectFrom('region')
    .select('code')
    .where('level', '=', 4)
    .where('parent_code', 'in', [...districtCodes])
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

export interface PatientRef {
  id: number;
  rm_number: string;
  sex: string;
  birth_date: string;
  created_at: string;
  payer_default: string;
}

export async function patientRefs(db: Executor): Promise<PatientRef[]> {
  return db.selectFrom('patient').select(['id', 'rm_number', 'sex', 'birth_date', 'created_at', 'payer_default']).orderBy('id').execute();
}

const patientColumns = [
  'rm_number',
  'name',
  'name_key',
  'sex',
  'birth_place',
  'birth_date',
  'nik',
  'bpjs_number',
  'bpjs_class',
  'payer_default',
  'phone',
  'address_street',
  'rt',
  'rw',
  'village_code',
  'occupation',
  'education',
  'religion',
  'marital_status',
  'blood_type',
  'mother_name',
  'mother_nik',
  'kk_number',
  'family_head',
  'emergency_name',
  'emergency_relation',
  'emergency_phone',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof NewPatient)[];

const visitColumns = [
  'visit_date',
  'seq',
  'registered_at',
  'patient_id',
  'payer',
  'unit_id',
  'cluster',
  'emergency',
  'kunjungan_baru',
  'pasien_baru',
  'registered_by',
] as const satisfies readonly (keyof NewVisit)[];

function insertRaw<R extends object>(
  sqlite: BetterSqlite3.Database,
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): void {
  const statement = sqlite.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  const values: unknown[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
    statement.run(values);
  }
}

/**
 * Bulk rows for benchmark databases (10⁵–10⁶ patients): one prepared statement on the raw
 * better-sqlite3 handle, reused for every row — about twice as fast as multi-row inserts built
 * through Kysely. Call it inside a transaction on the same connection.
 */
export function insertPatientsRaw(sqlite: BetterSqlite3.Database, rows: readonly NewPatient[]): void {
  insertRaw(sqlite, 'patient', patientColumns, rows);
}

export function insertVisitsRaw(sqlite: BetterSqlite3.Database, rows: readonly NewVisit[]): void {
  insertRaw(sqlite, 'visit', visitColumns, rows);
}
