import { z } from 'zod';
import { method } from '../method';
import { emptyInput, idSchema, isoDateSchema, optionalText, text } from '../schemas';
import { patientSummarySchema, payerSchema } from './patients';
import { clusterSchema } from './reference';

export const lifeStageLabels = { bayi: 'Bayi', balita: 'Balita', anak: 'Anak', remaja: 'Remaja', dewasa: 'Dewasa', lansia: 'Lansia' } as const;
export const lifeStageSchema = z.enum(['bayi', 'balita', 'anak', 'remaja', 'dewasa', 'lansia']);

export const visitStatuses = ['terdaftar', 'dilayani', 'selesai', 'batal'] as const;

export const visitSchema = z.object({
  id: idSchema,
  date: z.string(),
  /** Number of the visit in the day's register. */
  seq: z.number().int(),
  registeredAt: z.string(),
  patient: patientSummarySchema,
  payer: payerSchema,
  insuranceName: z.string().nullable(),
  unitId: idSchema,
  unitName: z.string(),
  cluster: clusterSchema,
  clusterReason: z.string().nullable(),
  lifeStage: lifeStageSchema.nullable(),
  emergency: z.boolean(),
  kunjunganBaru: z.boolean(),
  pasienBaru: z.boolean(),
  status: z.enum(visitStatuses),
  /** Rupiah; 0 for BPJS and other insurance. */
  fee: z.number().int(),
  tariffName: z.string().nullable(),
  paidAt: z.string().nullable(),
  appointmentId: idSchema.nullable(),
});
export type Visit = z.infer<typeof visitSchema>;

export const tariffSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  amount: z.number().int(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Tariff = z.infer<typeof tariffSchema>;

/** Everything the registration form needs to propose, in one call after the patient is picked. */
export const visitProposalSchema = z.object({
  patient: patientSummarySchema,
  date: z.string(),
  proposedCluster: z.enum(['klaster2', 'klaster3']),
  lifeStage: lifeStageSchema,
  clusterReason: z.string(),
  payer: payerSchema,
  kunjunganBaru: z.boolean(),
  pasienBaru: z.boolean(),
  /** Units this patient is already registered to today (a second registration warns). */
  registeredTodayUnitIds: z.array(idSchema),
  /** The appointment for today, if one is waiting (checking in registers the visit). */
  appointmentToday: z.object({ id: idSchema, unitId: idSchema, note: z.string().nullable() }).nullable(),
  /** The unit offered first (appointment, KIA, MTBS, Poli Lansia, Poli Umum …); the clerk may change it. */
  defaultUnitId: idSchema.nullable(),
  /** Each active unit with the cluster a (non-emergency) visit there is routed to unless overridden. */
  unitClusters: z.array(z.object({ unitId: idSchema, cluster: clusterSchema })),
});

export const visitRegisterSchema = z.strictObject({
  patientId: idSchema,
  payer: payerSchema,
  /** BPJS: the clerk confirmed this puskesmas is the patient's registered FKTP (seed 001 step 2). */
  bpjsFaskesConfirmed: z.boolean().optional(),
  insuranceName: optionalText(80).nullable(),
  emergency: z.boolean().optional(),
  /** Required unless emergency (then UGD). */
  unitId: idSchema.optional(),
  pregnantOrPostpartum: z.boolean().optional(),
  /** Overrides the proposed cluster; needs a reason. */
  cluster: clusterSchema.optional(),
  clusterReason: optionalText(200).nullable(),
  /** Umum patients: the tariff item to pay at the cashier (default: the first active). */
  tariffId: idSchema.optional(),
  /** Confirms a second registration of the patient to the same unit today. */
  allowSameUnitToday: z.boolean().optional(),
  appointmentId: idSchema.optional(),
  /** The loket ticket called for this patient: linked to the visit and finished. */
  queueTicketId: idSchema.optional(),
});

export const appointmentSchema = z.object({
  id: idSchema,
  date: z.string(),
  patient: patientSummarySchema,
  unitId: idSchema,
  unitName: z.string(),
  note: z.string().nullable(),
  status: z.enum(['terjadwal', 'hadir', 'batal']),
  visitId: idSchema.nullable(),
  createdAt: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const visitMethods = {
  'visits.propose': method({
    summary: 'Usulan pendaftaran kunjungan untuk satu pasien: klaster menurut tahap hidup, penjamin, kunjungan/pasien baru',
    guard: 'kunjungan:input',
    input: z.strictObject({ patientId: idSchema, pregnantOrPostpartum: z.boolean().optional() }),
    output: visitProposalSchema,
  }),
  'visits.register': method({
    summary: 'Mendaftarkan kunjungan: penjamin, unit/UGD, klaster; membuat permintaan berkas dan baris register',
    guard: 'kunjungan:input',
    input: visitRegisterSchema,
    output: z.object({ visit: visitSchema, warnings: z.array(z.string()) }),
  }),
  'visits.get': method({ summary: 'Satu kunjungan', guard: 'kunjungan:view', input: z.strictObject({ id: idSchema }), output: visitSchema }),
  'visits.markPaid': method({
    summary: 'Kasir: menandai biaya kunjungan pasien umum sudah dibayar',
    guard: 'kasir:input',
    input: z.strictObject({ visitId: idSchema }),
    output: visitSchema,
  }),
  'tariffs.list': method({
    summary: 'Daftar tarif pelayanan (Perda/Perwali)',
    guard: 'referensi:view',
    input: emptyInput,
    output: z.array(tariffSchema),
  }),
  'tariffs.save': method({
    summary: 'Menambah atau mengubah tarif pelayanan',
    guard: 'referensi:input',
    input: z.strictObject({
      id: idSchema.optional(),
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9-]{1,12}$/, 'Kode 1–12 karakter: huruf, angka atau minus'),
      name: text(120),
      amount: z.number().int('Tarif dalam rupiah bulat').min(0).max(100_000_000),
      active: z.boolean().optional(),
      sortOrder: z.number().int().min(0).max(9999).optional(),
    }),
    output: tariffSchema,
  }),
  'appointments.create': method({
    summary: 'Menjadwalkan kunjungan kontrol pasien pada tanggal dan unit tertentu',
    guard: 'kunjungan:input',
    input: z.strictObject({ patientId: idSchema, unitId: idSchema, date: isoDateSchema, note: optionalText(200).nullable() }),
    output: appointmentSchema,
  }),
  'appointments.list': method({
    summary: 'Jadwal kontrol pada rentang tanggal (bawaan: hari ini dan besok)',
    guard: 'kunjungan:view',
    input: z.strictObject({
      from: isoDateSchema.optional(),
      to: isoDateSchema.optional(),
      includeCancelled: z.boolean().optional(),
      /** One patient's appointments; without dates: from today for a year ahead. */
      patientId: idSchema.optional(),
    }),
    output: z.array(appointmentSchema),
  }),
  'appointments.cancel': method({
    summary: 'Membatalkan jadwal kontrol',
    guard: 'kunjungan:input',
    input: z.strictObject({ id: idSchema }),
    output: appointmentSchema,
  }),
};
