import { payerLabels, type patientMethods } from '../contract';
import * as patients from '../db/repositories/patients';
import { dayCounts, registerRows } from '../db/repositories/visits';
import { DEFAULT_RM_WIDTH } from '../domain/defaults';
import { nameKey } from '../domain/nama';
import { localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { loadSharedSettings } from './settings';

export function patientHandlers(ctx: ServiceContext): Handlers<keyof typeof patientMethods> {
  const today = async () => localDate(ctx.now(), (await loadSharedSettings(ctx.db)).timeZone);

  return {
    'patients.search': async ({ query, limit = 20 }) => {
      const compact = query.replace(/[\s.\-/]/g, '');
      if (/^\d+$/.test(compact)) return patients.findByIdentifier(ctx.db, compact, DEFAULT_RM_WIDTH, limit);
      const key = nameKey(query);
      return key ? patients.findByNameKeyPrefix(ctx.db, key, limit) : [];
    },
    'register.daily': async ({ date }) => {
      const day = date ?? (await today());
      return { date: day, rows: await registerRows(ctx.db, day) };
    },
    'reports.daySummary': async ({ date }) => {
      const day = date ?? (await today());
      const counts = await dayCounts(ctx.db, day);
      return {
        date: day,
        visits: counts.visits,
        byUnit: counts.byUnit,
        byPayer: counts.byPayer.map((p) => ({ ...p, label: payerLabels[p.key as keyof typeof payerLabels] ?? p.key })),
        pasienBaru: counts.pasienBaru,
        kunjunganBaru: counts.kunjunganBaru,
        patientsTotal: await patients.countPatients(ctx.db),
      };
    },
  };
}
