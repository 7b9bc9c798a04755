import type { cashierDocumentMethods } from '../contract/methods/cashier-documents';
import { localDate } from '../domain/waktu';
import { dayRecap } from '../services/cashier';
import type { ServiceContext } from '../services/context';
import type { Handlers } from '../services/handler';
import { loadSharedSettings } from '../services/settings';
import { rekapKasDocument } from './templates/rekap-kas';

/** The kasir's printed documents. */
export function cashierDocumentHandlers(ctx: ServiceContext): Handlers<keyof typeof cashierDocumentMethods> {
  return {
    'documents.cashRecap': async ({ date }) => {
      const settings = await loadSharedSettings(ctx.db);
      const now = ctx.now();
      const recap = await dayRecap(ctx.db, date ?? localDate(now, settings.timeZone));
      return { title: `Rekap kas ${recap.date}`, html: rekapKasDocument(recap, settings, now), paper: { widthMm: 210, heightMm: 297 } };
    },
  };
}
