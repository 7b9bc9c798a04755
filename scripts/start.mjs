// npm start: the Electron window as the host; where Electron's runtime cannot be had (no binary,
// no network), one clear line and the same app in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build-if-needed.mjs';
import { runServe } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron 45+ downloads its runtime lazily: try once, briefly, quietly. */
function obtainElectron() {
  if (!existsSync(join(electronDir, 'install.js'))) return { binary: null, reason: 'paket electron tidak terpasang' };
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 180_000 });
  const binary = electronBinary();
  if (binary) return { binary, reason: null };
  return {
    binary: null,
    reason: result.error?.code === 'ETIMEDOUT' ? 'unduhan runtime melewati batas waktu' : 'berkas biner tidak ada dan tidak dapat diunduh',
  };
}

function fallback(reason) {
  console.log(`Runtime Electron tidak tersedia (${reason}); Loket dijalankan dalam mode peramban — buka alamat yang tertera di bawah.`);
  runServe(args);
}

build();
let binary = electronBinary();
let reason = null;
if (!binary) ({ binary, reason } = obtainElectron());
if (!binary) {
  fallback(reason);
} else {
  const nativeBinding = join(root, 'native', 'electron', 'better_sqlite3.node');
  if (!existsSync(nativeBinding)) {
    const rebuilt = spawnSync(process.execPath, [join(root, 'scripts', 'rebuild-electron.mjs')], { stdio: 'inherit' });
    if (rebuilt.status !== 0 || !existsSync(nativeBinding)) {
      fallback('modul SQLite untuk Electron belum dibangun dan header Electron tidak dapat diunduh');
    }
  }
  if (existsSync(nativeBinding)) {
    const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
