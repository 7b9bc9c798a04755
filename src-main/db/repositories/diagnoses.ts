import { sql } from 'kysely';
import type { Diagnosis, DirectoryEntry } from '../../contract';
import { toBool, type Executor } from './executor';

// ---------------------------------------------------------------------------------------------
// Diagnosis list

export async function diagnosisListSize(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('diagnosis')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every stored code with its text and state (the import compares the file against it). */
export async function diagnosisMap(db: Executor): Promise<Map<string, { text: string; active: boolean }>> {
  const rows = await db.selectFrom('diagnosis').select(['code', 'text', 'active']).execute();
  return new Map(rows.map((r) => [r.code, { text: r.text, active: toBool(r.active) }]));
}

export async function findDiagnosis(db: Executor, code: string): Promise<Diagnosis | null> {
  const r = await db.selectFrom('diagnosis').select(['code', 'text', 'active']).where('code', '=', code).executeTakeFirst();
  return r ? { code: r.code, text: r.text, active: toBool(r.active) } : null;
}

/** Inserts new codes and updates (and re-activates) known ones, 400 rows per statement. */
export async function upsertDiagnoses(trx: Executor, rows: readonly { code: string; text: string }[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400).map((r) => ({ code: r.code, text: r.text, active: 1, updated_at: at }));
    await trx
      .insertInto('diagnosis')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({ text: eb.ref('excluded.text'), active: 1, updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute();
  }
}

export async function deactivateDiagnoses(trx: Executor, codes: readonly string[], at: string): Promise<void> {
  for (let i = 0; i < codes.length; i += 400) {
    await trx
      .updateTable('diagnosis')
      .set({ active: 0, updated_at: at })
      .where('code', 'in', codes.slice(i, i + 400))
      .execute();
  }
}

const diagnosisOut = (r: { code: string; text: string; active: number }): Diagnosis => ({ code: r.code, text: r.text, active: toBool(r.active) });

/** Active codes starting with `prefix` (already normalised), in code order: a range on the unique index. */
export async function diagnosesByCodePrefix(db: Executor, prefix: string, limit: number): Promise<Diagnosis[]> {
  // Every character a code may hold sorts below '~', so [prefix, prefix~) is exactly the prefix range.
  const rows = await db
    .selectFrom('diagnosis')
    .select(['code', 'text', 'active'])
    .where('code', '>=', prefix)
    .where('code', '<', `${prefix}~`)
    .where('active', '=', 1)
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map(diagnosisOut);
}

/** Active codes whose code or text has words starting with each of `words` (FTS5 prefix query), best first. */
export async function diagnosesByWords(db: Executor, words: readonly string[], limit: number): Promise<Diagnosis[]> {
  if (words.length === 0) return [];
  const match = words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
  const { rows } = await sql<{ code: string; text: string; active: number }>`
    SELECT d.code, d.text, d.active FROM diagnosis_search s JOIN diagnosis d ON d.id = s.rowid
    WHERE diagnosis_search MATCH ${match} AND d.active = 1
    ORDER BY s.rank, d.code LIMIT ${limit}`.execute(db);
  return rows.map(diagnosisOut);
}

export async function firstDiagnoses(db: Executor, limit: number): Promise<Diagnosis[]> {
  const rows = await db.selectFrom('diagnosis').select(['code', 'text', 'active']).where('active', '=', 1).orderBy('code').limit(limit).execute();
  return rows.map(diagnosisOut);
}

// ---------------------------------------------------------------------------------------------
// Directory

export async function listDirectory(db: Executor, includeInactive: boolean): Promise<DirectoryEntry[]> {
  let q = db.selectFrom('facility').select(['id', 'code', 'name', 'kind', 'address', 'phone']).orderBy('name');
  if (!includeInactive) q = q.where('active', '=', 1);
  const facilities = await q.execute();
  const specialties = await db
    .selectFrom('facility_specialty')
    .select(['facility_id', 'name'])
    .orderBy('facility_id')
    .orderBy('sort_order')
    .execute();
  const byFacility = new Map<number, string[]>();
  for (const s of specialties) byFacility.set(s.facility_id, [...(byFacility.get(s.facility_id) ?? []), s.name]);
  return facilities.map((f) => ({
    facilityId: f.id,
    code: f.code,
    name: f.name,
    kind: f.kind,
    address: f.address,
    phone: f.phone,
    specialties: byFacility.get(f.id) ?? [],
  }));
}

export async function facilityById(db: Executor, id: number) {
  const f = await db.selectFrom('facility').select(['id', 'code', 'name', 'address', 'phone', 'active']).where('id', '=', id).executeTakeFirst();
  return f ? { id: f.id, code: f.code, name: f.name, address: f.address, phone: f.phone, active: toBool(f.active) } : null;
}

export async function specialtiesOf(db: Executor, facilityId: number): Promise<string[]> {
  const rows = await db.selectFrom('facility_specialty').select('name').where('facility_id', '=', facilityId).orderBy('sort_order').execute();
  return rows.map((r) => r.name);
}

/** The facility's specialties become exactly `names`, in that order (referrals keep the name they were sent with). */
export async function replaceSpecialties(trx: Executor, facilityId: number, names: readonly string[]): Promise<void> {
  await trx.deleteFrom('facility_specialty').where('facility_id', '=', facilityId).execute();
  if (names.length > 0)
    await trx
      .insertInto('facility_specialty')
      .values(names.map((name, i) => ({ facility_id: facilityId, name, sort_order: i })))
      .execute();
}
