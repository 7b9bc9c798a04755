/**
 * Register harian, the two figures of issue #6 for it, in-process through the dispatcher
 * (validation, session, the service, SQLite, the .xlsx writer):
 *
 * 1. `register.daily` of a 500-visit day (5,000 patients, 500 registrations made with
 *    `visits.register`: BPJS, umum with their fee, some paid) — against a bare SELECT of the
 *    day's 500 visit rows (no joins, no ordering) as the baseline.
 * 2. `register.exportXlsx` of the same 500 rows (typed cells, two sheets, base64) — against
 *    exceljs writing 500 plain rows of as many columns, without styles or formats.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { startHost, type Host } from '../src-main/app/host';
import type { Download, Register, Unit } from '../src-main/contract';
import { collect, dataPath, defineBench, formatMs, stats, time, type Case } from './harness';
import { as, unwrap } from './session';

const PATIENTS = 5_000;
const VISITS = 500;
const PASSWORD = 'rahasia-bench-1';

/** Patients with a village; every other one has a BPJS number. */
async function insertPatients(host: Host, at: string): Promise<void> {
  await sql`INSERT INTO region (code, parent_code, level, name) VALUES
    ('33', NULL, 1, 'Jawa Tengah'), ('33.02', '33', 2, 'Kabupaten Banyumas'), ('33.02.12', '33.02', 3, 'Sokaraja'),
    ('33.02.12.2001', '33.02.12', 4, 'Sokaraja Kulon'), ('33.02.12.2002', '33.02.12', 4, 'Karangrau')`.execute(host.ctx.db);
  await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PATIENTS})
    INSERT INTO patient (id, rm_number, name, name_key, sex, birth_date, bpjs_number, payer_default, village_code, created_at, updated_at)
    SELECT i, printf('%06d', i), 'Pasien ' || i, 'pasien ' || i, CASE i % 2 WHEN 0 THEN 'P' ELSE 'L' END,
      printf('%04d-%02d-%02d', 1940 + i % 86, 1 + i % 12, 1 + i % 28), CASE i % 2 WHEN 0 THEN printf('%013d', i) END,
      CASE i % 2 WHEN 0 THEN 'bpjs' ELSE 'umum' END, CASE i % 3 WHEN 0 THEN '33.02.12.2001' ELSE '33.02.12.2002' END, ${at}, ${at} FROM n`.execute(
    host.ctx.db,
  );
}

export default defineBench({
  name: 'register',
  description: 'register of a 500-visit day and its .xlsx (each next to a baseline: bare SELECT, exceljs with plain rows)',
  async run(env) {
    const cases: Case[] = [];
    const notes: string[] = [];
    const target = (what: string, limitMs: number, samples: number[]) => {
      const p95 = stats(samples).p95;
      notes.push(
        `target: ${what} ≤ ${limitMs} ms — p95 ${formatMs(p95)}, median ${formatMs(stats(samples).median)}: ${p95 <= limitMs ? 'MET' : 'NOT MET'}`,
      );
    };
    const dir = join(dataPath(env, 'tmp'), 'register-day');
    rmSync(dir, { recursive: true, force: true });
    const host = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    try {
      const token = unwrap<{ token: string }>(
        await host.dispatcher.invoke('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: PASSWORD }, as(null)),
        'setup',
      ).token;
      const now = new Date();
      await insertPatients(host, now.toISOString());
      env.log(`${PATIENTS.toLocaleString('en')} patients, ${VISITS} registrations …`);
      const units = unwrap<Unit[]>(await host.dispatcher.invoke('units.list', {}, as(token)), 'units').filter((u) => u.code !== 'UGD');
      for (let i = 0; i < VISITS; i++) {
        const patientId = 1 + ((i * 7919) % PATIENTS);
        const bpjs = patientId % 2 === 0;
        const { visit } = unwrap<{ visit: { id: number } }>(
          await host.dispatcher.invoke(
            'visits.register',
            { patientId, payer: bpjs ? 'bpjs' : 'umum', ...(bpjs ? { bpjsFaskesConfirmed: true } : {}), unitId: units[i % units.length]!.id },
            as(token),
          ),
          'register',
        );
        if (!bpjs && i % 3 === 0) unwrap(await host.dispatcher.invoke('visits.markPaid', { visitId: visit.id }, as(token)), 'markPaid');
      }
      // The host's own today (its time zone), as the register sees it.
      const today = unwrap<Register>(await host.dispatcher.invoke('register.daily', {}, as(token)), 'daily').date;

      const runs = env.runs(60);
      cases.push({
        label: `bare SELECT of the day's ${VISITS} visit rows (baseline)`,
        baseline: true,
        samples: await collect(runs, () => time(() => host.ctx.db.selectFrom('visit').selectAll().where('visit_date', '=', today).execute()), {
          warmup: 5,
        }),
      });
      let rows = 0;
      const daily = await collect(
        runs,
        () =>
          time(async () => {
            rows = unwrap<Register>(await host.dispatcher.invoke('register.daily', { date: today }, as(token)), 'daily').rows.length;
          }),
        { warmup: 5 },
      );
      if (rows !== VISITS) throw new Error(`register has ${rows} rows, expected ${VISITS}`);
      cases.push({ label: `register.daily, ${VISITS} visits (joins, ages, totals)`, samples: daily });
      target(`register of a ${VISITS}-visit day`, 50, daily);

      const xlsxRuns = env.runs(20);
      const plain = await collect(
        xlsxRuns,
        () =>
          time(async () => {
            const wb = new ExcelJS.Workbook();
            const ws = wb.addWorksheet('Register');
            for (let r = 0; r < VISITS; r++) ws.addRow(Array.from({ length: 21 }, (_, c) => (c % 3 === 0 ? r * c : `teks ${r}-${c}`)));
            await wb.xlsx.writeBuffer();
          }),
        { warmup: 2 },
      );
      cases.push({ label: `exceljs: ${VISITS} plain rows × 21 columns, no styles (baseline of the export)`, samples: plain });
      let bytes = 0;
      const exported = await collect(
        xlsxRuns,
        () =>
          time(async () => {
            bytes = unwrap<Download>(await host.dispatcher.invoke('register.exportXlsx', { date: today }, as(token)), 'export').bytes;
          }),
        { warmup: 2 },
      );
      cases.push({ label: `register.exportXlsx, ${VISITS} rows (query + typed cells + totals sheet + base64)`, samples: exported });
      target(`.xlsx of ${VISITS} rows`, 1000, exported);
      notes.push(`the .xlsx of ${VISITS} rows is ${(bytes / 1024).toFixed(0)} KiB`);
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return { title: `Register harian: ${VISITS}-visit day, ${PATIENTS.toLocaleString('en')} patients`, cases, notes };
  },
});
