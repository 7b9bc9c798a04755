import { z } from 'zod';
import { method } from '../method';
import { emptyInput, okSchema } from '../schemas';

/**
 * The queue voice's clip set: the shipped clips (resources/voice, made by scripts/voice-clips.mjs)
 * and the puskesmas's own recordings that replace them (Pengaturan → Suara).
 */

/** Clip keys are file names: `bel`, `nomor-antrean`, `huruf-a`, `dua`, `unit-gigi`, …. */
export const clipKeySchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'Kunci klip: 1–40 huruf kecil, angka atau minus');

/** A recording may be this large as a file (a few seconds of WAV; WebM/Ogg are far smaller). */
export const VOICE_MAX_CLIP_BYTES = 1024 * 1024;
const maxBase64Chars = Math.ceil(VOICE_MAX_CLIP_BYTES / 3) * 4;

export const clipGroups = ['bel', 'kalimat', 'huruf', 'angka', 'unit'] as const;
export const clipGroupLabels: Record<(typeof clipGroups)[number], string> = {
  bel: 'Bel',
  kalimat: 'Kalimat',
  huruf: 'Huruf',
  angka: 'Kata bilangan',
  unit: 'Unit layanan',
};

export const voiceClipInfoSchema = z.object({
  key: z.string(),
  group: z.enum(clipGroups),
  /** How staff recognise the clip ("Huruf B", "Poli Gigi dan Mulut"). */
  label: z.string(),
  /** What to say when recording it ("be", "poli gigi dan mulut"); empty for the chime. */
  text: z.string(),
  /** A clip file ships with Loket for this key. */
  shipped: z.boolean(),
  /** The puskesmas recorded its own clip, which is played instead. */
  recorded: z.boolean(),
  durationMs: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type VoiceClipInfo = z.infer<typeof voiceClipInfoSchema>;

export const voiceClipSchema = z.object({
  key: z.string(),
  mime: z.enum(['audio/wav', 'audio/webm', 'audio/ogg']),
  source: z.enum(['rekaman', 'bawaan']),
  /** Changes whenever the clip's bytes change: caches compare it (also the HTTP ETag). */
  etag: z.string(),
  dataBase64: z.string(),
});
export type VoiceClip = z.infer<typeof voiceClipSchema>;

export const callPlaceInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('loket'), number: z.number().int().min(1, 'Nomor loket minimal 1').max(999, 'Nomor loket maksimal 999') }),
  z.strictObject({ kind: z.literal('unit'), code: z.string().trim().toUpperCase().min(1, 'Pilih unit') }),
]);

export const voiceMethods = {
  'voice.list': method({
    summary: 'Daftar klip suara panggilan antrean: bawaan, rekaman ulang, dan teks yang diucapkan',
    guard: 'pengaturan:view',
    input: emptyInput,
    output: z.array(voiceClipInfoSchema),
  }),
  'voice.clip': method({
    summary: 'Isi satu klip suara (rekaman puskesmas bila ada, selain itu bawaan) sebagai base64',
    guard: 'public',
    input: z.strictObject({ key: clipKeySchema }),
    output: voiceClipSchema,
  }),
  'voice.save': method({
    summary: 'Menyimpan rekaman ulang satu klip suara (WAV, WebM atau Ogg, maksimal 1 MiB)',
    guard: 'pengaturan:correction',
    input: z.strictObject({
      key: clipKeySchema,
      audioBase64: z
        .string()
        .min(1, 'Rekaman kosong')
        .max(maxBase64Chars, 'Rekaman terlalu besar (maksimal 1 MiB)')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Isi rekaman harus base64'),
      /** Measured by the recording browser; a WAV's own length is used instead when it has one. */
      durationMs: z.number().int().min(50, 'Rekaman terlalu pendek').max(20_000, 'Rekaman maksimal 20 detik'),
    }),
    output: voiceClipInfoSchema,
    maxBodyBytes: maxBase64Chars + 64 * 1024,
  }),
  'voice.reset': method({
    summary: 'Menghapus rekaman ulang satu klip: kembali ke suara bawaan',
    guard: 'pengaturan:correction',
    input: z.strictObject({ key: clipKeySchema }),
    output: okSchema,
  }),
  'voice.preview': method({
    summary: 'Kalimat panggilan untuk nomor dan tujuan tertentu: teks dan urutan klipnya',
    guard: 'session',
    input: z.strictObject({
      ticket: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{1,3}\d{1,5}$/, 'Nomor antrean: 1–3 huruf lalu angka, mis. A012'),
      place: callPlaceInputSchema,
    }),
    output: z.object({ text: z.string(), clips: z.array(z.string()) }),
  }),
};
