/**
 * Hostile input (#8): every HTTP method gets generated malformed, oversized and injection
 * inputs (fast-check). Never a 500, never a stack trace or a file path in the reply, and a refused
 * call writes nothing (SQLite's total_changes() on the host's own connection does not move).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

// Calls that end the admin's own session or would be slow by design are left out of the loop.
const skipped = new Set(['auth.logout', 'auth.lock']);
const injections = [
  "' OR 1=1 --",
  '"; DROP TABLE patient; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\u0000\u0001\u001f',
  '%00%27',
  '${process.exit()}',
  '{{7*7}}',
  '🙂'.repeat(50),
  'A'.repeat(70_000),
];
const injection = fc.constantFrom(...injections);
/** Objects whose values are injections, with keys the contract uses (so they reach the validators). */
const commonKeys = [
  'id',
  'patientId',
  'visitId',
  'unitId',
  'serviceId',
  'folderId',
  'query',
  'code',
  'name',
  'date',
  'from',
  'to',
  'file',
  'reason',
  'year',
  'month',
];
const hostileObject = fc.dictionary(
  fc.constantFrom(...commonKeys),
  fc.oneof(injection, fc.integer(), fc.double(), fc.constant(null), fc.array(injection, { maxLength: 3 })),
  {
    maxKeys: 4,
  },
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileObject);

describe('hostile input on every HTTP method', () => {
  let h: HttpHost;
  let admin: string;
  const changes = () => (h.host.store.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const clock = new Date('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    // The first authenticated call slides the session once (a write of its own); do it before counting.
    await h.call('settings.get', {}, admin);
  });
  afterAll(async () => h.cleanup());

  async function probe(method: string, body: string): Promise<void> {
    const before = changes();
    const response = await fetch(`${h.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body,
    });
    const text = await response.text();
    expect(response.status, `${method} ${body.slice(0, 120)} → ${text.slice(0, 300)}`).not.toBeGreaterThanOrEqual(500);
    expect(text, method).not.toMatch(/\bat .+\.(ts|js|mjs):\d+|node_modules|SqliteError|TypeError|ReferenceError/);
    const reply = JSON.parse(text) as { ok: boolean };
    if (!reply.ok) expect(changes(), `${method} ditolak tetapi menulis sesuatu: ${body.slice(0, 120)}`).toBe(before);
  }

  const methods = methodNames.filter((m) => !skipped.has(m));

  it(`refuses generated JSON and injection strings cleanly (${methods.length} methods)`, { timeout: 240_000 }, async () => {
    for (const method of methods) {
      await fc.assert(
        fc.asyncProperty(anyJson, async (input) => probe(method, JSON.stringify(input))),
        { numRuns: 6 },
      );
    }
  });

  it('refuses broken JSON, wrong types at the top and oversized bodies', { timeout: 240_000 }, async () => {
    const broken = ['', '{', '{"a":', 'null', '[]', '"teks"', '123', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}'];
    const big = JSON.stringify({ query: 'x'.repeat(1100 * 1024) });
    for (const method of methods) {
      for (const body of broken) await probe(method, body);
      await probe(method, big);
    }
    // Nothing reached the tables through the prototype keys.
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers an unknown method and a non-JSON content type without a 500', async () => {
    const unknown = await fetch(`${h.url}/api/tidak.ada`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(unknown.status).toBe(404);
    const form = await fetch(`${h.url}/api/patients.search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${admin}` },
      body: 'query=a',
    });
    expect(form.status).toBeLessThan(500);
  });
});
