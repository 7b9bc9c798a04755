import { z } from 'zod';
import { method } from '../method';
import { printableSchema } from '../printable';
import { isoDateSchema } from '../schemas';

/** Printable documents of the kasir (served by the print layer). */
export const cashierDocumentMethods = {
  'documents.cashRecap': method({
    summary: 'Rekap kas harian (A4): per item tarif dan per kasir, pembatalan, tanda tangan kasir dan bendahara',
    guard: 'kasir:view',
    input: z.strictObject({ date: isoDateSchema.optional() }),
    output: printableSchema,
  }),
};
