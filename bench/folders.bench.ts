/**
 * Rekam medis folders, the three figures of issue #5, in-process through the dispatcher
 * (validation, session, the service, SQLite):
 *
 * 1. `folders.pullList` for a 500-visit day (20,000 patients with folders, 500 registrations
 *    made with `visits.register`, 20 appointments tomorrow) in terminal-digit order — against
 *    reading the day's 500 request rows bare (no joins, no ordering) as the baseline.
 * 2. `folders.move` (a folder to its unit: the movement, the folder's place and the request in
 *    one transaction) — against a bare INSERT + UPDATE in one transaction.
 * 3. `folders.overdue` over 1,000,000 folders (a few hundred out at units or borrowed) — against
 *    a full scan of the folder table (what the partial index `folder_out` avoids).
 *
 * The 1,000,000-folder database is built once in `bench/.data/folders-1000000/` (folders in
 * chunks of 100,000, patients only for the folders that are out) and reused while the schema
 * stays the same.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startHost, type Host } from '../src-main/app/host';
import type { PullList, Unit } from '../src-main/contract';
import { LATEST_SCHEMA_VERSION } from '../src-main/db/migrations';
import { createMissingFolders } from '../src-main/db/repositories/folders';
import { collect, dataPath, defineBench, formatMs, stats, time, type BenchEnv, type Case } from './harness';
import { adminSession, as, unwrap } from './session';

const PATIENTS = 20_000;
const VISITS = 500;
const APPOINTMENTS = 20;
const FOLDERS = 1_000_000;
const CHUNK = 100_000;
const OUT_AT_UNITS = 300;
const BORROWED = 20;
const PASSWORD = 'rahasia-bench-1';
const MARKER = 'bench-data.json';

/** Patients `first`…`first + count - 1` with RM numbers = their ids, in one statement (the search triggers index them). */
async function insertPatients(host: Host, first: number, count: number, at: string): Promise<void> {
  await sql`WITH RECURSIVE n(i) AS (SELECT ${first} UNION ALL SELECT i + 1 FROM n WHERE i < ${first + count - 1})
    INSERT INTO patient (id, rm_number, name, name_key, sex, birth_date, payer_default, created_at, updated_at)
    SELECT i, printf('%06d', i), 'Pasien ' || i, 'pasien ' || i, CASE i % 2 WHEN 0 THEN 'P' ELSE 'L' END,
      printf('%04d-%02d-%02d', 1950 + i % 60, 1 + i % 12, 1 + i % 28), 'umum', ${at}, ${at} FROM n`.execute(host.ctx.db);
}

async function overdueDatabase(env: BenchEnv): Promise<string> {
  const dataDir = join(env.dataRoot, `folders-${FOLDERS}`);
  const markerFile = join(dataDir, MARKER);
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { schemaVersion: number; folders: number };
    if (marker.schemaVersion === LATEST_SCHEMA_VERSION && marker.folders === FOLDERS) return dataDir;
    env.log(`${dataDir}: schema changed, rebuilding`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  env.log(`building ${FOLDERS.toLocaleString('en')} folders in ${dataDir} (chunks of ${CHUNK.toLocaleString('en')}) …`);
  const started = performance.now();
  const host = await startHost({ dataDir, mode: 'serve', loadRegions: false });
  try {
    const { sqlite } = host.store;
    // Building only: no fsync per chunk (a failed build is simply rebuilt).
    sqlite.pragma('synchronous = OFF');
    await adminSession(host, PASSWORD);
    const at = '2020-01-01T00:00:00.000Z';
    for (let first = 1; first <= FOLDERS; first += CHUNK) {
      const last = Math.min(FOLDERS, first + CHUNK - 1);
      sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT ${first} UNION ALL SELECT i + 1 FROM n WHERE i < ${last})
        INSERT INTO folder (id, rm_base, created_at, updated_at) SELECT i, printf('%07d', i), '${at}', '${at}' FROM n`);
      env.log(`  ${last.toLocaleString('en')} folders (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    // The few that are out: at units since yesterday (past every closing time), or borrowed past their due date.
    const units = await host.ctx.db.selectFrom('unit').select('id').execute();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const step = Math.floor(FOLDERS / (OUT_AT_UNITS + BORROWED));
    sqlite.transaction(() => {
      const patient = sqlite.prepare(
        `INSERT INTO patient (rm_number, name, name_key, sex, birth_date, payer_default, created_at, updated_at)
         VALUES (?, ?, ?, 'L', '1980-01-01', 'umum', '${at}', '${at}') RETURNING id`,
      );
      const link = sqlite.prepare('INSERT INTO folder_patient (patient_id, folder_id) VALUES (?, ?)');
      const atUnit = sqlite.prepare(`UPDATE folder SET status = 'keluar', location_kind = 'unit', location_unit_id = ?, out_since = ? WHERE id = ?`);
      const lent = sqlite.prepare(
        `UPDATE folder SET status = 'dipinjam', location_kind = 'peminjam', borrower = 'Tim Audit', due_date = '2020-02-01', out_since = ? WHERE id = ?`,
      );
      for (let k = 0; k < OUT_AT_UNITS + BORROWED; k++) {
        const folderId = 1 + k * step;
        const { id } = patient.get(String(folderId).padStart(7, '0'), `Pasien ${folderId}`, `pasien ${folderId}`) as { id: number };
        link.run(id, folderId);
        if (k < OUT_AT_UNITS) atUnit.run(units[k % units.length]!.id, yesterday, folderId);
        else lent.run(yesterday, folderId);
      }
    })();
    await sql`ANALYZE`.execute(host.ctx.db);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await host.close();
  }
  const buildMs = Math.round(performance.now() - started);
  writeFileSync(
    markerFile,
    `${JSON.stringify({ schemaVersion: LATEST_SCHEMA_VERSION, folders: FOLDERS, buildMs, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  env.log(`built in ${(buildMs / 1000).toFixed(1)} s`);
  return dataDir;
}

export default defineBench({
  name: 'folders',
  description: 'pull list of a 500-visit day, one folder move, overdue list over 1,000,000 folders (each next to a bare-SQL baseline)',
  async run(env) {
    const cases: Case[] = [];
    const notes: string[] = [];
    const target = (what: string, limitMs: number, samples: number[]) => {
      const p95 = stats(samples).p95;
      notes.push(
        `target: ${what} ≤ ${limitMs} ms — p95 ${formatMs(p95)}, median ${formatMs(stats(samples).median)}: ${p95 <= limitMs ? 'MET' : 'NOT MET'}`,
      );
    };

    // 1 and 2: a day of the records room.
    const dir = join(dataPath(env, 'tmp'), 'folders-day');
    rmSync(dir, { recursive: true, force: true });
    const host = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    try {
      const token = await adminSession(host, PASSWORD);
      const at = new Date().toISOString();
      env.log(`${PATIENTS.toLocaleString('en')} patients with folders, ${VISITS} registrations …`);
      await insertPatients(host, 1, PATIENTS, at);
      await createMissingFolders(host.ctx.db, false, at, 1);
      const units = unwrap<Unit[]>(await host.dispatcher.invoke('units.list', {}, as(token)), 'units').filter((u) => u.code !== 'UGD');
      // Patients spread over the whole RM range, so the list crosses every shelf section.
      const patientOf = (i: number) => 1 + ((i * 7919) % PATIENTS);
      for (let i = 0; i < VISITS; i++)
        unwrap(
          await host.dispatcher.invoke('visits.register', { patientId: patientOf(i), payer: 'umum', unitId: units[i % units.length]!.id }, as(token)),
          'register',
        );
      const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
      for (let i = 0; i < APPOINTMENTS; i++)
        unwrap(
          await host.dispatcher.invoke(
            'appointments.create',
            { patientId: patientOf(VISITS + i), unitId: units[0]!.id, date: tomorrow, note: null },
            as(token),
          ),
          'appointment',
        );

      const runs = env.runs(60);
      cases.push({
        label: `bare SELECT of the day's ${VISITS} request rows (baseline)`,
        baseline: true,
        samples: await collect(
          runs,
          () => time(() => host.ctx.db.selectFrom('folder_request').selectAll().where('status', '=', 'menunggu').execute()),
          {
            warmup: 5,
          },
        ),
      });
      let count = 0;
      const pull = await collect(
        runs,
        () =>
          time(async () => {
            count = unwrap<PullList>(await host.dispatcher.invoke('folders.pullList', {}, as(token)), 'pullList').count;
          }),
        { warmup: 5 },
      );
      if (count !== VISITS + APPOINTMENTS) throw new Error(`pull list has ${count} entries, expected ${VISITS + APPOINTMENTS}`);
      cases.push({ label: `folders.pullList, ${VISITS} visits + ${APPOINTMENTS} appointments, terminal digit`, samples: pull });
      target(`pull list of a ${VISITS}-visit day`, 50, pull);

      await sql`CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, status TEXT NOT NULL, at TEXT NOT NULL)`.execute(host.ctx.db);
      const moveRuns = Math.min(VISITS - 20, env.runs(300));
      cases.push({
        label: 'bare INSERT + UPDATE, one transaction (baseline of a move)',
        samples: await collect(
          moveRuns,
          () =>
            time(() =>
              host.ctx.db.transaction().execute(async (trx) => {
                const now = new Date().toISOString();
                const { rows } = await sql<{ id: number }>`INSERT INTO bench_scratch (status, at) VALUES ('keluar', ${now}) RETURNING id`.execute(
                  trx,
                );
                await sql`UPDATE bench_scratch SET status = 'di_unit', at = ${now} WHERE id = ${rows[0]!.id}`.execute(trx);
              }),
            ),
          { warmup: 10 },
        ),
      });
      const requests = await host.ctx.db
        .selectFrom('folder_request as r')
        .innerJoin('folder_patient as fp', 'fp.patient_id', 'r.patient_id')
        .select(['fp.folder_id', 'r.unit_id'])
        .where('r.status', '=', 'menunggu')
        .orderBy('r.id')
        .execute();
      const moves = await collect(
        moveRuns,
        (i) =>
          time(async () => {
            const r = requests[i + 10]!;
            unwrap(
              await host.dispatcher.invoke('folders.move', { folderId: r.folder_id, to: 'unit', unitId: r.unit_id, method: 'scan' }, as(token)),
              'move',
            );
          }),
        // Warm-up moves use folders 0…9; measured runs the next ones (each folder moves once).
        { warmup: 10 },
      );
      cases.push({ label: 'folders.move: a folder to its unit (movement + place + request, one transaction)', samples: moves });
      target('a move', 5, moves);
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }

    // 3: the overdue list over a million folders.
    const bigDir = await overdueDatabase(env);
    const big = await startHost({ dataDir: bigDir, mode: 'serve', loadRegions: false });
    try {
      const token = await adminSession(big, PASSWORD);
      const runs = env.runs(30);
      cases.push({
        label: `full scan of ${FOLDERS.toLocaleString('en')} folders (baseline of the overdue list)`,
        samples: await collect(runs, () => time(() => sql`SELECT count(*) FROM folder NOT INDEXED WHERE out_since IS NOT NULL`.execute(big.ctx.db)), {
          warmup: 2,
        }),
      });
      let listed = 0;
      const overdue = await collect(
        runs,
        () =>
          time(async () => {
            listed = unwrap<{ items: unknown[] }>(await big.dispatcher.invoke('folders.overdue', {}, as(token)), 'overdue').items.length;
          }),
        { warmup: 3 },
      );
      if (listed !== OUT_AT_UNITS + BORROWED) throw new Error(`overdue lists ${listed}, expected ${OUT_AT_UNITS + BORROWED}`);
      cases.push({ label: `folders.overdue over ${FOLDERS.toLocaleString('en')} folders (${listed} overdue)`, samples: overdue });
      target(`overdue list over ${FOLDERS.toLocaleString('en')} folders`, 100, overdue);
    } finally {
      await big.close();
    }
    return { title: 'Rekam medis: berkas (issue #5)', cases, notes };
  },
});
