import { z } from 'zod';
import { method } from '../method';
import { idSchema, isoDateSchema, optionalText, text } from '../schemas';

/** Where a folder is: the shelf, the records room desk, a unit, a borrower, inactive storage, or unknown (missing). */
export const folderPlaceKinds = ['rak', 'ruang_rm', 'unit', 'peminjam', 'hilang', 'rak_inaktif'] as const;
export const folderStatusValues = ['di_rak', 'keluar', 'dipinjam', 'hilang', 'inaktif', 'digabung'] as const;
export const folderStatusLabels: Record<(typeof folderStatusValues)[number], string> = {
  di_rak: 'Di rak',
  keluar: 'Keluar',
  dipinjam: 'Dipinjam',
  hilang: 'Hilang',
  inaktif: 'Inaktif',
  digabung: 'Digabung',
};
/** How a move was entered: the RM barcode scanned, typed by hand, or done by the system. */
export const moveMethods = ['scan', 'ketik'] as const;

export const folderPlaceSchema = z.object({
  kind: z.enum(folderPlaceKinds),
  unitId: idSchema.nullable(),
  /** "Poli Umum", "rak penyimpanan", "ruang rekam medis"… */
  label: z.string(),
});
export type FolderPlace = z.infer<typeof folderPlaceSchema>;

export const folderSchema = z.object({
  id: idSchema,
  /** The folder's RM (family folders: without the member suffix). */
  rmNumber: z.string(),
  volume: z.number().int(),
  /** A temporary folder made for a missing one: the id of the missing folder. */
  temporaryFor: idSchema.nullable(),
  status: z.enum(folderStatusValues),
  place: folderPlaceSchema,
  /** Off the shelf since (ISO); null on the shelf. */
  outSince: z.string().nullable(),
  borrower: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Back from a unit and not yet checked for completeness. */
  awaitingReview: z.boolean(),
  /** An incomplete check still open (sent back to the unit to complete). */
  openReviewId: idSchema.nullable(),
  shelfKey: z.string(),
  section: z.string(),
  patients: z.array(z.object({ id: idSchema, rmNumber: z.string(), name: z.string(), sex: z.string(), birthDate: z.string() })),
  createdAt: z.string(),
  /** A merged patient's folder: the folder its sheets were put into. */
  combinedInto: z.object({ id: idSchema, rmNumber: z.string() }).nullable(),
  /** How many volumes the RM has; `volume` is this one's number. */
  volumes: z.number().int(),
});
export type Folder = z.infer<typeof folderSchema>;

export const folderRequestStatuses = ['menunggu', 'diambil', 'diterima_unit', 'batal'] as const;

export const pullListItemSchema = z.object({
  source: z.enum(['kunjungan', 'jadwal']),
  requestId: idSchema.nullable(),
  visitId: idSchema.nullable(),
  appointmentId: idSchema.nullable(),
  date: z.string(),
  patient: z.object({ id: idSchema, rmNumber: z.string(), name: z.string(), birthYear: z.string() }),
  folder: z.object({ id: idSchema, rmNumber: z.string(), status: z.enum(folderStatusValues), placeLabel: z.string() }).nullable(),
  shelfKey: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  requestedAt: z.string().nullable(),
  /** Whole minutes since registration (null for tomorrow's appointments). */
  minutesWaiting: z.number().int().nullable(),
  requestStatus: z.enum(folderRequestStatuses).nullable(),
});
export type PullListItem = z.infer<typeof pullListItemSchema>;

export const pullListSchema = z.object({
  date: z.string(),
  tomorrow: z.string(),
  generatedAt: z.string(),
  count: z.number().int(),
  /** In shelf order: the clerk walks the sections once. */
  sections: z.array(z.object({ name: z.string(), items: z.array(pullListItemSchema) })),
});
export type PullList = z.infer<typeof pullListSchema>;

export const folderRequestSchema = z.object({
  id: idSchema,
  visitId: idSchema,
  patientId: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  requestedAt: z.string(),
  status: z.enum(folderRequestStatuses),
});

export const moveTargetKinds = ['rak', 'ruang_rm', 'unit', 'rak_inaktif'] as const;

export const scanResultSchema = z.object({
  folder: folderSchema,
  /** Today's open request for this folder (the visit waiting for it), oldest first. */
  request: folderRequestSchema.nullable(),
  /** What one key should do next. */
  proposal: z.object({
    action: z.enum(['move', 'return', 'review', 'none']),
    to: z.object({ kind: z.enum(moveTargetKinds), unitId: idSchema.nullable() }).nullable(),
    label: z.string(),
  }),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const movementSchema = z.object({
  id: idSchema,
  at: z.string(),
  kind: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  userName: z.string().nullable(),
  method: z.enum(['scan', 'ketik', 'sistem']),
  requestId: idSchema.nullable(),
  visitId: idSchema.nullable(),
  reason: z.string().nullable(),
  borrower: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type FolderMovement = z.infer<typeof movementSchema>;

export const reviewSchema = z.object({
  id: idSchema,
  folderId: idSchema,
  rmNumber: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  visitId: idSchema.nullable(),
  practitionerId: idSchema.nullable(),
  practitionerName: z.string().nullable(),
  reviewedAt: z.string(),
  reviewedBy: z.string().nullable(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  /** The incomplete check this one closes. */
  resolvesReviewId: idSchema.nullable(),
  /** An incomplete check: when the folder came back complete. */
  resolvedAt: z.string().nullable(),
});
export type CompletenessReview = z.infer<typeof reviewSchema>;

const retrievalStatsSchema = z.object({
  count: z.number().int(),
  withinStandard: z.number().int(),
  sharePercent: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
const klpcmLineSchema = z.object({ period: z.string(), checked: z.number().int(), incomplete: z.number().int(), ratePercent: z.number().nullable() });

export const overdueItemSchema = z.object({
  folderId: idSchema,
  rmNumber: z.string(),
  names: z.array(z.string()),
  /** `unit`: not back by the unit's closing time; `dipinjam`: borrowed past its due date. */
  kind: z.enum(['unit', 'dipinjam']),
  unitId: idSchema.nullable(),
  unitName: z.string().nullable(),
  closingTime: z.string().nullable(),
  borrower: z.string().nullable(),
  dueDate: z.string().nullable(),
  outSince: z.string(),
  minutesOut: z.number().int(),
  /** Sent back to the unit to complete the record (an open incomplete check). */
  sentBack: z.boolean(),
});

export const folderOverdueSchema = z.object({
  generatedAt: z.string(),
  items: z.array(overdueItemSchema),
  /** Counts per unit ("Dipinjam" for borrowed folders), in the items' order. */
  byUnit: z.array(z.object({ unitId: idSchema.nullable(), unitName: z.string(), count: z.number().int() })),
});
export type FolderOverdue = z.infer<typeof folderOverdueSchema>;

const folderRef = z.strictObject({ folderId: idSchema });
const moveMethodSchema = z.enum(moveMethods);

export const folderMethods = {
  'folders.pullList': method({
    summary: 'Daftar tarik berkas: permintaan dari pendaftaran hari ini dan jadwal kontrol besok, urut rak dan dikelompokkan per bagian rak',
    guard: 'rekam_medis:view',
    input: z.strictObject({
      /** Include requests already delivered or cancelled (the whole day's list). */
      includeDone: z.boolean().optional(),
      unitId: idSchema.optional(),
    }),
    output: pullListSchema,
  }),
  'folders.scan': method({
    summary: 'Pindai atau ketik No. RM: berkasnya, tempatnya sekarang dan usulan langkah berikutnya',
    guard: 'rekam_medis:view',
    input: z.strictObject({ code: text(40) }),
    output: scanResultSchema,
  }),
  'folders.move': method({
    summary: 'Mencatat perpindahan berkas (ambil, kirim ke unit, pindah unit, simpan, rak inaktif) dalam satu transaksi',
    guard: 'rekam_medis:input',
    input: z.strictObject({
      folderId: idSchema,
      to: z.enum(moveTargetKinds),
      /** Required when `to` is `unit`. */
      unitId: idSchema.optional(),
      method: moveMethodSchema,
      /** The request this move serves (default: today's open request of the folder for that unit). */
      requestId: idSchema.optional(),
      reason: optionalText(200),
    }),
    output: z.object({ folder: folderSchema, movement: movementSchema }),
  }),
  'folders.return': method({
    summary: 'Menerima kembali berkas dari unit atau peminjam di ruang rekam medis',
    guard: 'rekam_medis:input',
    input: z.strictObject({ folderId: idSchema, method: moveMethodSchema }),
    output: z.object({ folder: folderSchema, movement: movementSchema }),
  }),
  'folders.borrow': method({
    summary: 'Peminjaman berkas untuk keperluan lain (audit, penelitian, pengadilan): peminjam, alasan, batas kembali',
    guard: 'rekam_medis:input',
    input: z.strictObject({ folderId: idSchema, borrower: text(100), reason: text(200), dueDate: isoDateSchema, method: moveMethodSchema }),
    output: z.object({ folder: folderSchema, movement: movementSchema }),
  }),
  'folders.markMissing': method({
    summary: 'Menandai berkas hilang (tidak ada di rak), bila perlu dengan berkas sementara',
    guard: 'rekam_medis:correction',
    input: z.strictObject({ folderId: idSchema, note: optionalText(200), temporaryFolder: z.boolean().optional() }),
    output: z.object({ folder: folderSchema, temporaryFolder: folderSchema.nullable() }),
  }),
  'folders.markFound': method({
    summary: 'Menandai berkas hilang ditemukan; berkas sementaranya digabung ke berkas asli',
    guard: 'rekam_medis:correction',
    input: z.strictObject({ folderId: idSchema, note: optionalText(200) }),
    output: z.object({ folder: folderSchema }),
  }),
  'folders.locate': method({
    summary: 'Di mana berkas ini? Tempat sekarang dan perpindahan terakhir',
    guard: 'rekam_medis:view',
    input: z.union([folderRef, z.strictObject({ code: text(40) })]),
    output: z.object({ folder: folderSchema, lastMovement: movementSchema.nullable() }),
  }),
  'folders.history': method({
    summary: 'Riwayat lengkap perpindahan dan pemeriksaan kelengkapan satu berkas',
    guard: 'rekam_medis:view',
    input: folderRef,
    output: z.object({ folder: folderSchema, movements: z.array(movementSchema), reviews: z.array(reviewSchema) }),
  }),
  'folders.review': method({
    summary: 'Hasil daftar periksa kelengkapan (KLPCM) berkas yang kembali: lengkap → disimpan di rak, tidak lengkap → dikembalikan ke unit',
    guard: 'rekam_medis:input',
    input: z.strictObject({
      folderId: idSchema,
      items: z
        .array(z.strictObject({ item: text(80), present: z.boolean() }))
        .min(1)
        .max(30),
      practitionerId: idSchema.optional(),
      method: moveMethodSchema.optional(),
    }),
    output: z.object({ review: reviewSchema, folder: folderSchema, movement: movementSchema }),
  }),
  'folders.incomplete': method({
    summary: 'Berkas tidak lengkap yang dikembalikan ke unit dan belum kembali lengkap',
    guard: 'rekam_medis:view',
    input: z.strictObject({ unitId: idSchema.optional() }),
    output: z.array(reviewSchema),
  }),
  'folders.overdue': method({
    summary: 'Berkas belum kembali ke rak setelah jam tutup unit, atau dipinjam melewati batas, dengan lama keluar',
    guard: 'rekam_medis:view',
    input: z.strictObject({ unitId: idSchema.optional() }),
    output: folderOverdueSchema,
  }),
  'folders.indicators': method({
    summary: 'Indikator ruang rekam medis: waktu penyediaan berkas (≤ 10 menit, median, P90) dan angka KLPCM per unit, dokter dan bulan',
    guard: 'rekam_medis:view',
    input: z.strictObject({ from: isoDateSchema, to: isoDateSchema }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      standardMinutes: z.number().int(),
      retrieval: z.object({
        overall: retrievalStatsSchema,
        byDayUnit: z.array(retrievalStatsSchema.extend({ date: z.string(), unitId: idSchema, unitName: z.string() })),
        /** Requests in the range whose folder never reached the unit. */
        notDelivered: z.number().int(),
      }),
      klpcm: z.object({
        byUnit: z.array(klpcmLineSchema.extend({ unitId: idSchema, unitName: z.string() })),
        byPractitioner: z.array(klpcmLineSchema.extend({ practitionerId: idSchema.nullable(), practitionerName: z.string() })),
        byMonth: z.array(klpcmLineSchema),
      }),
    }),
  }),
  'folders.inactive': method({
    summary: 'Berkas tanpa kunjungan selama N tahun (bawaan dari pengaturan): daftar untuk dipindah ke rak inaktif; tidak ada yang dihapus',
    guard: 'rekam_medis:view',
    input: z.strictObject({ years: z.number().int().min(1).max(50).optional(), limit: z.number().int().min(1).max(5000).optional() }),
    output: z.object({
      cutoffDate: z.string(),
      count: z.number().int(),
      items: z.array(
        z.object({
          folderId: idSchema,
          rmNumber: z.string(),
          names: z.array(z.string()),
          lastVisitDate: z.string().nullable(),
          shelfKey: z.string(),
        }),
      ),
    }),
  }),
  'folders.moveInactive': method({
    summary: 'Memindahkan sekumpulan berkas dari rak aktif ke rak inaktif dalam satu transaksi (semua atau tidak sama sekali)',
    guard: 'rekam_medis:input',
    input: z.strictObject({
      folderIds: z.array(idSchema).min(1, 'Pilih minimal satu berkas.').max(500, 'Paling banyak 500 berkas sekali pindah.'),
      method: moveMethodSchema,
    }),
    output: z.object({ moved: z.number().int() }),
  }),
  'folders.newVolume': method({
    summary: 'Membuka jilid baru untuk berkas yang sudah penuh; jilid lama tetap di rak atau dipindah ke rak inaktif',
    guard: 'rekam_medis:input',
    input: z.strictObject({ folderId: idSchema, oldVolumeTo: z.enum(['rak', 'rak_inaktif']) }),
    output: z.object({ folder: folderSchema, previous: folderSchema }),
  }),
};
