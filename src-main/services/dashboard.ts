import { payerLabels, payers, type Dashboard, type dashboardMethods } from '../contract';
import { paidTotalsOfDay, unpaidVisits } from '../db/repositories/cashier';
import { laneWaits, referralsIssuedOn, visitsPerDayAndPayer } from '../db/repositories/dashboard';
import { foldersOut } from '../db/repositories/folders';
import { countPatients } from '../db/repositories/patients';
import { dayCounts } from '../db/repositories/visits';
import { addDays, localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import { buildOverdue } from './folders';
import type { Handlers } from './handler';
import { loadSharedSettings } from './settings';

const payerLabel = (key: string) => payerLabels[key as keyof typeof payerLabels] ?? key;

/** The live figures (queue now, folders out now) exist for today only; another day shows its totals. */
async function liveFigures(ctx: ServiceContext, date: string, now: Date): Promise<Pick<Dashboard, 'queue' | 'folders'>> {
  const lanes = (await laneWaits(ctx.db, date)).map((l) => ({
    lane: l.lane,
    kind: l.serviceId !== null ? ('service' as const) : ('unit' as const),
    name: l.name,
    waiting: l.waiting,
    longestWaitMinutes: l.oldestWaitingAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(l.oldestWaitingAt)) / 60_000)),
  }));
  const longest = lanes.reduce<(typeof lanes)[number] | null>(
    (best, l) => (l.longestWaitMinutes !== null && (best === null || l.longestWaitMinutes > best.longestWaitMinutes!) ? l : best),
    null,
  );
  const [out, overdue] = await Promise.all([foldersOut(ctx.db), buildOverdue(ctx)]);
  return {
    queue: { lanes, waiting: lanes.reduce((s, l) => s + l.waiting, 0), longest },
    folders: { out: out.length, overdue: overdue.items.length },
  };
}

export function dashboardHandlers(ctx: ServiceContext): Handlers<keyof typeof dashboardMethods> {
  return {
    'dashboard.today': async ({ date }) => {
      const now = ctx.now();
      const today = localDate(now, (await loadSharedSettings(ctx.db)).timeZone);
      const day = date ?? today;
      const live = day === today;
      const from = addDays(day, -6);
      const [counts, patientsTotal, perDay, paid, unpaid, referrals, figures] = await Promise.all([
        dayCounts(ctx.db, day),
        countPatients(ctx.db),
        visitsPerDayAndPayer(ctx.db, from, day),
        paidTotalsOfDay(ctx.db, day),
        unpaidVisits(ctx.db, day),
        referralsIssuedOn(ctx.db, day),
        live ? liveFigures(ctx, day, now) : Promise.resolve({ queue: null, folders: null }),
      ]);
      const trend = Array.from({ length: 7 }, (_, i) => {
        const d = addDays(from, i);
        const rows = perDay.filter((r) => r.date === d);
        return {
          date: d,
          total: rows.reduce((s, r) => s + r.count, 0),
          byPayer: payers.map((p) => ({ key: p, label: payerLabel(p), count: rows.find((r) => r.payer === p)?.count ?? 0 })),
        };
      });
      return {
        date: day,
        live,
        generatedAt: now.toISOString(),
        visits: counts.visits,
        kunjunganBaru: counts.kunjunganBaru,
        pasienBaru: counts.pasienBaru,
        patientsTotal,
        byUnit: counts.byUnit,
        byPayer: counts.byPayer.map((p) => ({ ...p, label: payerLabel(p.key) })),
        ...figures,
        cash: { paid: paid.count, unpaid: unpaid.length, amount: paid.amount },
        referrals,
        trend,
      };
    },
  };
}
