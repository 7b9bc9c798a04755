/**
 * Authorisation lives in the host, not in the screens (#8): for every role and every method,
 * over HTTP, a role without the method's permission gets 403 and nothing is written; a role with
 * it is never refused for permission. Without a session every non-public method answers 401; the
 * public ones (kiosk and waiting-room display) carry no patient data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, roleHas, roles, type Role } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const skipped = new Set(['auth.logout']);

describe('authorisation per role over HTTP', () => {
  let h: HttpHost;
  const tokens = new Map<Role, string>();
  const changes = () => (h.host.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  beforeAll(async () => {
    h = await httpHost({ now: () => new Date('2026-11-23T02:00:00Z') });
    const admin = await adminToken(h);
    tokens.set('administrator', admin);
    for (const role of roles.filter((r) => r !== 'administrator')) {
      const username = `peran-${role.replace(/_/g, '-')}`;
      const created = await h.call('users.create', { username, fullName: `Petugas ${role}`, role, password: 'rahasia-peran-1' }, admin);
      expect(created.status).toBe(200);
      const login = await h.call<{ token: string }>('auth.login', { username, password: 'rahasia-peran-1' });
      if (!login.body.ok) throw new Error(login.body.error.message);
      tokens.set(role, login.body.value.token);
      await h.call('settings.get', {}, login.body.value.token); // the session's one slide per minute
    }
  });
  afterAll(async () => h.cleanup());

  for (const role of roles) {
    it(`${role}: forbidden methods answer 403 and write nothing; allowed ones are not refused for permission`, async () => {
      const token = tokens.get(role)!;
      let forbidden = 0;
      for (const method of methodNames.filter((m) => !skipped.has(m))) {
        const guard = contract[method].guard;
        if (guard === 'public' || guard === 'session') continue;
        const before = changes();
        const r = await h.call(method, {}, token);
        if (roleHas(role, guard)) {
          expect(r.status, `${role} ${method} (${guard})`).not.toBe(403);
        } else {
          forbidden++;
          expect(r.status, `${role} ${method} (${guard})`).toBe(403);
          if (!r.body.ok) expect(r.body.error.message).toMatch(/hak|izin|akses/i);
          expect(changes(), `${role} ${method}`).toBe(before);
        }
      }
      if (role !== 'administrator') expect(forbidden).toBeGreaterThan(0);
    });
  }

  it('without a session every non-public method answers 401; public methods expose no patient data', async () => {
    const created = await h.call(
      'patients.create',
      { ignoreSimilar: true, name: 'Rahasia Pasien', birthDate: '1970-01-01', sex: 'P' },
      tokens.get('administrator'),
    );
    expect(created.status).toBe(200);
    for (const method of methodNames) {
      const r = await h.call(method, {}, null);
      if (contract[method].guard === 'public') {
        expect(JSON.stringify(r.body), method).not.toContain('Rahasia Pasien');
      } else expect(r.status, method).toBe(401);
    }
  });
});
