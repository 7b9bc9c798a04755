import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, listen, type RunningServer } from '../../src-main/http/server';
import { RateLimiter } from '../../src-main/http/rate-limit';
import { testHost } from '../helpers/host';

describe('request budgets per device', () => {
  it('allows a budget per minute, then refuses until the minute has passed; devices and budgets are separate', () => {
    let t = 0;
    const limiter = new RateLimiter(() => t);
    const budget = { name: 'uji', perMinute: 3 };
    for (let i = 0; i < 3; i++) expect(limiter.take(budget, '192.168.1.20')).toBe(true);
    expect(limiter.take(budget, '192.168.1.20')).toBe(false);
    expect(limiter.take(budget, '192.168.1.21')).toBe(true);
    expect(limiter.take({ name: 'lain', perMinute: 3 }, '192.168.1.20')).toBe(true);
    t = 60_001;
    expect(limiter.take(budget, '192.168.1.20')).toBe(true);
    // The host PC itself is not limited (unless asked, as below).
    for (let i = 0; i < 10; i++) expect(limiter.take(budget, '127.0.0.1')).toBe(true);
  });
});

describe('rate limits over HTTP (loopback treated as a LAN device)', () => {
  let host: Awaited<ReturnType<typeof testHost>>;
  let server: RunningServer;
  const post = async (method: string, input: unknown) => {
    const r = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: r.status, body: (await r.json()) as { ok: boolean; error?: { message: string } } };
  };
  beforeAll(async () => {
    host = await testHost();
    server = await listen(createHttpApp(host.ctx, host.dispatcher, { limitLoopback: true }), '127.0.0.1', 0);
  });
  afterAll(async () => {
    await server.close();
    await host.cleanup();
  });

  it('stops password guessing after 10 logins a minute with a clear message, and nothing else is limited', async () => {
    for (let i = 0; i < 10; i++) expect((await post('auth.login', { username: 'admin', password: `tebak-${i}` })).status).toBe(401);
    const blocked = await post('auth.login', { username: 'admin', password: 'tebak-lagi' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.message).toMatch(/Terlalu banyak permintaan dari perangkat ini/);
    expect((await post('auth.status', {})).status).toBe(200);
  });

  it('limits ticket issuing per device to 60 a minute', async () => {
    const services = host.ctx.db.selectFrom('service').select('id').where('active', '=', 1);
    const serviceId = (await services.executeTakeFirstOrThrow()).id;
    const statuses = await Promise.all(Array.from({ length: 61 }, () => post('queue.issueTicket', { serviceId }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    const issued = (
      await host.ctx.db
        .selectFrom('queue_ticket')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(issued)).toBe(60);
  });

  it('limits verification lookups, on the API and on the /verify page', async () => {
    for (let i = 0; i < 30; i++) expect((await fetch(`${server.url}/verify/TIDAKADA${i}`)).status).not.toBe(429);
    expect((await fetch(`${server.url}/verify/TIDAKADA`)).status).toBe(429);
    expect((await post('letters.verify', { code: 'TIDAKADA' })).status).toBe(429);
  });
});
