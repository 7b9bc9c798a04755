import { z } from 'zod';
import { method } from '../method';
import { printableSchema } from '../printable';
import { idSchema, isoDateSchema, optionalText, text } from '../schemas';
import { downloadSchema } from './register';

// ---------------------------------------------------------------------------------------------
// Age groups (LB1) and pustu: shared settings `reports.ageGroups` and `reports.pustu`

export const ageUnits = ['hari', 'bulan', 'tahun'] as const;
export type AgeUnit = (typeof ageUnits)[number];
const unitRank: Record<AgeUnit, number> = { hari: 0, bulan: 1, tahun: 2 };

/**
 * One age group, both ends inclusive in completed `unit`s at the visit date: 0–7 hari, 8–28 hari,
 * 1–11 bulan, 1–4 tahun … 70+ (`to` null, only the last group). A visit falls in the first group
 * whose upper end is not below the patient's age in that group's unit, so a baby of 29 days
 * (0 completed months) is in 1–11 bulan: the groups leave no gap where the unit changes.
 */
export const ageGroupSchema = z.object({
  label: text(30),
  // Up to 400 so a group may run to 365 days.
  from: z.number().int().min(0, 'Umur tidak boleh negatif').max(400, 'Umur paling besar 400'),
  to: z.number().int().min(0, 'Umur tidak boleh negatif').max(400, 'Umur paling besar 400').nullable(),
  unit: z.enum(ageUnits),
});
export type AgeGroup = z.infer<typeof ageGroupSchema>;

/**
 * Why a list of age groups cannot be used (null when it can): the groups must start at 0 and
 * follow each other without gap or overlap — within one unit the next starts one after the
 * previous end; where the unit grows the previous group ends a whole month (27–30 hari), a
 * whole year (11 bulan, or 364–365 hari) and the next starts at 1. Only the last is open (70+).
 */
export function ageGroupsProblem(groups: readonly AgeGroup[]): string | null {
  if (groups.length === 0) return 'Minimal satu kelompok umur.';
  const labels = new Set<string>();
  for (const [i, g] of groups.entries()) {
    const name = `Kelompok "${g.label}"`;
    if (labels.has(g.label.toLowerCase())) return `${name} tercantum dua kali.`;
    labels.add(g.label.toLowerCase());
    if (g.to !== null && g.to < g.from) return `${name}: umur akhir lebih kecil dari umur awal.`;
    const last = i === groups.length - 1;
    if (g.to === null && !last) return `${name}: hanya kelompok terakhir yang boleh tanpa batas atas.`;
    if (last && g.to !== null) return `${name}: kelompok terakhir harus tanpa batas atas (mis. 70+), agar setiap umur masuk satu kelompok.`;
    if (i === 0) {
      if (g.from !== 0) return `${name}: kelompok pertama harus mulai dari umur 0.`;
      continue;
    }
    const prev = groups[i - 1]!;
    const prevTo = prev.to!;
    if (unitRank[g.unit] < unitRank[prev.unit]) return `${name}: satuan umur tidak boleh mengecil (hari → bulan → tahun).`;
    if (g.unit === prev.unit) {
      if (g.from <= prevTo) return `${name} tumpang tindih dengan "${prev.label}": mulai dari ${prevTo + 1} ${g.unit}.`;
      if (g.from > prevTo + 1) return `Ada celah antara "${prev.label}" dan "${g.label}": mulai dari ${prevTo + 1} ${g.unit}.`;
      continue;
    }
    const fits =
      prev.unit === 'hari' && g.unit === 'bulan'
        ? prevTo >= 27 && prevTo <= 30
        : prev.unit === 'bulan'
          ? prevTo === 11
          : prevTo >= 364 && prevTo <= 365;
    if (!fits || g.from !== 1)
      return `Ada celah atau tumpang tindih antara "${prev.label}" dan "${g.label}": saat satuan berganti, kelompok sebelumnya berakhir genap satu ${g.unit} (mis. 28 hari, 11 bulan) dan kelompok berikutnya mulai dari 1 ${g.unit}.`;
  }
  return null;
}

export const ageGroupsSchema = z
  .array(ageGroupSchema)
  .max(30, 'Maksimal 30 kelompok umur')
  .superRefine((groups, ctx) => {
    const problem = ageGroupsProblem(groups);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Kemendagri code of a desa/kelurahan (`33.02.12.2001`). */
const villageCodeSchema = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Kode kelurahan/desa berformat 00.00.00.0000');

/** A puskesmas pembantu and the villages it looks after: follow-ups go to it. */
export const pustuSchema = z.object({ name: text(60), villages: z.array(villageCodeSchema).max(50) });
export type Pustu = z.infer<typeof pustuSchema>;

export const pustuListSchema = z
  .array(pustuSchema)
  .max(50, 'Maksimal 50 pustu')
  .superRefine((list, ctx) => {
    const names = new Set<string>();
    const owner = new Map<string, string>();
    for (const p of list) {
      if (names.has(p.name.toLowerCase())) ctx.addIssue({ code: 'custom', message: `Pustu "${p.name}" tercantum dua kali.` });
      names.add(p.name.toLowerCase());
      for (const v of p.villages) {
        const other = owner.get(v);
        if (other !== undefined) ctx.addIssue({ code: 'custom', message: `Kelurahan/desa ${v} sudah masuk wilayah pustu "${other}".` });
        owner.set(v, p.name);
      }
    }
  });

export const reportSettingsSchema = z.object({ ageGroups: z.array(ageGroupSchema), pustu: z.array(pustuSchema) });
export const reportSettingsPatchSchema = z.strictObject({ ageGroups: ageGroupsSchema, pustu: pustuListSchema }).partial();

export function ageGroupLabel(g: AgeGroup): string {
  return g.to === null ? `${g.from}+ ${g.unit}` : `${g.from}–${g.to} ${g.unit}`;
}

// ---------------------------------------------------------------------------------------------
// Recaps

export const recapInputSchema = z.strictObject({
  year: z
    .number({ error: 'Tahun harus berupa angka' })
    .int('Tahun harus bilangan bulat')
    .min(2000, 'Tahun rekap paling awal 2000')
    .max(2100, 'Tahun rekap paling akhir 2100'),
  /** 1–12: a monthly recap; absent: the whole year. */
  month: z.number({ error: 'Bulan harus berupa angka' }).int('Bulan harus bilangan bulat').min(1, 'Bulan 1–12').max(12, 'Bulan 1–12').optional(),
  unitId: idSchema.optional(),
});
export type RecapInput = z.infer<typeof recapInputSchema>;

const countRowSchema = z.object({ key: z.string(), label: z.string(), l: z.number().int(), p: z.number().int(), total: z.number().int() });
export type CountRow = z.infer<typeof countRowSchema>;
/** A count of visits by one dimension, split by sex (as the LB1 and the register count). */
export const countTableSchema = z.object({ rows: z.array(countRowSchema), total: countRowSchema });
export type CountTable = z.infer<typeof countTableSchema>;

const durationSchema = z.object({ count: z.number().int(), median: z.number().int().nullable(), p90: z.number().int().nullable() });
const retrievalSchema = z.object({
  count: z.number().int(),
  withinStandard: z.number().int(),
  sharePercent: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});

export const recapSchema = z.object({
  period: z.object({
    year: z.number().int(),
    month: z.number().int().nullable(),
    from: z.string(),
    to: z.string(),
    /** "November 2026", "Tahun 2026". */
    label: z.string(),
  }),
  unit: z.object({ id: idSchema, name: z.string() }).nullable(),
  generatedAt: z.string(),
  ageGroups: z.array(ageGroupSchema),
  /** Per month of a yearly recap, per day of a monthly one. */
  byTime: countTableSchema,
  byUnit: countTableSchema,
  byCluster: countTableSchema,
  byPayer: countTableSchema,
  bySex: countTableSchema,
  byAgeGroup: countTableSchema,
  /** Kunjungan baru (first visit of the calendar year) and lama. */
  byKunjungan: countTableSchema,
  /** Pasien baru (new RM) and lama. */
  byPasien: countTableSchema,
  byVillage: countTableSchema,
  referrals: z.object({
    /** False while the referral letters are not part of this installation. */
    available: z.boolean(),
    note: z.string().nullable(),
    byDestination: countTableSchema,
  }),
  /** Ticket issued → first call, per queue and month; seconds. */
  queueWaits: z.array(
    z.object({ month: z.string(), lane: z.string(), kind: z.enum(['service', 'unit']), issued: z.number().int(), wait: durationSchema }),
  ),
  retrieval: z.object({
    standardMinutes: z.number().int(),
    overall: retrievalSchema,
    byUnit: z.array(retrievalSchema.extend({ unitId: idSchema, unitName: z.string() })),
    notDelivered: z.number().int(),
  }),
  klpcm: z.object({
    byUnit: z.array(
      z.object({
        unitId: idSchema,
        unitName: z.string(),
        checked: z.number().int(),
        incomplete: z.number().int(),
        ratePercent: z.number().nullable(),
      }),
    ),
    total: z.object({ checked: z.number().int(), incomplete: z.number().int(), ratePercent: z.number().nullable() }),
  }),
});
export type Recap = z.infer<typeof recapSchema>;

// ---------------------------------------------------------------------------------------------
// One recap as tables: the screen, the printout and the Excel file show the same tables

export type RecapCell = string | number | null;
export interface RecapColumn {
  label: string;
  kind: 'text' | 'integer' | 'number' | 'percent';
}
export interface RecapTable {
  id: string;
  title: string;
  note: string | null;
  columns: RecapColumn[];
  rows: RecapCell[][];
  /** Bold last row (Jumlah); null when a total does not add up (medians). */
  total: RecapCell[] | null;
  /** What the chart draws: one bar per row; null for a table without a chart. */
  chart: { unit: string; bars: { label: string; value: number }[] } | null;
}

const countColumns = (first: string): RecapColumn[] => [
  { label: first, kind: 'text' },
  { label: 'L', kind: 'integer' },
  { label: 'P', kind: 'integer' },
  { label: 'Jumlah', kind: 'integer' },
];

function countTable(id: string, title: string, first: string, t: CountTable, note: string | null = null): RecapTable {
  return {
    id,
    title,
    note,
    columns: countColumns(first),
    rows: t.rows.map((r) => [r.label, r.l, r.p, r.total]),
    total: ['Jumlah', t.total.l, t.total.p, t.total.total],
    chart: { unit: 'kunjungan', bars: t.rows.map((r) => ({ label: r.label, value: r.total })) },
  };
}

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** The recap as the tables every output shows, in the order they are printed. */
export function recapTables(r: Recap): RecapTable[] {
  const yearly = r.period.month === null;
  const tables: RecapTable[] = [
    countTable('waktu', yearly ? 'Kunjungan per bulan' : 'Kunjungan per hari', yearly ? 'Bulan' : 'Tanggal', r.byTime),
    countTable('unit', 'Kunjungan per unit', 'Unit', r.byUnit),
    countTable('klaster', 'Kunjungan per klaster ILP', 'Klaster', r.byCluster),
    countTable('penjamin', 'Kunjungan per penjamin', 'Penjamin', r.byPayer),
    countTable('jenis-kelamin', 'Kunjungan per jenis kelamin', 'Jenis kelamin', r.bySex),
    countTable('umur', 'Kunjungan per kelompok umur (LB1)', 'Kelompok umur', r.byAgeGroup, 'Umur pada tanggal kunjungan.'),
    countTable(
      'kunjungan-baru',
      'Kunjungan baru dan lama',
      'Kunjungan',
      r.byKunjungan,
      'Kunjungan baru: kunjungan pertama pasien pada tahun kalender itu.',
    ),
    countTable('pasien-baru', 'Pasien baru dan lama', 'Pasien', r.byPasien, 'Pasien baru: No. RM dibuat pada kunjungan itu.'),
    countTable('desa', 'Kunjungan per kelurahan/desa', 'Kelurahan/desa', r.byVillage),
    countTable('rujukan', 'Rujukan keluar per tujuan', 'Fasilitas tujuan', r.referrals.byDestination, r.referrals.note),
    {
      id: 'antrean',
      title: 'Waktu tunggu antrean (ambil nomor → dipanggil)',
      note: 'Menit; median dan persentil 90 per antrean dan bulan.',
      columns: [
        { label: 'Bulan', kind: 'text' },
        { label: 'Antrean', kind: 'text' },
        { label: 'Nomor diambil', kind: 'integer' },
        { label: 'Dipanggil', kind: 'integer' },
        { label: 'Median (mnt)', kind: 'number' },
        { label: 'P90 (mnt)', kind: 'number' },
      ],
      rows: r.queueWaits.map((w) => [w.month, w.lane, w.issued, w.wait.count, minutes(w.wait.median), minutes(w.wait.p90)]),
      total: null,
      chart: {
        unit: 'menit (median)',
        bars: r.queueWaits.filter((w) => w.wait.median !== null).map((w) => ({ label: `${w.lane} ${w.month}`, value: minutes(w.wait.median)! })),
      },
    },
    {
      id: 'penyediaan-berkas',
      title: 'Waktu penyediaan berkas rekam medis',
      note: `Dari pendaftaran sampai berkas diterima unit; standar ≤ ${r.retrieval.standardMinutes} menit.${
        r.retrieval.notDelivered ? ` ${r.retrieval.notDelivered} permintaan berkas tidak sampai ke unit.` : ''
      }`,
      columns: [
        { label: 'Unit', kind: 'text' },
        { label: 'Berkas', kind: 'integer' },
        { label: `≤ ${r.retrieval.standardMinutes} mnt`, kind: 'integer' },
        { label: '% sesuai standar', kind: 'percent' },
        { label: 'Median (mnt)', kind: 'number' },
        { label: 'P90 (mnt)', kind: 'number' },
      ],
      rows: r.retrieval.byUnit.map((u) => [u.unitName, u.count, u.withinStandard, u.sharePercent, u.medianMinutes, u.p90Minutes]),
      total: [
        'Semua unit',
        r.retrieval.overall.count,
        r.retrieval.overall.withinStandard,
        r.retrieval.overall.sharePercent,
        r.retrieval.overall.medianMinutes,
        r.retrieval.overall.p90Minutes,
      ],
      chart: { unit: '% sesuai standar', bars: r.retrieval.byUnit.map((u) => ({ label: u.unitName, value: u.sharePercent ?? 0 })) },
    },
    {
      id: 'klpcm',
      title: 'Ketidaklengkapan pengisian catatan medis (KLPCM)',
      note: 'Pemeriksaan pertama berkas yang kembali dari unit; angka KLPCM = tidak lengkap ÷ diperiksa.',
      columns: [
        { label: 'Unit', kind: 'text' },
        { label: 'Diperiksa', kind: 'integer' },
        { label: 'Tidak lengkap', kind: 'integer' },
        { label: 'KLPCM (%)', kind: 'percent' },
      ],
      rows: r.klpcm.byUnit.map((u) => [u.unitName, u.checked, u.incomplete, u.ratePercent]),
      total: ['Jumlah', r.klpcm.total.checked, r.klpcm.total.incomplete, r.klpcm.total.ratePercent],
      chart: { unit: '% tidak lengkap', bars: r.klpcm.byUnit.map((u) => ({ label: u.unitName, value: u.ratePercent ?? 0 })) },
    },
  ];
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Follow-up for the pustu (seed 001 step 14)

export const followUpStatuses = ['dikirim', 'selesai'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
export const followUpStatusLabels: Record<FollowUpStatus, string> = { dikirim: 'Dikirim ke pustu', selesai: 'Selesai' };

export const pustuFollowUpSchema = z.object({
  id: idSchema,
  visitId: idSchema,
  visitDate: z.string(),
  unitName: z.string(),
  patient: z.object({
    id: idSchema,
    rmNumber: z.string(),
    name: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    phone: z.string().nullable(),
    /** Street, RT/RW. */
    address: z.string(),
  }),
  /** The village of the patient's address when the visit was marked (where the pustu goes). */
  villageCode: z.string().nullable(),
  villageName: z.string(),
  /** The pustu that looks after the village (Pengaturan → Laporan), null when none is set. */
  pustu: z.string().nullable(),
  reason: z.string(),
  note: z.string().nullable(),
  markedAt: z.string(),
  markedBy: z.string().nullable(),
  status: z.enum(followUpStatuses),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneNote: z.string().nullable(),
});
export type FollowUp = z.infer<typeof pustuFollowUpSchema>;

export const followUpListInputSchema = z
  .strictObject({
    /** Visit dates, inclusive. */
    from: isoDateSchema,
    to: isoDateSchema,
    /** One pustu by name, or `-` for villages no pustu looks after. */
    pustu: text(60).optional(),
    villageCode: villageCodeSchema.optional(),
    status: z.enum(followUpStatuses).optional(),
  })
  .refine((v) => v.from <= v.to, { message: 'Tanggal akhir sebelum tanggal awal', path: ['to'] });

export const followUpListSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  count: z.number().int(),
  /** One section per pustu (in the settings' order), then villages without a pustu; inside, by village. */
  groups: z.array(
    z.object({
      pustu: z.string().nullable(),
      label: z.string(),
      villages: z.array(z.object({ code: z.string().nullable(), name: z.string(), items: z.array(pustuFollowUpSchema) })),
    }),
  ),
});
export type FollowUpList = z.infer<typeof followUpListSchema>;

export const followUpCandidateSchema = z.object({
  visitId: idSchema,
  seq: z.number().int(),
  registeredAt: z.string(),
  rmNumber: z.string(),
  name: z.string(),
  unitName: z.string(),
  villageName: z.string().nullable(),
  followUpId: idSchema.nullable(),
});
export type FollowUpCandidate = z.infer<typeof followUpCandidateSchema>;

export const reportMethods = {
  'reports.recap': method({
    summary:
      'Rekap kunjungan bulanan atau tahunan: per unit, klaster, penjamin, jenis kelamin, kelompok umur, baru/lama, desa, rujukan, waktu tunggu, penyediaan berkas dan KLPCM',
    guard: 'laporan:view',
    input: recapInputSchema,
    output: recapSchema,
  }),
  'followUps.visitsOfDay': method({
    summary: 'Kunjungan satu hari untuk ditandai tindak lanjut: cari menurut No. RM atau nama',
    guard: 'session',
    input: z.strictObject({ date: isoDateSchema.optional(), query: optionalText(60) }),
    output: z.object({ date: z.string(), visits: z.array(followUpCandidateSchema) }),
  }),
  'followUps.mark': method({
    summary: 'Menandai kunjungan perlu ditindaklanjuti di kelurahan: pemberitahuan untuk pustu wilayah alamat pasien',
    // Checked in the service: the registration clerk (kunjungan:input) or the cluster's staff (surat:input).
    guard: 'session',
    input: z.strictObject({ visitId: idSchema, reason: text(200), note: optionalText(500) }),
    output: pustuFollowUpSchema,
  }),
  'followUps.setStatus': method({
    summary: 'Mengubah status tindak lanjut: dikirim ke pustu atau selesai (dengan catatan)',
    guard: 'session',
    input: z.strictObject({ id: idSchema, status: z.enum(followUpStatuses), note: optionalText(500) }),
    output: pustuFollowUpSchema,
  }),
  'followUps.list': method({
    summary: 'Daftar tindak lanjut per pustu dan kelurahan dengan alamat dan telepon pasien',
    guard: 'laporan:view',
    input: followUpListInputSchema,
    output: followUpListSchema,
  }),
};

/** Spread into `documentMethods`: the print layer answers these (the printouts, and the Excel files, whose writer lives in print/). */
export const reportDocumentMethods = {
  'reports.exportXlsx': method({
    summary: 'Rekap bulanan/tahunan sebagai berkas Excel (.xlsx): satu lembar per tabel',
    guard: 'laporan:view',
    input: recapInputSchema,
    output: downloadSchema,
  }),
  'followUps.exportXlsx': method({
    summary: 'Daftar tindak lanjut pustu sebagai berkas Excel (.xlsx)',
    guard: 'laporan:view',
    input: followUpListInputSchema,
    output: downloadSchema,
  }),
  'documents.recap': method({
    summary: 'Rekap bulanan/tahunan (A4): kop, setiap tabel dengan grafiknya',
    guard: 'laporan:view',
    input: recapInputSchema,
    output: printableSchema,
  }),
  'documents.followUps': method({
    summary: 'Daftar tindak lanjut untuk pustu (A4): satu bagian per pustu, alamat dan telepon pasien',
    guard: 'laporan:view',
    input: followUpListInputSchema,
    output: printableSchema,
  }),
};
