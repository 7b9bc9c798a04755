import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('users, sessions and permissions', () => {
  let h: HttpHost;
  let admin: string;
  const login = async (username: string, password: string) => {
    const r = await h.call<{ token: string; user: { permissions: string[] } }>('auth.login', { username, password });
    return r.body;
  };

  beforeAll(async () => {
    h = await httpHost();
    expect((await h.call('auth.status')).body).toEqual({ ok: true, value: { needsSetup: true } });
    admin = await adminToken(h);
  });
  afterAll(async () => h.cleanup());

  it('creates the first administrator once only', async () => {
    expect((await h.call('auth.status')).body).toEqual({ ok: true, value: { needsSetup: false } });
    const again = await h.call('auth.setupAdmin', { username: 'penyusup', fullName: 'Penyusup', password: 'penyusup-123' });
    expect(again.status).toBe(409);
    expect((await login('penyusup', 'penyusup-123')).ok).toBe(false);
  });

  it('stores passwords as scrypt hashes and refuses wrong ones with one message', async () => {
    const row = h.host.store.sqlite.prepare('SELECT password_hash FROM app_user WHERE username = ?').get('admin') as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain('rahasia-admin-1');
    const wrong = await login('admin', 'salah-sandi');
    const nobody = await login('tidakada', 'salah-sandi');
    expect(wrong).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah.' } });
    expect(nobody).toEqual(wrong);
  });

  it('grants each role its permissions and the server enforces them', async () => {
    await h.call('users.create', { username: 'daftar1', fullName: 'Petugas Daftar', role: 'pendaftaran', password: 'daftar-rahasia' }, admin);
    const r = await login('daftar1', 'daftar-rahasia');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.user.permissions).toContain('pasien:input');
    expect(r.value.user.permissions).not.toContain('pengguna:view');
    const t = r.value.token;
    expect((await h.call('patients.search', { query: 'siti' }, t)).status).toBe(200);
    expect((await h.call('users.create', { username: 'x12', fullName: 'X', role: 'administrator', password: 'xxxxxxxx' }, t)).status).toBe(403);
    expect((await h.call('settings.update', { runningText: 'diubah' }, t)).status).toBe(403);
    expect((await h.call('units.save', { code: 'Z', name: 'Z', cluster: 'klaster3' }, t)).status).toBe(403);
  });

  it('ends sessions on logout and on a role change; keeps one active administrator', async () => {
    await h.call('users.create', { username: 'rm1', fullName: 'Perekam Medis', role: 'rekam_medis', password: 'rekam-rahasia' }, admin);
    const first = await login('rm1', 'rekam-rahasia');
    if (!first.ok) throw new Error(first.error.message);
    const users = await h.call<{ id: number; username: string }[]>('users.list', {}, admin);
    if (!users.body.ok) throw new Error('list');
    const rm = users.body.value.find((u) => u.username === 'rm1')!;
    await h.call('users.update', { id: rm.id, role: 'kasir' }, admin);
    expect((await h.call('auth.me', {}, first.value.token)).status).toBe(401);

    const second = await login('rm1', 'rekam-rahasia');
    if (!second.ok) throw new Error(second.error.message);
    expect((await h.call('auth.logout', {}, second.value.token)).status).toBe(200);
    expect((await h.call('auth.me', {}, second.value.token)).status).toBe(401);

    const adminUser = users.body.value.find((u) => u.username === 'admin')!;
    const demote = await h.call('users.update', { id: adminUser.id, role: 'kasir' }, admin);
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({ error: { message: 'Harus tetap ada minimal satu administrator aktif.' } });

    await h.call('users.update', { id: rm.id, active: false }, admin);
    expect(await login('rm1', 'rekam-rahasia')).toMatchObject({ ok: false, error: { message: 'Akun ini dinonaktifkan. Hubungi administrator.' } });
  });

  it('changes the own password only with the old one', async () => {
    await h.call('users.create', { username: 'kasir2', fullName: 'Kasir Dua', role: 'kasir', password: 'kasir-lama-1' }, admin);
    const r = await login('kasir2', 'kasir-lama-1');
    if (!r.ok) throw new Error(r.error.message);
    const bad = await h.call('auth.changePassword', { oldPassword: 'keliru', newPassword: 'kasir-baru-1' }, r.value.token);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { fields: [{ path: 'oldPassword' }] } });
    const short = await h.call('auth.changePassword', { oldPassword: 'kasir-lama-1', newPassword: 'pendek' }, r.value.token);
    expect(short.body).toMatchObject({ error: { fields: [{ path: 'newPassword', message: 'Kata sandi minimal 8 karakter' }] } });
    expect((await h.call('auth.changePassword', { oldPassword: 'kasir-lama-1', newPassword: 'kasir-baru-1' }, r.value.token)).status).toBe(200);
    expect((await login('kasir2', 'kasir-baru-1')).ok).toBe(true);
  });

  it('never writes passwords or identifiers to the log', () => {
    const log = readFileSync(h.host.log.file, 'utf8');
    expect(log).toContain('gagal masuk');
    expect(log).not.toMatch(/rahasia|kasir-lama|salah-sandi/);
  });
});
