// npm run audit:verify [-- file.db]: recomputes the audit trail's hash chain of a Loket database
// (default: the app's data folder) and names the first altered, removed or inserted row.
// Bundles src-main/app/audit-verify.ts with Vite (as scripts/bench.mjs does), then runs it.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'node_modules', '.cache', 'loket-audit-verify', String(process.pid));
const entry = join(outDir, 'entry.mjs');

const { build } = await import('vite');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
await build({
  configFile: false,
  root,
  logLevel: 'error',
  define: { __LOKET_VERSION__: JSON.stringify(version) },
  build: {
    ssr: true,
    target: 'node20',
    outDir,
    emptyOutDir: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { entry: join(root, 'src-main', 'app', 'audit-verify-main.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});

const result = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
rmSync(outDir, { recursive: true, force: true });
process.exit(result.status ?? 2);
