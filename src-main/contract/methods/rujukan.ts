import { z } from 'zod';
import { method } from '../method';
import { idSchema, optionalText, text } from '../schemas';
import { letterBaseInput } from './letters';
import { importFileSchema } from './patient-import';

/**
 * Rujukan (referral): the diagnosis list the puskesmas imports (no ICD list is bundled), the
 * directory of FKRTL with their specialties, the surat rujukan with the SISRUTE data set and its
 * status trail, the follow-up of admitted patients (seed 000 step 11) with rujuk balik notes, and
 * the internal referral slip (lintas klaster, seed 001 step 7).
 */

// ---------------------------------------------------------------------------------------------
// Diagnosis list

export const DIAGNOSIS_CODE_MAX = 20;
export const DIAGNOSIS_TEXT_MAX = 250;
/** Rows of a diagnosis file (ICD-10 has ± 14,000 codes; a local list with extensions stays well below). */
export const DIAGNOSIS_IMPORT_MAX_ROWS = 50_000;

export const diagnosisSchema = z.object({ code: z.string(), text: z.string(), active: z.boolean() });
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const diagnosisImportResultSchema = z.object({
  dryRun: z.boolean(),
  delimiter: z.string().nullable(),
  /** The first line held column names (`kode;nama`) and was skipped. */
  headerSkipped: z.boolean(),
  counts: z.object({
    rows: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    /** Codes in Loket but not in the file, set inactive (`replace`); in a dry run: would be. */
    deactivated: z.number().int(),
  }),
  /** Per rejected line (up to 500): line number as an editor shows it, the code read, the reason. */
  rejected: z.array(z.object({ row: z.number().int(), code: z.string().nullable(), message: z.string() })),
  /** The first rows that would be written (preview). */
  preview: z.array(z.object({ row: z.number().int(), code: z.string(), text: z.string(), change: z.enum(['baru', 'ubah', 'sama']) })),
  notes: z.array(z.string()),
  /** Active codes after the import (in a dry run: now). */
  listSize: z.number().int(),
});
export type DiagnosisImportResult = z.infer<typeof diagnosisImportResultSchema>;

// ---------------------------------------------------------------------------------------------
// Directory

export const specialtySchema = z.object({ facilityId: idSchema, name: z.string() });
export const directoryEntrySchema = z.object({
  facilityId: idSchema,
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  specialties: z.array(z.string()),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Surat rujukan

/** The status trail (seed 002): created → sent in SISRUTE → accepted / refused → departed → handed over. */
export const referralStatuses = ['dibuat', 'dikirim', 'diterima', 'ditolak', 'berangkat', 'serah_terima'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const referralStatusLabels: Record<ReferralStatus, string> = {
  dibuat: 'Dibuat',
  dikirim: 'Dikirim (SISRUTE)',
  diterima: 'Diterima RS',
  ditolak: 'Ditolak RS',
  berangkat: 'Pasien berangkat',
  serah_terima: 'Serah terima',
};

export const transportKinds = ['ambulans', 'kendaraan_dinas', 'pribadi'] as const;
export const transportLabels: Record<(typeof transportKinds)[number], string> = {
  ambulans: 'Ambulans',
  kendaraan_dinas: 'Kendaraan dinas',
  pribadi: 'Kendaraan pribadi/keluarga',
};

const vital = (min: number, max: number, label: string) =>
  z.number().min(min, `${label} minimal ${min}`).max(max, `${label} maksimal ${max}`).nullable().optional();

/** Vital signs as measured; every one may be missing (a child's blood pressure is rarely taken). */
export const vitalsSchema = z.strictObject({
  systolic: vital(40, 300, 'Sistolik'),
  diastolic: vital(20, 200, 'Diastolik'),
  pulse: vital(20, 250, 'Nadi'),
  respiration: vital(4, 80, 'Napas'),
  temperature: vital(30, 45, 'Suhu'),
  spo2: vital(40, 100, 'SpO2'),
  weightKg: vital(0.3, 300, 'Berat badan'),
  consciousness: optionalText(40),
});
export type Vitals = z.infer<typeof vitalsSchema>;

/** What the letter stores and prints (J's `letter.data`): the SISRUTE set as it was at issue. */
export const referralLetterDataSchema = z.object({
  patient: z.object({
    rmNumber: z.string(),
    name: z.string(),
    sex: z.string(),
    phone: z.string().nullable(),
    address: z.string(),
    birthPlace: z.string().nullable(),
    birthDate: z.string(),
    jknNumber: z.string().nullable(),
    nik: z.string().nullable(),
  }),
  anamnesis: z.string(),
  physicalExam: z.string(),
  vitals: vitalsSchema,
  supportingResults: z.string(),
  diagnosis: z.object({ code: z.string(), text: z.string(), fromList: z.boolean() }),
  therapy: z.string(),
  reason: z.string(),
  facility: z.object({ id: idSchema, code: z.string().nullable(), name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
  specialty: z.string(),
  emergency: z.boolean(),
});
export type ReferralLetterData = z.infer<typeof referralLetterDataSchema>;

export const referralCreateSchema = z.strictObject({
  /** patientId, visitId, signerId (the referring doctor), paper. */
  ...letterBaseInput,
  facilityId: idSchema.optional(),
  specialty: optionalText(80),
  emergency: z.boolean(),
  /** Riwayat penyakit (anamnesis). */
  anamnesis: text(2000),
  physicalExam: optionalText(2000),
  vitals: vitalsSchema.optional(),
  supportingResults: optionalText(2000),
  diagnosisCode: optionalText(DIAGNOSIS_CODE_MAX),
  /** Only when the diagnosis list is empty (nothing imported yet): the diagnosis as written. */
  diagnosisText: optionalText(DIAGNOSIS_TEXT_MAX),
  therapy: optionalText(2000),
  reason: text(1000),
});
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

export const referralEventSchema = z.object({
  id: idSchema,
  status: z.enum(referralStatuses),
  at: z.string(),
  userName: z.string().nullable(),
  note: z.string().nullable(),
  sisruteNumber: z.string().nullable(),
  reason: z.string().nullable(),
  transport: z.enum(transportKinds).nullable(),
  escortName: z.string().nullable(),
  familyInformedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  admitted: z.boolean().nullable(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

export const followUpKinds = ['perkembangan', 'rujuk_balik', 'selesai'] as const;
export const followUpKindLabels: Record<(typeof followUpKinds)[number], string> = {
  perkembangan: 'Perkembangan',
  rujuk_balik: 'Rujuk balik',
  selesai: 'Selesai dipantau',
};
export const followUpSchema = z.object({
  id: idSchema,
  kind: z.enum(followUpKinds),
  note: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
});

export const referralSchema = z.object({
  letterId: idSchema,
  number: z.string(),
  date: z.string(),
  status: z.enum(referralStatuses),
  emergency: z.boolean(),
  patient: z.object({ id: idSchema, rmNumber: z.string(), name: z.string() }),
  facility: z.object({ id: idSchema, name: z.string() }),
  specialty: z.string(),
  diagnosis: z.object({ code: z.string(), text: z.string() }),
  signerName: z.string(),
  sisruteNumber: z.string().nullable(),
  /** Set at serah terima: the patient was admitted (rawat inap) — on the follow-up list until closed. */
  admitted: z.boolean().nullable(),
  followUpClosed: z.boolean(),
  /** Statuses the trail may go to next (with this referral's emergency rules). */
  next: z.array(z.enum(referralStatuses)),
  events: z.array(referralEventSchema),
  followUps: z.array(followUpSchema),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralAdvanceSchema = z.strictObject({
  letterId: idSchema,
  status: z.enum(referralStatuses),
  note: optionalText(500),
  /** dikirim: the SISRUTE reference number. */
  sisruteNumber: optionalText(40),
  /** ditolak: why the hospital refused. */
  reason: optionalText(500),
  /** berangkat: how the patient travels and who escorts. */
  transport: z.enum(transportKinds).optional(),
  escortName: optionalText(120),
  /** Emergency: when the family was told (ISO time); at berangkat or at the latest at serah terima. */
  familyInformedAt: z.iso.datetime({ offset: true, message: 'Waktu harus berformat ISO (2026-11-23T08:30:00+07:00)' }).optional(),
  /** serah_terima: who received the patient at the hospital, and whether the patient was admitted. */
  receivedBy: optionalText(120),
  admitted: z.boolean().optional(),
});
export type ReferralAdvance = z.infer<typeof referralAdvanceSchema>;

// ---------------------------------------------------------------------------------------------
// Internal referral slip

export const internalReferralSchema = z.object({
  letterId: idSchema,
  number: z.string(),
  patient: z.object({ id: idSchema, rmNumber: z.string(), name: z.string() }),
  fromUnit: z.object({ id: idSchema, name: z.string() }).nullable(),
  toUnit: z.object({ id: idSchema, name: z.string() }),
  /** The folder's move to the unit, when the patient has a folder that could move. */
  folderMoved: z.boolean(),
  folderMessage: z.string().nullable(),
  /** The new ticket in the unit's poli queue, when today's visit had a ticket to transfer. */
  ticketCode: z.string().nullable(),
  queueMessage: z.string().nullable(),
});
export type InternalReferral = z.infer<typeof internalReferralSchema>;

/** What the slip stores and prints (`letter.data`, kind `rujukan_internal`). */
export const internalSlipDataSchema = z.object({
  patient: z.object({ rmNumber: z.string(), name: z.string(), sex: z.string(), birthDate: z.string() }),
  visitDate: z.string().nullable(),
  fromUnit: z.string().nullable(),
  toUnit: z.string(),
  request: z.string(),
  note: z.string(),
});
export type InternalSlipData = z.infer<typeof internalSlipDataSchema>;

export const internalReferralCreateSchema = z.strictObject({
  /** patientId, visitId, signerId (the referring doctor), paper. */
  ...letterBaseInput,
  toUnitId: idSchema,
  /** Unit the patient comes from (default: the visit's unit). */
  fromUnitId: idSchema.optional(),
  /** What the receiving unit is asked to do (pemeriksaan lab, perawatan gigi, tindakan). */
  request: text(500),
  note: optionalText(500),
});

// ---------------------------------------------------------------------------------------------

export const rujukanMethods = {
  'diagnoses.import': method({
    summary: 'Impor daftar diagnosis (CSV kode;nama): uji coba melaporkan baris ditolak; impor sebenarnya dalam satu transaksi',
    guard: 'referensi:input',
    maxBodyBytes: 16 * 1024 * 1024,
    input: z.strictObject({
      file: importFileSchema,
      dryRun: z.boolean(),
      /** Codes not in the file become inactive (a new edition of the list replaces the old one). */
      replace: z.boolean().optional(),
    }),
    output: diagnosisImportResultSchema,
  }),
  'diagnoses.search': method({
    summary: 'Mencari diagnosis menurut awal kode ("J06") atau kata pada nama ("ispa")',
    guard: 'session',
    input: z.strictObject({ query: text(60, 0), limit: z.number().int().min(1).max(50).optional() }),
    /** `listSize`: active codes in the list (0: nothing imported yet, the diagnosis is written freely). */
    output: z.object({ items: z.array(diagnosisSchema), listSize: z.number().int() }),
  }),
  'referrals.directory': method({
    summary: 'Direktori FKRTL tujuan rujukan dengan spesialis/poli tiap fasilitas',
    guard: 'referensi:view',
    input: z.strictObject({ includeInactive: z.boolean().optional() }),
    output: z.array(directoryEntrySchema),
  }),
  'facilities.saveSpecialties': method({
    summary: 'Menyimpan daftar spesialis/poli sebuah fasilitas tujuan rujukan',
    guard: 'referensi:input',
    input: z.strictObject({ facilityId: idSchema, specialties: z.array(text(80)).max(60, 'Maksimal 60 spesialis') }),
    output: directoryEntrySchema,
  }),
};

/** The surat rujukan, its trail and follow-up, and the internal slip (built on the letters core). */
export const referralMethods = {
  'letters.createReferral': method({
    summary: 'Menerbitkan surat rujukan ke FKRTL dengan data SISRUTE (nomor surat dialokasikan saat terbit)',
    guard: 'surat:input',
    input: referralCreateSchema,
    output: referralSchema,
  }),
  'referrals.get': method({
    summary: 'Satu rujukan dengan jejak statusnya dan catatan tindak lanjut',
    guard: 'surat:view',
    input: z.strictObject({ letterId: idSchema }),
    output: referralSchema,
  }),
  'referrals.list': method({
    summary: 'Daftar rujukan: yang masih berjalan (bawaan) atau menurut status',
    guard: 'surat:view',
    input: z.strictObject({
      status: z.enum(referralStatuses).optional(),
      /** true: also finished ones (serah terima, ditolak) of the last 30 days. */
      includeClosed: z.boolean().optional(),
      patientId: idSchema.optional(),
    }),
    output: z.array(referralSchema),
  }),
  'referrals.advance': method({
    summary: 'Mencatat langkah berikutnya pada jejak status rujukan (dengan waktu, petugas dan catatan)',
    guard: 'surat:input',
    input: referralAdvanceSchema,
    output: referralSchema,
  }),
  'referrals.followUps': method({
    summary: 'Pasien rujukan yang dirawat inap dan masih dipantau, dengan catatan perkembangan dan rujuk balik',
    guard: 'surat:view',
    input: z.strictObject({ includeClosed: z.boolean().optional() }),
    output: z.array(referralSchema),
  }),
  'referrals.addNote': method({
    summary: 'Menambah catatan tindak lanjut (perkembangan, rujuk balik, selesai dipantau) pada rujukan',
    guard: 'surat:input',
    input: z.strictObject({ letterId: idSchema, kind: z.enum(followUpKinds), note: text(1000) }),
    output: referralSchema,
  }),
  'letters.createInternal': method({
    summary: 'Slip rujukan internal (lintas klaster): mengirim pasien ke unit lain; berkas ikut pindah dan antrean dialihkan',
    guard: 'surat:input',
    input: internalReferralCreateSchema,
    output: internalReferralSchema,
  }),
};
