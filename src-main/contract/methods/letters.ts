import { z } from 'zod';
import { checkLetterPattern } from '../letter-number';
import { method } from '../method';
import { idSchema, isoDateSchema, optionalText, text } from '../schemas';
import { downloadSchema } from './register';
import { appointmentSchema } from './visits';
import { printableSchema } from '../printable';
import { professions } from './reference';

/** Every kind of letter Loket issues; `rujukan` and `rujukan_internal` are built on the same core. */
export const letterKinds = ['sakit', 'sehat', 'rujukan', 'rujukan_internal'] as const;
export const letterKindSchema = z.enum(letterKinds);
export type LetterKind = z.infer<typeof letterKindSchema>;
export const letterKindLabels: Record<LetterKind, string> = {
  sakit: 'Surat keterangan sakit',
  sehat: 'Surat keterangan sehat',
  rujukan: 'Surat rujukan',
  rujukan_internal: 'Rujukan internal',
};

/** A4 or F4 (folio, 215 × 330 mm), the two papers Indonesian offices print letters on. */
export const letterPapers = ['A4', 'F4'] as const;
export const letterPaperSchema = z.enum(letterPapers);
export type LetterPaper = z.infer<typeof letterPaperSchema>;
export const letterPaperMm: Record<LetterPaper, { widthMm: number; heightMm: number }> = {
  A4: { widthMm: 210, heightMm: 297 },
  F4: { widthMm: 215, heightMm: 330 },
};

export const letterStatuses = ['terbit', 'batal'] as const;
export const letterStatusLabels: Record<(typeof letterStatuses)[number], string> = { terbit: 'Terbit', batal: 'Dibatalkan' };

/** Settings shared by every letter (Pengaturan → Surat); the kop's other lines come from `puskesmas`. */
export const letterSettingsSchema = z.object({
  /** The logo of the kop surat as a `data:image/png|jpeg|svg+xml;base64,…` URL; '' = none. */
  logoDataUrl: z.string(),
  /** The short code of the puskesmas in numbers, e.g. PKM-SJ ({unitCode}). */
  unitCode: z.string(),
  /** The place written before the date under a letter: "Sukajaya, 23 November 2026". */
  place: z.string(),
  /** Number pattern per kind, e.g. `445/{seq:3}/PKM-SJ/{romanMonth}/{year}` (see domain/surat). */
  patterns: z.object({ sakit: z.string(), sehat: z.string(), rujukan: z.string(), rujukan_internal: z.string() }),
  paper: letterPaperSchema,
  /** The longest sick leave without a recorded re-examination (seed 000: 3 days, back on day 4). */
  sickLeaveMaxDays: z.number().int(),
  sickLeaveMessage: z.string(),
});
export type LetterSettings = z.infer<typeof letterSettingsSchema>;

export const LOGO_MAX_BYTES = 300 * 1024;
const logoSchema = z.union([
  z.literal(''),
  z
    .string()
    .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, 'Logo terlalu besar (maksimal 300 KB)')
    .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, 'Logo harus gambar PNG, JPEG atau SVG'),
]);
const patternText = text(80).superRefine((pattern, issue) => {
  const check = checkLetterPattern(pattern);
  if (!check.ok) issue.addIssue({ code: 'custom', message: check.reason });
});
export const letterSettingsPatchSchema = z
  .strictObject({
    logoDataUrl: logoSchema,
    unitCode: optionalText(20),
    place: optionalText(60),
    // All four at once: stored settings merge one level deep.
    patterns: z.strictObject({ sakit: patternText, sehat: patternText, rujukan: patternText, rujukan_internal: patternText }),
    paper: letterPaperSchema,
    sickLeaveMaxDays: z.number().int().min(1, 'Minimal 1 hari').max(30, 'Maksimal 30 hari'),
    sickLeaveMessage: text(300),
  })
  .partial();

const personSchema = z.object({ id: idSchema, name: z.string() });
export const letterSignerSchema = z.object({
  id: idSchema,
  name: z.string(),
  profession: z.enum(professions),
  nip: z.string().nullable(),
  sip: z.string().nullable(),
  str: z.string().nullable(),
});
export type LetterSigner = z.infer<typeof letterSignerSchema>;

/** One issued letter as every screen and template sees it; `data` is parsed by the kind's schema. */
export const letterSchema = z.object({
  id: idSchema,
  kind: letterKindSchema,
  number: z.string(),
  seq: z.number().int(),
  year: z.number().int(),
  patient: z.object({ id: idSchema, rmNumber: z.string(), name: z.string() }),
  visitId: idSchema.nullable(),
  signer: letterSignerSchema,
  issuedAt: z.string(),
  issuedDate: z.string(),
  issuedBy: personSchema,
  data: z.record(z.string(), z.unknown()),
  verifyCode: z.string(),
  status: z.enum(letterStatuses),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  paper: letterPaperSchema,
  prints: z.number().int(),
  lastPrintedAt: z.string().nullable(),
  /** The PDF copy in the data folder was written (null: not yet — it is retried by letters.pdf). */
  archivedAt: z.string().nullable(),
});
export type Letter = z.infer<typeof letterSchema>;

/** What every kind's create method takes besides its own fields. */
export const letterBaseInput = {
  patientId: idSchema,
  visitId: idSchema.optional(),
  /** The practitioner who signs: must be active. */
  signerId: idSchema,
  /** Default: Pengaturan → Surat. */
  paper: letterPaperSchema.optional(),
};

/** The patient's occupation as printed: the patient's own field unless the letter states another. */
const occupationSchema = optionalText(80);

/** Fields of a sick-leave letter, stored in `letter.data`. */
export const sickLeaveDataSchema = z.object({
  occupation: z.string(),
  address: z.string(),
  ageYears: z.number().int(),
  sex: z.enum(['L', 'P']),
  examinationDate: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  purpose: z.string(),
  diagnosis: z.string(),
  diagnosisConsent: z.boolean(),
  reexamination: z.object({ recordedById: idSchema, recordedByName: z.string(), note: z.string(), controlDate: z.string() }).nullable(),
  appointmentId: idSchema.nullable(),
});
export type SickLeaveData = z.infer<typeof sickLeaveDataSchema>;

export const MAX_LEAVE_DAYS = 30;
export const sickLeaveInputSchema = z.strictObject({
  ...letterBaseInput,
  occupation: occupationSchema,
  examinationDate: isoDateSchema.optional(),
  startDate: isoDateSchema,
  /** Either the number of days or the last day (inclusive); both must agree when both are given. */
  days: z.number().int('Jumlah hari harus bilangan bulat').optional(),
  endDate: isoDateSchema.optional(),
  /** "untuk keperluan …" (school, employer); optional. */
  purpose: optionalText(120),
  diagnosis: optionalText(200),
  /** Printed only when the patient agrees (a checkbox, default off). */
  diagnosisConsent: z.boolean().optional(),
  /** Needed beyond the policy's longest leave: the doctor who records the re-examination. */
  reexamination: z
    .strictObject({
      recordedBy: idSchema,
      note: text(200),
      /** Unit of the control visit; default: the visit's unit, else the signer's. */
      unitId: idSchema.optional(),
    })
    .optional(),
});
export type SickLeaveInput = z.infer<typeof sickLeaveInputSchema>;

export const colorVisionValues = ['normal', 'buta_warna_parsial', 'buta_warna_total'] as const;
export const colorVisionLabels: Record<(typeof colorVisionValues)[number], string> = {
  normal: 'Normal (tidak buta warna)',
  buta_warna_parsial: 'Buta warna parsial',
  buta_warna_total: 'Buta warna total',
};

/** Fields of a health letter (surat keterangan sehat), stored in `letter.data`. */
export const healthDataSchema = z.object({
  occupation: z.string(),
  address: z.string(),
  ageYears: z.number().int(),
  sex: z.enum(['L', 'P']),
  examinationDate: z.string(),
  purpose: z.string(),
  heightCm: z.number().nullable(),
  weightKg: z.number().nullable(),
  bloodPressure: z.string().nullable(),
  pulse: z.number().int().nullable(),
  bloodType: z.string().nullable(),
  colorVision: z.enum(colorVisionValues).nullable(),
  note: z.string(),
  conclusion: z.string(),
});
export type HealthData = z.infer<typeof healthDataSchema>;

export const healthInputSchema = z.strictObject({
  ...letterBaseInput,
  occupation: occupationSchema,
  examinationDate: isoDateSchema.optional(),
  purpose: text(120),
  heightCm: z.number().min(30).max(250).nullable().optional(),
  weightKg: z.number().min(1).max(300).nullable().optional(),
  bloodPressure: z
    .string()
    .trim()
    .regex(/^\d{2,3}\/\d{2,3}$/, 'Tekanan darah ditulis mis. 120/80')
    .nullable()
    .optional(),
  pulse: z.number().int().min(20).max(250).nullable().optional(),
  bloodType: z.enum(['A', 'B', 'AB', 'O']).nullable().optional(),
  colorVision: z.enum(colorVisionValues).nullable().optional(),
  note: optionalText(300),
  /** What the doctor concludes; default "SEHAT". */
  conclusion: optionalText(120),
});
export type HealthInput = z.infer<typeof healthInputSchema>;

/** What an unauthenticated verifier may see: no full name, no address, no diagnosis. */
export const letterVerificationSchema = z.object({
  /** `sah`: issued and valid; `batal`: issued then cancelled; `tidak_sah`: the code was altered; `tidak_dikenal`: no such letter. */
  result: z.enum(['sah', 'batal', 'tidak_sah', 'tidak_dikenal']),
  message: z.string(),
  letter: z
    .object({
      kind: letterKindSchema,
      kindLabel: z.string(),
      number: z.string(),
      issuedDate: z.string(),
      patientInitials: z.string(),
      rmTail: z.string(),
      signerName: z.string(),
      puskesmasName: z.string(),
      status: z.enum(letterStatuses),
      cancelledDate: z.string().nullable(),
    })
    .nullable(),
});
export type LetterVerification = z.infer<typeof letterVerificationSchema>;

export const letterListInputSchema = z.strictObject({
  kind: letterKindSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  patientId: idSchema.optional(),
  /** Number, patient name or RM number. */
  text: optionalText(60),
  status: z.enum(letterStatuses).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

export const letterMethods = {
  'letters.createSickLeave': method({
    summary: 'Menerbitkan surat keterangan sakit (nomor, kode verifikasi; kontrol dijadwalkan bila istirahat melebihi kebijakan)',
    guard: 'surat:input',
    input: sickLeaveInputSchema,
    output: z.object({ letter: letterSchema, appointment: appointmentSchema.nullable() }),
  }),
  'letters.createHealth': method({
    summary: 'Menerbitkan surat keterangan sehat',
    guard: 'surat:input',
    input: healthInputSchema,
    output: letterSchema,
  }),
  'letters.get': method({ summary: 'Satu surat', guard: 'surat:view', input: z.strictObject({ id: idSchema }), output: letterSchema }),
  'letters.list': method({
    summary: 'Daftar surat menurut jenis, tanggal, pasien atau teks (nomor, nama, No. RM)',
    guard: 'surat:view',
    input: letterListInputSchema,
    output: z.array(letterSchema),
  }),
  'letters.cancel': method({
    summary: 'Membatalkan surat dengan alasan (nomornya tidak dipakai lagi)',
    guard: 'surat:correction',
    input: z.strictObject({ id: idSchema, reason: text(200) }),
    output: letterSchema,
  }),
  'letters.verify': method({
    summary: 'Memeriksa kode verifikasi surat: jenis, nomor, tanggal, inisial pasien, penanda tangan, status',
    // Read-only and minimal: the person holding the paper checks it (rate limiting comes with #8).
    guard: 'public',
    input: z.strictObject({ code: z.string().trim().max(40) }),
    output: letterVerificationSchema,
  }),
};

/** Served by the print layer (they need the templates and the PDF engine). */
export const letterDocumentMethods = {
  'documents.letter': method({
    summary: 'Surat siap cetak (A4/F4) dengan kop, QR verifikasi; SALINAN bila sudah pernah dicetak. Setiap cetak dicatat',
    guard: 'surat:view',
    input: z.strictObject({ id: idSchema, copy: z.boolean().optional() }),
    output: printableSchema,
  }),
  'letters.pdf': method({
    summary: 'PDF surat (dari arsip di folder data, atau dibuat ulang); dicatat sebagai cetak',
    guard: 'surat:view',
    input: z.strictObject({ id: idSchema, copy: z.boolean().optional() }),
    output: downloadSchema,
  }),
};
