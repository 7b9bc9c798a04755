import { z } from 'zod';
import { method } from '../method';
import { idSchema, isoDateSchema, optionalText } from '../schemas';
import { patientSummarySchema, payerSchema, sexSchema } from './patients';

export const religions = ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu', 'kepercayaan'] as const;
export const religionLabels: Record<(typeof religions)[number], string> = {
  islam: 'Islam',
  kristen: 'Kristen',
  katolik: 'Katolik',
  hindu: 'Hindu',
  buddha: 'Buddha',
  konghucu: 'Konghucu',
  kepercayaan: 'Kepercayaan terhadap Tuhan YME',
};
export const educations = ['belum_sekolah', 'tidak_sekolah', 'sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const educationLabels: Record<(typeof educations)[number], string> = {
  belum_sekolah: 'Belum sekolah',
  tidak_sekolah: 'Tidak/belum tamat SD',
  sd: 'SD/sederajat',
  smp: 'SMP/sederajat',
  sma: 'SMA/sederajat',
  diploma: 'Diploma (D1–D3)',
  s1: 'D4/S1',
  s2: 'S2',
  s3: 'S3',
};
export const maritalStatuses = ['belum_kawin', 'kawin', 'cerai_hidup', 'cerai_mati'] as const;
export const maritalLabels: Record<(typeof maritalStatuses)[number], string> = {
  belum_kawin: 'Belum kawin',
  kawin: 'Kawin',
  cerai_hidup: 'Cerai hidup',
  cerai_mati: 'Cerai mati',
};
export const bloodTypes = ['A', 'B', 'AB', 'O'] as const;

/** Letters of any script, spaces and the punctuation real names carry (H. Ahmad, Ni Luh Putu, O'Neil, Siti-Aisyah). */
export const personNameSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(2, 'Nama minimal 2 huruf')
      .max(100, 'Nama maksimal 100 karakter')
      .regex(/^[\p{L}][\p{L}\p{M} .,'-]*$/u, "Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof (') dan tanda hubung"),
  );

const nullableText = (max: number) => optionalText(max).nullable();
/** Digits as typed by a clerk (spaces, dots, dashes allowed); the service checks and normalises them. */
const typedNumber = z.string().trim().max(30, 'Terlalu panjang').nullable().optional();

const patientFields = {
  name: personNameSchema,
  nik: typedNumber,
  birthPlace: nullableText(60),
  birthDate: isoDateSchema,
  sex: sexSchema,
  addressStreet: nullableText(200),
  rt: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'RT 1–3 angka')
    .nullable()
    .optional(),
  rw: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'RW 1–3 angka')
    .nullable()
    .optional(),
  villageCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Kode desa/kelurahan Kemendagri berformat 00.00.00.0000')
    .nullable()
    .optional(),
  phone: typedNumber,
  bpjsNumber: typedNumber,
  bpjsClass: z
    .union([z.literal(1), z.literal(2), z.literal(3)])
    .nullable()
    .optional(),
  payerDefault: payerSchema.optional(),
  occupation: nullableText(60),
  education: z.enum(educations).nullable().optional(),
  religion: z.enum(religions).nullable().optional(),
  maritalStatus: z.enum(maritalStatuses).nullable().optional(),
  bloodType: z.enum(bloodTypes).nullable().optional(),
  motherName: personNameSchema.nullable().optional(),
  motherNik: typedNumber,
  kkNumber: typedNumber,
  familyHead: personNameSchema.nullable().optional(),
  emergencyName: personNameSchema.nullable().optional(),
  emergencyRelation: nullableText(40),
  emergencyPhone: typedNumber,
};

export const patientCreateSchema = z.strictObject({
  ...patientFields,
  /** The clerk saw the likely duplicates and confirms this is a different person. */
  ignoreSimilar: z.boolean().optional(),
});
export type PatientCreateInput = z.input<typeof patientCreateSchema>;

export const patientUpdateSchema = z.strictObject({
  id: idSchema,
  ...Object.fromEntries(Object.entries(patientFields).map(([k, v]) => [k, v.optional()])),
} as { id: typeof idSchema } & { [K in keyof typeof patientFields]: z.ZodOptional<(typeof patientFields)[K]> });

export const patientRecordSchema = z.object({
  id: idSchema,
  rmNumber: z.string(),
  name: z.string(),
  nik: z.string().nullable(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  sex: sexSchema,
  addressStreet: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  villageCode: z.string().nullable(),
  /** "Desa, Kecamatan, Kabupaten, Provinsi" when the village code is known. */
  regionPath: z.string().nullable(),
  phone: z.string().nullable(),
  bpjsNumber: z.string().nullable(),
  bpjsClass: z.number().int().nullable(),
  payerDefault: payerSchema,
  occupation: z.string().nullable(),
  education: z.enum(educations).nullable(),
  religion: z.enum(religions).nullable(),
  maritalStatus: z.enum(maritalStatuses).nullable(),
  bloodType: z.enum(bloodTypes).nullable(),
  motherName: z.string().nullable(),
  motherNik: z.string().nullable(),
  kkNumber: z.string().nullable(),
  familyHead: z.string().nullable(),
  emergencyName: z.string().nullable(),
  emergencyRelation: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  lastVisitDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;

const savedSchema = z.object({ patient: patientRecordSchema, warnings: z.array(z.string()) });

export const nikDecodedSchema = z.object({
  nik: z.string(),
  birthDate: z.string(),
  sex: sexSchema,
  districtCode: z.string(),
  /** "Kecamatan, Kabupaten, Provinsi" of issue, when the code is in the region table. */
  regionOfIssue: z.string().nullable(),
  warnings: z.array(z.string()),
});

export const duplicatesSchema = z.object({
  /** A live patient with the same NIK: registration is blocked, this one is offered instead. */
  sameNik: patientSummarySchema.nullable(),
  /** Similar name with the same or a near birth date: a warning with "pakai pasien ini". */
  similar: z.array(patientSummarySchema),
});

export const patientRecordMethods = {
  'patients.get': method({
    summary: 'Data identitas lengkap satu pasien',
    guard: 'pasien:view',
    input: z.strictObject({ id: idSchema }),
    output: patientRecordSchema,
  }),
  'patients.create': method({
    summary: 'Mendaftarkan pasien baru; No. RM dialokasikan dalam transaksi yang sama',
    guard: 'pasien:input',
    input: patientCreateSchema,
    output: savedSchema,
  }),
  'patients.update': method({
    summary: 'Mengoreksi data identitas pasien',
    guard: 'pasien:correction',
    input: patientUpdateSchema,
    output: savedSchema,
  }),
  'patients.decodeNik': method({
    summary: 'Memeriksa NIK dan membaca tanggal lahir, jenis kelamin dan wilayah terbitnya',
    guard: 'pasien:input',
    input: z.strictObject({ nik: z.string().max(40), birthDate: isoDateSchema.nullable().optional(), sex: sexSchema.nullable().optional() }),
    output: nikDecodedSchema,
  }),
  'patients.findDuplicates': method({
    summary: 'Pasien yang mungkin sama: NIK sama (memblokir) atau nama mirip dengan tanggal lahir sama/dekat (peringatan)',
    guard: 'pasien:input',
    input: z.strictObject({
      name: z.string().trim().max(100),
      birthDate: isoDateSchema.nullable().optional(),
      nik: z.string().max(40).nullable().optional(),
      excludeId: idSchema.optional(),
    }),
    output: duplicatesSchema,
  }),
};
