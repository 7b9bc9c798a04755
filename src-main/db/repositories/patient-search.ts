import { sql } from 'kysely';
import { MUHAMMAD } from '../../domain/nama';
import type { IdentifierQuery, MatchedBy, NameTerm } from '../../domain/pencarian';
import type { Executor } from './executor';
import { patientSummaryQuery } from './patients';

/**
 * Patient search through the indexes of migrations 0005 and 0007 (see there): `patient_search`,
 * words of the folded name, of the village and street (with a `q` in front, their own terms),
 * and a birth-year token `y1985`, with 2- and 3-letter prefix indexes; `patient_name_trigram`,
 * every three characters of ` <name_key> ` and the birth year as one trigram, for parts of words
 * and typing errors; b-tree indexes for the identifiers and the birth date.
 */

/**
 * How loosely the name words must match, tried in this order until a page is full: whole words,
 * word beginnings (both on the word index), parts of words, one or two typing errors (both on
 * the trigram index).
 */
export type Tier = 'kata' | 'awal' | 'bagian' | 'mirip';
export const WORD_TIERS = ['kata', 'awal'] as const;
export const TRIGRAM_TIERS = ['bagian', 'mirip'] as const;

/** A quoted FTS5 string: terms are lower-case ASCII letters and digits (domain/nama), never quotes. */
const quoted = (text: string) => `"${text.replace(/"/g, '')}"`;
/** A village or street word as indexed: with a `q` in front (migration 0007), apart from name words. */
const placeWord = (plain: string) => quoted(`q${plain}`);
const anyOf = (alts: string[]) => (alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`);

/**
 * The word-index expression: every term as a whole name word or village/street word — in tier
 * 'awal' the last term (and any that exists nowhere whole) also as the beginning of a name
 * word — AND the birth-year token. Null when nothing can be looked up.
 */
export function wordMatch(terms: readonly NameTerm[], birthYear: string | null, tier: 'kata' | 'awal', known?: KnownWords): string | null {
  const parts: string[] = [];
  // With `known`, a complete word is looked up only where it exists whole (name, village/street).
  const asName = (t: NameTerm) => !known || known.name.has(t.word);
  const asPlace = (t: NameTerm) => !known || known.place.has(t.plain);
  const placeOnly = (t: NameTerm | undefined) => t !== undefined && known !== undefined && asPlace(t) && !asName(t);
  for (const [i, term] of terms.entries()) {
    // The second word of a village or street ("pasir angin") adds a long list and little
    // selectivity: the first stands for both, the ranking checks the rest.
    if (placeOnly(term) && placeOnly(terms[i - 1])) continue;
    const alts: string[] = [];
    // A word that exists nowhere whole is taken as a beginning (`akma hard`), as the last one is.
    const whole = tier === 'kata' || (!term.last && (!known || asName(term) || asPlace(term)));
    if (whole) {
      if (asName(term)) alts.push(`name : ${quoted(term.word)}`);
      if (asPlace(term)) alts.push(`place : ${placeWord(term.plain)}`);
      if (alts.length === 0) return null;
    } else {
      // The last word may be unfinished. Name words are short lists, any prefix is cheap; village
      // and street words are long lists (a village: 10⁵ patients), so a village being typed is
      // looked up through the 2- and 3-letter prefix index only, only after another word, and
      // not when the word is already a whole village or street word (or a name word: then it is
      // the name being typed).
      const unknown = known !== undefined && !asName(term) && !asPlace(term);
      if (term.word.length >= 2 && !placeOnly(term)) alts.push(`name : ${quoted(term.word)} *`);
      if (asPlace(term)) alts.push(`place : ${placeWord(term.plain)}`);
      if (terms.length > 1 && term.plain.length >= 2 && (known === undefined ? true : unknown))
        alts.push(`place : ${placeWord(term.plain.slice(0, 2))} *`);
      if (term.muhammad) alts.push(`name : ${quoted(MUHAMMAD)}`);
      // A half-typed initial (one letter) is left to the ranking.
      if (term.word.length < 2 && !term.muhammad) continue;
      if (alts.length === 0) return null;
    }
    parts.push(anyOf(alts));
  }
  if (birthYear) parts.push(`born : ${quoted(`y${birthYear}`)}`);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/**
 * Typing errors through the word index: the words that exist stay whole, each word that exists
 * nowhere is looked up by its first three letters (most slips come later in a word; the ranking
 * then measures the distance). Null when no word is missing or one is too short to cut.
 */
export function typoWordMatch(terms: readonly NameTerm[], birthYear: string | null, known: KnownWords): string | null {
  const parts: string[] = [];
  let unknown = 0;
  for (const term of terms) {
    if (known.name.has(term.word)) parts.push(`name : ${quoted(term.word)}`);
    else if (known.place.has(term.plain)) parts.push(`place : ${placeWord(term.plain)}`);
    else if (term.word.length >= 4) {
      parts.push(`name : ${quoted(term.word.slice(0, 3))} *`);
      unknown++;
    } else return null;
  }
  if (unknown === 0) return null;
  if (birthYear) parts.push(`born : ${quoted(`y${birthYear}`)}`);
  return parts.join(' AND ');
}

/** The terms that exist whole: folded words of some name, plain words of some village or street. */
export interface KnownWords {
  name: Set<string>;
  place: Set<string>;
}

/** Which of the terms are whole words of some live patient's name, and of a village or street (one statement). */
export async function knownWords(db: Executor, terms: readonly NameTerm[]): Promise<KnownWords> {
  const known: KnownWords = { name: new Set<string>(), place: new Set<string>() };
  const probes = terms.flatMap((t, i) => [
    sql`SELECT ${i} AS i, 'name' AS col WHERE EXISTS (SELECT 1 FROM patient_search WHERE patient_search MATCH ${`name : "${t.word}"`})`,
    sql`SELECT ${i} AS i, 'place' AS col WHERE EXISTS (SELECT 1 FROM patient_search WHERE patient_search MATCH ${`place : ${placeWord(t.plain)}`})`,
  ]);
  if (probes.length === 0) return known;
  const { rows } = await sql<{ i: number; col: 'name' | 'place' }>`${sql.join(probes, sql` UNION ALL `)}`.execute(db);
  for (const r of rows) {
    const t = terms[r.i]!;
    if (r.col === 'name') known.name.add(t.word);
    else known.place.add(t.plain);
  }
  return known;
}

/**
 * Pieces of a word of which at least one survives one typing error intact: the two halves (a
 * letter changed, added or dropped touches one of them), and the halves without the two
 * letters around the middle (two letters swapped there touch both halves). A piece shorter than
 * three letters is anchored to the word's edge — its beginning, or its end when the word is
 * complete — so that it is still a trigram (` bu`, `di `); shorter than two, it is dropped.
 */
export function typoPieces(w: string, complete: boolean): string[] {
  const k = Math.floor(w.length / 2);
  const pieces = new Set<string>();
  const left = (p: string) => {
    if (p.length >= 3) pieces.add(p);
    else if (p.length === 2) pieces.add(` ${p}`);
  };
  const right = (p: string) => {
    if (p.length >= 3) pieces.add(p);
    else if (p.length === 2 && complete) pieces.add(`${p} `);
  };
  left(w.slice(0, k));
  right(w.slice(k));
  left(w.slice(0, k - 1));
  right(w.slice(k + 1));
  return [...pieces];
}

/**
 * The trigram expression for name terms: a part of a word in tier 'bagian'; in tier 'mirip'
 * any of the `typoPieces` of each word that exists nowhere as typed (pigeonhole: one typing
 * error leaves one of them intact), while the words in `exact` (that do exist) stay whole
 * words, which keeps the candidates few. Village words are left out by the caller (the ranking
 * checks them).
 */
export function trigramMatch(
  terms: readonly NameTerm[],
  birthYear: string | null,
  tier: 'bagian' | 'mirip',
  exact: ReadonlySet<string> = new Set(),
  options: { prefixTried?: boolean } = {},
): string | null {
  const parts: string[] = [];
  const allExact = terms.every((t) => exact.has(t.word));
  for (const term of terms) {
    const w = term.word;
    const alts: string[] = [];
    const wordStart = () => {
      if (w.length >= 2) alts.push(`name : ${quoted(` ${w}`)}`);
      else if (!term.last) alts.push(`name : ${quoted(` ${w} `)}`);
    };
    if (tier === 'bagian') {
      if (w.length >= 3) alts.push(`name : ${quoted(w)}`);
      else wordStart();
    } else if (exact.has(w) && !allExact) {
      // A word that exists: four of its letters suffice to narrow (fewer trigram lists to read
      // than the whole word between spaces); the ranking checks the whole word.
      alts.push(`name : ${quoted(w.length > 4 ? w.slice(1, 5) : ` ${w} `)}`);
    } else if (w.length >= 7 && options.prefixTried) {
      // Its first three letters were tried already (typoWordMatch): the slip is among the first
      // four, and what follows them is intact.
      alts.push(`name : ${quoted(w.slice(4))}`);
    } else if (w.length >= 4) {
      for (const piece of typoPieces(w, !term.last)) alts.push(`name : ${quoted(piece)}`);
    } else wordStart();
    if (term.muhammad) alts.push(`name : ${quoted(` ${MUHAMMAD} `)}`);
    if (alts.length > 0) parts.push(anyOf(alts));
  }
  if (parts.length === 0) return null;
  if (birthYear) parts.push(`born : ${quoted(birthYear.slice(1))}`);
  return parts.join(' AND ');
}

/** What the ranking reads of a candidate. */
export interface CandidateRow {
  id: number;
  name: string;
  name_key: string;
  birth_date: string;
  village: string | null;
  address_street: string | null;
}

/** A patient as a result line shows it. */
export interface SearchRow {
  id: number;
  rm_number: string;
  name: string;
  sex: string;
  birth_date: string;
  payer_default: string;
  village: string | null;
  last_visit: string | null;
}

const candidates = (db: Executor) =>
  db
    .selectFrom('patient as p')
    .leftJoin('region as v', 'v.code', 'p.village_code')
    .select(['p.id', 'p.name', 'p.name_key', 'p.birth_date', 'v.name as village', 'p.address_street'])
    .where('p.merged_into', 'is', null);

/**
 * Up to `cap` live patients matching a word-index expression (lowest ids first: the index walks
 * its lists forwards and stops at `cap`, so a common name costs no more than a rare one).
 */
export async function findByWords(db: Executor, match: string, cap: number): Promise<CandidateRow[]> {
  const matched = sql<{ id: number }>`(SELECT rowid AS id FROM patient_search WHERE patient_search MATCH ${match} ORDER BY rowid LIMIT ${cap})`;
  return candidates(db).innerJoin(matched.as('m'), 'm.id', 'p.id').execute();
}

/** The same over the trigram index. */
export async function findByTrigrams(db: Executor, match: string, cap: number): Promise<CandidateRow[]> {
  const matched = sql<{
    id: number;
  }>`(SELECT rowid AS id FROM patient_name_trigram WHERE patient_name_trigram MATCH ${match} ORDER BY rowid LIMIT ${cap})`;
  return candidates(db).innerJoin(matched.as('m'), 'm.id', 'p.id').execute();
}

/** Live patients born between two dates (inclusive, `YYYY-MM-DD`), through the birth-date index. */
export async function findBornBetween(db: Executor, from: string, to: string, cap: number): Promise<CandidateRow[]> {
  return candidates(db).where('p.birth_date', '>=', from).where('p.birth_date', '<=', to).limit(cap).execute();
}

/** Result lines of live patients by id (any order), with the last visit. */
export async function findRowsByIds(db: Executor, ids: readonly number[]): Promise<SearchRow[]> {
  if (ids.length === 0) return [];
  return patientSummaryQuery(db)
    .where('p.id', 'in', [...ids])
    .execute();
}

export interface IdentifierHit {
  id: number;
  mergedInto: number | null;
  matchedBy: MatchedBy;
}

/**
 * Exact identifier lookups, each an index probe: RM (merged patients included, so an old card
 * still leads to the patient it was merged into), NIK, mother's NIK, KK, BPJS and phone.
 */
export async function findByIdentifiers(db: Executor, q: IdentifierQuery): Promise<IdentifierHit[]> {
  const hits: IdentifierHit[] = [];
  const probe = async (matchedBy: MatchedBy, build: (b: ReturnType<typeof base>) => ReturnType<typeof base>) => {
    for (const r of await build(base()).execute()) hits.push({ id: r.id, mergedInto: r.merged_into, matchedBy });
  };
  const base = () => db.selectFrom('patient').select(['id', 'merged_into']).limit(50);
  if (q.rm.length > 0) await probe('rm', (b) => b.where('rm_number', 'in', q.rm));
  if (q.nik) {
    const nik = q.nik;
    await probe('nik', (b) => b.where('nik', '=', nik).where('merged_into', 'is', null));
    await probe('nik_ibu', (b) => b.where('mother_nik', '=', nik));
    await probe('kk', (b) => b.where('kk_number', '=', nik));
  }
  if (q.bpjs) {
    const bpjs = q.bpjs;
    await probe('bpjs', (b) => b.where('bpjs_number', '=', bpjs));
  }
  if (q.phone.length > 0) await probe('telepon', (b) => b.where('phone', 'in', q.phone));
  return hits;
}

/** Where a merged patient lives on (`merged_into` followed to the end; null if the chain breaks or loops). */
export async function survivorOf(db: Executor, id: number): Promise<number | null> {
  let current = id;
  for (let hop = 0; hop < 16; hop++) {
    const row = await db.selectFrom('patient').select(['id', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!row) return null;
    if (row.merged_into === null) return row.id;
    current = row.merged_into;
  }
  return null;
}

/**
 * Recomputes every stored name key with `fold` (after the folding rules changed). The new keys
 * are collected in a temporary table and written by one UPDATE, so the triggers re-index the
 * changed rows in one go (FTS5 writes its pending terms once per statement, not once per row);
 * when most keys changed, the indexes are rebuilt whole (± 40 s at 10⁶ patients, once). Call
 * it inside a transaction. Returns how many keys changed.
 */
export async function refreshNameKeys(db: Executor, fold: (name: string) => string, batch = 5000): Promise<number> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS name_key_refresh (id INTEGER PRIMARY KEY, key TEXT NOT NULL)`.execute(db);
  await sql`DELETE FROM temp.name_key_refresh`.execute(db);
  let changed = 0;
  let scanned = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('patient').select(['id', 'name', 'name_key']).where('id', '>', after).orderBy('id').limit(batch).execute();
    if (rows.length === 0) break;
    scanned += rows.length;
    const stale = rows.map((r) => ({ id: r.id, key: fold(r.name), old: r.name_key })).filter((r) => r.key !== r.old);
    for (let i = 0; i < stale.length; i += 500) {
      const values = stale.slice(i, i + 500).map((r) => sql`(${r.id}, ${r.key})`);
      await sql`INSERT INTO temp.name_key_refresh (id, key) VALUES ${sql.join(values)}`.execute(db);
    }
    changed += stale.length;
    after = rows[rows.length - 1]!.id;
  }
  // The rewrite touches every index page: a page cache that holds them (± 200 MB at 10⁶
  // patients) instead of the default 2 MB, for this statement only.
  const { rows: cache } = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  if (changed > 0) await sql`PRAGMA cache_size = -262144`.execute(db);
  if (changed > 0 && changed * 5 >= scanned) {
    // Most keys changed: empty both indexes and let every live row pass the triggers again in
    // one statement (deleting from an empty index costs nothing; row-by-row deletes from a full
    // one cost ± 4× more).
    await sql`INSERT INTO patient_search (patient_search) VALUES ('delete-all')`.execute(db);
    await sql`INSERT INTO patient_name_trigram (patient_name_trigram) VALUES ('delete-all')`.execute(db);
    await sql`UPDATE patient SET name_key = coalesce((SELECT r.key FROM temp.name_key_refresh r WHERE r.id = patient.id), name_key)
      WHERE merged_into IS NULL`.execute(db);
    await sql`UPDATE patient SET name_key = r.key FROM temp.name_key_refresh r WHERE r.id = patient.id AND patient.merged_into IS NOT NULL`.execute(
      db,
    );
  } else if (changed > 0) {
    await sql`UPDATE patient SET name_key = r.key FROM temp.name_key_refresh r WHERE r.id = patient.id`.execute(db);
  }
  await sql.raw(`PRAGMA cache_size = ${Number(cache[0]?.cache_size ?? -2000)}`).execute(db);
  await sql`DROP TABLE temp.name_key_refresh`.execute(db);
  return changed;
}

/** Patients in the word index whose name has this folded word (for checks and tests). */
export async function indexedWithNameWord(db: Executor, word: string): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`SELECT rowid AS id FROM patient_search WHERE patient_search MATCH ${`name : "${word}"`} ORDER BY rowid`.execute(db);
  return rows.map((r) => r.id);
}
