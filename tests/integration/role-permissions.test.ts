/**
 * Permissions per role are data (#8): an administrator edits a role's rights and every open
 * session of that role is judged by the new rights on its very next call, over HTTP. The
 * administrator cannot lose the rights to this screen; unknown rights are refused; a refusal
 * writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, type RoleGrants, type SessionUser } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('roles.list / roles.update over HTTP', () => {
  let h: HttpHost;
  let admin: string;
  let kasir: string;
  const changes = () => (h.host.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const stored = (role: string) =>
    (
      h.host.store.sqlite.prepare('SELECT permission FROM role_permission WHERE role = ? ORDER BY permission').all(role) as { permission: string }[]
    ).map((r) => r.permission);
  const search = () => h.call('patients.search', { query: 'Budi' }, kasir);

  beforeAll(async () => {
    h = await httpHost({ now: () => new Date('2026-11-23T02:00:00Z') });
    admin = await adminToken(h);
    await h.call('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'rahasia-kasir-1' }, admin);
    const login = await h.call<{ token: string }>('auth.login', { username: 'kasir1', password: 'rahasia-kasir-1' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    kasir = login.body.value.token;
    await h.call('auth.me', {}, kasir); // the session's one slide per minute, before counting writes
    await h.call('auth.me', {}, admin);
  });
  afterAll(async () => h.cleanup());

  it('starts from the shipped defaults, listed with them', async () => {
    const r = await h.call<RoleGrants[]>('roles.list', {}, admin);
    if (!r.body.ok) throw new Error(r.body.error.message);
    for (const g of r.body.value) {
      expect(g.permissions, g.role).toEqual([...rolePermissions[g.role]].sort());
      expect(g.defaults, g.role).toEqual(g.permissions);
    }
    expect(stored('kasir')).toEqual([...rolePermissions.kasir].sort());
  });

  it('a granted right works on the next call of an open session; taking it back refuses the next call', async () => {
    expect((await search()).status).toBe(403);
    const granted = [...rolePermissions.kasir, 'pasien:view'];
    const r = await h.call<RoleGrants>('roles.update', { role: 'kasir', permissions: granted }, admin);
    expect(r.status).toBe(200);
    if (!r.body.ok) throw new Error(r.body.error.message);
    expect(r.body.value.permissions).toContain('pasien:view');
    expect(stored('kasir')).toContain('pasien:view');

    // Same token, no new login.
    expect((await search()).status).toBe(200);
    const me = await h.call<SessionUser>('auth.me', {}, kasir);
    if (!me.body.ok) throw new Error(me.body.error.message);
    expect(me.body.value.permissions).toContain('pasien:view');

    // Taking a default right away too: cashier work itself becomes forbidden.
    const back = await h.call('roles.update', { role: 'kasir', permissions: ['kunjungan:view'] }, admin);
    expect(back.status).toBe(200);
    expect((await search()).status).toBe(403);
    const day = await h.call('cashier.unpaid', {}, kasir);
    expect(day.status).toBe(403);
    if (!day.body.ok) expect(day.body.error.message).toMatch(/tidak berhak/);

    // "Kembalikan ke bawaan" sends the defaults back.
    const list = await h.call<RoleGrants[]>('roles.list', {}, admin);
    if (!list.body.ok) throw new Error(list.body.error.message);
    const defaults = list.body.value.find((g) => g.role === 'kasir')!.defaults;
    expect((await h.call('roles.update', { role: 'kasir', permissions: defaults }, admin)).status).toBe(200);
    expect(stored('kasir')).toEqual([...rolePermissions.kasir].sort());
    expect((await h.call('cashier.unpaid', {}, kasir)).status).toBe(200);
  });

  it('refuses to take the users-and-roles rights from the administrator, and writes nothing', async () => {
    const before = changes();
    const withoutUsers = [...rolePermissions.administrator].filter((p) => p !== 'pengguna:correction');
    const r = await h.call('roles.update', { role: 'administrator', permissions: withoutUsers }, admin);
    expect(r.status).toBe(409);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(/tidak dapat dicabut dari Administrator/);
    expect(changes()).toBe(before);
    expect(stored('administrator')).toEqual([...rolePermissions.administrator].sort());
    // Other administrator rights may go (and come back).
    const fewer = [...rolePermissions.administrator].filter((p) => p !== 'kasir:input');
    expect((await h.call('roles.update', { role: 'administrator', permissions: fewer }, admin)).status).toBe(200);
    expect((await h.call('cashier.pay', {}, admin)).status).toBe(403);
    expect((await h.call('roles.update', { role: 'administrator', permissions: [...rolePermissions.administrator] }, admin)).status).toBe(200);
  });

  it('refuses unknown rights and unknown roles with a clear message, and writes nothing', async () => {
    const before = changes();
    const r = await h.call('roles.update', { role: 'kasir', permissions: ['kasir:view', 'pasien:hapus'] }, admin);
    expect(r.status).toBe(400);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(/Hak akses tidak dikenal/);
    const role = await h.call('roles.update', { role: 'tamu', permissions: [] }, admin);
    expect(role.status).toBe(400);
    if (!role.body.ok) expect(role.body.error.message).toMatch(/Peran tidak dikenal/);
    expect(changes()).toBe(before);
    expect(stored('kasir')).toEqual([...rolePermissions.kasir].sort());
  });

  it('two edits at the same moment both take effect', async () => {
    const withPatients = [...rolePermissions.kasir, 'pasien:view'];
    const [a, b] = await Promise.all([
      h.call('roles.update', { role: 'kasir', permissions: withPatients }, admin),
      h.call('roles.update', { role: 'dokter', permissions: [...rolePermissions.dokter, 'kasir:view'] }, admin),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await search().then((r) => r.status)).toBe(200);
    const list = await h.call<RoleGrants[]>('roles.list', {}, admin);
    if (!list.body.ok) throw new Error(list.body.error.message);
    expect(list.body.value.find((g) => g.role === 'dokter')!.permissions).toContain('kasir:view');
    expect(list.body.value.find((g) => g.role === 'kasir')!.permissions).toContain('pasien:view');
    await h.call('roles.update', { role: 'kasir', permissions: [...rolePermissions.kasir] }, admin);
    await h.call('roles.update', { role: 'dokter', permissions: [...rolePermissions.dokter] }, admin);
  });

  it('only a role holding pengguna:correction may edit roles', async () => {
    const before = changes();
    const r = await h.call('roles.update', { role: 'kasir', permissions: [...rolePermissions.administrator] }, kasir);
    expect(r.status).toBe(403);
    expect((await h.call('roles.list', {}, kasir)).status).toBe(403);
    expect(changes()).toBe(before);
  });
});

describe('temporary passwords set by an administrator', () => {
  let h: HttpHost;
  let admin: string;
  beforeAll(async () => {
    h = await httpHost({ now: () => new Date('2026-11-23T02:00:00Z') });
    admin = await adminToken(h);
  });
  afterAll(async () => h.cleanup());
  const login = async (password: string) => {
    const r = await h.call<{ token: string; user: SessionUser }>('auth.login', { username: 'baru1', password });
    if (!r.body.ok) throw new Error(r.body.error.message);
    return r.body.value;
  };

  it('marks the user until they choose their own password; a reset can mark it again', async () => {
    const created = await h.call<{ id: number; mustChangePassword: boolean }>(
      'users.create',
      { username: 'baru1', fullName: 'Petugas Baru', role: 'pendaftaran', password: 'sementara-123', mustChangePassword: true },
      admin,
    );
    if (!created.body.ok) throw new Error(created.body.error.message);
    expect(created.body.value.mustChangePassword).toBe(true);
    const first = await login('sementara-123');
    expect(first.user.mustChangePassword).toBe(true);
    // Until then the host answers nothing else, whatever the client (not only the screens hold to it).
    const refused = await h.call('patients.search', { query: 'siti' }, first.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused.body)).toContain('kata sandi sementara');
    expect((await h.call('auth.changePassword', { oldPassword: 'sementara-123', newPassword: 'pilihan-sendiri-1' }, first.token)).status).toBe(200);
    const me = await h.call<SessionUser>('auth.me', {}, first.token);
    expect(me.body).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    expect((await h.call('patients.search', { query: 'siti' }, first.token)).status).toBe(200);

    // An edit without a new password leaves the flag alone.
    const id = created.body.value.id;
    expect((await h.call('users.update', { id, fullName: 'Petugas Baru Sekali', mustChangePassword: true }, admin)).status).toBe(200);
    expect((await login('pilihan-sendiri-1')).user.mustChangePassword).toBe(false);

    // Forgotten: the administrator sets a temporary one.
    expect((await h.call('users.update', { id, password: 'sementara-456', mustChangePassword: true }, admin)).status).toBe(200);
    expect((await h.call('auth.me', {}, first.token)).status).toBe(401);
    expect((await login('sementara-456')).user.mustChangePassword).toBe(true);
    const list = await h.call<{ username: string; mustChangePassword: boolean }[]>('users.list', {}, admin);
    if (!list.body.ok) throw new Error(list.body.error.message);
    expect(list.body.value.find((u) => u.username === 'baru1')!.mustChangePassword).toBe(true);
  });
});
