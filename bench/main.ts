/// <reference types="vite/client" />
/**
 * The bench runner, bundled by scripts/bench.mjs: every `bench/*.bench.ts` is picked up, run
 * in name order (or only those named on the command line) and reported on stdout; the figures
 * also go to `bench/.data/results/`.
 *
 *   npm run bench                      all benchmarks
 *   npm run bench -- startup           only these
 *   npm run bench -- --runs 3          N measured runs per case
 *   npm run bench -- --quick           fewer runs (about a third)
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { dataPath, formatReport, summarize, type Bench, type BenchEnv } from './harness';

const modules = import.meta.glob<{ default: Bench }>('./*.bench.ts', { eager: true });
const benches = Object.values(modules)
  .map((m) => m.default)
  .sort((a, b) => a.name.localeCompare(b.name));

export interface RunOptions {
  root: string;
  serveEntry: string;
  argv: string[];
}

export async function runBenches(options: RunOptions): Promise<number> {
  const names: string[] = [];
  let runs: number | undefined;
  let quick = false;
  for (let i = 0; i < options.argv.length; i++) {
    const arg = options.argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--runs') runs = Number(options.argv[++i]);
    else if (arg.startsWith('--runs=')) runs = Number(arg.slice(7));
    else if (arg === '--list') {
      for (const b of benches) console.log(`${b.name.padEnd(12)} ${b.description}`);
      return 0;
    } else if (!arg.startsWith('--')) names.push(arg);
    else throw new Error(`unknown option ${arg}`);
  }
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error('--runs needs a positive whole number');
  const unknown = names.filter((n) => !benches.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}`);
  const selected = names.length > 0 ? benches.filter((b) => names.includes(b.name)) : benches;

  const env: BenchEnv = {
    root: options.root,
    dataRoot: join(options.root, 'bench', '.data'),
    serveEntry: options.serveEntry,
    runs: (n) => runs ?? (quick ? Math.max(3, Math.ceil(n / 3)) : n),
    log: (line) => process.stderr.write(`  [bench] ${line}\n`),
  };
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${process.platform}`;
  console.log(`Loket benchmarks — ${new Date().toISOString()} — ${machine}\n`);

  const results = [];
  for (const bench of selected) {
    const started = performance.now();
    env.log(`${bench.name}: ${bench.description}`);
    const report = await bench.run(env);
    console.log(formatReport(report));
    console.log(`  (${bench.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    results.push({ name: bench.name, ...summarize(report) });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2)}\n`;
  const dir = dataPath(env, 'results');
  writeFileSync(join(dir, `bench-${stamp}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);
  return 0;
}

// Run when bundled and started directly (scripts/bench.mjs passes the paths in the environment).
const root = process.env.LOKET_BENCH_ROOT;
if (root) {
  runBenches({ root, serveEntry: process.env.LOKET_BENCH_SERVE ?? join(root, 'out', 'main', 'serve.js'), argv: process.argv.slice(2) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
