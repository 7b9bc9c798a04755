import { z } from 'zod';
import { method } from '../method';
import { idSchema, isoDateSchema, text } from '../schemas';

export const sexSchema = z.enum(['L', 'P']);
export const payers = ['bpjs', 'umum', 'asuransi_lain'] as const;
export const payerSchema = z.enum(payers);
export const payerLabels: Record<(typeof payers)[number], string> = { bpjs: 'BPJS', umum: 'Umum', asuransi_lain: 'Asuransi lain' };

/** What a search result matched: identifiers rank first (in this order), then the name, then the address. */
export const searchMatches = ['rm', 'nik', 'bpjs', 'telepon', 'nik_ibu', 'kk', 'nama', 'alamat'] as const;
export type SearchMatch = (typeof searchMatches)[number];

/** One line of a search result: enough to confirm identity by two identifiers (name + birth date). */
export const patientSummarySchema = z.object({
  id: idSchema,
  rmNumber: z.string(),
  name: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  village: z.string().nullable(),
  payerDefault: payerSchema,
  lastVisitDate: z.string().nullable(),
  /** Search results only: what the query matched. */
  matchedBy: z.enum(searchMatches).optional(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const daySummarySchema = z.object({
  date: z.string(),
  visits: z.number().int(),
  byUnit: z.array(countSchema),
  byPayer: z.array(countSchema),
  pasienBaru: z.number().int(),
  kunjunganBaru: z.number().int(),
  patientsTotal: z.number().int(),
});

export const patientMethods = {
  'patients.search': method({
    summary:
      'Mencari pasien menurut No. RM (atau kartu berobat yang dipindai), NIK, No. BPJS, telepon, atau nama dengan tanggal/tahun lahir dan desa',
    guard: 'pasien:view',
    input: z.strictObject({ query: text(100), limit: z.number().int().min(1).max(50).optional() }),
    output: z.array(patientSummarySchema),
  }),
  'reports.daySummary': method({
    summary: 'Ringkasan kunjungan satu hari per unit dan penjamin',
    guard: 'laporan:view',
    input: z.strictObject({ date: isoDateSchema.optional() }),
    output: daySummarySchema,
  }),
};
