/**
 * Startup of the real headless host (`node out/main/serve.js`) to its first successful
 * `GET /api/health`, on a first start (empty folder: migrations + ~91k region codes), a second
 * start of that folder, and a 100,000-patient database. Baseline: a bare `node` process with a
 * minimal node:http server, measured the same way.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoDatabase } from './data';
import { collect, dataPath, defineBench, formatMs, type BenchEnv, type Case } from './harness';
import { BASELINE_SERVER, startServer } from './process';

const PATIENTS = 100_000;

async function serveOnce(env: BenchEnv, dataDir: string): Promise<number> {
  const server = await startServer([env.serveEntry, '--host', '127.0.0.1', '--port', '0', '--data', dataDir]);
  await server.stop();
  return server.readyMs;
}

export default defineBench({
  name: 'startup',
  description: 'serve process → first GET /api/health (empty, warm, 100k patients) vs. a bare node:http server',
  async run(env) {
    const cases: Case[] = [];
    const measure = async (label: string, runs: number, once: (i: number) => Promise<number>, baseline = false) => {
      env.log(`${label}: ${runs} runs + 1 warm-up`);
      const samples = await collect(runs, once, { onSample: (ms, i) => env.log(`  ${i + 1}/${runs} ${formatMs(ms)}`) });
      cases.push({ label, samples, ...(baseline ? { baseline } : {}) });
    };

    // Built (or reused) before any timing, so a first build does not disturb the measurements.
    const big = await demoDatabase(env, PATIENTS);

    const baseline = async () => {
      const server = await startServer(BASELINE_SERVER);
      await server.stop();
      return server.readyMs;
    };
    await measure('node:http minimal server (baseline)', env.runs(10), baseline, true);

    const scratch = dataPath(env, 'tmp');
    await measure('serve, first start (empty folder)', env.runs(5), async (i) => {
      const dir = join(scratch, `first-${i < 0 ? 'warmup' : i}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      try {
        return await serveOnce(env, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // The warm-up run of this case is the folder's first start.
    const warm = join(scratch, 'warm-empty');
    rmSync(warm, { recursive: true, force: true });
    await measure('serve, second start (empty database)', env.runs(10), () => serveOnce(env, warm));
    rmSync(warm, { recursive: true, force: true });

    await measure(`serve, ${PATIENTS.toLocaleString('en')} patients`, env.runs(10), () => serveOnce(env, big.dataDir));

    return {
      title: `Startup: spawn → first 200 from GET /api/health (${process.version}, ${process.platform})`,
      cases,
      notes: [
        `${PATIENTS.toLocaleString('en')}-patient database: ${big.visits.toLocaleString('en')} visits, ${big.built ? 'built in this run' : 'reused from bench/.data'} (build ${formatMs(big.buildMs)})`,
        'each run is a new process; one unmeasured warm-up run per case; p95 is nearest-rank (= max for n ≤ 20)',
      ],
    };
  },
});
