import { sql } from 'kysely';
import type { Executor } from './executor';

/** Figures only the dashboard reads; the rest comes from the visits, queue, folders and kasir repositories. */

export interface LaneWaitRow {
  lane: string;
  serviceId: number | null;
  unitId: number | null;
  name: string;
  waiting: number;
  /** issued_at of the longest-waiting ticket; null when nobody waits. */
  oldestWaitingAt: string | null;
}

/** Every lane that had a ticket on the day, with the tickets waiting now and the oldest of them. */
export async function laneWaits(db: Executor, date: string): Promise<LaneWaitRow[]> {
  const rows = await db
    .selectFrom('queue_ticket as t')
    .leftJoin('service as s', 's.id', 't.service_id')
    .leftJoin('unit as u', 'u.id', 't.unit_id')
    .select([
      't.lane',
      't.service_id',
      't.unit_id',
      (eb) => eb.fn.coalesce('s.name', 'u.name').as('name'),
      sql<number>`SUM(t.status = 'menunggu')`.as('waiting'),
      sql<string | null>`MIN(CASE WHEN t.status = 'menunggu' THEN t.issued_at END)`.as('oldest'),
      (eb) => eb.fn.coalesce('s.sort_order', 'u.sort_order').as('sort_order'),
    ])
    .where('t.service_date', '=', date)
    .groupBy('t.lane')
    .orderBy(sql`t.service_id IS NULL`)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    lane: r.lane,
    serviceId: r.service_id,
    unitId: r.unit_id,
    name: r.name ?? r.lane,
    waiting: Number(r.waiting ?? 0),
    oldestWaitingAt: r.oldest,
  }));
}

/** Visits per day and payer in a date range. */
export async function visitsPerDayAndPayer(db: Executor, from: string, to: string): Promise<{ date: string; payer: string; count: number }[]> {
  const rows = await db
    .selectFrom('visit')
    .select(['visit_date', 'payer', (eb) => eb.fn.countAll<number>().as('n')])
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .groupBy(['visit_date', 'payer'])
    .execute();
  return rows.map((r) => ({ date: r.visit_date, payer: r.payer, count: Number(r.n) }));
}

/** Surat rujukan issued on a day and not cancelled (letters of kind `rujukan`, migration 0015). */
export async function referralsIssuedOn(db: Executor, date: string): Promise<number> {
  const r = await db
    .selectFrom('letter')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issued_date', '=', date)
    .where('kind', '=', 'rujukan')
    .where('status', '=', 'terbit')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
