import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupFacts, BackupRun, BackupStatus, PatientRecord } from '../../src-main/contract';
import { inspectDatabaseFile } from '../../src-main/db/backup';
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';

/** Backups over HTTP against real files: the online copy, encryption, rotation, restore at the next start, the schedule. */
describe('backups (cadangan)', () => {
  const hosts: HttpHost[] = [];
  afterAll(async () => {
    for (const h of hosts) await h.cleanup().catch(() => undefined);
  });
  async function start(options: Parameters<typeof httpHost>[0] = {}) {
    const h = await httpHost(options);
    hosts.push(h);
    return h;
  }
  async function ok<T>(h: HttpHost, token: string, method: string, input: unknown = {}): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function refused(h: HttpHost, token: string, method: string, input: unknown, status: number, message: RegExp) {
    const r = await h.call(method, input, token);
    expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(status);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(message);
  }
  const newPatient = async (h: HttpHost, token: string, name: string) =>
    (await ok<{ patient: PatientRecord }>(h, token, 'patients.create', { ignoreSimilar: true, name, birthDate: '1990-02-02', sex: 'P' })).patient;

  it('copies the live database to another folder, checks it and lists it; bad folders are refused', async () => {
    const h = await start();
    const admin = await adminToken(h);
    const folder = join(tempDir('loket-cadangan-'), 'USB');
    const notSet = await ok<BackupRun>(h, admin, 'backup.run');
    expect(notSet).toMatchObject({ ok: false, message: 'Folder cadangan belum diatur (Pengaturan → Cadangan).', trigger: 'manual' });
    await refused(h, admin, 'backup.configure', { folder: 'Cadangan', time: '12:30' }, 400, /lokasi folder lengkap/);
    await refused(h, admin, 'backup.configure', { folder: join(h.host.dataDir, 'cadangan'), time: '12:30' }, 400, /tidak boleh di dalam folder data/);
    // A path through a file cannot become a folder (the tests run as root, so permissions would not refuse).
    const aFile = join(tempDir('loket-cadangan-'), 'berkas.txt');
    writeFileSync(aFile, '');
    await refused(h, admin, 'backup.configure', { folder: join(aFile, 'Cadangan'), time: '12:30' }, 400, /tidak dapat dibuat atau ditulisi/);
    await refused(h, admin, 'backup.configure', { folder, time: '25:00' }, 400, /JJ:MM/);
    await refused(h, admin, 'backup.configure', { folder, time: '12:30', passphrase: 'pendek' }, 400, /minimal 8 karakter/);

    await newPatient(h, admin, 'Sari Cadangan');
    const status = await ok<BackupStatus>(h, admin, 'backup.configure', { folder, time: '12:30' });
    expect(status).toMatchObject({ folder, time: '12:30', encrypted: false, copies: [] });
    const run = await ok<BackupRun>(h, admin, 'backup.run');
    expect(run).toMatchObject({ ok: true, trigger: 'manual' });
    expect(run.message).toMatch(/dibuat dan diperiksa \(quick_check ok\)/);
    expect(readdirSync(folder)).toEqual([run.file]);
    const facts = inspectDatabaseFile(join(folder, run.file!));
    expect(facts).toMatchObject({ quickCheck: 'ok', patients: 1 });
    expect(readFileSync(join(folder, run.file!)).subarray(0, 15).toString()).toBe('SQLite format 3');
    const after = await ok<BackupStatus>(h, admin, 'backup.status');
    expect(after.copies.map((c) => c.file)).toEqual([run.file]);
    expect(after.lastSuccess).toMatchObject({ file: run.file, ok: true });

    // A folder that disappears (the USB drive pulled out and its place taken by a file): a clear failure, recorded.
    const gone = join(tempDir('loket-cadangan-'), 'dicabut');
    await ok(h, admin, 'backup.configure', { folder: gone, time: '12:30' });
    writeFileSync(join(gone, '..', 'x'), '');
    const { rmSync } = await import('node:fs');
    rmSync(gone, { recursive: true, force: true });
    writeFileSync(gone, 'bukan folder');
    const failed = await ok<BackupRun>(h, admin, 'backup.run');
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/^Cadangan gagal/);
    expect((await ok<BackupStatus>(h, admin, 'backup.status')).lastSuccess?.file).toBe(run.file);

    // Only those who may change settings make or restore copies.
    await ok(h, admin, 'users.create', { username: 'daftar1', fullName: 'Petugas Daftar', role: 'pendaftaran', password: 'rahasia-daftar-1' });
    const login = await h.call<{ token: string }>('auth.login', { username: 'daftar1', password: 'rahasia-daftar-1' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    await refused(h, login.body.value.token, 'backup.run', {}, 403, /hak/i);
    await refused(h, login.body.value.token, 'backup.restore', { file: run.file, confirm: true }, 403, /hak/i);
  });

  it('encrypts with the passphrase (AES-256-GCM): unreadable without it, refused when wrong or tampered', async () => {
    const h = await start();
    const admin = await adminToken(h);
    const folder = tempDir('loket-cadangan-enc-');
    await newPatient(h, admin, 'Rahasia Sekali');
    const status = await ok<BackupStatus>(h, admin, 'backup.configure', { folder, time: '12:30', passphrase: 'kunci-cadangan-puskesmas' });
    expect(status.encrypted).toBe(true);
    // The passphrase is never answered back.
    expect(JSON.stringify(status)).not.toContain('kunci-cadangan');
    const run = await ok<BackupRun>(h, admin, 'backup.run');
    expect(run.file).toMatch(/^loket-\d{4}-\d{2}-\d{2}-\d{4}\.db\.enc$/);
    const bytes = readFileSync(join(folder, run.file!));
    expect(bytes.subarray(0, 8).toString()).toBe('LOKETBAK');
    expect(bytes.includes(Buffer.from('Rahasia Sekali'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    const preview = await ok<BackupFacts>(h, admin, 'backup.preview', { file: run.file });
    expect(preview).toMatchObject({ encrypted: true, quickCheck: 'ok', patients: 1, compatible: true });
    await refused(h, admin, 'backup.preview', { file: run.file, passphrase: 'bukan-kuncinya' }, 400, /Kata sandi cadangan salah/);
    const tampered = join(folder, 'loket-2020-01-01-0000.db.enc');
    const copy = Buffer.from(bytes);
    copy[copy.length - 100]! ^= 1;
    writeFileSync(tampered, copy);
    await refused(h, admin, 'backup.preview', { file: 'loket-2020-01-01-0000.db.enc' }, 400, /rusak\/diubah/);
    await refused(h, admin, 'backup.preview', { file: '../loket.db' }, 400, /Pilih salinan dari daftar/);
    await refused(h, admin, 'backup.preview', { file: '/tmp/tidak-ada-sama-sekali.db' }, 404, /tidak ditemukan/);
    await refused(h, admin, 'backup.preview', { file: '/etc/passwd' }, 400, /berakhiran \.db/);
    // Removing the passphrase: the next copies are plain again.
    expect((await ok<BackupStatus>(h, admin, 'backup.configure', { folder, time: '12:30', passphrase: null })).encrypted).toBe(false);
  });

  it('restores at the next start and keeps the database it replaced', async () => {
    const dataDir = tempDir('loket-pulih-');
    const folder = tempDir('loket-cadangan-pulih-');
    let h = await start({ dataDir });
    const admin = await adminToken(h);
    await ok(h, admin, 'backup.configure', { folder, time: '12:30', passphrase: 'kunci-cadangan-puskesmas' });
    const before = await newPatient(h, admin, 'Ada Sebelum');
    const run = await ok<BackupRun>(h, admin, 'backup.run');
    const lost = await newPatient(h, admin, 'Dibuat Sesudah');
    await refused(h, admin, 'backup.restore', { file: run.file, confirm: false }, 400, /konfirmasi/);
    const staged = await ok<{ facts: BackupFacts; message: string }>(h, admin, 'backup.restore', { file: join(folder, run.file!), confirm: true });
    expect(staged.facts).toMatchObject({ patients: 1, quickCheck: 'ok' });
    expect(staged.message).toMatch(/Tutup Loket di komputer host lalu buka lagi/);
    expect((await ok<BackupStatus>(h, admin, 'backup.status')).restorePending).toBe(true);
    // Until the restart nothing changes.
    expect((await h.call('patients.get', { id: lost.id }, admin)).status).toBe(200);

    await h.server.close();
    await h.host.close();
    hosts.splice(hosts.indexOf(h), 1);
    h = await start({ dataDir });
    const login = await h.call<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const token = login.body.value.token;
    expect((await h.call('patients.get', { id: before.id }, token)).status).toBe(200);
    expect((await h.call('patients.get', { id: lost.id }, token)).status).toBe(404);
    const kept = readdirSync(dataDir).filter((f) => /^loket-sebelum-pulih-.*\.db$/.test(f));
    expect(kept).toHaveLength(1);
    expect(inspectDatabaseFile(join(dataDir, kept[0]!)).patients).toBe(2);
    expect(existsSync(join(dataDir, 'pulihkan.db'))).toBe(false);
  });

  it('makes the daily copy after the set time, rotates old copies and makes one more at exit', async () => {
    const folder = tempDir('loket-cadangan-jadwal-');
    // Two years of old copies (content does not matter to the rotation).
    mkdirSync(folder, { recursive: true });
    for (let m = 1; m <= 12; m++) writeFileSync(join(folder, `loket-2025-${String(m).padStart(2, '0')}-15-1230.db`), '');
    writeFileSync(join(folder, 'catatan-petugas.txt'), 'jangan dihapus');
    const clock = new Date('2026-11-23T06:00:00Z'); // 13.00 WIB, after 12.30
    const h = await start({ now: () => clock, backupCheckMs: 100 });
    const admin = await adminToken(h);
    await ok(h, admin, 'backup.configure', { folder, time: '12:30' });
    await expect.poll(async () => (await ok<BackupStatus>(h, admin, 'backup.status')).lastSuccess?.trigger, { timeout: 10_000 }).toBe('jadwal');
    const files = readdirSync(folder).sort();
    expect(files).toContain('loket-2026-11-23-1300.db');
    expect(files).toContain('catatan-petugas.txt');
    // 12 monthly copies: November 2026 and the 11 newest months of 2025 (January 2025 goes).
    expect(files.filter((f) => f.startsWith('loket-2025-'))).toHaveLength(11);
    expect(files).not.toContain('loket-2025-01-15-1230.db');
    // Once a day: more checks make no second daily copy.
    await new Promise((r) => setTimeout(r, 400));
    expect(readdirSync(folder).filter((f) => f.startsWith('loket-2026-'))).toHaveLength(1);
    await h.server.close();
    clock.setTime(clock.getTime() + 61_000);
    await h.host.close();
    hosts.splice(hosts.indexOf(h), 1);
    // The copy at exit is the day's newest; the rotation keeps one copy per day, the newest.
    expect(readdirSync(folder).filter((f) => f.startsWith('loket-2026-'))).toEqual(['loket-2026-11-23-1301.db']);
    expect((await import('node:fs')).readFileSync(join(h.host.dataDir, 'cadangan.json'), 'utf8')).toMatch(/"trigger": "keluar"/);
  });
});
