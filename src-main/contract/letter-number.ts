/**
 * Letter number patterns, e.g. `445/{seq:3}/PKM-SJ/{romanMonth}/{year}` → `445/012/PKM-SJ/XI/2026`.
 * Pure and Node-free: the settings form previews a pattern with it and the settings patch
 * refuses a bad one with the same sentence the host would use.
 *
 * Tokens: {seq} (no padding), {seq:N} (zero-padded to N, 1–6), {unitCode}, {romanMonth},
 * {month} (01–12), {year} (four digits). The sequence restarts every year, so {year} is required:
 * without it two years would produce the same number.
 */
const TOKEN = /\{([A-Za-z]+)(?::(\d+))?\}/g;
const KNOWN = new Set(['seq', 'unitCode', 'romanMonth', 'month', 'year']);
export const LETTER_SEQ_MAX_WIDTH = 6;

export type LetterPatternCheck = { ok: true } | { ok: false; reason: string };

export function checkLetterPattern(pattern: string): LetterPatternCheck {
  const text = pattern.trim();
  if (text === '') return { ok: false, reason: 'Pola nomor surat wajib diisi.' };
  let seq = 0;
  let year = 0;
  for (const m of text.matchAll(TOKEN)) {
    const [whole, name, width] = m as unknown as [string, string, string | undefined];
    if (!KNOWN.has(name))
      return { ok: false, reason: `Token ${whole} tidak dikenal. Token yang ada: {seq}, {seq:3}, {unitCode}, {romanMonth}, {month}, {year}.` };
    if (width !== undefined && name !== 'seq') return { ok: false, reason: `Token ${whole}: hanya {seq} yang boleh diberi lebar.` };
    if (name === 'seq') {
      seq++;
      const w = width === undefined ? 1 : Number(width);
      if (w < 1 || w > LETTER_SEQ_MAX_WIDTH) return { ok: false, reason: `Lebar nomor urut ${whole} harus 1–${LETTER_SEQ_MAX_WIDTH}.` };
    }
    if (name === 'year') year++;
  }
  const rest = text.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return { ok: false, reason: 'Kurung kurawal { } hanya untuk token, mis. {seq:3}.' };
  if (seq !== 1) return { ok: false, reason: 'Pola nomor surat harus memuat tepat satu {seq} atau {seq:N} (nomor urut).' };
  if (year < 1) return { ok: false, reason: 'Pola nomor surat harus memuat {year}: nomor urut dimulai lagi setiap tahun.' };
  return { ok: true };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Month 1–12 in Roman numerals, as Indonesian letter numbers write it (XI for November). */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`Bulan ${month} di luar 1–12`);
  return r;
}

/** The number of one letter: `date` is the local issue date `YYYY-MM-DD`. */
export function renderLetterNumber(pattern: string, p: { seq: number; unitCode: string; date: string }): string {
  const [year, month] = p.date.split('-') as [string, string];
  return pattern.trim().replace(TOKEN, (_whole, name: string, width: string | undefined) => {
    switch (name) {
      case 'seq':
        return String(p.seq).padStart(width === undefined ? 1 : Number(width), '0');
      case 'unitCode':
        return p.unitCode;
      case 'romanMonth':
        return romanMonth(Number(month));
      case 'month':
        return month;
      case 'year':
        return year;
      default:
        throw new RangeError(`Token {${name}} tidak dikenal`);
    }
  });
}
