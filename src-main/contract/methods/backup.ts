import { z } from 'zod';
import { method } from '../method';
import { clockTimeSchema, emptyInput, text } from '../schemas';

export const backupCopySchema = z.object({
  /** File name in the backup folder: `loket-2026-11-23-1430.db` (`.db.enc` when encrypted). */
  file: z.string(),
  /** Local date and time from the name. */
  date: z.string(),
  time: z.string(),
  encrypted: z.boolean(),
  bytes: z.number().int(),
});
export type BackupCopy = z.infer<typeof backupCopySchema>;

export const backupRunSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  /** What happened, in Indonesian (the file made, or why it failed). */
  message: z.string(),
  file: z.string().nullable(),
  bytes: z.number().int().nullable(),
  ms: z.number().int().nullable(),
  /** `jadwal` (the daily run), `keluar` (at exit), `manual`. */
  trigger: z.enum(['jadwal', 'keluar', 'manual']),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

export const backupStatusSchema = z.object({
  /** The folder the copies go to (another disk or a USB drive); null: backups are off. */
  folder: z.string().nullable(),
  /** Local time of the daily copy. */
  time: z.string(),
  encrypted: z.boolean(),
  /** The host's data folder: a backup folder inside it would die with the same disk. */
  dataDir: z.string(),
  lastRun: backupRunSchema.nullable(),
  lastSuccess: backupRunSchema.nullable(),
  copies: z.array(backupCopySchema),
  /** A restore waiting for the next start. */
  restorePending: z.boolean(),
  rotation: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int() }),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupFactsSchema = z.object({
  file: z.string(),
  encrypted: z.boolean(),
  bytes: z.number().int(),
  schemaVersion: z.number().int(),
  /** The Loket on this host can open it (not from a newer version). */
  compatible: z.boolean(),
  quickCheck: z.string(),
  patients: z.number().int(),
  visits: z.number().int(),
  lastVisitDate: z.string().nullable(),
  users: z.number().int(),
  folders: z.number().int().nullable(),
  letters: z.number().int().nullable(),
});
export type BackupFacts = z.infer<typeof backupFactsSchema>;

/** A copy in the backup folder by name, or a full path (a copy brought on a USB drive to a new PC). */
const copyRef = text(500);
const passphrase = z.string().min(1, 'Wajib diisi').max(200, 'Maksimal 200 karakter');

export const backupMethods = {
  'backup.status': method({
    summary: 'Cadangan basis data: folder tujuan, jadwal, hasil terakhir dan salinan yang ada',
    guard: 'pengaturan:view',
    input: emptyInput,
    output: backupStatusSchema,
  }),
  'backup.configure': method({
    summary: 'Mengatur folder cadangan (disk lain atau flashdisk), jam cadangan harian dan kata sandi enkripsi (AES-256-GCM)',
    guard: 'pengaturan:correction',
    input: z.strictObject({
      folder: text(500).nullable(),
      time: clockTimeSchema,
      /** A new passphrase; null removes encryption; absent keeps what is set. */
      passphrase: passphrase.min(8, 'Kata sandi cadangan minimal 8 karakter').nullable().optional(),
    }),
    output: backupStatusSchema,
  }),
  'backup.run': method({
    summary: 'Membuat cadangan sekarang (salinan daring SQLite, diperiksa quick_check, dirotasi 7 harian/4 mingguan/12 bulanan)',
    guard: 'pengaturan:input',
    input: emptyInput,
    output: backupRunSchema,
  }),
  'backup.preview': method({
    summary: 'Isi sebuah cadangan sebelum dipulihkan: versi skema, pemeriksaan, jumlah pasien dan kunjungan',
    guard: 'pengaturan:view',
    input: z.strictObject({ file: copyRef, passphrase: passphrase.optional() }),
    output: backupFactsSchema,
  }),
  'backup.restore': method({
    summary: 'Menyiapkan pemulihan dari cadangan; diterapkan saat Loket dibuka lagi (basis data sekarang disimpan, tidak dihapus)',
    guard: 'pengaturan:correction',
    input: z.strictObject({ file: copyRef, passphrase: passphrase.optional(), confirm: z.literal(true, 'Centang konfirmasi pemulihan') }),
    output: z.object({ facts: backupFactsSchema, message: z.string() }),
  }),
};
