/**
 * Antrean (queue), the three figures of issue #4:
 *
 * 1. In-process `queue.issueTicket` + `queue.callNext` through the dispatcher (validation,
 *    session, one write transaction each) with 50 tickets already waiting, against a bare
 *    INSERT + UPDATE in one Kysely transaction on the same database (baseline).
 * 2. 50 display clients on SSE (`GET /api/events`) of the real headless host (`serve.js`, its own
 *    process): from the moment `queue.callNext` is posted to each client reading `queue.called`;
 *    next to it a plain HTTP round trip (`GET /api/health`), 50 at once, to the same host.
 * 3. 200 parallel `queue.issueTicket` requests over HTTP: the batch's wall time, and a check that
 *    the 200 numbers are distinct and consecutive.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startHost } from '../src-main/app/host';
import type { Reply } from '../src-main/contract';
import { collect, dataPath, defineBench, formatMs, stats, time, type Case } from './harness';
import { as, unwrap } from './session';
import { startServer } from './process';

const WAITING = 50;
const CLIENTS = 50;
const PARALLEL = 200;

async function post<T>(url: string, method: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  }).catch((error: unknown) => {
    throw new Error(`${method}: ${String((error as Error).cause ?? error)}`);
  });
  return unwrap<T>((await response.json()) as Reply<unknown>, method);
}

/** A POST on its own connection, as 200 separate kiosks would send it (no shared keep-alive pool). */
function postFresh<T>(url: string, method: string, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = request(
      `${url}/api/${method}`,
      { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(unwrap<T>(JSON.parse(text) as Reply<unknown>, method));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', (error) => reject(new Error(`${method}: ${error.message}`)));
    req.end(body);
  });
}

/** One display: a raw SSE connection that notes when each `queue.called` arrives (ticket id → ms). */
function display(url: string): Promise<{ calls: Map<number, number>; waiters: Set<() => void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const calls = new Map<number, number>();
    const waiters = new Set<() => void>();
    const req = request(`${url}/api/events`, { agent: false, headers: { Accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (!block.includes('event: queue.called')) continue;
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          const event = JSON.parse(data!.slice(5)) as { payload: { ticketId: number } };
          calls.set(event.payload.ticketId, performance.now());
          for (const w of waiters) w();
        }
      });
      resolve({ calls, waiters, close: () => req.destroy() });
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.end();
  });
}

export default defineBench({
  name: 'queue',
  description: 'issue+call in-process vs a bare INSERT+UPDATE; 50 SSE displays vs an HTTP round trip; 200 parallel issues over HTTP',
  async run(env) {
    const cases: Case[] = [];
    const notes: string[] = [];
    const scratch = dataPath(env, 'tmp');

    // 1. In-process.
    const dir = join(scratch, 'queue-inprocess');
    rmSync(dir, { recursive: true, force: true });
    const host = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    try {
      const { token } = unwrap<{ token: string }>(
        await host.dispatcher.invoke('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: 'rahasia-bench-1' }, as(null)),
        'setupAdmin',
      );
      const services = unwrap<{ id: number; code: string }[]>(await host.dispatcher.invoke('services.list', {}, as(null)), 'services');
      const counters = unwrap<{ id: number; number: number }[]>(await host.dispatcher.invoke('counters.list', {}, as(null)), 'counters');
      const serviceId = services.find((s) => s.code === 'UMUM')!.id;
      const counterId = counters.find((c) => c.number === 1)!.id;
      for (let i = 0; i < WAITING; i++) unwrap(await host.dispatcher.invoke('queue.issueTicket', { serviceId }, as(null)), 'issue');

      await sql`CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, status TEXT NOT NULL, at TEXT NOT NULL)`.execute(host.ctx.db);
      const runs = env.runs(300);
      env.log(`baseline INSERT+UPDATE: ${runs} runs`);
      cases.push({
        label: 'bare INSERT + UPDATE, one transaction (baseline)',
        baseline: true,
        samples: await collect(
          runs,
          () =>
            time(() =>
              host.ctx.db.transaction().execute(async (trx) => {
                const at = new Date().toISOString();
                const { id } = await trx
                  .insertInto('bench_scratch' as never)
                  .values({ status: 'menunggu', at } as never)
                  .returning('id' as never)
                  .executeTakeFirstOrThrow();
                await sql`UPDATE bench_scratch SET status = 'dipanggil', at = ${at} WHERE id = ${id}`.execute(trx);
              }),
            ),
          { warmup: 20 },
        ),
      });

      const issueOnly: number[] = [];
      const callOnly: number[] = [];
      const issueAndCall = () =>
        collect(
          runs,
          async (i) => {
            const a = performance.now();
            unwrap(await host.dispatcher.invoke('queue.issueTicket', { serviceId }, as(null)), 'issue');
            const b = performance.now();
            const called = unwrap<{ ticket: unknown }>(await host.dispatcher.invoke('queue.callNext', { counterId }, as(token)), 'callNext');
            const c = performance.now();
            if (!called.ticket) throw new Error('callNext called nobody');
            if (i >= 0) {
              issueOnly.push(b - a);
              callOnly.push(c - b);
            }
            return c - a;
          },
          { warmup: 20 },
        );
      env.log(`issueTicket + callNext in-process: ${runs} runs, ${WAITING} waiting`);
      const both = await issueAndCall();
      cases.push({ label: `issueTicket + callNext, in-process (${WAITING} waiting)`, samples: both });
      cases.push({ label: '  of which issueTicket', samples: [...issueOnly] });
      cases.push({ label: '  of which callNext', samples: [...callOnly] });
      const p95 = stats(both).p95;
      notes.push(`target: in-process issue + call p95 ≤ 5 ms — measured ${formatMs(p95)}: ${p95 <= 5 ? 'MET' : 'NOT MET'}`);
      notes.push(
        'each issue + call commits twice with synchronous = FULL (the issue, the call; the session is touched at most once a minute), the baseline once',
      );

      // Diagnostic: the same with commits that do not wait for the disk (WAL + synchronous = NORMAL).
      host.store.sqlite.pragma('synchronous = NORMAL');
      env.log('diagnostic with synchronous = NORMAL');
      issueOnly.length = 0;
      callOnly.length = 0;
      cases.push({ label: 'issueTicket + callNext, synchronous = NORMAL (diagnostic: no fsync per commit)', samples: await issueAndCall() });
      host.store.sqlite.pragma('synchronous = FULL');

      // Diagnostic: what the audit trail's triggers cost (they are dropped on this scratch copy only).
      const triggers = host.store.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'")
        .all() as { name: string }[];
      for (const t of triggers) host.store.sqlite.exec(`DROP TRIGGER "${t.name}"`);
      env.log(`diagnostic without the ${triggers.length} audit triggers`);
      issueOnly.length = 0;
      callOnly.length = 0;
      cases.push({ label: 'issueTicket + callNext, audit triggers dropped (diagnostic: their cost)', samples: await issueAndCall() });
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }

    // 2 and 3: the real headless host in its own process.
    const serveDir = join(scratch, 'queue-serve');
    rmSync(serveDir, { recursive: true, force: true });
    mkdirSync(serveDir, { recursive: true });
    const server = await startServer([env.serveEntry, '--host', '127.0.0.1', '--port', '0', '--data', serveDir]);
    const displays: Awaited<ReturnType<typeof display>>[] = [];
    try {
      const url = server.url;
      const { token } = await post<{ token: string }>(url, 'auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: 'rahasia-bench-1' });
      const services = await post<{ id: number; code: string }[]>(url, 'services.list', {});
      const counters = await post<{ id: number; number: number }[]>(url, 'counters.list', {});
      const serviceId = services.find((s) => s.code === 'UMUM')!.id;
      const kiaId = services.find((s) => s.code === 'KIA')!.id;
      const counterId = counters.find((c) => c.number === 1)!.id;

      const rounds = env.runs(20);
      env.log(`HTTP round trip: ${rounds} rounds × ${CLIENTS} at once`);
      const pings: number[] = [];
      await collect(rounds, async (i) => {
        const lat = await Promise.all(Array.from({ length: CLIENTS }, () => time(() => fetch(`${url}/api/health`).then((r) => r.text()))));
        if (i >= 0) pings.push(...lat);
        return Math.max(...lat);
      });
      cases.push({ label: `GET /api/health round trip, ${CLIENTS} at once (reference for SSE)`, samples: pings });

      env.log(`SSE: ${CLIENTS} displays, ${rounds} calls`);
      for (let i = 0; i < CLIENTS; i++) displays.push(await display(url));
      await new Promise((r) => setTimeout(r, 200));
      const deliveries: number[] = [];
      await collect(rounds, async (i) => {
        await post(url, 'queue.issueTicket', { serviceId }, undefined);
        const started = performance.now();
        const { ticket } = await post<{ ticket: { id: number } | null }>(url, 'queue.callNext', { counterId }, token);
        if (!ticket) throw new Error('callNext called nobody');
        await Promise.all(
          displays.map(
            (d) =>
              new Promise<void>((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error('a display did not receive the call within 5 s')), 5000);
                const check = () => {
                  if (!d.calls.has(ticket.id)) return;
                  clearTimeout(timer);
                  d.waiters.delete(check);
                  resolve();
                };
                d.waiters.add(check);
                check();
              }),
          ),
        );
        const lat = displays.map((d) => d.calls.get(ticket.id)! - started);
        if (i >= 0) deliveries.push(...lat);
        return Math.max(...lat);
      });
      cases.push({ label: `callNext posted → queue.called at each of ${CLIENTS} SSE displays`, samples: deliveries });
      const sseP95 = stats(deliveries).p95;
      notes.push(
        `target: a call reaches ${CLIENTS} SSE displays, p95 ≤ 100 ms on loopback — measured ${formatMs(sseP95)}: ${sseP95 <= 100 ? 'MET' : 'NOT MET'} ` +
          `(median ${(stats(deliveries).median / stats(pings).median).toFixed(1)}× the HTTP round trip's)`,
      );

      const batches = env.runs(5);
      env.log(`${PARALLEL} parallel issueTicket over HTTP: ${batches} batches`);
      let checked = 0;
      const batchTimes = await collect(batches, async () => {
        let numbers: number[] = [];
        const ms = await time(async () => {
          const replies = await Promise.all(
            Array.from({ length: PARALLEL }, () => postFresh<{ ticket: { number: number } }>(url, 'queue.issueTicket', { serviceId: kiaId })),
          );
          numbers = replies.map((r) => r.ticket.number).sort((a, b) => a - b);
        });
        const first = numbers[0]!;
        if (new Set(numbers).size !== PARALLEL || numbers.some((n, k) => n !== first + k))
          throw new Error(`${PARALLEL} parallel issues: numbers not distinct and consecutive (${numbers.join(',')})`);
        checked++;
        return ms;
      });
      cases.push({ label: `${PARALLEL} parallel issueTicket over HTTP (whole batch)`, samples: batchTimes });
      notes.push(`${PARALLEL} parallel issueTicket: ${checked} batches, each ${PARALLEL} distinct consecutive numbers (checked)`);
    } finally {
      for (const d of displays) d.close();
      await server.stop();
      rmSync(serveDir, { recursive: true, force: true });
    }

    notes.push('one write transaction per issue and per call; SQLite serialises them on the host’s single connection');
    notes.push('SSE and HTTP figures: the bench process holds all clients; the host is the built serve.js in its own process');
    return { title: 'Antrean: issue + call, SSE fan-out to displays, parallel issuing', cases, notes };
  },
});
