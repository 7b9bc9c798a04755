import type { PatientSummary } from '../contract';
import * as search from '../db/repositories/patient-search';
import type { CandidateRow, SearchRow } from '../db/repositories/patient-search';
import { readSettings, writeSetting } from '../db/repositories/settings';
import { nameKey, NAME_FOLD_VERSION } from '../domain/nama';
import { MATCH_ORDER, parseSearchQuery, scoreCandidate, type MatchedBy, type NameTerm, type SearchQuery } from '../domain/pencarian';
import { defaultRmFormat } from '../domain/rm';
import type { ServiceContext } from './context';
import { loadSharedSettings } from './settings';

export const DEFAULT_SEARCH_LIMIT = 20;

/** Candidates read per index query for the re-rank: enough to fill a page from the best of them. */
const CANDIDATES = 200;

export interface SearchInput {
  query: string;
  limit?: number;
}

export type SearchResult = PatientSummary & { matchedBy: MatchedBy };

const summaryOf = (r: SearchRow, matchedBy: MatchedBy): SearchResult => ({
  id: r.id,
  rmNumber: r.rm_number,
  name: r.name,
  sex: r.sex as PatientSummary['sex'],
  birthDate: r.birth_date,
  village: r.village,
  payerDefault: r.payer_default as PatientSummary['payerDefault'],
  lastVisitDate: r.last_visit ?? null,
  matchedBy,
});

/**
 * `patients.search`: one search field for identifiers and names (domain/pencarian). Exact
 * identifiers first, then names ranked by how well they match (see scoreCandidate), ties by
 * the most recent visit. Merged patients never appear; an identifier of a merged patient (an
 * old kartu berobat) leads to the patient it was merged into.
 */
export async function searchPatients(ctx: Pick<ServiceContext, 'db' | 'now'>, input: SearchInput): Promise<SearchResult[]> {
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  // The RM format matters only for a query with digits (an RM number with the puskesmas prefix).
  const rmFormat = /\d/.test(input.query) ? (await loadSharedSettings(ctx.db)).rmFormat : defaultRmFormat;
  // The latest calendar year anywhere in Indonesia (WIT is UTC+9): a later year is not a birth year.
  const currentYear = new Date(ctx.now().getTime() + 9 * 3_600_000).getUTCFullYear();
  const query = parseSearchQuery(input.query, rmFormat, currentYear);
  if (query.identifier) return byIdentifier(ctx, query, limit);
  if (query.terms.length === 0 && !query.birth) return [];
  return byName(ctx, query, limit);
}

async function byIdentifier(ctx: Pick<ServiceContext, 'db'>, query: SearchQuery, limit: number): Promise<SearchResult[]> {
  const hits = await search.findByIdentifiers(ctx.db, query.identifier!);
  const best = new Map<number, MatchedBy>();
  for (const hit of hits) {
    const id = hit.mergedInto === null ? hit.id : await search.survivorOf(ctx.db, hit.id);
    if (id === null) continue;
    const seen = best.get(id);
    if (seen === undefined || MATCH_ORDER.indexOf(hit.matchedBy) < MATCH_ORDER.indexOf(seen)) best.set(id, hit.matchedBy);
  }
  const rows = await search.findRowsByIds(ctx.db, [...best.keys()]);
  return rows
    .map((r) => summaryOf(r, best.get(r.id)!))
    .sort((a, b) => MATCH_ORDER.indexOf(a.matchedBy) - MATCH_ORDER.indexOf(b.matchedBy) || a.rmNumber.localeCompare(b.rmNumber))
    .slice(0, limit);
}

interface Ranked {
  row: CandidateRow;
  score: number;
  matchedBy: MatchedBy;
}

/** The terms the trigram tiers look for in names: all but the words that exist only as village or street words. */
const nameTermsOf = (terms: readonly NameTerm[], known: search.KnownWords) =>
  terms.filter((t) => known.name.has(t.word) || !known.place.has(t.plain));

/** Fewer closer matches than this: look for typing errors too. */
const FEW = 5;

/** Everyone born on one date or in one month is read whole and ranked by name (a month at 1M patients: ~1,500). */
const BORN_CAP = 5000;

async function byName(ctx: Pick<ServiceContext, 'db'>, query: SearchQuery, limit: number): Promise<SearchResult[]> {
  const db = ctx.db;
  const cap = Math.max(CANDIDATES, limit * 5);
  const found = new Map<number, Ranked>();
  const consider = (rows: readonly CandidateRow[], strict: boolean) => {
    for (const row of rows) {
      if (found.has(row.id)) continue;
      const scored = scoreCandidate(
        query,
        { nameKey: row.name_key, name: row.name, birthDate: row.birth_date, place: `${row.village ?? ''} ${row.address_street ?? ''}` },
        strict,
      );
      if (scored) found.set(row.id, { row, ...scored });
    }
  };
  let known: search.KnownWords | null = null;

  /** The name tiers, loosest last, until the page is full. */
  const byTiers = async (birthYear: string | null, strict: boolean) => {
    // Which typed words exist whole, as a name word or a village/street word (one statement):
    // each word is then looked up only where it can match.
    known ??= await search.knownWords(db, query.terms);
    const { name, place } = known;
    const allKnown = query.terms.every((t) => name.has(t.word) || place.has(t.plain));
    // Word beginnings first: they include the whole words, and a query with few matches (the
    // slow kind: the index intersects its lists to the end) then costs one lookup. Only when
    // they overflow the candidate window are the whole words fetched too, so that exact
    // matches are never crowded out by beginnings.
    const awal = search.wordMatch(query.terms, birthYear, 'awal', known);
    const beginnings = awal ? await search.findByWords(db, awal, cap) : [];
    if (!awal || beginnings.length >= cap) {
      const kata = search.wordMatch(query.terms, birthYear, 'kata', known);
      if (kata) consider(await search.findByWords(db, kata, cap), strict);
    }
    consider(beginnings, strict);
    if (found.size >= limit) return;
    // Every word typed exists whole: parts of longer words ("hayati" in Nurhayati) — unless
    // they already found someone: the clerk typed a name that exists and wants it. A word that
    // exists nowhere was already taken as a beginning; what is left is a typing error.
    if (allKnown) {
      if (found.size > 0) return;
      const bagian = search.trigramMatch(nameTermsOf(query.terms, known), birthYear, 'bagian');
      if (bagian) consider(await search.findByTrigrams(db, bagian, cap), strict);
    }
    if (found.size >= FEW) return;
    // Typing errors: first with the first three letters of each word that exists nowhere (cheap,
    // the word index), then with pieces of it anywhere in a name (the trigram index).
    const early = search.typoWordMatch(query.terms, birthYear, known);
    if (early) consider(await search.findByWords(db, early, cap), strict);
    if (found.size >= FEW) return;
    const mirip = search.trigramMatch(nameTermsOf(query.terms, known), birthYear, 'mirip', name, { prefixTried: early !== null });
    if (mirip) consider(await search.findByTrigrams(db, mirip, cap), strict);
  };

  const birth = query.birth;
  if (birth && birth.kind !== 'year') {
    // A date or a month: everyone born then (a b-tree range), ranked by the name words.
    const [from, to] = birth.kind === 'date' ? [birth.prefix, birth.prefix] : [`${birth.prefix}-01`, `${birth.prefix}-31`];
    consider(await search.findBornBetween(db, from, to, BORN_CAP), true);
  } else if (query.terms.length > 0) {
    await byTiers(birth?.prefix ?? null, true);
  }
  // Nobody of that name born on that date: the name alone, the date only as a hint (day and
  // month swapped, a slip of one digit). A year or a month stays a filter.
  if (found.size === 0 && birth?.kind === 'date' && query.terms.length > 0) await byTiers(null, false);

  const best = [...found.values()].sort((a, b) => b.score - a.score || a.row.id - b.row.id).slice(0, limit * 2);
  const rows = new Map(
    (
      await search.findRowsByIds(
        db,
        best.map((r) => r.row.id),
      )
    ).map((r) => [r.id, r]),
  );
  return best
    .filter((r) => rows.has(r.row.id))
    .map((r) => ({ ...r, line: rows.get(r.row.id)! }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.line.last_visit ?? '').localeCompare(a.line.last_visit ?? '') ||
        a.line.name.localeCompare(b.line.name) ||
        a.row.id - b.row.id,
    )
    .slice(0, limit)
    .map((r) => summaryOf(r.line, r.matchedBy));
}

/** The setting that remembers which folding rules the stored name keys follow. */
export const NAME_FOLD_SETTING = 'nameFoldVersion';

/**
 * At start-up (bootstrap): when the folding rules changed since the keys were stored, recompute
 * every name key once (the triggers re-index the changed rows). A new database only records
 * the version.
 */
export async function ensureNameKeys(ctx: Pick<ServiceContext, 'db' | 'now' | 'log'>): Promise<void> {
  const settings = await readSettings(ctx.db);
  if (settings.get(NAME_FOLD_SETTING) === NAME_FOLD_VERSION) return;
  const started = Date.now();
  const at = ctx.now().toISOString();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const n = await search.refreshNameKeys(trx, nameKey);
    await writeSetting(trx, NAME_FOLD_SETTING, NAME_FOLD_VERSION, null, at);
    return n;
  });
  if (changed > 0) ctx.log.info(`pencarian: ${changed} kunci nama disusun ulang (aturan ${NAME_FOLD_VERSION}) dalam ${Date.now() - started} ms`);
}
