import { LoketError, type cashierMethods, type DayRecap, type Payment, type RecapLine, type SessionUser, type Visit } from '../contract';
import * as cash from '../db/repositories/cashier';
import type { Executor } from '../db/repositories/executor';
import { getVisit, markVisitPaid } from '../db/repositories/visit-records';
import { addDays, localClock, localDate, tanggalPanjang } from '../domain/waktu';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { loadSharedSettings } from './settings';

async function todayOf(ctx: ServiceContext): Promise<string> {
  return localDate(ctx.now(), (await loadSharedSettings(ctx.db)).timeZone);
}

/** Refuses any change to the payments of a closed cash day, saying who closed it and when. */
async function requireOpenDay(db: Executor, date: string, doing: string | null): Promise<void> {
  const closed = await cash.closingOfDay(db, date);
  if (!closed) return;
  const { timeZone } = await loadSharedSettings(db);
  const when = localClock(new Date(closed.closedAt), timeZone).replace(':', '.');
  const what = `Hari kas ${tanggalPanjang(date)} sudah ditutup oleh ${closed.closedByName} pukul ${when}`;
  throw new LoketError('CONFLICT', doing ? `${what}: ${doing} untuk hari itu tidak dapat dilakukan lagi.` : `${what}.`);
}

/**
 * Takes the fee of an umum visit: the one way a visit becomes paid (`visits.markPaid` calls it
 * too). Marks the visit and records who took the money, in one transaction.
 */
export async function payVisit(ctx: ServiceContext, visitId: number, cashier: SessionUser): Promise<{ visit: Visit; payment: Payment }> {
  const at = ctx.now().toISOString();
  const { paymentId, date } = await ctx.db.transaction().execute(async (trx) => {
    const visit = await getVisit(trx, visitId);
    if (!visit) throw new LoketError('NOT_FOUND', `Kunjungan dengan id ${visitId} tidak ditemukan.`);
    if (visit.payer !== 'umum' || visit.fee === 0) throw new LoketError('CONFLICT', 'Kunjungan ini tidak dikenai biaya di kasir.');
    if (visit.status === 'batal') throw new LoketError('CONFLICT', 'Kunjungan ini sudah dibatalkan: tidak ada biaya yang dibayar.');
    await requireOpenDay(trx, visit.date, 'pembayaran');
    if (!(await markVisitPaid(trx, visitId, at))) {
      const { timeZone } = await loadSharedSettings(trx);
      const paidAt = visit.paidAt ? localClock(new Date(visit.paidAt), timeZone).replace(':', '.') : '-';
      throw new LoketError('CONFLICT', `Kunjungan ini sudah dibayar (pukul ${paidAt}); tidak dibayar dua kali.`);
    }
    return { paymentId: await cash.insertPayment(trx, { visitId, at, cashierId: cashier.id }), date: visit.date };
  });
  ctx.events.emit('visits.changed', { visitId, change: 'paid' });
  ctx.events.emit('cashier.changed', { date, change: 'paid' });
  ctx.log.info(`kunjungan ${visitId} dibayar, pembayaran ${paymentId} oleh user ${cashier.id}`);
  return { visit: (await getVisit(ctx.db, visitId))!, payment: (await cash.getPayment(ctx.db, paymentId))! };
}

/** Counts a kwitansi printed (a SALINAN when `copy`): the recap shows how many reprints a day had. */
export async function recordReceiptPrint(ctx: ServiceContext, visitId: number, copy: boolean, userId: number | null): Promise<void> {
  await ctx.db.transaction().execute((trx) => cash.insertReceiptPrint(trx, { visitId, at: ctx.now().toISOString(), userId, copy }));
}

export async function livePaymentOfVisit(ctx: ServiceContext, visitId: number): Promise<Payment | undefined> {
  return cash.livePaymentOfVisit(ctx.db, visitId);
}

function linesBy(payments: readonly Payment[], keyOf: (p: Payment) => string, labelOf: (p: Payment) => string): RecapLine[] {
  const lines = new Map<string, RecapLine>();
  for (const p of payments) {
    const key = keyOf(p);
    const line = lines.get(key) ?? { key, label: labelOf(p), count: 0, amount: 0 };
    line.count++;
    line.amount += p.amount;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => b.amount - a.amount || a.label.localeCompare(b.label));
}

/** The cash recap of one day: live payments by tariff item and by cashier, voids, reprints, still unpaid. */
export async function dayRecap(db: Executor, date: string): Promise<DayRecap> {
  const payments = await cash.paymentsOfDay(db, date);
  const live = payments.filter((p) => p.voidedAt === null);
  const unpaid = await cash.unpaidVisits(db, date);
  return {
    date,
    byTariff: linesBy(
      live,
      (p) => p.tariffName,
      (p) => p.tariffName,
    ),
    byCashier: linesBy(
      live,
      (p) => String(p.cashierId ?? 0),
      (p) => p.cashierName,
    ),
    total: { count: live.length, amount: live.reduce((s, p) => s + p.amount, 0) },
    voids: payments.filter((p) => p.voidedAt !== null),
    copies: await cash.copiesOfDay(db, date),
    unpaid: { count: unpaid.length, amount: unpaid.reduce((s, v) => s + v.amount, 0) },
    closed: await cash.closingOfDay(db, date),
  };
}

export function cashierHandlers(ctx: ServiceContext): Handlers<keyof typeof cashierMethods> {
  return {
    'cashier.unpaid': async ({ date }) => cash.unpaidVisits(ctx.db, date ?? (await todayOf(ctx))),

    'cashier.pay': async ({ visitId }, call) => payVisit(ctx, visitId, actorOf(call)),

    'cashier.void': async ({ paymentId, reason }, call) => {
      const user = actorOf(call);
      const at = ctx.now().toISOString();
      const payment = await ctx.db.transaction().execute(async (trx) => {
        const p = await cash.getPayment(trx, paymentId);
        if (!p) throw new LoketError('NOT_FOUND', `Pembayaran dengan id ${paymentId} tidak ditemukan.`);
        if (p.voidedAt !== null) throw new LoketError('CONFLICT', `Pembayaran ini sudah dibatalkan oleh ${p.voidedByName ?? '-'}.`);
        await requireOpenDay(trx, p.date, 'pembatalan pembayaran');
        if (!(await cash.voidPayment(trx, paymentId, at, user.id, reason)))
          throw new LoketError('CONFLICT', 'Pembayaran ini baru saja dibatalkan oleh pengguna lain.');
        // The visit is unpaid again: it returns to the cashier's queue.
        await cash.clearVisitPaid(trx, p.visitId);
        return p;
      });
      ctx.events.emit('visits.changed', { visitId: payment.visitId, change: 'paid' });
      ctx.events.emit('cashier.changed', { date: payment.date, change: 'voided' });
      ctx.log.info(`pembayaran ${paymentId} dibatalkan oleh user ${user.id}`);
      return (await cash.getPayment(ctx.db, paymentId))!;
    },

    'cashier.payments': async ({ date }) => cash.paymentsOfDay(ctx.db, date ?? (await todayOf(ctx))),

    'cashier.dayRecap': async ({ date }) => dayRecap(ctx.db, date ?? (await todayOf(ctx))),

    'cashier.closeDay': async ({ date }, call) => {
      const user = actorOf(call);
      const today = await todayOf(ctx);
      const day = date ?? today;
      if (day > today) throw new LoketError('VALIDATION', 'Hari yang belum tiba tidak dapat ditutup.', [{ path: 'date', message: 'Belum tiba' }]);
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await requireOpenDay(trx, day, null);
        const recap = await dayRecap(trx, day);
        const inserted = await cash.insertClosing(trx, {
          date: day,
          at,
          userId: user.id,
          payments: recap.total.count,
          amount: recap.total.amount,
          voids: recap.voids.length,
        });
        if (!inserted) throw new LoketError('CONFLICT', `Hari kas ${tanggalPanjang(day)} sudah ditutup.`);
      });
      ctx.events.emit('cashier.changed', { date: day, change: 'closed' });
      ctx.log.info(`hari kas ${day} ditutup oleh user ${user.id}`);
      return dayRecap(ctx.db, day);
    },

    'cashier.days': async ({ from, to }) => {
      const end = to ?? (await todayOf(ctx));
      const start = from ?? addDays(end, -30);
      if (end < start) throw new LoketError('VALIDATION', 'Tanggal akhir sebelum tanggal awal.', [{ path: 'to', message: 'Sebelum tanggal awal' }]);
      if (Date.parse(end) - Date.parse(start) > 366 * 86_400_000)
        throw new LoketError('VALIDATION', 'Rentang paling lama satu tahun.', [{ path: 'from', message: 'Terlalu panjang' }]);
      return cash.cashDays(ctx.db, start, end);
    },
  };
}
