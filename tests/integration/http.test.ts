import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src-main/http/server';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { openSse } from '../helpers/sse';

describe('HTTP transport', () => {
  let h: HttpHost;
  let admin: string;
  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${h.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}`, ...headers },
      body,
    });
  const unitCount = async () => {
    const r = await h.call<unknown[]>('units.list', {}, admin);
    return r.body.ok ? r.body.value.length : -1;
  };

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
  });
  afterAll(async () => h.cleanup());

  it('health answers without a session', async () => {
    const r = await fetch(`${h.url}/api/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', version: expect.any(String) as string, schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('malformed JSON, unknown methods, wrong types and unknown fields are refused and change nothing', async () => {
    const before = await unitCount();
    const bad = await post('units.save', '{"code": "X", ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Isi permintaan bukan JSON yang sah.' } });

    const unknown = await h.call('units.hapusSemua', {}, admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('tidak dikenal') as string } });

    const wrong = await h.call('units.save', { code: 12, name: '', cluster: 'klaster9' }, admin);
    expect(wrong.status).toBe(400);
    if (wrong.body.ok) throw new Error('expected refusal');
    expect(wrong.body.error.fields?.map((f) => f.path).sort()).toEqual(['cluster', 'code', 'name']);
    expect(wrong.body.error.fields?.find((f) => f.path === 'name')?.message).toBe('Wajib diisi');

    const extra = await h.call('units.save', { code: 'BARU', name: 'Unit Baru', cluster: 'klaster3', dropTable: true }, admin);
    expect(extra.status).toBe(400);
    expect(await unitCount()).toBe(before);
  });

  it('oversized bodies get 413', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const r = await post('patients.search', big);
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('401 without a session, 403 without the permission, 409 on a duplicate', async () => {
    expect((await h.call('units.save', { code: 'X', name: 'X', cluster: 'klaster3' })).status).toBe(401);
    expect((await h.call('units.save', { code: 'X', name: 'X', cluster: 'klaster3' }, 'token-palsu')).status).toBe(401);
    const created = await h.call('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'kasir-rahasia' }, admin);
    expect(created.status).toBe(200);
    const login = await h.call<{ token: string }>('auth.login', { username: 'KASIR1', password: 'kasir-rahasia' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const kasir = login.body.value.token;
    const forbidden = await h.call('users.list', {}, kasir);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Anda tidak berhak melihat data pengguna.' } });
    const dup = await h.call('units.save', { code: 'UMUM', name: 'Poli Umum Lagi', cluster: 'klaster3' }, admin);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'code' }] } });
  });

  it('a bug becomes a 500 with a plain sentence, never a stack trace', async () => {
    h.host.store.sqlite.exec('ALTER TABLE facility RENAME TO facility_hilang');
    try {
      const r = await h.call('facilities.list', {}, admin);
      expect(r.status).toBe(500);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const text = JSON.stringify(r.body);
      expect(text).not.toMatch(/at |\.ts:|SQLITE|facility/);
    } finally {
      h.host.store.sqlite.exec('ALTER TABLE facility_hilang RENAME TO facility');
    }
  });

  it('unknown API paths and methods other than POST are refused in JSON', async () => {
    const r = await fetch(`${h.url}/api/units.list`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('sets security headers and no CORS allowance', async () => {
    const r = await fetch(`${h.url}/api/health`, { headers: { Origin: 'http://jahat.example' } });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('streams events over SSE: public ones to everybody, private ones only with a session, resumable by Last-Event-ID', async () => {
    const anonymous = openSse(`${h.url}/api/events`);
    const staff = openSse(`${h.url}/api/events`, { Authorization: `Bearer ${admin}` });
    await anonymous.waitFor((m) => m.event === 'hello');
    await staff.waitFor((m) => m.event === 'hello');
    await h.call('users.create', { username: 'dokter1', fullName: 'dr. Satu', role: 'dokter', password: 'dokter-rahasia' }, admin);
    await h.call('settings.update', { runningText: 'Antrean dibuka pukul 07.30' }, admin);
    const changed = await anonymous.waitFor((m) => m.event === 'settings.changed');
    await staff.waitFor((m) => m.event === 'settings.changed');
    expect(staff.messages.some((m) => m.event === 'users.changed')).toBe(true);
    expect(anonymous.messages.some((m) => m.event === 'users.changed')).toBe(false);
    expect(JSON.parse(changed.data)).toMatchObject({ name: 'settings.changed', payload: { keys: ['runningText'] } });
    await anonymous.close();

    // Reconnect with the last id seen: what happened in between is replayed.
    await h.call('settings.update', { runningText: 'Terlewat' }, admin);
    const resumed = openSse(`${h.url}/api/events`, { 'Last-Event-ID': changed.id! });
    const missed = await resumed.waitFor((m) => m.event === 'settings.changed');
    expect(Number(missed.id!.split('-')[1])).toBeGreaterThan(Number(changed.id!.split('-')[1]));
    await resumed.close();

    // An id from another boot cannot be resumed: the client is told to reload.
    const stale = openSse(`${h.url}/api/events`, { 'Last-Event-ID': 'bootlama-41' });
    await stale.waitFor((m) => m.event === 'system.resync');
    await stale.close();
    await staff.close();
  });
});
