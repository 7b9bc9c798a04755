import type { CashDay, Payment, UnpaidVisit } from '../../contract';
import type { Executor } from './executor';

/** Kasir: payments of umum visits, receipt prints and closed cash days (migration 0013). */

/** Umum visits of one day with a fee and no live payment, in register order. */
export async function unpaidVisits(db: Executor, date: string): Promise<UnpaidVisit[]> {
  const rows = await db
    .selectFrom('visit as v')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .leftJoin('tariff as t', 't.id', 'v.tariff_id')
    .select(['v.id', 'v.visit_date', 'v.seq', 'v.registered_at', 'p.name', 'p.rm_number', 'u.name as unit_name', 't.name as tariff_name', 'v.fee'])
    .where('v.visit_date', '=', date)
    .where('v.payer', '=', 'umum')
    .where('v.fee', '>', 0)
    .where('v.paid_at', 'is', null)
    .where('v.status', '!=', 'batal')
    .orderBy('v.seq')
    .execute();
  return rows.map((r) => ({
    visitId: r.id,
    date: r.visit_date,
    seq: r.seq,
    registeredAt: r.registered_at,
    patientName: r.name,
    rmNumber: r.rm_number,
    unitName: r.unit_name,
    tariffName: r.tariff_name,
    amount: r.fee,
  }));
}

function paymentQuery(db: Executor) {
  return db
    .selectFrom('payment as pay')
    .innerJoin('visit as v', 'v.id', 'pay.visit_id')
    .innerJoin('patient as p', 'p.id', 'v.patient_id')
    .innerJoin('unit as u', 'u.id', 'v.unit_id')
    .leftJoin('app_user as c', 'c.id', 'pay.cashier_id')
    .leftJoin('app_user as x', 'x.id', 'pay.voided_by')
    .select([
      'pay.id',
      'pay.visit_id',
      'pay.cash_date',
      'v.seq',
      'p.name',
      'p.rm_number',
      'u.name as unit_name',
      'pay.tariff_name',
      'pay.amount',
      'pay.paid_at',
      'pay.cashier_id',
      'c.full_name as cashier_name',
      'pay.voided_at',
      'x.full_name as voided_by_name',
      'pay.void_reason',
      (eb) =>
        eb
          .selectFrom('receipt_print as rp')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('rp.visit_id', '=', 'pay.visit_id')
          .where('rp.copy', '=', 1)
          .as('copies'),
    ]);
}

type PaymentRow = Awaited<ReturnType<ReturnType<typeof paymentQuery>['execute']>>[number];

const paymentOf = (r: PaymentRow): Payment => ({
  id: r.id,
  visitId: r.visit_id,
  date: r.cash_date,
  seq: r.seq,
  patientName: r.name,
  rmNumber: r.rm_number,
  unitName: r.unit_name,
  tariffName: r.tariff_name,
  amount: r.amount,
  paidAt: r.paid_at,
  cashierId: r.cashier_id,
  cashierName: r.cashier_name ?? '—',
  voidedAt: r.voided_at,
  voidedByName: r.voided_by_name,
  voidReason: r.void_reason,
  copies: Number(r.copies ?? 0),
});

/** A cash day's payments (voided ones too), in the order they were taken. */
export async function paymentsOfDay(db: Executor, date: string): Promise<Payment[]> {
  return (await paymentQuery(db).where('pay.cash_date', '=', date).orderBy('pay.paid_at').orderBy('pay.id').execute()).map(paymentOf);
}

export async function getPayment(db: Executor, id: number): Promise<Payment | undefined> {
  const r = await paymentQuery(db).where('pay.id', '=', id).executeTakeFirst();
  return r ? paymentOf(r) : undefined;
}

export async function livePaymentOfVisit(db: Executor, visitId: number): Promise<Payment | undefined> {
  const r = await paymentQuery(db).where('pay.visit_id', '=', visitId).where('pay.voided_at', 'is', null).executeTakeFirst();
  return r ? paymentOf(r) : undefined;
}

/** Records the visit's fee as paid by this cashier; the tariff's name and amount are copied from the visit. */
export async function insertPayment(trx: Executor, p: { visitId: number; at: string; cashierId: number }): Promise<number> {
  const row = await trx
    .insertInto('payment')
    .columns(['visit_id', 'cash_date', 'amount', 'tariff_id', 'tariff_name', 'paid_at', 'cashier_id'])
    .expression(
      trx
        .selectFrom('visit as v')
        .leftJoin('tariff as t', 't.id', 'v.tariff_id')
        .select((eb) => [
          'v.id',
          'v.visit_date',
          'v.fee',
          'v.tariff_id',
          eb.fn.coalesce('t.name', eb.val('Retribusi pelayanan')).as('tariff_name'),
          eb.val(p.at).as('paid_at'),
          eb.val(p.cashierId).as('cashier_id'),
        ])
        .where('v.id', '=', p.visitId),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Voids a live payment; false when it was voided already. */
export async function voidPayment(trx: Executor, id: number, at: string, userId: number, reason: string): Promise<boolean> {
  const result = await trx
    .updateTable('payment')
    .set({ voided_at: at, voided_by: userId, void_reason: reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function clearVisitPaid(trx: Executor, visitId: number): Promise<void> {
  await trx.updateTable('visit').set({ paid_at: null }).where('id', '=', visitId).execute();
}

export async function insertReceiptPrint(trx: Executor, r: { visitId: number; at: string; userId: number | null; copy: boolean }): Promise<void> {
  await trx
    .insertInto('receipt_print')
    .values({ visit_id: r.visitId, printed_at: r.at, printed_by: r.userId, copy: r.copy ? 1 : 0 })
    .execute();
}

/** Kwitansi reprints (SALINAN) of one day's visits. */
export async function copiesOfDay(db: Executor, date: string): Promise<number> {
  const r = await db
    .selectFrom('receipt_print as rp')
    .innerJoin('visit as v', 'v.id', 'rp.visit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.visit_date', '=', date)
    .where('rp.copy', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type Closing = NonNullable<CashDay['closed']>;

function closingQuery(db: Executor) {
  return db
    .selectFrom('cash_day as d')
    .innerJoin('app_user as u', 'u.id', 'd.closed_by')
    .select(['d.date', 'd.closed_at', 'd.closed_by', 'u.full_name', 'd.payments', 'd.amount', 'd.voids']);
}

const closingOf = (r: Awaited<ReturnType<ReturnType<typeof closingQuery>['execute']>>[number]): Closing => ({
  closedAt: r.closed_at,
  closedById: r.closed_by,
  closedByName: r.full_name,
  payments: r.payments,
  amount: r.amount,
  voids: r.voids,
});

export async function closingOfDay(db: Executor, date: string): Promise<Closing | null> {
  const r = await closingQuery(db).where('d.date', '=', date).executeTakeFirst();
  return r ? closingOf(r) : null;
}

/** Records the closing; false when the day was closed already (the primary key refuses a second). */
export async function insertClosing(
  trx: Executor,
  c: { date: string; at: string; userId: number; payments: number; amount: number; voids: number },
): Promise<boolean> {
  const result = await trx
    .insertInto('cash_day')
    .values({ date: c.date, closed_at: c.at, closed_by: c.userId, payments: c.payments, amount: c.amount, voids: c.voids })
    .onConflict((oc) => oc.column('date').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Days in a range that had payments or were closed, newest first. */
export async function cashDays(db: Executor, from: string, to: string): Promise<CashDay[]> {
  const totals = await db
    .selectFrom('payment')
    .select(['cash_date', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('cash_date', '>=', from)
    .where('cash_date', '<=', to)
    .where('voided_at', 'is', null)
    .groupBy('cash_date')
    .execute();
  const closings = await closingQuery(db).where('d.date', '>=', from).where('d.date', '<=', to).execute();
  const days = new Map<string, CashDay>();
  for (const t of totals) days.set(t.cash_date, { date: t.cash_date, payments: Number(t.n), amount: Number(t.amount ?? 0), closed: null });
  for (const c of closings) {
    const day = days.get(c.date) ?? { date: c.date, payments: 0, amount: 0, closed: null };
    day.closed = closingOf(c);
    days.set(c.date, day);
  }
  return [...days.values()].sort((a, b) => b.date.localeCompare(a.date));
}

/** Visits whose money was taken per day (for the dashboard): paid count and amount. */
export async function paidTotalsOfDay(db: Executor, date: string): Promise<{ count: number; amount: number }> {
  const r = await db
    .selectFrom('payment')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('cash_date', '=', date)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), amount: Number(r.amount ?? 0) };
}
