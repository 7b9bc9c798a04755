import { z } from 'zod';
import { method } from '../method';
import { clockTimeSchema, emptyInput, idSchema, optionalText, text } from '../schemas';

/** ILP clusters (KMK HK.01.07/MENKES/2015/2023); `lintas` = lintas klaster (UGD, farmasi, lab, …). */
export const clusters = ['klaster1', 'klaster2', 'klaster3', 'klaster4', 'lintas'] as const;
export const clusterSchema = z.enum(clusters);
export type Cluster = z.infer<typeof clusterSchema>;
export const clusterLabels: Record<Cluster, string> = {
  klaster1: 'Klaster 1 — Manajemen',
  klaster2: 'Klaster 2 — Ibu, Anak dan Remaja',
  klaster3: 'Klaster 3 — Dewasa dan Lansia',
  klaster4: 'Klaster 4 — Penanggulangan Penyakit Menular',
  lintas: 'Lintas Klaster',
};

const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{1,12}$/, 'Kode 1–12 karakter: huruf, angka atau minus');

export const unitSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  cluster: clusterSchema,
  closingTime: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;

export const serviceSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  prefix: z.string(),
  dailyCap: z.number().int().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Service = z.infer<typeof serviceSchema>;

export const counterSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  name: z.string(),
  serviceIds: z.array(idSchema),
  active: z.boolean(),
});
export type Counter = z.infer<typeof counterSchema>;

export const professions = ['dokter', 'dokter_gigi', 'bidan', 'perawat', 'perawat_gigi', 'analis', 'apoteker', 'lainnya'] as const;
export const professionLabels: Record<(typeof professions)[number], string> = {
  dokter: 'Dokter',
  dokter_gigi: 'Dokter Gigi',
  bidan: 'Bidan',
  perawat: 'Perawat',
  perawat_gigi: 'Perawat Gigi',
  analis: 'Analis Kesehatan',
  apoteker: 'Apoteker',
  lainnya: 'Lainnya',
};
export const practitionerSchema = z.object({
  id: idSchema,
  name: z.string(),
  profession: z.enum(professions),
  nip: z.string().nullable(),
  sip: z.string().nullable(),
  str: z.string().nullable(),
  unitId: idSchema.nullable(),
  active: z.boolean(),
});
export type Practitioner = z.infer<typeof practitionerSchema>;

export const facilityKinds = ['rs', 'rs_khusus', 'klinik_utama', 'puskesmas', 'laboratorium', 'lainnya'] as const;
export const facilityKindLabels: Record<(typeof facilityKinds)[number], string> = {
  rs: 'Rumah Sakit Umum',
  rs_khusus: 'Rumah Sakit Khusus',
  klinik_utama: 'Klinik Utama',
  puskesmas: 'Puskesmas',
  laboratorium: 'Laboratorium',
  lainnya: 'Lainnya',
};
export const facilitySchema = z.object({
  id: idSchema,
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(facilityKinds),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
});
export type Facility = z.infer<typeof facilitySchema>;

export const regionLevels = { provinsi: 1, kabupaten: 2, kecamatan: 3, desa: 4 } as const;
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(4),
  /** "Desa, Kecamatan, Kabupaten, Provinsi" for pickers. */
  path: z.string(),
});
export type Region = z.infer<typeof regionSchema>;

const nipSchema = z
  .string()
  .trim()
  .regex(/^\d{18}$/, 'NIP terdiri dari 18 angka')
  .nullable()
  .optional();
const active = z.boolean().optional();
const optionalId = idSchema.optional();

export const referenceMethods = {
  'units.list': method({ summary: 'Daftar unit layanan dan klasternya', guard: 'public', input: emptyInput, output: z.array(unitSchema) }),
  'units.save': method({
    summary: 'Menambah atau mengubah unit layanan',
    guard: 'referensi:input',
    input: z.strictObject({
      id: optionalId,
      code: codeSchema,
      name: text(80),
      cluster: clusterSchema,
      closingTime: clockTimeSchema.nullable().optional(),
      active,
      sortOrder: z.number().int().min(0).max(9999).optional(),
    }),
    output: unitSchema,
  }),
  'services.list': method({
    summary: 'Daftar layanan antrean dan prefiks tiketnya',
    guard: 'public',
    input: emptyInput,
    output: z.array(serviceSchema),
  }),
  'services.save': method({
    summary: 'Menambah atau mengubah layanan antrean',
    guard: 'referensi:input',
    input: z.strictObject({
      id: optionalId,
      code: codeSchema,
      name: text(80),
      prefix: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{1,2}$/, 'Prefiks tiket 1–2 huruf'),
      dailyCap: z.number().int().min(1).max(9999).nullable().optional(),
      active,
      sortOrder: z.number().int().min(0).max(9999).optional(),
    }),
    output: serviceSchema,
  }),
  'counters.list': method({
    summary: 'Daftar loket dan layanan yang dilayaninya',
    guard: 'public',
    input: emptyInput,
    output: z.array(counterSchema),
  }),
  'counters.save': method({
    summary: 'Menambah atau mengubah loket',
    guard: 'referensi:input',
    input: z.strictObject({ id: optionalId, number: z.number().int().min(1).max(99), name: text(40), serviceIds: z.array(idSchema).max(50), active }),
    output: counterSchema,
  }),
  'practitioners.list': method({
    summary: 'Daftar tenaga kesehatan',
    guard: 'referensi:view',
    input: emptyInput,
    output: z.array(practitionerSchema),
  }),
  'practitioners.save': method({
    summary: 'Menambah atau mengubah tenaga kesehatan',
    guard: 'referensi:input',
    input: z.strictObject({
      id: optionalId,
      name: text(120),
      profession: z.enum(professions),
      nip: nipSchema,
      sip: optionalText(60).nullable(),
      str: optionalText(60).nullable(),
      unitId: idSchema.nullable().optional(),
      active,
    }),
    output: practitionerSchema,
  }),
  'facilities.list': method({
    summary: 'Daftar fasilitas tujuan rujukan',
    guard: 'referensi:view',
    input: emptyInput,
    output: z.array(facilitySchema),
  }),
  'facilities.save': method({
    summary: 'Menambah atau mengubah fasilitas tujuan rujukan',
    guard: 'referensi:input',
    input: z.strictObject({
      id: optionalId,
      code: z
        .string()
        .trim()
        .regex(/^[0-9A-Z]{4,12}$/, 'Kode faskes 4–12 huruf besar atau angka')
        .nullable()
        .optional(),
      name: text(120),
      kind: z.enum(facilityKinds),
      address: optionalText(200).nullable(),
      phone: optionalText(30).nullable(),
      active,
    }),
    output: facilitySchema,
  }),
  'regions.children': method({
    summary: 'Wilayah Kemendagri di bawah satu kode (tanpa kode: daftar provinsi)',
    guard: 'referensi:view',
    input: z.strictObject({
      parentCode: z
        .string()
        .regex(/^\d{2}(\.\d{2}){0,2}$/, 'Kode wilayah tidak dikenal')
        .nullable(),
    }),
    output: z.array(regionSchema),
  }),
  'regions.search': method({
    summary: 'Mencari desa/kelurahan atau kecamatan menurut nama',
    guard: 'referensi:view',
    input: z.strictObject({
      query: text(60, 2),
      level: z.union([z.literal(3), z.literal(4)]).optional(),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    output: z.array(regionSchema),
  }),
};
