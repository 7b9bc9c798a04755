/**
 * The idle lock screen is enforced by the host (#8): a locked session is refused every method
 * (423 LOCKED, nothing written) except unlocking, logging out and asking who is logged in. The
 * unlock password is checked like a login: wrong ones count toward the lockout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type SessionUser } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('session lock over HTTP', () => {
  let h: HttpHost;
  let admin: string;
  const clock = new Date('2026-11-23T01:00:00Z'); // 08.00 WIB
  const changes = () => (h.host.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const failures = () =>
    (h.host.store.sqlite.prepare("SELECT count(*) AS n FROM login_attempt WHERE username = 'petugas1' AND outcome = 'gagal'").get() as { n: number })
      .n;
  const login = async () => {
    const r = await h.call<{ token: string }>('auth.login', { username: 'petugas1', password: 'rahasia-petugas-1' });
    if (!r.body.ok) throw new Error(r.body.error.message);
    return r.body.value.token;
  };

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await h.call('users.create', { username: 'petugas1', fullName: 'Petugas Satu', role: 'pendaftaran', password: 'rahasia-petugas-1' }, admin);
  });
  afterAll(async () => h.cleanup());

  it('refuses every method of a locked session with 423 except unlock, logout and me; other sessions go on', async () => {
    const token = await login();
    const other = await login();
    expect((await h.call('auth.lock', {}, token)).status).toBe(200);
    const me = await h.call<SessionUser>('auth.me', {}, token);
    if (!me.body.ok) throw new Error(me.body.error.message);
    expect(me.body.value).toMatchObject({ username: 'petugas1', locked: true });

    const before = changes();
    let refused = 0;
    for (const method of methodNames) {
      const guard = contract[method].guard;
      if (guard === 'public' || ['auth.unlock', 'auth.logout', 'auth.me'].includes(method)) continue;
      const r = await h.call(method, {}, token);
      expect(r.status, method).toBe(423);
      if (!r.body.ok) expect(r.body.error).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/Layar terkunci/) as string });
      refused++;
    }
    expect(refused).toBeGreaterThan(100);
    expect(changes()).toBe(before);

    // The same user's other window is not locked by this one.
    expect((await h.call('patients.search', { query: 'Budi' }, other)).status).toBe(200);

    const opened = await h.call<SessionUser>('auth.unlock', { password: 'rahasia-petugas-1' }, token);
    expect(opened.status).toBe(200);
    if (!opened.body.ok) throw new Error(opened.body.error.message);
    expect(opened.body.value.locked).toBe(false);
    expect((await h.call('patients.search', { query: 'Budi' }, token)).status).toBe(200);

    // Logging out works while locked.
    await h.call('auth.lock', {}, other);
    expect((await h.call('auth.logout', {}, other)).status).toBe(200);
    expect((await h.call('auth.me', {}, other)).status).toBe(401);
  });

  it('a wrong unlock password is refused like a wrong login and counts toward the lockout', async () => {
    const token = await login();
    await h.call('auth.lock', {}, token);
    for (let i = 1; i <= 4; i++) {
      const r = await h.call('auth.unlock', { password: `salah-${i}` }, token);
      expect(r.status).toBe(401);
      if (!r.body.ok) expect(r.body.error.message).toBe('Nama pengguna atau kata sandi salah.');
    }
    expect(failures()).toBe(4);
    const fifth = await h.call('auth.unlock', { password: 'salah-5' }, token);
    if (fifth.body.ok) throw new Error('expected a refusal');
    expect(fifth.body.error.message).toMatch(/akun ini dikunci sampai pukul 08\.15/);
    // Locked out: even the right password neither unlocks the screen nor logs in.
    const right = await h.call('auth.unlock', { password: 'rahasia-petugas-1' }, token);
    expect(right.status).toBe(401);
    expect((await h.call('auth.login', { username: 'petugas1', password: 'rahasia-petugas-1' })).status).toBe(401);
    expect((await h.call('patients.search', { query: 'Budi' }, token)).status).toBe(423);

    // The administrator lifts the lockout; the right password opens the screen.
    const list = await h.call<{ id: number; username: string }[]>('users.list', {}, admin);
    if (!list.body.ok) throw new Error(list.body.error.message);
    const id = list.body.value.find((u) => u.username === 'petugas1')!.id;
    expect((await h.call('users.unlock', { id }, admin)).status).toBe(200);
    expect((await h.call('auth.unlock', { password: 'rahasia-petugas-1' }, token)).status).toBe(200);
    expect((await h.call('patients.search', { query: 'Budi' }, token)).status).toBe(200);
  });

  it('the idle time is a shared setting (default 10 minutes, 0 = never) every window reads without a login', async () => {
    const pub = await h.call<{ idleLockMinutes: number }>('settings.public', {}, null);
    expect(pub.body).toMatchObject({ ok: true, value: { idleLockMinutes: 10 } });
    for (const bad of [-1, 241, 2.5, '5']) {
      const r = await h.call('settings.update', { idleLockMinutes: bad }, admin);
      expect(r.status, String(bad)).toBe(400);
    }
    expect((await h.call('settings.update', { idleLockMinutes: 0 }, admin)).status).toBe(200);
    expect((await h.call('settings.public', {}, null)).body).toMatchObject({ ok: true, value: { idleLockMinutes: 0 } });
    expect((await h.call('settings.update', { idleLockMinutes: 10 }, await login())).status).toBe(403);
  });

  it('refuses an unlock without a session', async () => {
    expect((await h.call('auth.unlock', { password: 'rahasia-petugas-1' })).status).toBe(401);
  });
});
