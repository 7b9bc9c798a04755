import { z } from 'zod';
import { method } from '../method';
import { idSchema } from '../schemas';
import { ticketPaperSchema, ticketPrinterAddressSchema } from '../ticket-printer';

import { printableSchema } from '../printable';
import { cashierDocumentMethods } from './cashier-documents';
import { letterDocumentMethods } from './letters';
import { registerDocumentMethods } from './register';

export { printableSchema, type Printable } from '../printable';
import { reportDocumentMethods } from './reports';

/**
 * A printed queue ticket: `escpos` — the host sent it to the ticket printer (Pengaturan → Komputer);
 * `html` — no printer on the host: the kiosk's browser prints `document` itself.
 */
export const ticketPrintSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('escpos'), sent: z.literal(true), printer: z.string(), bytes: z.number().int(), ms: z.number() }),
  z.object({ mode: z.literal('html'), sent: z.literal(false), document: printableSchema }),
]);
export type TicketPrint = z.infer<typeof ticketPrintSchema>;

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
  ...reportDocumentMethods,
  ...letterDocumentMethods,
  ...cashierDocumentMethods,
  ...registerDocumentMethods,
  'documents.patientCard': method({
    summary: 'Kartu berobat pasien dengan kode batang No. RM',
    guard: 'pasien:view',
    input: z.strictObject({ patientId: idSchema }),
    output: printableSchema,
  }),
  'documents.folderLabel': method({
    summary: 'Label map rekam medis: No. RM menurut urutan rak, kode batang, nama dan tahun lahir (jilid lama: kode "RM/J<n>")',
    guard: 'pasien:view',
    input: z.strictObject({ patientId: idSchema, volume: z.number().int().min(1).max(99).optional() }),
    output: printableSchema,
  }),
  'documents.receipt': method({
    summary: 'Kwitansi biaya kunjungan pasien umum (SALINAN bila dicetak ulang)',
    guard: 'kunjungan:view',
    input: z.strictObject({ visitId: idSchema, copy: z.boolean().optional() }),
    output: printableSchema,
  }),
  'documents.pullList': method({
    summary: 'Daftar tarik berkas (A4): urut rak per bagian rak, unit tujuan dan lama menunggu',
    guard: 'rekam_medis:view',
    input: z.strictObject({ unitId: idSchema.optional(), includeDone: z.boolean().optional() }),
    output: printableSchema,
  }),
  'documents.overdue': method({
    summary: 'Daftar berkas terlambat kembali (A4): per unit, dengan jam tutup, sejak kapan keluar dan lama keluar',
    guard: 'rekam_medis:view',
    input: z.strictObject({ unitId: idSchema.optional() }),
    output: printableSchema,
  }),
  'documents.tracer': method({
    summary: 'Tracer (pengganti berkas di rak): No. RM, nama, tanggal, tujuan dan peminta',
    guard: 'rekam_medis:view',
    input: z.strictObject({ folderId: idSchema, requestId: idSchema.optional() }),
    output: printableSchema,
  }),
  'documents.completenessSlip': method({
    summary: 'Slip kelengkapan rekam medis untuk unit: butir yang belum diisi',
    guard: 'rekam_medis:view',
    input: z.strictObject({ reviewId: idSchema }),
    output: printableSchema,
  }),
  'documents.queueTicket': method({
    summary: 'Karcis antrean hari ini: dikirim ke printer karcis (ESC/POS) atau HTML untuk dicetak peramban kios (SALINAN bila dicetak ulang)',
    // The kiosk has no login; the ticket carries no patient data. Device pairing comes with the security issue.
    guard: 'public',
    input: z.strictObject({ ticketId: idSchema, copy: z.boolean().optional() }),
    output: ticketPrintSchema,
  }),
  'documents.testTicketPrinter': method({
    summary: 'Cetak uji printer karcis: contoh karcis bertanda CETAK UJI ke alamat tersimpan atau yang sedang diisi',
    guard: 'pengaturan:correction',
    input: z.strictObject({ address: ticketPrinterAddressSchema.nullable().optional(), paperMm: ticketPaperSchema.optional() }),
    output: ticketPrintSchema,
  }),
};
