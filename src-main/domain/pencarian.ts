/**
 * Patient search (pencarian pasien): what the one search field at the loket was given, and how
 * well a candidate patient answers it. Pure: the repository finds candidates through the index,
 * this file reads the query and ranks them.
 *
 * The field takes an identifier — RM number (with or without leading zeros, separators or the
 * puskesmas prefix; a scanned kartu berobat sends the same), NIK (16 digits; also finds infants
 * through the mother's NIK and a family through the KK number), BPJS number (13 digits), phone
 * number — or a name with an optional birth date or year and village or street words:
 * "siti 1985", "budi 12-03-1990 sukamaju", "muhamad riski".
 */
import { searchMatches, type SearchMatch } from '../contract';
import { phoneSearchForms, stripSeparators } from './identitas';
import { foldNameWords, foldWord, mayBeMuhammad, MUHAMMAD, plainWords } from './nama';
import { rmCandidates, type RmFormat } from './rm';

export type MatchedBy = SearchMatch;

/** Identifier results first, in this order; then names; address-only matches last. */
export const MATCH_ORDER: readonly MatchedBy[] = searchMatches;

export interface IdentifierQuery {
  /** Stored RM forms to look up (canonical first). */
  rm: string[];
  /** 16 digits: NIK of the patient, of an infant's mother, or a KK number. */
  nik: string | null;
  /** 13 digits. */
  bpjs: string | null;
  /** Stored phone forms (`08…`, `+628…`). */
  phone: string[];
}

/** One word of a name query. */
export interface NameTerm {
  /** Folded (see nama.ts): compared with the stored name key. */
  word: string;
  /** Lower-case ASCII as typed: compared with the village and street. */
  plain: string;
  /** The last word typed: it may be unfinished, so it also matches as a word prefix. */
  last: boolean;
  /** A half-typed Muh…/Moch…/Moha…: also matches the Muhammad token. */
  muhammad: boolean;
}

export interface BirthFilter {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: what the stored birth date must start with. */
  prefix: string;
  kind: 'date' | 'month' | 'year';
}

export interface SearchQuery {
  /** Set when the whole query is one identifier (digits, or an RM number with its prefix). */
  identifier: IdentifierQuery | null;
  terms: NameTerm[];
  birth: BirthFilter | null;
}

const EMPTY: SearchQuery = { identifier: null, terms: [], birth: null };

/** Indonesian month names and their usual abbreviations (plus the English ones clerks type). */
const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  'januari jan',
  'februari pebruari feb peb',
  'maret mar',
  'april apr',
  'mei may',
  'juni jun',
  'juli jul',
  'agustus agu agt ags aug',
  'september sept sep',
  'oktober okt oct',
  'november nopember nov nop',
  'desember des dec',
].entries()) {
  for (const name of names.split(' ')) MONTHS[name] = i + 1;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** A two-digit year: this century unless that lies in the future. */
const fullYear = (yy: number, currentYear: number) => (2000 + yy <= currentYear ? 2000 + yy : 1900 + yy);

/**
 * Finds a birth date (`12-03-1990`, `12/03/1990`, `12.03.90`, `1990-03-12`, `12 maret 1990`), a
 * month (`03-1990`, `maret 1990`) or a year (`1985`) in the query; returns it with the query
 * text that is left.
 */
export function extractBirth(query: string, currentYear: number): { birth: BirthFilter | null; rest: string } {
  const year = (y: number) => y >= 1890 && y <= currentYear;
  const monthWord = Object.keys(MONTHS).join('|');
  const patterns: { re: RegExp; read: (m: RegExpExecArray) => BirthFilter | null }[] = [
    {
      re: /(?<![\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/,
      read: (m) => dateFilter(Number(m[1]), Number(m[2]), Number(m[3])),
    },
    {
      re: /(?<![\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d])/,
      read: (m) => dateFilter(m[3]!.length === 2 ? fullYear(Number(m[3]), currentYear) : Number(m[3]), Number(m[2]), Number(m[1])),
    },
    {
      re: new RegExp(`(?<![\\d\\p{L}])(\\d{1,2})\\s*(${monthWord})\\.?\\s*(\\d{4})(?![\\d])`, 'iu'),
      read: (m) => dateFilter(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])),
    },
    {
      re: new RegExp(`(?<![\\d\\p{L}])(${monthWord})\\.?\\s*(\\d{4})(?![\\d])`, 'iu'),
      read: (m) => monthFilter(Number(m[2]), MONTHS[m[1]!.toLowerCase()]!),
    },
    { re: /(?<![\d])(\d{1,2})[-/.](\d{4})(?![\d])/, read: (m) => monthFilter(Number(m[2]), Number(m[1])) },
    { re: /(?<![\d\p{L}])(\d{4})(?![\d\p{L}])/u, read: (m) => (year(Number(m[1])) ? { prefix: m[1]!, kind: 'year' } : null) },
  ];
  function dateFilter(y: number, mo: number, d: number): BirthFilter | null {
    const date = year(y) ? realDate(y, mo, d) : null;
    return date ? { prefix: date, kind: 'date' } : null;
  }
  function monthFilter(y: number, mo: number): BirthFilter | null {
    return year(y) && mo >= 1 && mo <= 12 ? { prefix: `${y}-${pad2(mo)}`, kind: 'month' } : null;
  }
  for (const { re, read } of patterns) {
    const m = re.exec(query);
    if (!m) continue;
    // An impossible date (31-02-1990) is dropped whole, not read again as a month or a year.
    const birth = read(m);
    if (birth || m[0].length > 4) return { birth, rest: `${query.slice(0, m.index)} ${query.slice(m.index + m[0].length)}` };
  }
  return { birth: null, rest: query };
}

/**
 * The whole query as one identifier, or null. Digits with separators are looked up as RM, NIK
 * (patient, mother, KK), BPJS and phone at once — every lookup is an exact index probe — and an
 * RM number with the puskesmas prefix (`SJ-000123`, `sj 123`) as RM. A Code 39 barcode may
 * arrive between asterisks; they are dropped.
 */
export function parseIdentifier(query: string, rmFormat: RmFormat): IdentifierQuery | null {
  const typed = query.trim().replace(/^\*+|\*+$/g, '');
  const compact = stripSeparators(typed).replace(/[/()]/g, '');
  const digitsOnly = /^\+?\d+$/.test(compact);
  const rm = rmCandidates(typed, rmFormat);
  if (!digitsOnly && rm.length === 0) return null;
  const digits = compact.replace(/^\+/, '');
  return {
    rm,
    nik: digitsOnly && digits.length === 16 ? digits : null,
    bpjs: digitsOnly && digits.length === 13 ? digits : null,
    phone: digitsOnly && digits.length >= 9 ? phoneSearchForms(typed) : [],
  };
}

/**
 * Reads what the clerk typed. `rmFormat` is the puskesmas's RM format (for the prefix);
 * `currentYear` bounds a typed year (a four-digit number in the future is not a birth year).
 */
export function parseSearchQuery(query: string, rmFormat: RmFormat, currentYear: number): SearchQuery {
  const trimmed = query.trim();
  if (trimmed === '') return EMPTY;
  const letters = /\p{L}/u.test(trimmed);
  // Without letters: a date written in full is a search by birth date (`12-03-1990`); anything
  // else is an identifier (`12-03-23` is an RM number written in shelf pairs, `1985` an RM too).
  const fullDate = /^(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/.test(trimmed);
  if (letters || !fullDate) {
    const identifier = parseIdentifier(trimmed, rmFormat);
    if (identifier) return { identifier, terms: [], birth: null };
    if (!letters && !fullDate) return EMPTY;
  }
  const { birth, rest } = extractBirth(trimmed, currentYear);
  const words = foldNameWords(rest).filter((w) => w.folded !== '' && !/^\d+$/.test(w.plain));
  const terms = words.map((w, i): NameTerm => {
    const last = i === words.length - 1;
    if (!last) return { word: w.folded, plain: w.plain, last, muhammad: false };
    // The last word may be unfinished: `moch` is Moch. or the start of Mochtar, `moha` the start
    // of Mohammad: look for the word as typed and for the Muhammad token.
    const own = foldWord(w.plain);
    if (w.folded === MUHAMMAD && own !== MUHAMMAD) return { word: own, plain: w.plain, last, muhammad: true };
    return { word: w.folded, plain: w.plain, last, muhammad: w.folded !== MUHAMMAD && mayBeMuhammad(w.plain) };
  });
  return { identifier: null, terms, birth };
}

// ---------------------------------------------------------------------------------------------
// Ranking

/** What the ranking reads of a candidate patient. */
export interface CandidateText {
  /** The stored folded name key. */
  nameKey: string;
  /** The name as written: among names that fold alike, the spelling typed ranks first. */
  name?: string;
  birthDate: string;
  /** Village name and street as stored (any case). */
  place: string;
}

export interface Scored {
  score: number;
  /** 'nama' when a term matched the name, 'alamat' when only village/street words matched. */
  matchedBy: 'nama' | 'alamat';
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping once
 * the distance exceeds `max` (returns max + 1 then).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edits a word of this length may carry and still count as the same word. */
export const allowedEdits = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

interface TermMatch {
  score: number;
  /** Index of the name word it matched, -1 for a village/street match. */
  word: number;
}

function matchTerm(term: NameTerm, words: readonly string[], joined: string, place: readonly string[]): TermMatch | null {
  const t = term.word;
  let best: TermMatch | null = null;
  const take = (score: number, word: number) => {
    if (!best || score > best.score) best = { score, word };
  };
  const edits = allowedEdits(t.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === t) take(1, i);
    else if (term.muhammad && w === MUHAMMAD) take(0.8, i);
    else if (w.startsWith(t)) take(t.length === 1 ? 0.55 : term.last ? 0.8 : 0.7, i);
    else if (t.length >= 3 && w.includes(t)) take(0.45, i);
    else if (edits > 0) {
      if (editDistance(t, w, edits) <= edits) take(0.4, i);
      else if (term.last && w.length > t.length && editDistance(t, w.slice(0, t.length), 1) <= 1) take(0.35, i);
    }
  }
  // Written as one word or as two: "nurhayati" / "nur hayati".
  if (!best && t.length >= 4 && joined.includes(t)) take(0.42, words.length > 0 ? 0 : -1);
  if (!best && t.length >= 6 && words.length > 1) {
    for (let i = 0; i + 1 < words.length; i++) if (editDistance(t, words[i]! + words[i + 1]!, edits) <= edits) take(0.38, i);
  }
  const p = term.plain;
  for (const w of place) {
    if (w === p) take(0.5, -1);
    else if (p.length >= 2 && w.startsWith(p)) take(0.4, -1);
    else if (p.length >= 4 && w.includes(p)) take(0.25, -1);
  }
  return best;
}

/**
 * How well a candidate answers the name part of a query (null: not at all — every term must
 * match a name word, a village or street word, exactly, as a prefix, inside a word, or within
 * one or two typing errors). Higher is better. The birth date counts when it was asked for:
 * exact date ≫ same month ≫ same year; with `strictBirth` false (nothing matched the date as
 * typed) a date with day and month swapped and a neighbouring year still earn a little.
 */
export function scoreCandidate(query: SearchQuery, c: CandidateText, strictBirth = true): Scored | null {
  const words = c.nameKey === '' ? [] : c.nameKey.split(' ');
  const joined = words.join('');
  const place = plainWords(c.place);
  let score = 0;
  let byName = false;
  const used = new Set<number>();
  let lastWord = -1;
  let inOrder = true;
  for (const [i, term] of query.terms.entries()) {
    const m = matchTerm(term, words, joined, place);
    if (!m) return null;
    score += m.score;
    if (m.word >= 0) {
      byName = true;
      used.add(m.word);
      if (m.word < lastWord) inOrder = false;
      lastWord = m.word;
      if (i === 0 && m.word === 0) score += 0.1;
    }
  }
  if (query.terms.length > 1 && inOrder && byName) score += 0.2;
  // Ela and Elah fold alike; whoever typed "elah" sees the Elahs first.
  if (c.name !== undefined && byName) {
    const written = new Set(plainWords(c.name));
    for (const term of query.terms) if (written.has(term.plain)) score += 0.05;
  }
  // A name with fewer words the query did not mention is the closer one.
  if (byName) score -= 0.05 * Math.max(0, words.length - used.size);
  if (query.birth) score += birthScore(query.birth, c.birthDate, strictBirth);
  return { score, matchedBy: byName || query.terms.length === 0 ? 'nama' : 'alamat' };
}

function birthScore(birth: BirthFilter, date: string, strict: boolean): number {
  if (date.startsWith(birth.prefix)) return birth.kind === 'date' ? 1.5 : birth.kind === 'month' ? 1 : 0.8;
  if (strict) return 0;
  const y = Number(birth.prefix.slice(0, 4));
  if (birth.kind === 'date' && date === `${birth.prefix.slice(0, 4)}-${birth.prefix.slice(8, 10)}-${birth.prefix.slice(5, 7)}`) return 0.6;
  if (birth.kind === 'date' && date.slice(0, 7) === birth.prefix.slice(0, 7)) return 0.4;
  if (date.startsWith(String(y))) return 0.3;
  return Math.abs(Number(date.slice(0, 4)) - y) === 1 ? 0.1 : 0;
}
