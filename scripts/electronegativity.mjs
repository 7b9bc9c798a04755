// npm run audit:electron — Electronegativity (Doyensec) over the main process, preload and the
// HTTP server; fails on any HIGH finding. The release-list check needs github.com, which CI cannot
// reach: it is excluded and the Electron version is given instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'loket-eneg-'));
const csv = join(dir, 'hasil.csv');
const run = spawnSync(
  'npx',
  [
    '-y',
    '@doyensec/electronegativity@1.10.3',
    '-i',
    join(root, 'src-main'),
    '-o',
    csv,
    '-x',
    'AvailableSecurityFixesGlobalCheck',
    '-e',
    devDependencies.electron,
  ],
  { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' },
);
let rows;
try {
  rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
} catch {
  console.error(run.stdout, run.stderr);
  console.error('Electronegativity tidak menghasilkan laporan.');
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
const high = rows.filter((r) => r.split(',')[1] === '"HIGH"');
for (const r of rows) console.log(r);
console.log(`Electronegativity: ${rows.length} temuan, ${high.length} tingkat HIGH.`);
process.exit(high.length > 0 ? 1 : 0);
