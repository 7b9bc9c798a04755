import { z } from 'zod';
import { method } from '../method';
import { idSchema, isoDateSchema } from '../schemas';

/**
 * Antrean (queue): tickets per service lane (loket A, B, C…) and per unit lane (the poli
 * queues), numbered from 1 every local day. Public methods and the public board carry ticket
 * codes and places only, never a patient's name, RM or NIK.
 */

/** Groups served first (UU 25/2009 pelayanan publik, perlakuan khusus bagi kelompok rentan). */
export const priorityClasses = ['lansia', 'disabilitas', 'ibu_hamil', 'anak'] as const;
export const priorityClassSchema = z.enum(priorityClasses);
export type PriorityClass = z.infer<typeof priorityClassSchema>;
export const priorityClassLabels: Record<PriorityClass, string> = {
  lansia: 'Lansia',
  disabilitas: 'Disabilitas',
  ibu_hamil: 'Ibu hamil',
  anak: 'Anak',
};

/**
 * menunggu → dipanggil → selesai | dilewati (tidak hadir) | ditahan | dialihkan; a skipped or
 * held ticket is called again with a recall; a transferred ticket continues as a new ticket.
 */
export const ticketStatuses = ['menunggu', 'dipanggil', 'selesai', 'dilewati', 'ditahan', 'dialihkan'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;
export const ticketStatusLabels: Record<TicketStatus, string> = {
  menunggu: 'Menunggu',
  dipanggil: 'Dipanggil',
  selesai: 'Selesai',
  dilewati: 'Dilewati (tidak hadir)',
  ditahan: 'Ditahan',
  dialihkan: 'Dialihkan',
};

export const queueEventKinds = ['issued', 'called', 'recalled', 'skipped', 'held', 'finished', 'transferred'] as const;
export type QueueEventKind = (typeof queueEventKinds)[number];

/**
 * Who is called next when priority and regular tickets both wait:
 * - `dahulukan`: a waiting priority ticket always goes first (the default);
 * - `selang`: one priority ticket in every `priorityInterval` calls of a place, so a long row of
 *   priority tickets cannot stop the regular line;
 * - `urut`: arrival order only (the priority mark is shown, nobody jumps).
 */
export const priorityPolicies = ['dahulukan', 'selang', 'urut'] as const;
export type PriorityPolicy = (typeof priorityPolicies)[number];
export const priorityPolicyLabels: Record<PriorityPolicy, string> = {
  dahulukan: 'Prioritas selalu didahulukan',
  selang: 'Satu prioritas setiap N panggilan',
  urut: 'Urut kedatangan',
};

/** How a poli queue numbers a registered visit: its own daily numbers, or the visit's register number. */
export const poliNumberings = ['unit', 'register'] as const;
export type PoliNumbering = (typeof poliNumberings)[number];

export const queueSettingsSchema = z.object({
  /** Digits of the number in a ticket code (`A012`: 3). */
  ticketWidth: z.number().int(),
  priorityPolicy: z.enum(priorityPolicies),
  /** For `selang`: one priority call in every N calls. */
  priorityInterval: z.number().int(),
  poliNumbering: z.enum(poliNumberings),
  /** Minutes per patient for the wait estimate until today has enough finished tickets. */
  defaultServiceMinutes: z.number().int(),
  /** Ticket letters of a poli queue per unit code (`GIGI` → `G`); other units use their code's first letters. */
  unitPrefixes: z.record(z.string(), z.string()),
});
export type QueueSettings = z.infer<typeof queueSettingsSchema>;

const ticketLetters = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,3}$/, 'Huruf tiket 1–3 huruf');

export const queueSettingsPatchSchema = z
  .strictObject({
    ticketWidth: z.number().int().min(2, 'Minimal 2 angka').max(5, 'Maksimal 5 angka'),
    priorityPolicy: z.enum(priorityPolicies),
    priorityInterval: z.number().int().min(2, 'Minimal setiap 2 panggilan').max(10, 'Maksimal setiap 10 panggilan'),
    poliNumbering: z.enum(poliNumberings),
    defaultServiceMinutes: z.number().int().min(1, 'Minimal 1 menit').max(120, 'Maksimal 120 menit'),
    unitPrefixes: z.record(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9-]{1,12}$/, 'Kode unit tidak dikenal'),
      ticketLetters,
    ),
  })
  .partial();

/** A ticket as the kiosk, the printer and the display may see it: no patient data. */
export const publicTicketSchema = z.object({
  id: idSchema,
  /** Local service date `YYYY-MM-DD`. */
  date: z.string(),
  code: z.string(),
  number: z.number().int(),
  /** Exactly one of serviceId (loket lane) and unitId (poli lane) is set. */
  serviceId: idSchema.nullable(),
  unitId: idSchema.nullable(),
  /** The service's or the unit's name. */
  laneName: z.string(),
  priority: priorityClassSchema.nullable(),
  status: ticketStatusSchema,
  issuedAt: z.string(),
});
export type PublicTicket = z.infer<typeof publicTicketSchema>;

/** A ticket in the staff's console: times, place, the visit it belongs to. */
export const queueTicketSchema = publicTicketSchema.extend({
  /** First call (waiting time ends). */
  calledAt: z.string().nullable(),
  /** Latest call or recall (service time starts). */
  lastCalledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The loket that called it last (null for poli lanes and tickets not called yet). */
  counterId: idSchema.nullable(),
  counterNumber: z.number().int().nullable(),
  transferredFromId: idSchema.nullable(),
  transferredFromCode: z.string().nullable(),
  /** Staff only: the visit this ticket belongs to. */
  visit: z.object({ id: idSchema, seq: z.number().int(), patientName: z.string(), rmNumber: z.string() }).nullable(),
});
export type QueueTicket = z.infer<typeof queueTicketSchema>;

/** One spoken call: the `queue.called` event and the board's call log carry the same shape. */
export const queueCallSchema = z.object({
  ticketId: idSchema,
  code: z.string(),
  serviceId: idSchema.nullable(),
  unitId: idSchema.nullable(),
  placeKind: z.enum(['loket', 'unit']),
  /** "Loket 1" or the unit's name ("Poli Gigi dan Mulut"). */
  placeLabel: z.string(),
  counterId: idSchema.nullable(),
  counterNumber: z.number().int().nullable(),
  unitCode: z.string().nullable(),
  /** "Nomor antrean A dua belas, silakan menuju loket satu": the caption and the voice. */
  announcement: z.string(),
  /** Clip keys of the offline voice, in order (see domain/pengumuman). */
  clips: z.array(z.string()),
  at: z.string(),
  recall: z.boolean(),
});
export type QueueCall = z.infer<typeof queueCallSchema>;

/** Counts of one lane today; the kiosk and the display read these without a login. */
export const laneSummarySchema = z.object({
  kind: z.enum(['service', 'unit']),
  serviceId: idSchema.nullable(),
  unitId: idSchema.nullable(),
  name: z.string(),
  /** Ticket letters of the lane (`A`, or the unit's letters). */
  prefix: z.string(),
  active: z.boolean(),
  dailyCap: z.number().int().nullable(),
  /** The daily cap is reached: the kiosk shows the service as full. */
  full: z.boolean(),
  issued: z.number().int(),
  waiting: z.number().int(),
  called: z.number().int(),
  held: z.number().int(),
  skipped: z.number().int(),
  finished: z.number().int(),
  transferred: z.number().int(),
  /** For a ticket issued now: minutes until its call. */
  estimatedWaitMinutes: z.number().int(),
});
export type LaneSummary = z.infer<typeof laneSummarySchema>;

/** The last call of each place today (what the display shows per loket/poli). */
export const placeCallSchema = queueCallSchema.extend({
  /** The ticket is still being served at that place (not finished, skipped, held or moved). */
  inProgress: z.boolean(),
});

export const durationStatsSchema = z.object({
  count: z.number().int(),
  /** Seconds; null without data. */
  median: z.number().int().nullable(),
  p90: z.number().int().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const queueStatsRowSchema = z.object({
  date: z.string(),
  kind: z.enum(['service', 'unit']),
  serviceId: idSchema.nullable(),
  unitId: idSchema.nullable(),
  name: z.string(),
  issued: z.number().int(),
  served: z.number().int(),
  skipped: z.number().int(),
  /** Issued → first call. */
  waitSeconds: durationStatsSchema,
  /** Last call → finished. */
  serviceSeconds: durationStatsSchema,
});
export type QueueStatsRow = z.infer<typeof queueStatsRowSchema>;

const placeInput = z.strictObject({ counterId: idSchema.optional(), unitId: idSchema.optional() });

const ticketRef = z.strictObject({ ticketId: idSchema });
const ticketResult = z.object({ ticket: queueTicketSchema });
const callResult = z.object({ ticket: queueTicketSchema, call: queueCallSchema });

export const queueMethods = {
  'queue.issueTicket': method({
    summary: 'Mengambil nomor antrean untuk satu layanan (kios atau petugas)',
    guard: 'public',
    input: z.strictObject({
      serviceId: idSchema,
      priority: priorityClassSchema.nullable().optional(),
      /** One id per tap at the kiosk: sent again after a lost answer, it returns the same ticket. */
      requestId: z
        .string()
        .regex(/^[A-Za-z0-9-]{8,64}$/, 'Id permintaan 8–64 huruf, angka atau minus')
        .optional(),
    }),
    output: z.object({
      ticket: publicTicketSchema,
      /** People still waiting before this ticket in its lane. */
      waitingAhead: z.number().int(),
      estimatedWaitMinutes: z.number().int(),
      /** For the printed ticket. */
      puskesmasName: z.string(),
      timeZone: z.string(),
    }),
  }),
  'queue.callNext': method({
    summary: 'Memanggil nomor berikutnya ke loket (counterId) atau ke poli (unitId)',
    guard: 'antrean:input',
    input: placeInput.refine((v) => (v.counterId === undefined) !== (v.unitId === undefined), {
      message: 'Pilih tepat satu: loket atau unit',
      path: ['counterId'],
    }),
    output: z.object({
      ticket: queueTicketSchema.nullable(),
      call: queueCallSchema.nullable(),
      /** Why nobody was called (no one waiting). */
      message: z.string().nullable(),
    }),
  }),
  'queue.recall': method({
    summary: 'Memanggil ulang tiket yang sedang dipanggil, dilewati atau ditahan',
    guard: 'antrean:input',
    /** counterId/unitId: the place calling; default: where it was called last. */
    input: placeInput.extend({ ticketId: idSchema }).refine((v) => v.counterId === undefined || v.unitId === undefined, {
      message: 'Pilih paling banyak satu: loket atau unit',
      path: ['counterId'],
    }),
    output: callResult,
  }),
  'queue.skip': method({
    summary: 'Melewati tiket yang dipanggil karena pasien tidak hadir',
    guard: 'antrean:input',
    input: ticketRef,
    output: ticketResult,
  }),
  'queue.hold': method({
    summary: 'Menahan tiket yang dipanggil (mis. pasien melengkapi berkas)',
    guard: 'antrean:input',
    input: ticketRef,
    output: ticketResult,
  }),
  'queue.finish': method({
    summary: 'Menyelesaikan tiket yang dipanggil, bila perlu menautkannya ke kunjungan',
    guard: 'antrean:input',
    input: z.strictObject({ ticketId: idSchema, visitId: idSchema.optional() }),
    output: ticketResult,
  }),
  'queue.transfer': method({
    summary: 'Mengalihkan tiket ke layanan lain atau ke antrean poli',
    guard: 'antrean:input',
    input: z
      .strictObject({ ticketId: idSchema, toServiceId: idSchema.optional(), toUnitId: idSchema.optional() })
      .refine((v) => (v.toServiceId === undefined) !== (v.toUnitId === undefined), {
        message: 'Pilih tepat satu tujuan: layanan atau unit',
        path: ['toServiceId'],
      }),
    /** `ticket`: the new ticket in the target lane; `from`: the old one, now `dialihkan`. */
    output: z.object({ from: queueTicketSchema, ticket: queueTicketSchema }),
  }),
  'queue.state': method({
    summary: 'Keadaan antrean hari ini untuk petugas: daftar tunggu, panggilan berjalan, jumlah per layanan',
    guard: 'antrean:view',
    /** Without a place: every lane; with a loket: its services; with a poli: its queue. */
    input: placeInput.refine((v) => v.counterId === undefined || v.unitId === undefined, {
      message: 'Pilih paling banyak satu: loket atau unit',
      path: ['counterId'],
    }),
    output: z.object({
      date: z.string(),
      /** Waiting tickets in the order they will be called (priority policy applied). */
      waiting: z.array(queueTicketSchema),
      /** Called and not finished, per loket or poli. */
      inProgress: z.array(queueTicketSchema),
      held: z.array(queueTicketSchema),
      skipped: z.array(queueTicketSchema),
      lanes: z.array(laneSummarySchema),
    }),
  }),
  'queue.board': method({
    summary: 'Papan antrean untuk layar tunggu dan kios: panggilan terakhir dan jumlah menunggu (tanpa data pasien)',
    guard: 'public',
    input: z.strictObject({ limit: z.number().int().min(1).max(30).optional() }),
    output: z.object({
      date: z.string(),
      /** Newest first. */
      calls: z.array(queueCallSchema),
      /** Last call of each loket and poli today. */
      places: z.array(placeCallSchema),
      /** Active services (loket lanes). */
      services: z.array(laneSummarySchema),
      /** Poli lanes with tickets today. */
      units: z.array(laneSummarySchema),
    }),
  }),
  'queue.stats': method({
    summary: 'Statistik antrean per hari dan layanan: jumlah, waktu tunggu dan waktu layanan (median, P90)',
    guard: 'session',
    input: z
      .strictObject({ from: isoDateSchema, to: isoDateSchema, serviceId: idSchema.optional(), unitId: idSchema.optional() })
      .refine((v) => v.from <= v.to, { message: 'Tanggal akhir sebelum tanggal awal', path: ['to'] }),
    output: z.array(queueStatsRowSchema),
  }),
};
