// npm run bench [-- names… --runs N --quick --list]: builds the app when out/ is missing or
// stale, bundles bench/*.ts with Vite (TypeScript, imports from src-main) into bench/.data/dist,
// then runs the benchmarks in a fresh Node process against a copy of the build. See
// docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as buildApp } from './build-if-needed.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'bench', '.data', 'dist');
const argv = process.argv.slice(2);

// The benchmarks run a private copy of the build, so a rebuild of out/ during the run (another
// terminal, the test suite) cannot pull the bundle away mid-measurement.
const app = join(root, 'bench', '.data', 'app');
if (!argv.includes('--list')) {
  buildApp();
  rmSync(app, { recursive: true, force: true });
  for (const part of ['main', 'renderer'])
    if (existsSync(join(root, 'out', part))) cpSync(join(root, 'out', part), join(app, part), { recursive: true });
}

const { build } = await import('vite');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  define: { __LOKET_VERSION__: JSON.stringify(version) },
  build: {
    ssr: true,
    target: 'node20',
    outDir: dist,
    emptyOutDir: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { main: join(root, 'bench', 'main.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs' },
      // The benches import the demo generator directly; the app loads it lazily. Both are fine.
      onLog(level, log, handler) {
        if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
      },
    },
  },
});

const result = spawnSync(process.execPath, [join(dist, 'main.mjs'), ...argv], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LOKET_BENCH_ROOT: root, LOKET_BENCH_SERVE: join(app, 'main', 'serve.js') },
});
process.exit(result.status ?? 1);
