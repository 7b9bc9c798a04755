/**
 * Identifiers other than the NIK: the BPJS / JKN card number and phone numbers, plus the
 * clean-up every typed identifier shares (separators, full-width digits, naming what is wrong).
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Separators a clerk types or copies from a document: spaces, dots, hyphens and dashes. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/gu;

/**
 * What the clerk typed, reduced to the characters that matter: NFKC turns full-width digits
 * into ASCII, separators go. Shared by the NIK, BPJS and RM checks.
 */
export function stripSeparators(input: string): string {
  return input.normalize('NFKC').replace(SEPARATORS, '');
}

/**
 * The characters of `value` that are not ASCII digits, each once, quoted for a message
 * (`"O", "I"`); invisible and control characters are written U+XXXX so the message reads.
 */
function describeNonDigits(value: string): string {
  const seen = [...new Set(Array.from(value).filter((ch) => !/^[0-9]$/.test(ch)))];
  const shown = seen
    .slice(0, 3)
    .map((ch) => (/^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(ch) ? `"${ch}"` : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`));
  return shown.join(', ') + (seen.length > 3 ? ', …' : '');
}

/**
 * Why a value that should be digits only is not (null when it is), naming the field and the
 * offending characters; letters are reported first, they are the usual slip (O for 0, I for 1).
 */
export function digitsOnlyReason(field: string, value: string, expected: string): string | null {
  if (/\p{L}/u.test(value)) return `${field} berisi huruf (${describeNonDigits(value.replace(/[^\p{L}]/gu, ''))}); ${expected}`;
  if (!/^[0-9]*$/.test(value)) return `${field} berisi karakter selain angka (${describeNonDigits(value)}); ${expected}`;
  return null;
}

/** BPJS / JKN card number (nomor kartu, 13 digits) as stored, from what was typed or scanned. */
export function checkBpjsNumber(input: string): Checked<string> {
  const value = stripSeparators(input);
  if (value === '') return { ok: false, reason: 'Nomor BPJS belum diisi' };
  const bad = digitsOnlyReason('Nomor BPJS', value, 'nomor kartu BPJS hanya terdiri dari 13 angka');
  if (bad) return { ok: false, reason: bad };
  if (value.length !== 13) return { ok: false, reason: `Nomor BPJS harus 13 angka (tertulis ${value.length})` };
  if (/^0+$/.test(value)) return { ok: false, reason: 'Nomor BPJS 0000000000000 tidak sah' };
  return { ok: true, value };
}

/** Digits after the trunk 0 of an Indonesian number: 9 (021-1234567) to 13. */
const PHONE_MIN = 9;
const PHONE_MAX = 13;

/**
 * An Indonesian phone number in one canonical form, the national one with its trunk 0:
 * `0812-3456-7890`, `+62 812 3456 7890`, `+62 (0)812…`, `62812…`, `812…` → `081234567890`;
 * `(0251) 8371234` → `02518371234`. Digits without 0 or 62 in front get a 0 (a mobile number
 * typed without its 0). A leading `62` is always the country code: no mobile or area code
 * starts with 62 once the 0 is written, and a landline typed without its 0 is rarer than
 * a mobile typed as 62…. Foreign numbers (`+` other than +62) are refused.
 */
export function normalizePhone(input: string): Checked<string> {
  const typed = input.normalize('NFKC').trim();
  if (typed === '') return { ok: false, reason: 'Nomor telepon belum diisi' };
  if (/[/,;]|\s(atau|dan)\s/iu.test(typed)) return { ok: false, reason: 'Nomor telepon: isi satu nomor saja (nomor lain di kolom kontak darurat)' };
  const compact = typed.replace(/[\s.\-\u2010-\u2015\u2212()]/gu, '');
  const plus = compact.startsWith('+');
  const body = plus ? compact.slice(1) : compact;
  const bad = digitsOnlyReason('Nomor telepon', body, 'nomor telepon hanya terdiri dari angka, boleh diawali +62');
  if (bad) return { ok: false, reason: bad };
  if (body === '') return { ok: false, reason: 'Nomor telepon belum diisi' };

  let national: string;
  if (plus) {
    if (!body.startsWith('62'))
      return { ok: false, reason: `Nomor telepon luar negeri (+${body}) tidak didukung: isi nomor Indonesia (+62 atau 0…)` };
    national = body.slice(2);
  } else if (body.startsWith('0062')) {
    national = body.slice(4);
  } else if (body.startsWith('62')) {
    national = body.slice(2);
  } else {
    national = body;
  }
  // "+62 0812…" and "+62 (0)812…": the trunk 0 written after the country code.
  if (!national.startsWith('0')) national = `0${national}`;
  const digits = national.length - 1;
  if (digits < PHONE_MIN) return { ok: false, reason: `Nomor telepon terlalu pendek: ${digits} angka setelah 0 (harus ${PHONE_MIN}–${PHONE_MAX})` };
  if (digits > PHONE_MAX) return { ok: false, reason: `Nomor telepon terlalu panjang: ${digits} angka setelah 0 (harus ${PHONE_MIN}–${PHONE_MAX})` };
  if (national.startsWith('00')) return { ok: false, reason: 'Nomor telepon diawali 00 (kode internasional): isi nomor Indonesia (+62 atau 0…)' };
  if (national.startsWith('01'))
    return { ok: false, reason: 'Nomor telepon diawali 01: tidak ada kode wilayah atau operator Indonesia yang diawali 01' };
  return { ok: true, value: national };
}

/** The stored forms a typed phone number can match (canonical `08…` and international `+628…`); empty when it is not a phone number. */
export function phoneSearchForms(input: string): string[] {
  const phone = normalizePhone(input);
  if (!phone.ok) return [];
  return [phone.value, `+62${phone.value.slice(1)}`];
}
