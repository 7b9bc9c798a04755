import { z } from 'zod';
import { method } from '../method';
import { printableSchema } from '../printable';
import { idSchema, isoDateSchema } from '../schemas';
import { payerLabels, payerSchema, sexSchema } from './patients';
import { clusterSchema } from './reference';

/** The longest period one register covers (a month's register fits on paper and in one request). */
export const REGISTER_MAX_DAYS = 31;

/**
 * Which visits a register shows: one day (`date`, today by default) or the days `date`..`dateTo`
 * (at most 31), narrowed by unit, cluster and payer.
 */
export const registerFilterSchema = z.strictObject({
  date: isoDateSchema.optional(),
  /** The last day of a range, inclusive; omitted for one day. */
  dateTo: isoDateSchema.optional(),
  unitId: idSchema.optional(),
  cluster: clusterSchema.optional(),
  payer: payerSchema.optional(),
});
export type RegisterFilter = z.infer<typeof registerFilterSchema>;

/** Age as the register writes it: whole years; months under one year; days under one month. */
export const ageSchema = z.object({ value: z.number().int(), unit: z.enum(['th', 'bln', 'hr']) });

export const registerRowSchema = z.object({
  visitId: idSchema,
  /** The visit's number of the day (its place in the register). */
  seq: z.number().int(),
  visitDate: z.string(),
  registeredAt: z.string(),
  rmNumber: z.string(),
  patientName: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  /** Null when the recorded birth date is after the visit (a data error to correct). */
  age: ageSchema.nullable(),
  /** `35 th`, `7 bln`, `12 hr`. */
  ageText: z.string(),
  village: z.string().nullable(),
  payer: payerSchema,
  bpjsNumber: z.string().nullable(),
  insuranceName: z.string().nullable(),
  unitId: idSchema,
  unitName: z.string(),
  cluster: clusterSchema,
  kunjunganBaru: z.boolean(),
  pasienBaru: z.boolean(),
  emergency: z.boolean(),
  /** A referral letter (surat rujukan) not cancelled was issued for this visit. */
  referredOut: z.boolean(),
  /** Rupiah billed (umum only; 0 otherwise). */
  fee: z.number().int(),
  paid: z.boolean(),
  paidAt: z.string().nullable(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

/** The payer as the register writes it: "BPJS 0001234567890", "Umum", "Asuransi lain (Mandiri)". */
export function registerPayerText(row: Pick<RegisterRow, 'payer' | 'bpjsNumber' | 'insuranceName'>): string {
  if (row.payer === 'bpjs') return row.bpjsNumber ? `BPJS ${row.bpjsNumber}` : 'BPJS';
  if (row.payer === 'asuransi_lain' && row.insuranceName) return `${payerLabels.asuransi_lain} (${row.insuranceName})`;
  return payerLabels[row.payer];
}

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const registerTotalsSchema = z.object({
  visits: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  kunjunganBaru: z.number().int(),
  kunjunganLama: z.number().int(),
  pasienBaru: z.number().int(),
  pasienLama: z.number().int(),
  referredOut: z.number().int(),
  byPayer: z.array(countSchema),
  byUnit: z.array(countSchema),
  /** Umum fees: billed and already paid, in rupiah. */
  feeBilled: z.number().int(),
  feePaid: z.number().int(),
});
export type RegisterTotals = z.infer<typeof registerTotalsSchema>;

export const registerSchema = z.object({
  /** First day (the only day for a one-day register). */
  date: z.string(),
  dateTo: z.string(),
  unitId: idSchema.nullable(),
  cluster: clusterSchema.nullable(),
  payer: payerSchema.nullable(),
  /** The period and the filters in words, as the printout and the Excel file head them. */
  description: z.string(),
  rows: z.array(registerRowSchema),
  totals: registerTotalsSchema,
});
export type Register = z.infer<typeof registerSchema>;

/** A file for the clerk to save: base64 in the JSON reply, the same over IPC and HTTP. */
export const downloadSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number().int() });
export type Download = z.infer<typeof downloadSchema>;

export const registerPapers = ['A4', 'F4'] as const;

export const registerMethods = {
  'register.daily': method({
    summary: 'Register harian: satu baris per kunjungan pada tanggal (atau rentang ≤ 31 hari) itu, dengan filter unit, klaster, penjamin dan jumlah',
    guard: 'register:view',
    input: registerFilterSchema,
    output: registerSchema,
  }),
};

/**
 * Spread into `documentMethods`: the print layer answers these (the printout, and the Excel file,
 * whose writer lives in print/ beside the templates).
 */
export const registerDocumentMethods = {
  'register.exportXlsx': method({
    summary: 'Register harian sebagai berkas Excel (.xlsx, base64): baris judul, kepala kolom beku, filter otomatis, sel tanggal dan angka',
    guard: 'register:view',
    input: registerFilterSchema,
    output: downloadSchema,
  }),
  'documents.register': method({
    summary: 'Register harian untuk dicetak (A4 atau F4 melintang) dengan kop puskesmas, filter, jumlah dan nomor halaman',
    guard: 'register:view',
    input: registerFilterSchema.extend({ paper: z.enum(registerPapers).optional() }),
    output: printableSchema,
  }),
};
