import type { PatientSummary } from '../../contract';
import type { NewPatient } from '../schema';
import type { Executor } from './executor';

/** Live patients with what a search result line shows (village name, last visit); callers add their own filter. */
export const patientSummaryQuery = (db: Executor) =>
  db
    .selectFrom('patient as p')
    .leftJoin('region as v', 'v.code', 'p.village_code')
    .select((eb) => [
      'p.id',
      'p.rm_number',
      'p.name',
      'p.sex',
      'p.birth_date',
      'p.payer_default',
      'v.name as village',
      eb
        .selectFrom('visit')
        .select((e) => e.fn.max('visit_date').as('d'))
        .whereRef('visit.patient_id', '=', 'p.id')
        .as('last_visit'),
    ])
    .where('p.merged_into', 'is', null);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof patientSummaryQuery>['execute']>>[number];

const summaryOf = (r: SummaryRow): PatientSummary => ({
  id: r.id,
  rmNumber: r.rm_number,
  name: r.name,
  sex: r.sex as PatientSummary['sex'],
  birthDate: r.birth_date,
  village: r.village,
  payerDefault: r.payer_default as PatientSummary['payerDefault'],
  lastVisitDate: r.last_visit ?? null,
});

/** Search-result lines for the given ids, in the order given. */
export async function summariesByIds(db: Executor, ids: readonly number[]): Promise<PatientSummary[]> {
  if (ids.length === 0) return [];
  const rows = await patientSummaryQuery(db).where('p.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, summaryOf(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function countPatients(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('patient')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPatients(db: Executor, rows: NewPatient[]): Promise<void> {
  // ~30 columns a row: 25 rows keeps each statement under SQLite's parameter limit.
  for (let i = 0; i < rows.length; i += 25)
    await db
      .insertInto('patient')
      .values(rows.slice(i, i + 25))
      .execute();
}
