import { sql } from 'kysely';
import type { Region } from '../../contract';
import type { Executor } from './executor';

export interface RegionRecord {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
}

export async function countRegions(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('region')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRegions(db: Executor, rows: RegionRecord[]): Promise<void> {
  // 4 columns × 200 rows stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('region')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
  }
}

/** "Desa, Kecamatan, Kabupaten, Provinsi" built from the code's prefixes. */
const withPath = (db: Executor) =>
  db
    .selectFrom('region as r')
    .leftJoin('region as p1', 'p1.code', 'r.parent_code')
    .leftJoin('region as p2', 'p2.code', 'p1.parent_code')
    .leftJoin('region as p3', 'p3.code', 'p2.parent_code')
    .select([
      'r.code',
      'r.name',
      'r.level',
      sql<string>`r.name || coalesce(', ' || p1.name, '') || coalesce(', ' || p2.name, '') || coalesce(', ' || p3.name, '')`.as('path'),
    ]);

export async function regionChildren(db: Executor, parentCode: string | null): Promise<Region[]> {
  const q = withPath(db);
  return (parentCode === null ? q.where('r.level', '=', 1) : q.where('r.parent_code', '=', parentCode)).orderBy('r.name').execute();
}

export async function searchRegions(db: Executor, query: string, level: 3 | 4 | undefined, limit: number): Promise<Region[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let q = withPath(db).where(sql<boolean>`r.name LIKE ${pattern} ESCAPE '\\'`);
  q = level === undefined ? q.where('r.level', '>=', 3) : q.where('r.level', '=', level);
  // Names that start with the query first, then shorter names.
  return q
    .orderBy(sql`r.name NOT LIKE ${query.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'} ESCAPE '\\'`)
    .orderBy(sql`length(r.name)`)
    .orderBy('r.name')
    .limit(limit)
    .execute();
}

export async function regionName(db: Executor, code: string): Promise<string | null> {
  const row = await db.selectFrom('region').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}

/** "Kecamatan, Kabupaten, Provinsi" (or the longer path for a village) of one code, if known. */
export async function regionPath(db: Executor, code: string): Promise<string | null> {
  const row = await withPath(db).where('r.code', '=', code).executeTakeFirst();
  return row?.path ?? null;
}
