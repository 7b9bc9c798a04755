import { z } from 'zod';
import { method } from '../method';
import { idSchema, isoDateSchema, text } from '../schemas';
import { visitSchema } from './visits';

/** A visit waiting at the kasir: today's pasien umum with a fee not yet paid. */
export const unpaidVisitSchema = z.object({
  visitId: idSchema,
  date: z.string(),
  seq: z.number().int(),
  registeredAt: z.string(),
  patientName: z.string(),
  rmNumber: z.string(),
  unitName: z.string(),
  tariffName: z.string().nullable(),
  amount: z.number().int(),
});
export type UnpaidVisit = z.infer<typeof unpaidVisitSchema>;

export const paymentSchema = z.object({
  id: idSchema,
  visitId: idSchema,
  /** The cash day (the visit's date) this payment is counted in. */
  date: z.string(),
  seq: z.number().int(),
  patientName: z.string(),
  rmNumber: z.string(),
  unitName: z.string(),
  tariffName: z.string(),
  amount: z.number().int(),
  paidAt: z.string(),
  cashierId: idSchema.nullable(),
  /** "—" when the payment was recorded before the kasir screen existed. */
  cashierName: z.string(),
  voidedAt: z.string().nullable(),
  voidedByName: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** Kwitansi reprints (SALINAN) so far. */
  copies: z.number().int(),
});
export type Payment = z.infer<typeof paymentSchema>;

const closingSchema = z.object({
  closedAt: z.string(),
  closedById: idSchema,
  closedByName: z.string(),
  payments: z.number().int(),
  amount: z.number().int(),
  voids: z.number().int(),
});

const recapLineSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int(), amount: z.number().int() });
export type RecapLine = z.infer<typeof recapLineSchema>;

export const dayRecapSchema = z.object({
  date: z.string(),
  /** Payments not voided, by tariff item and by cashier. */
  byTariff: z.array(recapLineSchema),
  byCashier: z.array(recapLineSchema),
  total: z.object({ count: z.number().int(), amount: z.number().int() }),
  voids: z.array(paymentSchema),
  /** Kwitansi reprints (SALINAN) of this day's visits. */
  copies: z.number().int(),
  /** Umum visits of the day still unpaid. */
  unpaid: z.object({ count: z.number().int(), amount: z.number().int() }),
  closed: closingSchema.nullable(),
});
export type DayRecap = z.infer<typeof dayRecapSchema>;

export const cashDaySchema = z.object({
  date: z.string(),
  payments: z.number().int(),
  amount: z.number().int(),
  closed: closingSchema.nullable(),
});
export type CashDay = z.infer<typeof cashDaySchema>;

const dayInput = z.strictObject({ date: isoDateSchema.optional() });

export const cashierMethods = {
  'cashier.unpaid': method({
    summary: 'Antrean kasir: kunjungan pasien umum hari ini (atau tanggal lain) yang belum dibayar',
    guard: 'kasir:view',
    input: dayInput,
    output: z.array(unpaidVisitSchema),
  }),
  'cashier.pay': method({
    summary: 'Kasir menerima pembayaran biaya kunjungan pasien umum (dicatat siapa dan kapan)',
    guard: 'kasir:input',
    input: z.strictObject({ visitId: idSchema }),
    output: z.object({ visit: visitSchema, payment: paymentSchema }),
  }),
  'cashier.void': method({
    summary: 'Membatalkan pembayaran dengan alasan; kunjungan kembali belum dibayar',
    guard: 'kasir:correction',
    input: z.strictObject({ paymentId: idSchema, reason: text(200, 5) }),
    output: paymentSchema,
  }),
  'cashier.payments': method({
    summary: 'Pembayaran pada satu hari kas (termasuk yang dibatalkan)',
    guard: 'kasir:view',
    input: dayInput,
    output: z.array(paymentSchema),
  }),
  'cashier.dayRecap': method({
    summary: 'Rekap kas harian per item tarif dan per kasir, pembatalan, salinan kwitansi dan status tutup hari',
    guard: 'kasir:view',
    input: dayInput,
    output: dayRecapSchema,
  }),
  'cashier.closeDay': method({
    summary: 'Menutup hari kas: pembayaran hari itu tidak dapat diubah lagi',
    guard: 'kasir:input',
    input: dayInput,
    output: dayRecapSchema,
  }),
  'cashier.days': method({
    summary: 'Hari kas dalam rentang tanggal (bawaan: 31 hari terakhir) dengan jumlah pembayaran dan status tutup',
    guard: 'kasir:view',
    input: z.strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() }),
    output: z.array(cashDaySchema),
  }),
};
