/**
 * A year's recap (issue #6: ≤ 500 ms over 150,000 visits), in-process through the dispatcher
 * (validation, session, the service, SQLite): `reports.recap` for the whole year — every table:
 * per month, unit, cluster, payer, sex, LB1 age group, baru/lama, village; the poli queue waits of
 * 150,000 tickets; the retrieval times of 150,000 folder requests — against a bare
 * `COUNT(*) … GROUP BY unit_id` over the same year as the baseline.
 *
 * The database (30,000 patients in 20 villages, 150,000 visits over 2026, each with its folder
 * request and poli ticket) is built once in `bench/.data/reports-150000/` and reused while the
 * schema stays the same.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startHost } from '../src-main/app/host';
import type { Recap } from '../src-main/contract';
import { LATEST_SCHEMA_VERSION } from '../src-main/db/migrations';
import { collect, defineBench, formatMs, stats, time, type BenchEnv } from './harness';
import { adminSession, as, unwrap } from './session';

const PATIENTS = 30_000;
const VISITS = 150_000;
const VILLAGES = 20;
const YEAR = 2026;
const PASSWORD = 'rahasia-bench-1';
const MARKER = 'bench-data.json';

async function yearDatabase(env: BenchEnv): Promise<string> {
  const dataDir = join(env.dataRoot, `reports-${VISITS}`);
  const markerFile = join(dataDir, MARKER);
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { schemaVersion: number; visits: number };
    if (marker.schemaVersion === LATEST_SCHEMA_VERSION && marker.visits === VISITS) return dataDir;
    env.log(`${dataDir}: schema changed, rebuilding`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  env.log(`building ${PATIENTS.toLocaleString('en')} patients and ${VISITS.toLocaleString('en')} visits of ${YEAR} in ${dataDir} …`);
  const started = performance.now();
  const host = await startHost({ dataDir, mode: 'serve', loadRegions: false });
  try {
    const { sqlite } = host.store;
    // Building only: no fsync per statement (a failed build is simply rebuilt).
    sqlite.pragma('synchronous = OFF');
    await adminSession(host, PASSWORD);
    const at = `${YEAR}-01-01T00:00:00.000Z`;
    sqlite.exec(`INSERT INTO region (code, parent_code, level, name) VALUES ('33', NULL, 1, 'JAWA TENGAH'), ('33.02', '33', 2, 'BANYUMAS'),
      ('33.02.12', '33.02', 3, 'Sokaraja')`);
    sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${VILLAGES})
      INSERT INTO region (code, parent_code, level, name) SELECT printf('33.02.12.%04d', 2000 + i), '33.02.12', 4, 'Desa ' || i FROM n`);
    // Birth dates from newborns to 90 years old, so every age group is filled.
    sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PATIENTS})
      INSERT INTO patient (id, rm_number, name, name_key, sex, birth_date, payer_default, village_code, created_at, updated_at)
      SELECT i, printf('%06d', i), 'Pasien ' || i, 'pasien ' || i, CASE i % 2 WHEN 0 THEN 'P' ELSE 'L' END,
        date('${YEAR}-12-31', '-' || ((i * 7919) % 32850) || ' days'), 'umum',
        CASE WHEN i % 25 = 0 THEN NULL ELSE printf('33.02.12.%04d', 2001 + i % ${VILLAGES}) END, '${at}', '${at}' FROM n`);
    const units = sqlite.prepare('SELECT id, cluster FROM unit ORDER BY id').all() as { id: number; cluster: string }[];
    const unitCase = `CASE (i % ${units.length}) ${units.map((u, k) => `WHEN ${k} THEN ${u.id}`).join(' ')} END`;
    const clusterCase = `CASE (i % ${units.length}) ${units.map((u, k) => `WHEN ${k} THEN '${u.cluster}'`).join(' ')} END`;
    // Visit i: day i % 365 of the year, number i / 365 + 1 of that day; its folder request (delivered after 2–29 minutes) and poli ticket (called after 1–40).
    sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${VISITS - 1})
      INSERT INTO visit (id, visit_date, seq, registered_at, patient_id, payer, unit_id, cluster, emergency, kunjungan_baru, pasien_baru)
      SELECT i + 1, date('${YEAR}-01-01', '+' || (i % 365) || ' days'), i / 365 + 1,
        strftime('%Y-%m-%dT01:%M:00.000Z', date('${YEAR}-01-01', '+' || (i % 365) || ' days'), '+' || (i / 365 % 60) || ' minutes'),
        1 + (i * 7919) % ${PATIENTS}, CASE i % 3 WHEN 0 THEN 'bpjs' WHEN 1 THEN 'umum' ELSE 'asuransi_lain' END,
        ${unitCase}, ${clusterCase}, 0, CASE WHEN i % 5 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END FROM n`);
    sqlite.exec(`INSERT INTO folder_request (visit_id, patient_id, unit_id, requested_at, status, delivered_at)
      SELECT id, patient_id, unit_id, registered_at, 'diterima_unit',
        strftime('%Y-%m-%dT%H:%M:%fZ', registered_at, '+' || (2 + id % 28) || ' minutes') FROM visit`);
    sqlite.exec(`INSERT INTO queue_ticket (service_date, lane, unit_id, number, code, status, visit_id, issued_at, called_at)
      SELECT visit_date, 'U' || unit_id, unit_id, seq, 'U' || seq, 'selesai', id, registered_at,
        strftime('%Y-%m-%dT%H:%M:%fZ', registered_at, '+' || (1 + id % 40) || ' minutes') FROM visit`);
    await sql`ANALYZE`.execute(host.ctx.db);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await host.close();
  }
  const buildMs = Math.round(performance.now() - started);
  writeFileSync(
    markerFile,
    `${JSON.stringify({ schemaVersion: LATEST_SCHEMA_VERSION, visits: VISITS, buildMs, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  env.log(`built in ${(buildMs / 1000).toFixed(1)} s`);
  return dataDir;
}

export default defineBench({
  name: 'reports',
  description: "a year's recap over 150,000 visits (reports.recap), next to a bare COUNT(*) GROUP BY unit over the year",
  async run(env) {
    const dataDir = await yearDatabase(env);
    const host = await startHost({ dataDir, mode: 'serve', loadRegions: false });
    try {
      const token = await adminSession(host, PASSWORD);
      const runs = env.runs(20);
      const baseline = await collect(
        runs,
        () =>
          time(() =>
            sql`SELECT unit_id, count(*) AS n FROM visit WHERE visit_date BETWEEN ${`${YEAR}-01-01`} AND ${`${YEAR}-12-31`} GROUP BY unit_id`.execute(
              host.ctx.db,
            ),
          ),
        { warmup: 2 },
      );
      let total = 0;
      const recap = await collect(
        runs,
        () =>
          time(async () => {
            const r = unwrap<Recap>(await host.dispatcher.invoke('reports.recap', { year: YEAR }, as(token)), 'recap');
            total = r.bySex.total.total;
          }),
        { warmup: 2 },
      );
      if (total !== VISITS) throw new Error(`the recap counted ${total} visits, expected ${VISITS}`);
      const p95 = stats(recap).p95;
      return {
        title: `Rekap tahunan (${VISITS.toLocaleString('en')} kunjungan, ${PATIENTS.toLocaleString('en')} pasien)`,
        cases: [
          { label: 'bare COUNT(*) GROUP BY unit_id over the year (baseline)', baseline: true, samples: baseline },
          { label: `reports.recap { year: ${YEAR} }: every table, queue waits, retrieval, KLPCM`, samples: recap },
        ],
        notes: [
          `target: a year's recap over ${VISITS.toLocaleString('en')} visits ≤ 500 ms — p95 ${formatMs(p95)}, median ${formatMs(stats(recap).median)}: ${
            p95 <= 500 ? 'MET' : 'NOT MET'
          }`,
        ],
      };
    } finally {
      await host.close();
    }
  },
});
