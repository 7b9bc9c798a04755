import { createHmac, timingSafeEqual } from 'node:crypto';
import { terbilang } from './terbilang';
import { addDays } from './waktu';

export { checkLetterPattern, renderLetterNumber, romanMonth } from '../contract';

// ---------------------------------------------------------------------------------------------
// Days of leave: the first and the last day both count (23–25 November is 3 days).

/** The last day of a leave of `days` days starting on `startDate` (inclusive). */
export function leaveEndDate(startDate: string, days: number): string {
  return addDays(startDate, days - 1);
}

/** Days from `startDate` to `endDate`, both included (negative or 0 when the end is before the start). */
export function leaveDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

/** "3 (tiga) hari": digits, then the words, as a letter writes a number of days. */
export function daysInWords(days: number): string {
  return `${days} (${terbilang(days)}) hari`;
}

// ---------------------------------------------------------------------------------------------
// Verification code: `<letter id in base 32>-<12 characters of HMAC-SHA256>` in Crockford's
// base 32 (no I, L, O, U), so it fits a small QR code and can be typed from the paper. The MAC
// covers the letter's key facts, keyed with a secret only the host holds: a code cannot be made
// for a letter that was not issued, and a letter whose facts were edited no longer matches.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAC_CHARS = 12;

export interface LetterFacts {
  id: number;
  kind: string;
  number: string;
  patientId: number;
  issuedAt: string;
  signerId: number;
}

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += CROCKFORD[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

function idToBase32(id: number): string {
  let n = id;
  let out = '';
  do {
    out = CROCKFORD[n % 32] + out;
    n = Math.floor(n / 32);
  } while (n > 0);
  return out;
}

function macOf(secret: string, f: LetterFacts): string {
  const message = [f.id, f.kind, f.number, f.patientId, f.issuedAt, f.signerId].join('|');
  return base32(createHmac('sha256', secret).update(message).digest(), MAC_CHARS);
}

export function makeVerifyCode(secret: string, facts: LetterFacts): string {
  return `${idToBase32(facts.id)}-${macOf(secret, facts)}`;
}

/**
 * A typed or scanned code in canonical form: upper case, O→0, I/L→1, spaces and a pasted
 * verify URL removed. `id` is null when it cannot be a code at all.
 */
export function parseVerifyCode(input: string): { code: string; id: number } | null {
  const last = input.trim().split('/').pop() ?? '';
  const code = last.toUpperCase().replace(/\s+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const m = /^([0-9A-HJKMNP-TV-Z]{1,8})-([0-9A-HJKMNP-TV-Z]{12})$/.exec(code);
  if (!m) return null;
  let id = 0;
  for (const c of m[1]!) id = id * 32 + CROCKFORD.indexOf(c);
  return Number.isSafeInteger(id) && id > 0 ? { code, id } : null;
}

/** Whether `code` is the code of these facts under this secret (constant-time compare). */
export function verifyCodeMatches(secret: string, facts: LetterFacts, code: string): boolean {
  const expected = Buffer.from(makeVerifyCode(secret, facts));
  const given = Buffer.from(code);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// ---------------------------------------------------------------------------------------------
// What an unauthenticated verifier sees of the patient.

/** "Siti Nurhaliza binti Ahmad" → "S. N. B. A."; enough to match the paper in hand, not to identify. */
export function nameInitials(name: string): string {
  return name
    .split(/[\s.,]+/)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) => `${[...w.replace(/[^\p{L}]/gu, '')][0]!.toUpperCase()}.`)
    .join(' ');
}

/** The last three characters of an RM number, the rest hidden: "•••123". */
export function rmTail(rm: string): string {
  return rm.length <= 3 ? rm : `•••${rm.slice(-3)}`;
}
