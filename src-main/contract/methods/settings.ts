import { z } from 'zod';
import { method } from '../method';
import { emptyInput, optionalText, text, timeZoneSchema } from '../schemas';
import { ticketPaperSchema, ticketPrinterAddressSchema } from '../ticket-printer';
import { letterSettingsPatchSchema, letterSettingsSchema } from './letters';
import { queueSettingsPatchSchema, queueSettingsSchema } from './queue';
import { reportSettingsPatchSchema, reportSettingsSchema } from './reports';

/** How folders stand on the shelves: terminal digit (last two digits first), middle digit, or straight numeric. */
export const filingOrders = ['terminal', 'middle', 'straight'] as const;
export type FilingOrder = (typeof filingOrders)[number];

/** A named run of shelves: folders whose section number (see domain/berkas) lies in from–to. */
export const shelfSectionSchema = z.object({
  name: text(40),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
});
export type ShelfSection = z.infer<typeof shelfSectionSchema>;

/** Settings shared by every PC of one puskesmas; they live in the host's SQLite. */
export const sharedSettingsSchema = z.object({
  puskesmas: z.object({
    name: z.string(),
    code: z.string(),
    pemerintah: z.string(),
    dinas: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    headName: z.string(),
    headNip: z.string(),
  }),
  timeZone: timeZoneSchema,
  runningText: z.string(),
  /** How RM numbers look: zero-padded width, an optional prefix, family folders with member suffix. */
  rmFormat: z.object({ width: z.number().int(), prefix: z.string(), family: z.boolean() }),
  /** Life-stage thresholds that route a visit to klaster 2 or 3. */
  lifeStage: z.object({ childMaxAgeYears: z.number().int(), elderlyMinAgeYears: z.number().int() }),
  /** Ticket width, priority policy, poli numbering, wait estimate (see methods/queue). */
  queue: queueSettingsSchema,
  /** The records room: filing order, named shelf sections, the KLPCM checklist, inactive after N years. */
  folders: z.object({
    filingOrder: z.enum(filingOrders),
    sections: z.array(shelfSectionSchema),
    completenessItems: z.array(z.string()),
    inactiveAfterYears: z.number().int(),
  }),
  /** Recaps: the LB1 age groups; the pustu and the villages each looks after (follow-ups). */
  reports: reportSettingsSchema,
  /** Letters: kop logo, number patterns, paper, sick-leave policy (Pengaturan → Surat). */
  letters: letterSettingsSchema,
  /** Minutes without keyboard or mouse before a window locks its screen; 0 = never. */
  idleLockMinutes: z.number().int(),
});
export type SharedSettings = z.infer<typeof sharedSettingsSchema>;

export const sharedSettingsPatchSchema = z.strictObject({
  puskesmas: z
    .strictObject({
      name: text(100),
      code: optionalText(20),
      pemerintah: optionalText(100),
      dinas: optionalText(100),
      address: optionalText(200),
      phone: optionalText(30),
      email: z.union([z.literal(''), z.email('Alamat email tidak valid').max(100)]).optional(),
      headName: optionalText(100),
      headNip: z.union([z.literal(''), z.string().regex(/^\d{18}$/, 'NIP terdiri dari 18 angka')]).optional(),
    })
    .partial()
    .optional(),
  timeZone: timeZoneSchema.optional(),
  runningText: optionalText(500),
  rmFormat: z
    .strictObject({
      width: z.number().int().min(4, 'Minimal 4 angka').max(10, 'Maksimal 10 angka'),
      prefix: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9-]{0,6}$/, 'Awalan 0–6 huruf besar, angka atau minus'),
      family: z.boolean(),
    })
    .partial()
    .optional(),
  lifeStage: z
    .strictObject({
      childMaxAgeYears: z.number().int().min(12).max(21),
      elderlyMinAgeYears: z.number().int().min(45).max(75),
    })
    .partial()
    .optional(),
  queue: queueSettingsPatchSchema.optional(),
  reports: reportSettingsPatchSchema.optional(),
  letters: letterSettingsPatchSchema.optional(),
  idleLockMinutes: z
    .number({ error: 'Isi dengan angka menit' })
    .int('Isi dengan angka menit')
    .min(0, 'Minimal 0 (tidak pernah mengunci)')
    .max(240, 'Maksimal 240 menit')
    .optional(),
  folders: z
    .strictObject({
      filingOrder: z.enum(filingOrders),
      sections: z
        .array(shelfSectionSchema.refine((s) => s.from <= s.to, 'Awal bagian rak tidak boleh lebih besar dari akhirnya'))
        .max(100, 'Maksimal 100 bagian rak'),
      completenessItems: z.array(text(80)).min(1, 'Minimal satu butir periksa').max(30, 'Maksimal 30 butir periksa'),
      inactiveAfterYears: z.number().int().min(2, 'Minimal 2 tahun').max(30, 'Maksimal 30 tahun'),
    })
    .partial()
    .optional(),
});

/** What the public screens (display, kiosk) may read: no patient data, no staff data. */
export const publicSettingsSchema = z.object({
  puskesmasName: z.string(),
  address: z.string(),
  timeZone: timeZoneSchema,
  runningText: z.string(),
  /** The idle lock (not a secret): every window, logged in or not yet, reads it from here. */
  idleLockMinutes: z.number().int(),
});

/** Settings of one workstation (electron-store on that PC). */
export const workstationSettingsSchema = z.object({
  workstationName: z.string(),
  counterNumber: z.number().int().min(1).max(99).nullable(),
  role: z.enum(['host', 'client']),
  hostUrl: z.string().nullable(),
  /** Printer names as the OS knows them; null = ask with the system print dialog. `label` prints kartu berobat and folder labels. */
  printers: z.object({ letter: z.string().nullable(), label: z.string().nullable(), ticket: z.string().nullable() }),
  /** Paper of the ticket printer (ESC/POS and HTML karcis alike): 58 or 80 mm. */
  ticketPaperMm: ticketPaperSchema,
  lan: z.object({ bindAddress: z.string(), port: z.number().int().min(1024).max(65535) }),
});
export type WorkstationSettings = z.infer<typeof workstationSettingsSchema>;

const ipv4OrLoopback = z
  .string()
  .trim()
  .refine((s) => s === 'localhost' || s === '::1' || /^(\d{1,3})(\.\d{1,3}){3}$/.test(s), 'Alamat harus IPv4, localhost atau ::1');

export const workstationPatchSchema = z.strictObject({
  workstationName: text(60).optional(),
  counterNumber: z.number().int().min(1).max(99).nullable().optional(),
  role: z.enum(['host', 'client']).optional(),
  hostUrl: z.url('Alamat host harus URL lengkap, mis. http://192.168.1.10:5180').nullable().optional(),
  printers: z
    .strictObject({ letter: optionalText(120).nullable(), label: optionalText(120).nullable(), ticket: ticketPrinterAddressSchema.nullable() })
    .partial()
    .optional(),
  ticketPaperMm: ticketPaperSchema.optional(),
  lan: z
    .strictObject({ bindAddress: ipv4OrLoopback, port: z.number().int().min(1024).max(65535) })
    .partial()
    .optional(),
});

export const settingsMethods = {
  'settings.public': method({
    summary: 'Nama puskesmas, zona waktu dan teks berjalan untuk layar publik',
    guard: 'public',
    input: emptyInput,
    output: publicSettingsSchema,
  }),
  'settings.get': method({ summary: 'Pengaturan bersama puskesmas', guard: 'session', input: emptyInput, output: sharedSettingsSchema }),
  'settings.update': method({
    summary: 'Mengubah pengaturan bersama puskesmas',
    guard: 'pengaturan:correction',
    input: sharedSettingsPatchSchema,
    output: sharedSettingsSchema,
  }),
  'workstation.get': method({ summary: 'Pengaturan komputer host ini', guard: 'session', input: emptyInput, output: workstationSettingsSchema }),
  'workstation.update': method({
    summary: 'Mengubah pengaturan komputer host ini',
    guard: 'pengaturan:correction',
    input: workstationPatchSchema,
    output: workstationSettingsSchema,
  }),
};
