import { z } from 'zod';
import indonesian from 'zod/v4/locales/id.js';

// Zod speaks Bahasa Indonesia everywhere the contract is imported (main and renderer); only this
// locale is imported so the renderer bundle does not carry all of zod's languages.
z.config(indonesian());

export const idSchema = z.number().int().positive();

/** A calendar date `YYYY-MM-DD` that really exists (no 31 February). */
export const isoDateSchema = z.string().refine(isRealIsoDate, { message: 'Tanggal harus berformat TTTT-BB-HH dan ada di kalender' });

export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `HH:MM` on a 24-hour clock. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam harus berformat JJ:MM (00:00–23:59)');

/** Free text typed by a person: trimmed, no control characters, bounded. */
export function text(max: number, min = 1) {
  return (
    z
      .string()
      .trim()
      .min(min, min === 1 ? 'Wajib diisi' : `Minimal ${min} karakter`)
      .max(max, `Maksimal ${max} karakter`)
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'Berisi karakter kendali yang tidak diizinkan')
  );
}

export const optionalText = (max: number) => text(max, 0).optional();

export const emptyInput = z.strictObject({});

export const timeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const timeZoneLabels: Record<(typeof timeZones)[number], string> = {
  'Asia/Jakarta': 'WIB (Asia/Jakarta)',
  'Asia/Makassar': 'WITA (Asia/Makassar)',
  'Asia/Jayapura': 'WIT (Asia/Jayapura)',
};
export const timeZoneSchema = z.enum(timeZones);

export const okSchema = z.object({ ok: z.literal(true) });
