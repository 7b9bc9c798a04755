import { z } from 'zod';
import { method } from '../method';

/**
 * Patient import from CSV or XLSX exported by another system (SIMPUS, ePuskesmas, a register
 * kept in Excel): the client sends the file, sees the columns with a suggested mapping, runs a
 * dry run that names every rejected row and likely duplicate, then imports in one transaction.
 */

/**
 * A request may carry a file of this size (base64 in JSON); every other method keeps 1 MiB. A
 * SIMPUS export of 100,000 patients with 25 columns is ± 23 MiB, ± 30 MiB as base64.
 */
export const IMPORT_MAX_BODY_BYTES = 48 * 1024 * 1024;
/** Base64 characters of the file (what is left of the body for it): ≈ 36 MiB of file. */
export const IMPORT_MAX_BASE64_CHARS = IMPORT_MAX_BODY_BYTES - 64 * 1024;
/** Data rows per file (twice the benchmark's 100,000; a puskesmas rarely has more). */
export const IMPORT_MAX_ROWS = 250_000;
/** Rejected rows, duplicates, "sudah ada" rows and warnings are each listed up to this many; the counts are always complete. */
export const IMPORT_REPORT_LIMIT = 500;

/** What a column of the file can be: the patient form's fields plus the combined forms old exports use. */
export const importFields = [
  'rmNumber',
  'nik',
  'name',
  'birthPlace',
  'birthDate',
  'birthPlaceDate',
  'sex',
  'addressStreet',
  'rt',
  'rw',
  'rtRw',
  'village',
  'district',
  'phone',
  'bpjsNumber',
  'bpjsClass',
  'payerDefault',
  'occupation',
  'education',
  'religion',
  'maritalStatus',
  'bloodType',
  'motherName',
  'motherNik',
  'kkNumber',
  'familyHead',
  'emergencyName',
  'emergencyRelation',
  'emergencyPhone',
] as const;
export type ImportField = (typeof importFields)[number];
export const importFieldSchema = z.enum(importFields);

export const importFieldLabels: Record<ImportField, string> = {
  rmNumber: 'No. RM',
  nik: 'NIK',
  name: 'Nama',
  birthPlace: 'Tempat lahir',
  birthDate: 'Tanggal lahir',
  birthPlaceDate: 'Tempat, tanggal lahir',
  sex: 'Jenis kelamin',
  addressStreet: 'Alamat (jalan/dusun)',
  rt: 'RT',
  rw: 'RW',
  rtRw: 'RT/RW',
  village: 'Desa/Kelurahan (nama atau kode)',
  district: 'Kecamatan (nama)',
  phone: 'No. HP/Telepon',
  bpjsNumber: 'No. BPJS/Kartu',
  bpjsClass: 'Kelas BPJS',
  payerDefault: 'Cara bayar',
  occupation: 'Pekerjaan',
  education: 'Pendidikan',
  religion: 'Agama',
  maritalStatus: 'Status perkawinan',
  bloodType: 'Golongan darah',
  motherName: 'Nama ibu',
  motherNik: 'NIK ibu',
  kkNumber: 'No. KK',
  familyHead: 'Kepala keluarga',
  emergencyName: 'Penanggung jawab',
  emergencyRelation: 'Hubungan penanggung jawab',
  emergencyPhone: 'Telepon penanggung jawab',
};

export const importFileSchema = z.strictObject({
  /** The file name as chosen; its extension decides CSV (`.csv`, `.txt`) or Excel (`.xlsx`). */
  name: z.string().trim().min(1, 'Nama berkas wajib diisi').max(255, 'Nama berkas maksimal 255 karakter'),
  contentBase64: z
    .string()
    .min(1, 'Berkas kosong')
    .max(IMPORT_MAX_BASE64_CHARS, `Berkas terlalu besar (maksimal ${Math.floor((IMPORT_MAX_BASE64_CHARS * 3) / 4 / 1024 / 1024)} MiB)`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Isi berkas harus base64'),
});

/** One field per column of the file (in column order), or null for a column left out. */
export const importMappingSchema = z
  .array(importFieldSchema.nullable())
  .max(200, 'Maksimal 200 kolom')
  .superRefine((mapping, ctx) => {
    const seen = new Set<ImportField>();
    mapping.forEach((field, i) => {
      if (field === null) return;
      if (seen.has(field)) ctx.addIssue({ code: 'custom', path: [i], message: `${importFieldLabels[field]} dipilih untuk lebih dari satu kolom` });
      seen.add(field);
    });
    if (!seen.has('name')) ctx.addIssue({ code: 'custom', message: 'Pilih kolom Nama' });
    const hasNik = seen.has('nik');
    if (!seen.has('birthDate') && !seen.has('birthPlaceDate') && !hasNik)
      ctx.addIssue({ code: 'custom', message: 'Pilih kolom Tanggal lahir (atau NIK, tanggal lahir dibaca dari NIK)' });
    if (!seen.has('sex') && !hasNik) ctx.addIssue({ code: 'custom', message: 'Pilih kolom Jenis kelamin (atau NIK, jenis kelamin dibaca dari NIK)' });
    if (seen.has('birthPlaceDate') && (seen.has('birthDate') || seen.has('birthPlace')))
      ctx.addIssue({ code: 'custom', message: 'Kolom "Tempat, tanggal lahir" tidak dapat dipakai bersama kolom Tempat lahir/Tanggal lahir' });
    if (seen.has('rtRw') && (seen.has('rt') || seen.has('rw')))
      ctx.addIssue({ code: 'custom', message: 'Kolom RT/RW tidak dapat dipakai bersama kolom RT atau RW' });
  });

const headerRowSchema = z.number().int().min(1).max(1_000_000).optional();

export const importPreviewSchema = z.object({
  fileKind: z.enum(['csv', 'xlsx']),
  /** CSV: the delimiter found in the header line. */
  delimiter: z.string().nullable(),
  /** XLSX: the sheet read (always the first). */
  sheetName: z.string().nullable(),
  /** Row (1-based, as a spreadsheet shows it) holding the column names; data rows follow it. */
  headerRow: z.number().int(),
  columns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      /** Up to five filled values of the column. */
      samples: z.array(z.string()),
      suggested: importFieldSchema.nullable(),
    }),
  ),
  /** The suggested mapping, one entry per column (what `patients.import` takes). */
  mapping: z.array(importFieldSchema.nullable()),
  /** The first data rows: row number and cells (shortened to 100 characters). */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** Data rows with at least one filled cell. */
  totalRows: z.number().int(),
  /** About the file itself (encoding, skipped title lines). */
  notes: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const issueSchema = z.object({
  /** The patient form's field (`nik`, `birthDate`, …) or the import field (`village`). */
  field: z.string(),
  label: z.string(),
  /** Header of the file's column the value came from. */
  column: z.string().nullable(),
  /** The value as written in the file (shortened). */
  value: z.string().nullable(),
  message: z.string(),
});

const patientRefSchema = z.object({ id: z.number().int(), rmNumber: z.string(), name: z.string(), birthDate: z.string() });

export const duplicateKinds = ['rm_berkas', 'nik_berkas', 'identitas_berkas', 'rm_terdaftar', 'nik_terdaftar'] as const;
export const duplicateKindLabels: Record<(typeof duplicateKinds)[number], string> = {
  rm_berkas: 'No. RM sama dengan baris lain di berkas',
  nik_berkas: 'NIK sama dengan baris lain di berkas',
  identitas_berkas: 'Nama dan tanggal lahir sama dengan baris lain di berkas (tanpa No. RM dan NIK)',
  rm_terdaftar: 'No. RM sudah dipakai pasien lain',
  nik_terdaftar: 'NIK sudah terdaftar atas pasien lain',
};

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  headerRow: z.number().int(),
  counts: z.object({
    /** Data rows with at least one filled cell. */
    rows: z.number().int(),
    /** Added (or, in a dry run, would be added). */
    added: z.number().int(),
    /** Already in Loket with the same identity ("sudah ada"): not added again. */
    existing: z.number().int(),
    /** Likely duplicates, not added. */
    duplicates: z.number().int(),
    rejected: z.number().int(),
    /** Added rows that carry at least one warning. */
    withWarnings: z.number().int(),
  }),
  rejected: z.array(z.object({ row: z.number().int(), name: z.string().nullable(), rmNumber: z.string().nullable(), issues: z.array(issueSchema) })),
  duplicates: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      kind: z.enum(duplicateKinds),
      message: z.string(),
      /** The earlier row of the file with the same identifier. */
      otherRow: z.number().int().nullable(),
      /** The patient already in Loket. */
      patient: patientRefSchema.nullable(),
    }),
  ),
  existing: z.array(z.object({ row: z.number().int(), name: z.string(), matchedBy: z.enum(['rm', 'nik', 'identitas']), patient: patientRefSchema })),
  warnings: z.array(z.object({ row: z.number().int(), name: z.string(), messages: z.array(z.string()) })),
  rm: z.object({
    /** Added rows keeping the RM number from the file. */
    kept: z.number().int(),
    /** Added rows getting a new RM number (in a dry run: would get). */
    allocated: z.number().int(),
    /** The RM sequence before and after (after = before in a dry run). */
    sequenceBefore: z.number().int(),
    sequenceAfter: z.number().int(),
    /** The highest sequence number among the kept RM numbers in the puskesmas format. */
    highestImported: z.number().int().nullable(),
  }),
  /** Village names that could not be matched to a Kemendagri code, with how many rows wrote them. */
  unmatchedVillages: z.array(z.object({ value: z.string(), rows: z.number().int(), reason: z.string() })),
  durationMs: z.number(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const patientImportMethods = {
  'patients.importPreview': method({
    summary: 'Membaca berkas impor pasien (CSV/XLSX): kolom, baris pertama dan usulan pemetaan kolom',
    guard: 'rekam_medis:input',
    maxBodyBytes: IMPORT_MAX_BODY_BYTES,
    input: z.strictObject({ file: importFileSchema, headerRow: headerRowSchema }),
    output: importPreviewSchema,
  }),
  'patients.import': method({
    summary:
      'Impor pasien dari CSV/XLSX: uji coba (dryRun) melaporkan baris ditolak dan duplikat; impor sebenarnya dalam satu transaksi, aman diulang',
    guard: 'rekam_medis:input',
    maxBodyBytes: IMPORT_MAX_BODY_BYTES,
    input: z.strictObject({ file: importFileSchema, mapping: importMappingSchema, dryRun: z.boolean(), headerRow: headerRowSchema }),
    output: importResultSchema,
  }),
};
