import { z } from 'zod';
import { method } from '../method';
import { isoDateSchema } from '../schemas';

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

/** People waiting in one queue lane now, and how long the first of them has waited. */
export const laneWaitSchema = z.object({
  lane: z.string(),
  kind: z.enum(['service', 'unit']),
  name: z.string(),
  waiting: z.number().int(),
  /** Whole minutes since the longest-waiting ticket was issued; null when nobody waits. */
  longestWaitMinutes: z.number().int().nullable(),
});

export const trendDaySchema = z.object({
  date: z.string(),
  total: z.number().int(),
  /** Visits per payer key (bpjs, umum, asuransi_lain). */
  byPayer: z.array(countSchema),
});

export const dashboardSchema = z.object({
  date: z.string(),
  /** True for today: the queue and folder figures are the state right now. */
  live: z.boolean(),
  generatedAt: z.string(),
  visits: z.number().int(),
  kunjunganBaru: z.number().int(),
  pasienBaru: z.number().int(),
  patientsTotal: z.number().int(),
  byUnit: z.array(countSchema),
  byPayer: z.array(countSchema),
  /** Live only (null for another day): the queue now. */
  queue: z
    .object({
      lanes: z.array(laneWaitSchema),
      waiting: z.number().int(),
      longest: laneWaitSchema.nullable(),
    })
    .nullable(),
  /** Live only (null for another day): paper folders out of the records room now, and overdue. */
  folders: z.object({ out: z.number().int(), overdue: z.number().int() }).nullable(),
  /** Umum visits of the day: paid and unpaid, with the amount taken. */
  cash: z.object({ paid: z.number().int(), unpaid: z.number().int(), amount: z.number().int() }),
  /** Surat rujukan issued on the day (not cancelled). */
  referrals: z.number().int(),
  /** The seven days ending on `date`, oldest first. */
  trend: z.array(trendDaySchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardMethods = {
  'dashboard.today': method({
    summary: 'Dasbor: kunjungan per unit dan penjamin, antrean dan tunggu terlama, berkas keluar/terlambat, rujukan, tren 7 hari',
    guard: 'laporan:view',
    input: z.strictObject({ date: isoDateSchema.optional() }),
    output: dashboardSchema,
  }),
};
