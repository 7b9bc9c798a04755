import type { NewVisit } from '../schema';
import type { Executor } from './executor';

export interface DayCounts {
  byUnit: { key: string; label: string; count: number }[];
  byPayer: { key: string; count: number }[];
  visits: number;
  pasienBaru: number;
  kunjunganBaru: number;
}

export async function dayCounts(db: Executor, date: string): Promise<DayCounts> {
  const byUnit = await db
    .selectFrom('visit as v')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .select((eb) => ['u.code as key', 'u.name as label', eb.fn.countAll<number>().as('count')])
    .where('v.visit_date', '=', date)
    .groupBy('u.id')
    .orderBy('u.sort_order')
    .execute();
  const byPayer = await db
    .selectFrom('visit')
    .select((eb) => ['payer as key', eb.fn.countAll<number>().as('count')])
    .where('visit_date', '=', date)
    .groupBy('payer')
    .orderBy('payer')
    .execute();
  const totals = await db
    .selectFrom('visit')
    .select((eb) => [
      eb.fn.countAll<number>().as('visits'),
      eb.fn.sum<number>('pasien_baru').as('pasien_baru'),
      eb.fn.sum<number>('kunjungan_baru').as('kunjungan_baru'),
    ])
    .where('visit_date', '=', date)
    .executeTakeFirstOrThrow();
  return {
    byUnit: byUnit.map((r) => ({ ...r, count: Number(r.count) })),
    byPayer: byPayer.map((r) => ({ key: r.key, count: Number(r.count) })),
    visits: Number(totals.visits),
    pasienBaru: Number(totals.pasien_baru ?? 0),
    kunjunganBaru: Number(totals.kunjungan_baru ?? 0),
  };
}

export async function insertVisits(db: Executor, rows: NewVisit[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('visit')
      .values(rows.slice(i, i + 50))
      .execute();
}
