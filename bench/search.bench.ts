/**
 * Patient search at 1,000,000 patients: `searchPatients` (the function behind `patients.search`)
 * over a realistic query mix — RM (as stored, without zeros, as shelf pairs), NIK, BPJS, phone,
 * half-typed names, other spellings, typing errors, name + year, name + date, name + village,
 * and common single names — against the naive scan measured in the same run: every query word
 * as `LIKE '%word%'` over the name and the identifier columns.
 *
 * The database is built once in `bench/.data/search-1000000/` (patients in chunks of 50,000
 * from the demo generator with its own seed per chunk, NIKs re-sequenced so they stay unique,
 * ~450,000 visits), and reused while generator, schema and name folding stay the same.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { DEFAULT_DEMO_SEED, DEMO_DATA_VERSION, DEMO_HOME_DISTRICT, DEMO_NEIGHBOUR_DISTRICTS, generatePatients } from '../src-main/app/demo-data';
import { startHost, type Host } from '../src-main/app/host';
import { insertVisitsRaw, villageCodesIn } from '../src-main/db/repositories/demo';
import { patientSummaryQuery } from '../src-main/db/repositories/patients';
import { listUnits } from '../src-main/db/repositories/reference';
import { LATEST_SCHEMA_VERSION } from '../src-main/db/migrations';
import type { NewPatient, NewVisit } from '../src-main/db/schema';
import { nameKey, NAME_FOLD_VERSION } from '../src-main/domain/nama';
import { searchPatients } from '../src-main/services/search';
import { collect, defineBench, formatMs, stats, type BenchEnv, type Case } from './harness';

const PATIENTS = 1_000_000;
const CHUNK = 50_000;
const TODAY = '2026-11-23';
const LIMIT = 20;
const MARKER = 'bench-data.json';

interface Marker {
  patients: number;
  seed: number;
  dataVersion: number;
  schemaVersion: number;
  foldVersion: number;
  visits: number;
  buildMs: number;
  builtAt: string;
}

/** A small deterministic generator for picking targets and misspellings (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function searchDatabase(env: BenchEnv): Promise<{ dataDir: string; marker: Marker; built: boolean }> {
  const dataDir = join(env.dataRoot, `search-${PATIENTS}`);
  const markerFile = join(dataDir, MARKER);
  const wanted = {
    patients: PATIENTS,
    seed: DEFAULT_DEMO_SEED,
    dataVersion: DEMO_DATA_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    foldVersion: NAME_FOLD_VERSION,
  };
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    if (Object.entries(wanted).every(([k, v]) => marker[k as keyof Marker] === v)) return { dataDir, marker, built: false };
    env.log(`${dataDir}: generator, schema or name folding changed, rebuilding`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  env.log(`building a ${PATIENTS.toLocaleString('en')}-patient database in ${dataDir} (chunks of ${CHUNK.toLocaleString('en')}) …`);
  const started = performance.now();
  const host = await startHost({ dataDir, mode: 'serve', loadRegions: true });
  let visits = 0;
  try {
    const { sqlite } = host.store;
    // Building only: a page cache that holds the growing indexes (random NIK/phone/name keys
    // thrash the default 2 MB) and no fsync per chunk (a failed build is simply rebuilt).
    sqlite.pragma('cache_size = -1500000');
    sqlite.pragma('synchronous = OFF');
    sqlite.exec('CREATE TEMP TABLE patient_staging AS SELECT * FROM main.patient WHERE 0');
    const villages = await villageCodesIn(host.ctx.db, [DEMO_HOME_DISTRICT, ...DEMO_NEIGHBOUR_DISTRICTS]);
    const units = await listUnits(host.ctx.db);
    const random = rng(DEFAULT_DEMO_SEED);
    // NIKs are unique per generator run only: re-sequence the last four digits across chunks.
    const nikSeq = new Map<string, number>();
    const visitSeq = new Map<string, number>();
    const todayDay = Date.parse(`${TODAY}T00:00:00Z`) / 86_400_000;
    for (let chunk = 0; chunk * CHUNK < PATIENTS; chunk++) {
      const count = Math.min(CHUNK, PATIENTS - chunk * CHUNK);
      const generating = performance.now();
      const rows = generatePatients(count, DEFAULT_DEMO_SEED + chunk, villages, { today: TODAY, createdToday: 0, firstRmNumber: chunk * CHUNK + 1 });
      for (const row of rows) {
        if (!row.nik) continue;
        const prefix = row.nik.slice(0, 12);
        const seq = (nikSeq.get(prefix) ?? 0) + 1;
        nikSeq.set(prefix, seq);
        row.nik = prefix + String(seq).padStart(4, '0');
      }
      const firstId = chunk * CHUNK + 1;
      const chunkVisits: NewVisit[] = [];
      // About a third of the patients came in the last 13 months, once to three times.
      for (let i = 0; i < rows.length; i++) {
        if (random() > 0.33) continue;
        const n = 1 + Math.floor(random() * random() * 3);
        for (let v = 0; v < n; v++) {
          const day = todayDay - 1 - Math.floor(random() * 400);
          const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
          const seq = (visitSeq.get(date) ?? 0) + 1;
          visitSeq.set(date, seq);
          const unit = units[Math.floor(random() * units.length)]!;
          chunkVisits.push({
            visit_date: date,
            seq,
            registered_at: `${date}T01:${String(seq % 60).padStart(2, '0')}:00.000Z`,
            patient_id: firstId + i,
            payer: rows[i]!.payer_default ?? 'umum',
            unit_id: unit.id,
            cluster: unit.cluster,
            emergency: 0,
            kunjungan_baru: v === 0 ? 1 : 0,
            pasien_baru: 0,
            registered_by: null,
          });
        }
      }
      const inserting = performance.now();
      sqlite.transaction(() => {
        // Through a staging table, one INSERT … SELECT per chunk: the search triggers then
        // index the chunk in one go (row-by-row statements re-index row by row, ~4× slower).
        const columns = ['id', ...Object.keys(rows[0]!)] as (keyof NewPatient)[];
        const stage = sqlite.prepare(`INSERT INTO temp.patient_staging (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
        for (const [i, row] of rows.entries()) stage.run(columns.map((c) => (c === 'id' ? firstId + i : (row[c] ?? null))));
        sqlite.exec(`INSERT INTO main.patient (${columns.join(',')}) SELECT ${columns.join(',')} FROM temp.patient_staging ORDER BY id`);
        sqlite.exec('DELETE FROM temp.patient_staging');
        insertVisitsRaw(sqlite, chunkVisits);
      })();
      visits += chunkVisits.length;
      const done = performance.now();
      env.log(
        `  ${(chunk * CHUNK + count).toLocaleString('en')} patients, ${visits.toLocaleString('en')} visits (${((done - started) / 1000).toFixed(1)} s; ` +
          `this chunk: generated in ${formatMs(inserting - generating)}, inserted and indexed in ${formatMs(done - inserting)})`,
      );
    }
    await sql`ANALYZE`.execute(host.ctx.db);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await host.close();
  }
  const marker: Marker = { ...wanted, visits, buildMs: Math.round(performance.now() - started), builtAt: new Date().toISOString() };
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
  env.log(`built in ${(marker.buildMs / 1000).toFixed(1)} s`);
  return { dataDir, marker, built: true };
}

// ---------------------------------------------------------------------------------------------
// The query mix

interface Target {
  id: number;
  rm_number: string;
  name: string;
  name_key: string;
  nik: string | null;
  bpjs_number: string | null;
  phone: string | null;
  birth_date: string;
  village: string | null;
  address_street: string | null;
}

interface BenchQuery {
  kind: string;
  query: string;
  /** The patient the clerk is looking for (null: a broad query, nobody in particular). */
  targetId: number | null;
  /** That patient's folded name (namesakes are many at 10⁶ patients). */
  targetKey: string | null;
}

interface Quality {
  among: boolean;
  first: boolean;
}

/** Old and variant spellings a clerk may type for a name (the reverse of domain/nama). */
const respellings: [RegExp, string][] = [
  [/^(Muhammad|Muhamad|Mochamad|Moh\.|Mohammad)\b/, 'Mochammad'],
  [/z/g, 's'],
  [/ky\b/g, 'ki'],
  [/ki\b/g, 'ky'],
  [/u/g, 'oe'],
  [/\bj/gi, 'Dj'],
  [/sy/g, 'sj'],
  [/kh/g, 'ch'],
  [/h\b/g, ''],
  [/\bSiti\b/g, 'Sitti'],
  [/\bNur/g, 'Noor'],
  [/\bAhmad\b/g, 'Achmad'],
  [/f/g, 'ph'],
  [/ae/g, 'ai'],
];

function respell(name: string, pick: () => number): string | null {
  const options = respellings.filter(([re]) => {
    re.lastIndex = 0;
    return re.test(name);
  });
  if (options.length === 0) return null;
  const [re, to] = options[Math.floor(pick() * options.length)]!;
  re.lastIndex = 0;
  return name.replace(re, to);
}

/** One typing error in the longest word: two letters swapped, or one left out. */
function typo(name: string, pick: () => number): string | null {
  const words = name.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 5) return null;
  const i = 1 + Math.floor(pick() * (longest.length - 3));
  const wrong =
    pick() < 0.5 ? longest.slice(0, i) + longest[i + 1]! + longest[i]! + longest.slice(i + 2) : longest.slice(0, i) + longest.slice(i + 1);
  return words.map((w) => (w === longest ? wrong : w)).join(' ');
}

const lower = (s: string) => s.toLowerCase();
const firstWords = (name: string) => name.replace(/^(Hj?\.|Moh\.)\s+/, '').split(' ');

async function queryMix(host: Host, perKind: number): Promise<BenchQuery[]> {
  const pick = rng(20_261_124);
  // Targets: evenly spread over the id range (deterministic), with their identifiers.
  const ids = Array.from({ length: perKind * 4 }, () => 1 + Math.floor(pick() * PATIENTS));
  const targets = (await host.ctx.db
    .selectFrom('patient as p')
    .leftJoin('region as r', 'r.code', 'p.village_code')
    .select([
      'p.id',
      'p.rm_number',
      'p.name',
      'p.name_key',
      'p.nik',
      'p.bpjs_number',
      'p.phone',
      'p.birth_date',
      'r.name as village',
      'p.address_street',
    ])
    .where('p.id', 'in', ids)
    .execute()) as Target[];
  const byKind = new Map<string, BenchQuery[]>();
  const add = (kind: string, query: string | null | undefined, target: Target | null) => {
    if (!query) return;
    const list = byKind.get(kind) ?? [];
    if (list.length < perKind) list.push({ kind, query, targetId: target?.id ?? null, targetKey: target?.name_key ?? null });
    byKind.set(kind, list);
  };
  for (const t of targets) {
    const words = firstWords(t.name);
    const rmNumber = Number(t.rm_number);
    add('RM', pick() < 0.5 ? t.rm_number : String(rmNumber), t);
    add('RM as shelf pairs', t.rm_number.replace(/(\d\d)(\d\d)(\d\d)/, '$1-$2-$3'), t);
    add('NIK', t.nik, t);
    add('BPJS', t.bpjs_number, t);
    add('phone', t.phone?.replace(/^0(\d{3})(\d{4})(\d+)$/, '0$1-$2-$3'), t);
    // Results as you type: the first name typed, the second being typed.
    if (words.length >= 2) add('half-typed name', lower(`${words[0]} ${words[1]!.slice(0, 3 + Math.floor(pick() * 2))}`), t);
    add('other spelling', respell(t.name, pick), t);
    add('typing error', typo(t.name, pick), t);
    // "siti 1985": at 10⁶ patients many share a first name and a year; the page shows 20.
    add('first name + year', lower(`${words[0]} ${t.birth_date.slice(0, 4)}`), t);
    const [y, m, d] = t.birth_date.split('-');
    add('name + date', lower(`${words.join(' ')} ${d}-${m}-${y}`), t);
    const kampung = t.address_street?.startsWith('Kp. ') ? t.address_street.slice(4) : null;
    add('name + village', lower(`${words[0]} ${words[1] ?? ''} ${pick() < 0.5 && kampung ? kampung : (t.village ?? '')}`.replace(/\s+/g, ' ')), t);
  }
  for (const q of ['siti', 'muhamad', 'asep', 'nur', 'dewi', 'ai', 'agus s', 'rizky', 'euis', 'ahmad', 'iis', 'dadang']) add('common name', q, null);
  return [...byKind.values()].flat();
}

/** The naive search: each query word `LIKE '%word%'` over the name and the identifiers, ANDed; first `LIMIT` rows. */
async function likeSearch(host: Host, query: string): Promise<{ id: number; name: string }[]> {
  const words = query.split(/\s+/).filter((w) => w !== '');
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await patientSummaryQuery(host.ctx.db)
    .where((eb) =>
      eb.and(
        words.map((w) =>
          eb.or(
            (['p.name', 'p.rm_number', 'p.nik', 'p.bpjs_number', 'p.phone', 'p.birth_date'] as const).map((c) =>
              eb(c, 'like', sql<string>`${like(w)} ESCAPE '\\'`),
            ),
          ),
        ),
      ),
    )
    .limit(LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

export default defineBench({
  name: 'search',
  description: 'patients.search at 1,000,000 patients (FTS5 word and trigram indexes, re-rank) vs. a LIKE scan',
  async run(env) {
    const { dataDir, marker, built } = await searchDatabase(env);
    const host = await startHost({ dataDir, mode: 'serve', loadRegions: true });
    try {
      const perKind = 10;
      const mix = await queryMix(host, perKind);
      const kinds = [...new Set(mix.map((q) => q.kind))];
      const rounds = env.runs(3);
      env.log(`${mix.length} queries in ${kinds.length} kinds; searchPatients: ${rounds} rounds; LIKE: half of each kind, once`);

      const indexed = new Map<string, number[]>(kinds.map((k) => [k, []]));
      /** What a search answered, for the quality figures: the patient among the results, and a namesake (or the patient) first. */
      const quality = new Map<BenchQuery, { indexed: Quality; like?: Quality }>();
      const judge = (q: BenchQuery, lines: { id: number; name: string }[]): Quality => ({
        among: lines.some((r) => r.id === q.targetId),
        first: lines[0] !== undefined && (lines[0].id === q.targetId || nameKey(lines[0].name) === q.targetKey),
      });
      // Warm-up: one unmeasured pass (page cache, statement caches).
      for (const q of mix) await searchPatients(host.ctx, { query: q.query });
      for (let round = 0; round < rounds; round++) {
        for (const q of mix) {
          const started = performance.now();
          const result = await searchPatients(host.ctx, { query: q.query, limit: LIMIT });
          indexed.get(q.kind)!.push(performance.now() - started);
          if (round === 0 && q.targetId !== null) quality.set(q, { indexed: judge(q, result) });
        }
      }
      // The scan takes about a second a query: half of each kind.
      const likeMix = kinds.flatMap((k) => mix.filter((q) => q.kind === k).slice(0, Math.ceil(perKind / 2)));
      const likeSamples = new Map<string, number[]>(kinds.map((k) => [k, []]));
      const likeAll = await collect(
        likeMix.length,
        async (i) => {
          const q = likeMix[Math.max(0, i)]!;
          const started = performance.now();
          const lines = await likeSearch(host, q.query);
          const ms = performance.now() - started;
          if (i >= 0) {
            likeSamples.get(q.kind)!.push(ms);
            const judged = quality.get(q);
            if (judged) judged.like = judge(q, lines);
          }
          return ms;
        },
        { warmup: 1 },
      );

      const all = [...indexed.values()].flat();
      const cases: Case[] = [
        { label: `LIKE '%…%' scan, all queries (baseline)`, samples: likeAll, baseline: true },
        { label: 'searchPatients, all queries', samples: all },
        ...kinds.map((k) => ({ label: `  ${k}`, samples: indexed.get(k)! })),
      ];
      const s = stats(all);
      // Quality on the queries both ran (half of each kind), per kind: searchPatients / LIKE.
      const both = [...quality.entries()].filter(([, v]) => v.like !== undefined);
      const tally = (pick: (v: Quality) => boolean) =>
        kinds
          .map((k) => {
            const rows = both.filter(([q]) => q.kind === k);
            if (rows.length === 0) return null;
            const n = (side: 'indexed' | 'like') => rows.filter(([, v]) => pick(v[side]!)).length;
            return `${k} ${n('indexed')}/${n('like')} of ${rows.length}`;
          })
          .filter((x) => x !== null)
          .join(', ');
      return {
        title: `Patient search at ${PATIENTS.toLocaleString('en')} patients: searchPatients (the patients.search handler) vs. a LIKE scan (${process.version}, ${process.platform})`,
        cases,
        notes: [
          `database: ${marker.patients.toLocaleString('en')} patients, ${marker.visits.toLocaleString('en')} visits, ${built ? 'built in this run' : 'reused from bench/.data'} (build ${formatMs(marker.buildMs)})`,
          `${mix.length} queries (${perKind} per kind; common names: nobody in particular), limit ${LIMIT}; searchPatients: ${rounds} rounds after one warm-up round; LIKE: ${likeMix.length} of them, once`,
          `acceptance: p95 ≤ 20 ms — measured p95 ${formatMs(s.p95)} (${s.p95 <= 20 ? 'met' : 'NOT met'}); the LIKE scan's median is ${Math.round(stats(likeAll).median / s.median)}× searchPatients' median`,
          `the patient sought among the ${LIMIT} results (searchPatients/LIKE): ${tally((v) => v.among)}`,
          `the patient sought or a namesake (same folded name) on the first line (searchPatients/LIKE): ${tally((v) => v.first)}`,
          `LIKE median per kind: ${kinds.map((k) => `${k} ${formatMs(stats(likeSamples.get(k)!).median)}`).join(', ')}`,
        ],
      };
    } finally {
      await host.close();
    }
  },
});
