// npm run serve -- [--port N] [--host ADDR] [--data DIR] [--demo]: the host without Electron.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from './build-if-needed.mjs';

const root = new URL('..', import.meta.url).pathname;

export function runServe(args) {
  build();
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === `file://${process.argv[1]}`) runServe(process.argv.slice(2));
