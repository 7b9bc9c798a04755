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

/** Which of the workstation's printers a document goes to (Pengaturan → Komputer). */
export const printerRoles = ['letter', 'label'] as const;
export type PrinterRole = (typeof printerRoles)[number];

/** A print job from the renderer to the Electron shell (`window.loket.print`), checked there. */
export const printRequestSchema = z.strictObject({
  printable: z.strictObject({
    title: z.string().max(200),
    html: z.string().max(4 * 1024 * 1024),
    paper: z.strictObject({ widthMm: z.number().min(20).max(420), heightMm: z.number().min(20).max(600) }),
  }),
  printer: z.enum(printerRoles),
});
export type PrintRequest = z.infer<typeof printRequestSchema>;

/** `printer` null: the system print dialog was shown; `cancelled`: the clerk closed it. */
export interface PrintOutcome {
  printer: string | null;
  cancelled: boolean;
}

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
