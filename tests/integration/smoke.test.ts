import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('smoke', () => {
  let h: HttpHost;
  beforeAll(async () => {
    h = await httpHost();
  });
  afterAll(async () => h.cleanup());

  it('health and login', async () => {
    const health: unknown = await fetch(`${h.url}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
    const token = await adminToken(h);
    const units = await h.call('units.list', {}, token);
    expect(units.status).toBe(200);
    const me = await h.call('auth.me', {}, token);
    expect(me.body).toMatchObject({ ok: true, value: { username: 'admin', role: 'administrator' } });
    expect((await h.call('auth.me', {})).status).toBe(401);
  });
});
