import { z } from 'zod';
import { method } from '../method';
import { idSchema } from '../schemas';

/** A print-ready HTML document (no scripts), shown in a preview and printed or turned into PDF. */
export const printableSchema = z.object({
  title: z.string(),
  html: z.string(),
  paper: z.object({ widthMm: z.number(), heightMm: z.number() }),
});
export type Printable = z.infer<typeof printableSchema>;

export const documentMethods = {
  'documents.patientCard': method({
    summary: 'Kartu berobat pasien dengan kode batang No. RM',
    guard: 'pasien:view',
    input: z.strictObject({ patientId: idSchema }),
    output: printableSchema,
  }),
  'documents.folderLabel': method({
    summary: 'Label map rekam medis: No. RM menurut urutan rak, kode batang, nama dan tahun lahir',
    guard: 'pasien:view',
    input: z.strictObject({ patientId: idSchema }),
    output: printableSchema,
  }),
  'documents.receipt': method({
    summary: 'Kwitansi biaya kunjungan pasien umum (SALINAN bila dicetak ulang)',
    guard: 'kunjungan:view',
    input: z.strictObject({ visitId: idSchema, copy: z.boolean().optional() }),
    output: printableSchema,
  }),
};
