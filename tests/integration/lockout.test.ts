import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src-main/contract';
import { lockedUntil } from '../../src-main/domain/akses';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('lockout rule', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const ago = (min: number) => new Date(now.getTime() - min * 60_000).toISOString();
  it('locks after five failures within fifteen minutes, for fifteen minutes from the last', () => {
    expect(lockedUntil([ago(1), ago(2), ago(3), ago(4)], now)).toBeNull();
    expect(lockedUntil([ago(1), ago(2), ago(3), ago(4), ago(5)], now)?.toISOString()).toBe('2026-11-23T02:14:00.000Z');
    // Spread over more than the window: not locked.
    expect(lockedUntil([ago(1), ago(2), ago(3), ago(4), ago(16)], now)).toBeNull();
    // The lock has run out.
    expect(lockedUntil([ago(15), ago(15), ago(15), ago(15), ago(15)], now)).toBeNull();
  });
});

describe('login lockout over HTTP', () => {
  let h: HttpHost;
  let admin: string;
  let clock = new Date('2026-11-23T01:00:00Z'); // 08.00 WIB
  const login = (username: string, password: string) => h.call<{ token: string }>('auth.login', { username, password });

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await h.call('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'rahasia-kasir-1' }, admin);
  });
  afterAll(async () => h.cleanup());

  it('locks a name after five wrong passwords, even against the right one, until the time passes or an administrator unlocks it', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await login('kasir1', `salah-${i}`);
      expect(r.status).toBe(401);
      if (r.body.ok) throw new Error('expected a refusal');
      expect(r.body.error.message).toBe('Nama pengguna atau kata sandi salah.');
    }
    const fifth = await login('KASIR1', 'salah-5');
    if (fifth.body.ok) throw new Error('expected a refusal');
    expect(fifth.body.error.message).toMatch(/akun ini dikunci sampai pukul 08\.15/);
    const right = await login('kasir1', 'rahasia-kasir-1');
    expect(right.status).toBe(401);
    if (right.body.ok) throw new Error('expected a refusal');
    expect(right.body.error.message).toMatch(/dikunci sampai pukul 08\.15\. Coba lagi nanti, atau minta administrator membuka kuncinya/);
    const list = await h.call<User[]>('users.list', {}, admin);
    if (!list.body.ok) throw new Error(list.body.error.message);
    const kasir = list.body.value.find((u) => u.username === 'kasir1')!;
    expect(kasir.lockedUntil).toBe('2026-11-23T01:15:00.000Z');
    expect(list.body.value.find((u) => u.username === 'admin')!.lockedUntil).toBeNull();

    // Fifteen minutes later the name is free again.
    clock = new Date('2026-11-23T01:15:01Z');
    expect((await login('kasir1', 'rahasia-kasir-1')).status).toBe(200);

    // Locked again; the administrator unlocks it at once.
    for (let i = 1; i <= 5; i++) await login('kasir1', `salah-${i}`);
    expect((await login('kasir1', 'rahasia-kasir-1')).status).toBe(401);
    const unlocked = await h.call<User>('users.unlock', { id: kasir.id }, admin);
    expect(unlocked.status).toBe(200);
    expect((await login('kasir1', 'rahasia-kasir-1')).status).toBe(200);
    const rows = h.host.store.sqlite
      .prepare(`SELECT outcome, count(*) AS n FROM login_attempt WHERE username = 'kasir1' GROUP BY outcome ORDER BY outcome`)
      .all();
    expect(rows).toEqual([
      { outcome: 'berhasil', n: 2 },
      { outcome: 'dibuka', n: 1 },
      { outcome: 'gagal', n: 10 },
    ]);
  });

  it('lets only an administrator unlock, and says so', async () => {
    const kasir = await login('kasir1', 'rahasia-kasir-1');
    if (!kasir.body.ok) throw new Error(kasir.body.error.message);
    expect((await h.call('users.unlock', { id: 1 }, kasir.body.value.token)).status).toBe(403);
    expect((await h.call('users.unlock', { id: 9999 }, admin)).status).toBe(404);
  });
});
