import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, deviceScopeMethods, methodNames, type Counter, type DeviceScope, type Reply, type Service } from '../../src-main/contract';
import { createHttpApp, listen, type RunningServer } from '../../src-main/http/server';
import { DEVICE_COOKIE_MAX_AGE_S, NOT_PAIRED, REVOKED } from '../../src-main/http/devices';
import { PAIRING_MAX_WRONG, PAIRING_TTL_MS, WRONG_CODE } from '../../src-main/services/devices';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { openSse } from '../helpers/sse';

/**
 * LAN pairing over real HTTP (issue #8). Two servers share one host: `h` is the host PC itself
 * (loopback, trusted as before), `lan` treats the very same loopback as another PC on the LAN.
 */
describe('perangkat LAN: pemasangan, cakupan, pencabutan', () => {
  let clock = new Date('2026-11-23T02:00:00Z');
  let h: HttpHost;
  let lan: RunningServer;
  let admin: string;
  let services: Service[];

  interface Answer<T = unknown> {
    status: number;
    body: Reply<T>;
    headers: Headers;
  }

  async function lanCall<T = unknown>(method: string, input: unknown = {}, opts: { cookie?: string | null; token?: string; origin?: string } = {}) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (opts.cookie) headers.Cookie = `${DEVICE_COOKIE}=${opts.cookie}`;
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.origin) headers.Origin = opts.origin;
    const response = await fetch(`${lan.url}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return { status: response.status, body: (await response.json()) as Reply<T>, headers: response.headers } satisfies Answer<T>;
  }

  const pair = (code: unknown) => lanCall<{ id: number; name: string; scope: DeviceScope }>('pair', { code });

  async function ok<T>(method: string, input: unknown = {}): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  const startPairing = (scope: DeviceScope, name: string) =>
    ok<{ id: string; code: string; expiresAt: string; scope: DeviceScope }>('devices.startPairing', { scope, name });

  const deviceRows = () =>
    h.host.store.sqlite.prepare('SELECT * FROM device ORDER BY id').all() as {
      id: number;
      name: string;
      token_hash: string;
      last_seen_at: string | null;
    }[];

  /** Pairs a device and returns its token, read from the Set-Cookie header as a browser would keep it. */
  async function paired(scope: DeviceScope, name = `Perangkat ${scope}`) {
    const { code } = await startPairing(scope, name);
    const r = await pair(code);
    expect(r.status).toBe(200);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!;
    return {
      id: (r.body as { value: { id: number } }).value.id,
      token: cookie.slice(DEVICE_COOKIE.length + 1).split(';')[0]!,
      setCookie: cookie,
      body: r.body,
    };
  }

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    lan = await listen(createHttpApp(h.host.ctx, h.host.dispatcher, { lanFromLoopback: true }), '127.0.0.1', 0);
    services = await ok<Service[]>('services.list');
  });
  afterAll(async () => {
    await lan.close();
    await h.cleanup();
  });

  it('tanpa perangkat terpasang: API tertutup (401 dengan kode khusus), halaman, verifikasi surat dan pemasangan terbuka', async () => {
    const r = await lanCall('queue.board');
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ ok: false, error: { code: 'DEVICE_UNPAIRED', message: NOT_PAIRED } });
    expect((await fetch(`${lan.url}/api/health`)).status).toBe(401);
    expect((await fetch(`${lan.url}/api/events`)).status).toBe(401);
    expect((await fetch(`${lan.url}/voice/chime`)).status).toBe(401);
    // Public letter verification stays public (an unknown code: 404 page, not 401).
    expect((await fetch(`${lan.url}/verify/ABCDEF`)).status).toBe(404);
    // The host PC itself (the default server) is unchanged: no device needed.
    expect((await h.call('queue.board', {})).status).toBe(200);
  });

  it('memasangkan layar: kode sekali pakai → cookie HttpOnly SameSite=Strict; token tidak pernah di badan jawaban atau URL', async () => {
    const start = await startPairing('display', 'TV ruang tunggu');
    expect(start.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(Date.parse(start.expiresAt) - clock.getTime()).toBe(PAIRING_TTL_MS);
    expect((await ok<{ pending: { id: string }[] }>('devices.list')).pending.map((p) => p.id)).toContain(start.id);

    // Typed in lower case with a space: still the code.
    const r = await pair(`${start.code.slice(0, 3).toLowerCase()} ${start.code.slice(3)}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, value: { id: expect.any(Number) as number, name: 'TV ruang tunggu', scope: 'display' } });
    const cookies = r.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const attrs = cookies[0]!.split(';').map((s) => s.trim());
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`]));
    const token = attrs[0]!.slice(DEVICE_COOKIE.length + 1);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(r.body)).not.toContain(token);
    expect(r.headers.get('location')).toBeNull();
    // Only the hash is stored.
    const row = deviceRows().at(-1)!;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(deviceRows())).not.toContain(token);

    const board = await lanCall('queue.board', {}, { cookie: token });
    expect(board.status).toBe(200);
    const list = await ok<{ devices: { name: string; scope: string; pairedBy: string; revokedAt: string | null }[]; pending: { id: string }[] }>(
      'devices.list',
    );
    expect(list.devices[0]).toMatchObject({ name: 'TV ruang tunggu', scope: 'display', pairedBy: 'Admin Puskesmas', revokedAt: null });
    expect(list.pending.map((p) => p.id)).not.toContain(start.id);

    // Single use: the same code again is refused and pairs nothing.
    const before = deviceRows().length;
    const again = await pair(start.code);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: WRONG_CODE } });
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(deviceRows()).toHaveLength(before);
  });

  it('kode salah ditolak; setelah 5 kali salah kode yang menunggu hangus; kode kedaluwarsa setelah 5 menit', async () => {
    const before = deviceRows().length;
    const waiting = await startPairing('kiosk', 'Kios depan');
    for (let i = 0; i < PAIRING_MAX_WRONG; i++) {
      const r = await pair(i === 0 ? 'bukan kode' : 'CCCCCC');
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: WRONG_CODE } });
    }
    const burnt = await pair(waiting.code);
    expect(burnt.status).toBe(400);
    expect((await ok<{ pending: unknown[] }>('devices.list')).pending).toEqual([]);

    const late = await startPairing('kiosk', 'Kios depan');
    clock = new Date(clock.getTime() + PAIRING_TTL_MS + 1000);
    const expired = await pair(late.code);
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({ ok: false, error: { message: WRONG_CODE } });
    expect(deviceRows()).toHaveLength(before);
    // Not a JSON body at all.
    const junk = await fetch(`${lan.url}/api/pair`, { method: 'POST', body: '{code' });
    expect(junk.status).toBe(400);
  });

  it('paling banyak 5 kode menunggu; membatalkan kode membuatnya tidak berlaku', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await startPairing('display', `TV ${i + 1}`));
    const sixth = await h.call('devices.startPairing', { scope: 'display', name: 'TV 6' }, admin);
    expect(sixth.status).toBe(409);
    for (const c of codes) expect((await h.call('devices.cancelPairing', { id: c.id }, admin)).status).toBe(200);
    expect((await pair(codes[0]!.code)).status).toBe(400);
    expect((await ok<{ pending: unknown[] }>('devices.list')).pending).toEqual([]);
  });

  it('layar: setiap metode di luar cakupannya ditolak 403 (juga dengan sesi admin), peristiwanya tanpa data pasien', async () => {
    const tv = await paired('display', 'TV poli');
    const allowed = new Set<string>(deviceScopeMethods.display);
    for (const method of methodNames) {
      const r = await lanCall(method, {}, { cookie: tv.token, token: admin });
      if (allowed.has(method)) {
        expect(r.status, method).not.toBe(403);
        continue;
      }
      expect(r.status, method).toBe(403);
      expect(r.body, method).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('Layar ruang tunggu') as string },
      });
    }
    // The voice clips the display plays are allowed.
    expect((await fetch(`${lan.url}/voice/chime`, { headers: { Cookie: `${DEVICE_COOKIE}=${tv.token}` } })).status).not.toBe(401);

    // Its event stream carries public events only, even with an administrator's session attached.
    const stream = openSse(`${lan.url}/api/events`, { Cookie: `${DEVICE_COOKIE}=${tv.token}`, Authorization: `Bearer ${admin}` });
    await stream.waitFor((m) => m.event === 'hello');
    const adminStream = openSse(`${h.url}/api/events`, { Authorization: `Bearer ${admin}` });
    await adminStream.waitFor((m) => m.event === 'hello');
    await ok('patients.create', { ignoreSimilar: true, name: 'Wulan Sekarwangi', birthDate: '1990-02-02', sex: 'P' });
    await ok('queue.issueTicket', { serviceId: services[0]!.id });
    await adminStream.waitFor((m) => m.event === 'patients.changed');
    await stream.waitFor((m) => m.event === 'queue.changed');
    await adminStream.close();
    await stream.close();
    expect(stream.messages.map((m) => m.event)).not.toContain('patients.changed');
    expect(JSON.stringify(stream.messages)).not.toMatch(/Wulan|Sekarwangi|patientId/);
  });

  it('kios: boleh mengambil nomor dan karcis, tidak boleh membaca pasien atau memutar suara', async () => {
    const kiosk = await paired('kiosk', 'Kios pintu masuk');
    const issued = await lanCall<{ ticket: { id: number; code: string } }>(
      'queue.issueTicket',
      { serviceId: services[0]!.id },
      { cookie: kiosk.token },
    );
    expect(issued.status).toBe(200);
    if (!issued.body.ok) throw new Error(issued.body.error.message);
    const ticket = await lanCall('documents.queueTicket', { ticketId: issued.body.value.ticket.id }, { cookie: kiosk.token });
    expect(ticket.status).toBe(200);
    for (const method of ['patients.search', 'patients.get', 'visits.register', 'register.day', 'queue.callNext', 'devices.list']) {
      const r = await lanCall(method, {}, { cookie: kiosk.token, token: admin });
      expect(r.status, method).toBe(403);
      expect(r.body, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Kios tiket') as string } });
    }
    expect((await fetch(`${lan.url}/voice/chime`, { headers: { Cookie: `${DEVICE_COOKIE}=${kiosk.token}` } })).status).toBe(403);
  });

  it('loket: seluruh API, tetapi tetap perlu masuk sebagai pengguna', async () => {
    const counter = await paired('counter', 'Loket 2');
    const noLogin = await lanCall('patients.search', { query: 'wulan' }, { cookie: counter.token });
    expect(noLogin.status).toBe(401);
    expect(noLogin.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = await lanCall<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' }, { cookie: counter.token });
    expect(login.status).toBe(200);
    if (!login.body.ok) throw new Error(login.body.error.message);
    const counters = await lanCall<Counter[]>('counters.list', {}, { cookie: counter.token, token: login.body.value.token });
    expect(counters.status).toBe(200);
    expect((await lanCall('patients.search', { query: 'wulan' }, { cookie: counter.token, token: login.body.value.token })).status).toBe(200);
  });

  it('perangkat yang dicabut ditolak 401 dan alirannya diputus; last_seen_at ditulis paling sering semenit sekali', async () => {
    const tv = await paired('display', 'TV lama');
    const seen = () => deviceRows().find((d) => d.id === tv.id)!.last_seen_at;
    const first = seen();
    clock = new Date(clock.getTime() + 30_000);
    await lanCall('queue.board', {}, { cookie: tv.token });
    expect(seen()).toBe(first);
    clock = new Date(clock.getTime() + 31_000);
    await lanCall('queue.board', {}, { cookie: tv.token });
    expect(seen()).toBe(clock.toISOString());

    const stream = openSse(`${lan.url}/api/events`, { Cookie: `${DEVICE_COOKIE}=${tv.token}` });
    await stream.waitFor((m) => m.event === 'hello');
    const revoked = await ok<{ revokedAt: string; revokedBy: string }>('devices.revoke', { id: tv.id });
    expect(revoked).toMatchObject({ revokedAt: clock.toISOString(), revokedBy: 'Admin Puskesmas' });
    const r = await lanCall('queue.board', {}, { cookie: tv.token });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ ok: false, error: { code: 'DEVICE_UNPAIRED', message: REVOKED } });
    const events = await fetch(`${lan.url}/api/events`, { headers: { Cookie: `${DEVICE_COOKIE}=${tv.token}` } });
    expect(events.status).toBe(401);
    // The open stream ended by itself (close() only waits for the reader to finish).
    await stream.close();
    // Revoking twice: refused, the first revocation stays.
    expect((await h.call('devices.revoke', { id: tv.id }, admin)).status).toBe(409);
    // Renaming keeps it listed under the new name.
    expect((await ok<{ name: string }>('devices.rename', { id: tv.id, name: 'TV lama (gudang)' })).name).toBe('TV lama (gudang)');
  });

  const corsHeaders = (r: Response) =>
    ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-allow-credentials'].filter(
      (name) => r.headers.has(name),
    );

  it('CORS tertutup: Origin lain ditolak 403 tanpa header Access-Control, preflight tanpa izin', async () => {
    const kiosk = await paired('kiosk', 'Kios B');
    const foreign = await lanCall('queue.board', {}, { cookie: kiosk.token, origin: 'http://penipu.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const pairing = await fetch(`${lan.url}/api/pair`, { method: 'POST', headers: { Origin: 'null' }, body: '{"code":"CCCCCC"}' });
    expect(pairing.status).toBe(403);
    const same = await lanCall('queue.board', {}, { cookie: kiosk.token, origin: lan.url });
    expect(same.status).toBe(200);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${lan.url}/api/queue.issueTicket`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://penipu.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(corsHeaders(preflight)).toEqual([]);
    const plain = await fetch(`${lan.url}/api/queue.issueTicket`, { method: 'OPTIONS' });
    expect(plain.status).toBe(204);
    expect(corsHeaders(plain)).toEqual([]);
  });

  it('hak: hanya pengelola pengguna yang boleh memasangkan dan mencabut perangkat', async () => {
    await ok('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'rahasia-kasir-1' });
    const login = await h.call<{ token: string }>('auth.login', { username: 'kasir1', password: 'rahasia-kasir-1' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const kasir = login.body.value.token;
    for (const [method, input] of [
      ['devices.startPairing', { scope: 'counter', name: 'Loket liar' }],
      ['devices.list', {}],
      ['devices.revoke', { id: 1 }],
    ] as const) {
      expect((await h.call(method, input, kasir)).status, method).toBe(403);
    }
  });
});

describe('perangkat LAN: batas percobaan kode', () => {
  it('10 percobaan kode per menit per alamat, lalu 429', async () => {
    const h = await httpHost();
    const lan = await listen(createHttpApp(h.host.ctx, h.host.dispatcher, { lanFromLoopback: true, limitLoopback: true }), '127.0.0.1', 0);
    try {
      const statuses = [];
      for (let i = 0; i < 11; i++) {
        const r = await fetch(`${lan.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code: 'CCCCCC' }) });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await lan.close();
      await h.cleanup();
    }
  });

  it('batas nomor antrean dihitung per perangkat, bukan per alamat: dua kios di balik satu alamat', async () => {
    const h = await httpHost();
    const admin = await adminToken(h);
    const lan = await listen(createHttpApp(h.host.ctx, h.host.dispatcher, { lanFromLoopback: true, limitLoopback: true }), '127.0.0.1', 0);
    try {
      const kiosk = async (name: string) => {
        const start = await h.call<{ code: string }>('devices.startPairing', { scope: 'kiosk', name }, admin);
        if (!start.body.ok) throw new Error(start.body.error.message);
        const r = await fetch(`${lan.url}/api/pair`, { method: 'POST', body: JSON.stringify({ code: start.body.value.code }) });
        return r.headers.getSetCookie()[0]!.split(';')[0]!;
      };
      const [a, b] = [await kiosk('Kios A'), await kiosk('Kios B')];
      const services = await h.call<Service[]>('services.list');
      if (!services.body.ok) throw new Error(services.body.error.message);
      const serviceId = services.body.value[0]!.id;
      const issue = async (cookie: string) =>
        (await fetch(`${lan.url}/api/queue.issueTicket`, { method: 'POST', headers: { Cookie: cookie }, body: JSON.stringify({ serviceId }) }))
          .status;
      const fromA = [];
      for (let i = 0; i < 61; i++) fromA.push(await issue(a));
      expect(fromA.filter((s) => s === 200)).toHaveLength(60);
      expect(fromA[60]).toBe(429);
      expect(await issue(b)).toBe(200);
    } finally {
      await lan.close();
      await h.cleanup();
    }
  });
});
