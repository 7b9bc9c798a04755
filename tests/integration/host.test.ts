import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../src-main/app/host';
import { tempDir, testHost } from '../helpers/host';

const admin = { username: 'admin', fullName: 'Admin', password: 'rahasia-admin-1' };

describe('host lifecycle', () => {
  it('refuses a second host on the same data folder (another process: see tests/e2e/serve.test.ts)', async () => {
    const first = await testHost();
    await expect(startHost({ dataDir: first.dataDir, mode: 'serve', loadRegions: false })).rejects.toThrow(/sudah dibuka oleh proses ini/);
    await first.cleanup();
  });

  it('takes over a lock left by a process that no longer runs (power cut)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'loket.lock'), '999999\n');
    const host = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    expect(readFileSync(join(dir, 'loket.lock'), 'utf8').trim()).toBe(String(process.pid));
    await host.close();
    expect(existsSync(join(dir, 'loket.lock'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps data across a restart, with WAL, synchronous=FULL and foreign keys on', async () => {
    const dir = tempDir();
    const first = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    const pragma = (name: string) => first.store.sqlite.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBe(5000);
    const setup = await first.dispatcher.invoke('auth.setupAdmin', admin, { token: null, client: 'http' });
    if (!setup.ok) throw new Error(setup.error.message);
    const token = (setup.value as { token: string }).token;
    await first.dispatcher.invoke('settings.update', { puskesmas: { name: 'UPT Puskesmas Sukamaju' } }, { token, client: 'http' });
    first.ctx.workstation.update({ counterNumber: 3 });
    await first.close();

    const second = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    const settings = await second.dispatcher.invoke('settings.public', {}, { token: null, client: 'http' });
    expect(settings).toMatchObject({ ok: true, value: { puskesmasName: 'UPT Puskesmas Sukamaju' } });
    expect(second.ctx.workstation.get().counterNumber).toBe(3);
    // Sessions survive a restart of the host.
    expect(await second.dispatcher.invoke('auth.me', {}, { token, client: 'http' })).toMatchObject({ ok: true });
    // Default reference data is seeded once, not again.
    const units = await second.dispatcher.invoke('units.list', {}, { token: null, client: 'http' });
    expect(units.ok && (units.value as unknown[]).length).toBe(12);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads Kemendagri regions once from the package and searches them', async () => {
    const host = await testHost({ loadRegions: true });
    const count = () =>
      (host.store.sqlite.prepare('SELECT level, count(*) AS n FROM region GROUP BY level ORDER BY level').all() as { n: number }[]).map((r) => r.n);
    const [provinces, regencies, districts, villages] = count();
    expect(provinces).toBeGreaterThanOrEqual(38);
    expect(regencies).toBeGreaterThan(500);
    expect(districts).toBeGreaterThan(7000);
    expect(villages).toBeGreaterThan(80000);
    const setup = await host.dispatcher.invoke('auth.setupAdmin', admin, { token: null, client: 'http' });
    const token = setup.ok ? (setup.value as { token: string }).token : null;
    const found = await host.dispatcher.invoke('regions.search', { query: 'cibinong', level: 3 }, { token, client: 'http' });
    expect(found).toMatchObject({ ok: true, value: [{ name: 'Cibinong', level: 3, path: 'Cibinong, Kabupaten Bogor, Jawa Barat' }] });
    const provincesList = await host.dispatcher.invoke('regions.children', { parentCode: null }, { token, client: 'http' });
    expect(provincesList.ok && (provincesList.value as unknown[]).length).toBe(provinces);
    const bad = await host.dispatcher.invoke('regions.children', { parentCode: "32'; DROP TABLE region;--" }, { token, client: 'http' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await host.cleanup();
  });
});
