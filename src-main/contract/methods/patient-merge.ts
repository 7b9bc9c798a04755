import { z } from 'zod';
import { method } from '../method';
import { idSchema, text } from '../schemas';
import { patientSummarySchema } from './patients';

export const patientMergeSchema = z.object({
  id: idSchema,
  kept: patientSummarySchema,
  /** The merged patient as it was (it stays in the database, marked as merged). */
  merged: z.object({ id: idSchema, rmNumber: z.string(), name: z.string(), birthDate: z.string(), nik: z.string().nullable() }),
  reason: z.string(),
  moved: z.object({ visits: z.number().int(), appointments: z.number().int(), folderRequests: z.number().int() }),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type PatientMerge = z.infer<typeof patientMergeSchema>;

export const patientMergeMethods = {
  'patients.merge': method({
    summary: 'Menggabungkan pasien ganda: semua kunjungan, jadwal dan permintaan berkas pindah ke pasien yang dipertahankan; dapat dibatalkan',
    guard: 'rekam_medis:correction',
    input: z.strictObject({ keepId: idSchema, mergeId: idSchema, reason: text(300, 5) }),
    output: patientMergeSchema,
  }),
  'patients.unmerge': method({
    summary: 'Membatalkan penggabungan: data kembali ke pasien semula persis seperti sebelum digabung',
    guard: 'rekam_medis:correction',
    input: z.strictObject({ mergeId: idSchema }),
    output: patientMergeSchema,
  }),
  'patients.merges': method({
    summary: 'Riwayat penggabungan pasien (semua, atau yang menyangkut satu pasien)',
    guard: 'rekam_medis:view',
    input: z.strictObject({ patientId: idSchema.optional() }),
    output: z.array(patientMergeSchema),
  }),
};
