import { DEFAULT_RM_WIDTH } from './defaults';

/**
 * RM numbers (nomor rekam medis, the medical-record / folder number) in the format the
 * puskesmas chose: zero-padded digits, an optional prefix (its code, e.g. `SJ-`), and for
 * family folders (berkas keluarga) a two-digit member suffix after the family number.
 */
export interface RmFormat {
  /** digits, default 6 */
  width: number;
  /** `''` or e.g. `'SJ-'` */
  prefix: string;
  /** family folders: `<family number>-<member suffix 2 digits>` */
  family: boolean;
}

/** Six digits, no prefix, one folder per person: what most puskesmas use. */
export const defaultRmFormat: RmFormat = { width: DEFAULT_RM_WIDTH, prefix: '', family: false };

/**
 * Member suffixes run 00–99: some puskesmas give the head of the family 00, most start at
 * 01. The suffix is always two digits.
 */
const MEMBER_MAX = 99;

/**
 * Anything with more digits than this is another identifier (BPJS has 13, NIK 16), never an
 * RM number, so the search does not look it up as one.
 */
const RM_MAX_DIGITS = 12;

/**
 * The RM number for a sequence (and family member) in the puskesmas's format:
 * 123 → `000123`; prefix `SJ-` → `SJ-000123`; family, member 1 → `000123-01`. A sequence
 * longer than the width is written in full, never cut (the range outgrew the format).
 */
export function formatRm(sequence: number, format: RmFormat, member?: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`formatRm: nomor urut RM harus bilangan bulat ≥ 1, bukan ${sequence}`);
  const base = `${format.prefix}${String(sequence).padStart(format.width, '0')}`;
  if (!format.family) {
    if (member !== undefined) throw new RangeError('formatRm: nomor anggota keluarga hanya untuk format berkas keluarga');
    return base;
  }
  if (member === undefined || !Number.isInteger(member) || member < 0 || member > MEMBER_MAX) {
    throw new RangeError(`formatRm: format berkas keluarga memerlukan nomor anggota 00–${MEMBER_MAX}, bukan ${member}`);
  }
  return `${base}-${String(member).padStart(2, '0')}`;
}

/** Separators inside a typed RM number: spaces, dots, hyphens, dashes and slashes. */
const RM_SEPARATORS = /[\s.\-\u2010-\u2015\u2212/]+/gu;
const RM_SEPARATOR_CHAR = /^[\s.\-\u2010-\u2015\u2212/]$/u;

/**
 * What a clerk typed or a scanner sent → the stored forms to look up, canonical first:
 * `123`, `00-01-23` (the shelf style), `000123`, `sj000123`, `SJ 123` → `000123` or
 * `SJ-000123`. The prefix may be typed or left out, in any case and with any separator;
 * leading zeros do not matter. A prefix of digits makes two readings (prefix typed, or part
 * of the number); both are returned. Family format: the member is the last group after a
 * separator (`123-1`, `000123-01`) or, with no separator, the last two digits (`12301`).
 * The input as typed (upper case, trimmed) comes last, so an RM written in an older format
 * still matches exactly. Empty when the input cannot be an RM number: letters other than the
 * prefix, other characters, zero, or more than 12 digits (a BPJS number or NIK).
 */
export function rmCandidates(input: string, format: RmFormat): string[] {
  const typed = input.normalize('NFKC').trim().toUpperCase();
  if (typed === '') return [];
  const prefixCore = format.prefix.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

  // Where the prefix may stand: typed with its separators, or not typed at all.
  const bodies: string[] = [];
  const hasPrefix = prefixCore !== '' && typed.replace(RM_SEPARATORS, '').startsWith(prefixCore);
  if (!hasPrefix) bodies.push(typed);
  else if (!/^\d+$/.test(prefixCore)) bodies.push(dropPrefix(typed, prefixCore));
  else {
    // A prefix of digits may also be left out: `12123` is `12-` + 123 or the number 12123.
    // The prefix reading comes first only when it was typed exactly as the format writes it.
    const readings = [dropPrefix(typed, prefixCore), typed];
    bodies.push(...(typed.startsWith(format.prefix.toUpperCase()) ? readings : readings.reverse()));
  }

  const found: string[] = [];
  for (const body of bodies) {
    const rm = parseBody(body, format);
    if (rm !== null && !found.includes(rm)) found.push(rm);
  }
  if (found.length === 0) return [];
  if (!found.includes(typed)) found.push(typed);
  return found;
}

/** `typed` without its leading prefix, which may have been typed with separators inside or after it. */
function dropPrefix(typed: string, prefixCore: string): string {
  let i = 0;
  let matched = 0;
  while (i < typed.length && matched < prefixCore.length) {
    const ch = typed[i] ?? '';
    if (ch === prefixCore[matched]) matched++;
    else if (!RM_SEPARATOR_CHAR.test(ch)) break;
    i++;
  }
  return typed.slice(i);
}

/** The body of an RM number (prefix removed) in the stored form, or null if it is not one. */
function parseBody(body: string, format: RmFormat): string | null {
  if (!/^[0-9\s.\-\u2010-\u2015\u2212/]*$/u.test(body)) return null;
  const groups = body.split(RM_SEPARATORS).filter((g) => g !== '');
  const digits = groups.join('');
  if (digits === '' || digits.length > RM_MAX_DIGITS) return null;

  if (!format.family) return numberFrom(digits, format, undefined);
  let family: string;
  let member: string;
  const last = groups[groups.length - 1] ?? '';
  if (groups.length > 1 && last.length <= 2) {
    family = groups.slice(0, -1).join('');
    member = last;
  } else {
    family = digits.slice(0, -2);
    member = digits.slice(-2);
  }
  if (family === '') return null;
  return numberFrom(family, format, Number(member));
}

function numberFrom(digits: string, format: RmFormat, member: number | undefined): string | null {
  const sequence = Number(digits);
  if (sequence < 1) return null;
  return formatRm(sequence, format, member);
}

/**
 * Shelf key for terminal-digit filing (`46-50-23` / `465023` → `23-50-46`: the last two
 * digits, then the middle two, then the rest), so a pull list sorts the way the folders
 * stand. The number is the last run of 3+ digits (a prefix such as `SJ-` or `P32-` is
 * skipped; a prefix ending in digits must end with a separator), or all digits when the RM
 * is written in pairs (`46-50-23`); fewer than 6 digits are padded with zeros (`123` →
 * `23-01-00`). More than 6: the primary part keeps every leading digit (`1465023` →
 * `23-50-146`) — compare such keys with `compareTerminalDigit`, plain string order puts
 * `146` before `46`. A family member suffix stays last (`465023-01` → `23-50-46-01`): one
 * family folder, its members in order. Without digits the RM is returned as it is.
 */
export function terminalDigitKey(rm: string): string {
  const runs = rm.match(/\d+/g);
  if (!runs) return rm;
  let number: string;
  let member = '';
  const longIndex = runs.findLastIndex((r) => r.length >= 3);
  if (longIndex >= 0) {
    number = runs[longIndex] ?? '';
    const after = runs.slice(longIndex + 1);
    if (after.length === 1 && after[0]?.length === 2) member = `-${after[0]}`;
  } else {
    number = runs.join('');
  }
  const padded = number.padStart(6, '0');
  const terminal = padded.slice(-2);
  const secondary = padded.slice(-4, -2);
  const primary = padded.slice(0, -4);
  return `${terminal}-${secondary}-${primary}${member}`;
}

/**
 * Orders two `terminalDigitKey` keys the way the shelves stand: part by part, numerically,
 * so `23-50-46` comes before `23-50-146`; a key without a member suffix before one with.
 */
export function compareTerminalDigit(a: string, b: string): number {
  const pa = a.split('-');
  const pb = b.split('-');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return Math.sign(diff);
  }
  return pa.length - pb.length;
}
