// Builds main, preload and renderer with electron-vite when the sources are newer than the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'out', '.build-stamp');
const sources = ['src-main', 'src-renderer', 'resources', 'electron.vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

export function isBuildCurrent() {
  if (!existsSync(stamp) || !existsSync(join(root, 'out', 'main', 'serve.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html')))
    return false;
  const built = statSync(stamp).mtimeMs;
  return sources.every((s) => newest(join(root, s)) <= built);
}

export function build({ force = false, quiet = false } = {}) {
  if (!force && isBuildCurrent()) return;
  if (!quiet) console.log('Membangun Loket (electron-vite build)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (result.status !== 0) {
    console.error('Pembangunan gagal; lihat pesan di atas.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) build({ force: process.argv.includes('--force') });
