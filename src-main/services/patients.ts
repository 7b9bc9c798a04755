import { payerLabels, type patientMethods } from '../contract';
import * as patients from '../db/repositories/patients';
import { dayCounts } from '../db/repositories/visits';
import { localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { searchPatients } from './search';
import { loadSharedSettings } from './settings';

export function patientHandlers(ctx: ServiceContext): Handlers<keyof typeof patientMethods> {
  const today = async () => localDate(ctx.now(), (await loadSharedSettings(ctx.db)).timeZone);

  return {
    'patients.search': (input) => searchPatients(ctx, input),
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
