// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules' Node build
// untouched so `npm test` keeps working after `npm start` (DESIGN.md §5). Needs Electron's
// headers, i.e. internet, once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const work = join(root, 'native', 'build', 'better-sqlite3');
const target = join(root, 'native', 'electron');

rmSync(work, { recursive: true, force: true });
mkdirSync(join(root, 'native', 'build'), { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${'better-sqlite3'}/build`) });
console.log(`Membangun better-sqlite3 untuk Electron ${electronVersion}…`);
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
const built = join(work, 'build', 'Release', 'better_sqlite3.node');
if (result.status !== 0 || !existsSync(built)) {
  console.error('Gagal membangun modul SQLite untuk Electron (header Electron perlu diunduh sekali dari internet).');
  process.exit(1);
}
mkdirSync(target, { recursive: true });
copyFileSync(built, join(target, 'better_sqlite3.node'));
console.log(`Selesai: ${join(target, 'better_sqlite3.node')}`);
