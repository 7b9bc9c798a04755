import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/host';
import { startProcess, type RunningProcess } from '../helpers/process';

const root = resolve(import.meta.dirname, '..', '..');
const serveJs = join(root, 'out', 'main', 'serve.js');
const urlLine = /Loket berjalan di (http:\/\/127\.0\.0\.1:\d+)/;

const started: RunningProcess[] = [];
const dirs: string[] = [];
function serve(...args: string[]) {
  const p = startProcess(process.execPath, [serveJs, ...args], root);
  started.push(p);
  return p;
}
afterAll(async () => {
  for (const p of started) await p.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function post(url: string, method: string, input: unknown, token?: string) {
  const r = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return (await r.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

describe('serve mode (the built host as its own process)', () => {
  it('serves API and pages, has one owner per data folder, stops cleanly and keeps data', async () => {
    const data = tempDir('loket-serve-');
    dirs.push(data);
    const first = serve('--port', '0', '--data', data);
    const url = (await first.waitFor(urlLine))[1]!;

    const health = (await fetch(`${url}/api/health`).then((r) => r.json())) as { status: string };
    expect(health.status).toBe('ok');
    for (const page of ['/', '/display', '/kiosk']) {
      const r = await fetch(`${url}${page}`);
      expect(r.status, page).toBe(200);
      expect(r.headers.get('content-security-policy'), page).toContain("script-src 'self'");
      const html = await r.text();
      expect(html, page).toContain('<div id="root"');
      expect(html, page).toContain('http-equiv="Content-Security-Policy"');
    }
    const openapi = (await fetch(`${url}/api/openapi.json`).then((r) => r.json())) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/api/patients.search');
    expect(await post(url, 'auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: 'rahasia-admin-1' })).toMatchObject({ ok: true });

    const second = serve('--port', '0', '--data', data);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(/Loket tidak dapat dimulai: Folder data .* sedang dipakai oleh Loket lain \(PID \d+\)/);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(data, 'loket.lock'))).toBe(false);

    const again = serve('--port', '0', '--data', data);
    const url2 = (await again.waitFor(urlLine))[1]!;
    expect(await post(url2, 'auth.status', {})).toEqual({ ok: true, value: { needsSetup: false } });
    expect(await post(url2, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' })).toMatchObject({ ok: true });
    await again.stop();
  });

  it('refuses bad flags with a clear message and exit code 2', async () => {
    const p = serve('--prot', '1');
    expect(await p.exited).toBe(2);
    expect(p.stderr()).toContain('Pilihan tidak dikenal: --prot');
  });

  it('--demo fills a new database and prints working demo accounts', async () => {
    const data = tempDir('loket-demo-');
    dirs.push(data);
    const p = serve('--port', '0', '--data', data, '--demo');
    const url = (await p.waitFor(urlLine, 120_000))[1]!;
    await p.waitFor(/Akun demo/);
    const account = p.stdout().match(/^\s+administrator\s+(\S+)\s+(\S+)\s*$/m);
    expect(account, p.stdout()).not.toBeNull();
    const login = (await post(url, 'auth.login', { username: account![1], password: account![2] })) as { ok: boolean; value: { token: string } };
    expect(login.ok).toBe(true);
    const summary = (await post(url, 'reports.daySummary', {}, login.value.token)) as { value: { patientsTotal: number; visits: number } };
    expect(summary.value.patientsTotal).toBeGreaterThanOrEqual(1000);
    expect(summary.value.visits).toBeGreaterThan(10);
    await p.stop();
  });

  it('npm start falls back to browser mode with one clear line when Electron cannot be had', async () => {
    const data = tempDir('loket-start-');
    dirs.push(data);
    const electronPresent = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));
    if (electronPresent) return; // a machine with Electron opens the window instead
    const p = startProcess(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', '0', '--data', data], root);
    started.push(p);
    await p.waitFor(urlLine, 120_000);
    const lines = p
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('Runtime Electron tidak tersedia'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/mode peramban/);
    await p.stop();
  });
});
