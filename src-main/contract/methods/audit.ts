import { z } from 'zod';
import { method } from '../method';
import { emptyInput, idSchema, isoDateSchema } from '../schemas';

/**
 * What an audit row records: a change written by the database triggers (tambah/ubah/hapus), a
 * view of a patient or folder, a print or export, a login, a failed login (or unlock), a logout,
 * the idle lock and its unlock.
 */
export const auditActions = [
  'tambah',
  'ubah',
  'hapus',
  'lihat',
  'cetak',
  'ekspor',
  'masuk',
  'gagal_masuk',
  'keluar',
  'kunci',
  'buka_kunci',
  'massal',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditActionLabels: Record<AuditAction, string> = {
  tambah: 'Tambah data',
  ubah: 'Ubah data',
  hapus: 'Hapus data',
  lihat: 'Lihat',
  cetak: 'Cetak',
  ekspor: 'Ekspor',
  masuk: 'Masuk',
  gagal_masuk: 'Gagal masuk',
  keluar: 'Keluar',
  kunci: 'Kunci layar',
  buka_kunci: 'Buka kunci layar',
  massal: 'Isi data massal (demo)',
};

const jsonObject = z.record(z.string(), z.unknown());

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  /** The user name at the time ('sistem' for migrations, boot and the demo seed; the name tried for a failed login). */
  username: z.string().nullable(),
  /** 'ipc' (the host PC's window) or 'http' (a LAN client). */
  device: z.string().nullable(),
  method: z.string().nullable(),
  action: z.string(),
  /** The table (or 'patient', 'folder', … for a view or print). */
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  patientId: z.number().int().nullable(),
  /** The patient's current RM number, when the row belongs to one. */
  rmNumber: z.string().nullable(),
  /** Every column before and after a change; for a view or print, `after` holds the call's input. */
  before: jsonObject.nullable(),
  after: jsonObject.nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListInputSchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    userId: idSchema.optional(),
    patientId: idSchema.optional(),
    /** An RM number as printed (leading zeros optional); resolved to the patient. */
    rm: z.string().trim().max(20).optional(),
    action: z.enum(auditActions).optional(),
    entity: z.string().trim().max(60).optional(),
    /** The last id of the previous page (rows come newest first). */
    cursor: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .refine((i) => i.from <= i.to, { message: 'Tanggal awal harus sebelum atau sama dengan tanggal akhir', path: ['to'] });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  /** Rows checked. */
  checked: z.number().int(),
  lastId: z.number().int().nullable(),
  /** The hash of the last row: written down or printed, it also catches a chain rebuilt from scratch. */
  lastHash: z.string().nullable(),
  /** The first broken row and what is wrong with it. */
  problem: z
    .object({
      id: z.number().int(),
      kind: z.enum(['diubah', 'hilang', 'disisipkan']),
    })
    .nullable(),
  /** One sentence in Indonesian. */
  message: z.string(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

export const auditMethods = {
  'audit.list': method({
    summary: 'Jejak audit: siapa melihat, mencetak, mengubah, masuk dan keluar — disaring per pengguna, pasien, tanggal dan tindakan',
    guard: 'pengguna:view',
    input: auditListInputSchema,
    output: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() }),
  }),
  'audit.verify': method({
    summary: 'Memeriksa keutuhan rantai hash jejak audit: baris yang diubah, dihapus atau disisipkan',
    guard: 'pengguna:view',
    input: emptyInput,
    output: auditVerifySchema,
  }),
};
