/**
 * Power cuts: the built host runs as its own process, three clerks register patients and visits
 * and a kiosk issues tickets over HTTP, and the process is killed with SIGKILL at a random moment.
 * After each kill: `PRAGMA integrity_check` is ok, every write the host acknowledged is there,
 * and nothing unacknowledged is half there (each patient has its folder, each visit its folder
 * request and poli ticket). `npm test` runs a few rounds; `npm run test:crash` runs 50.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../helpers/browser';
import { tempDir } from '../helpers/host';
import { startProcess, type RunningProcess } from '../helpers/process';

// `npm run test:crash` (or LOKET_CRASH_ROUNDS) asks for the full 50.
const ROUNDS = Number(process.env.LOKET_CRASH_ROUNDS ?? (process.env.npm_lifecycle_event === 'test:crash' ? 50 : 4));
const root = resolve(import.meta.dirname, '..', '..');
const urlLine = /Loket berjalan di (http:\/\/127\.0\.0\.1:\d+)/;

/** Names take letters only: a number written in letters (0 → a, 27 → bb). */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));

type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
async function post<T>(url: string, method: string, input: unknown, token?: string): Promise<Reply<T>> {
  const r = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return (await r.json()) as Reply<T>;
}

describe('crash test: SIGKILL at random moments loses nothing acknowledged', () => {
  const data = tempDir('loket-crash-');
  let running: RunningProcess | undefined;
  afterAll(async () => {
    await running?.stop('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  });

  it(`survives ${ROUNDS} kills`, { timeout: 60_000 + ROUNDS * 20_000 }, async () => {
    ensureRendererBuilt();
    const acknowledged = { patients: new Set<number>(), visits: new Set<number>(), tickets: new Set<number>() };
    let attempted = 0;
    let units: { id: number }[] = [];
    let serviceId = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      running = startProcess(process.execPath, [join(root, 'out', 'main', 'serve.js'), '--port', '0', '--data', data], root);
      const url = (await running.waitFor(urlLine, 30_000))[1]!;
      const login =
        round === 1
          ? await post<{ token: string }>(url, 'auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: 'rahasia-admin-1' })
          : await post<{ token: string }>(url, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' });
      if (!login.ok) throw new Error(login.error.message);
      const token = login.value.token;
      if (round === 1) {
        const u = await post<{ id: number; active: boolean }[]>(url, 'units.list', {}, token);
        const s = await post<{ id: number; active: boolean }[]>(url, 'services.list', {}, token);
        if (!u.ok || !s.ok) throw new Error('data referensi tidak terbaca');
        units = u.value.filter((x) => x.active).slice(0, 3);
        serviceId = s.value.find((x) => x.active)!.id;
      }

      let stop = false;
      const clerk = async (n: number) => {
        for (let i = 0; !stop; i++) {
          try {
            attempted++;
            const p = await post<{ patient: { id: number } }>(
              url,
              'patients.create',
              {
                ignoreSimilar: true,
                name: `Pasien ${letters(round * 100_000 + n * 10_000 + i)}`,
                birthDate: `19${50 + ((round + i) % 50)}-0${1 + (n % 9)}-1${i % 10}`,
                sex: i % 2 ? 'L' : 'P',
              },
              token,
            );
            if (!p.ok) throw new Error(p.error.message);
            acknowledged.patients.add(p.value.patient.id);
            attempted++;
            const v = await post<{ visit: { id: number } }>(
              url,
              'visits.register',
              { patientId: p.value.patient.id, payer: 'umum', unitId: units[i % units.length]!.id },
              token,
            );
            if (!v.ok) throw new Error(v.error.message);
            acknowledged.visits.add(v.value.visit.id);
          } catch (error) {
            if (stop) return;
            throw error;
          }
        }
      };
      const kiosk = async () => {
        while (!stop) {
          try {
            attempted++;
            const t = await post<{ ticket: { id: number } }>(url, 'queue.issueTicket', { serviceId });
            if (!t.ok) throw new Error(t.error.message);
            acknowledged.tickets.add(t.value.ticket.id);
          } catch (error) {
            if (stop) return;
            throw error;
          }
        }
      };
      const work = Promise.all([clerk(1), clerk(2), clerk(3), kiosk()]);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
      stop = true;
      running.child.kill('SIGKILL');
      await running.exited;
      await work;

      // Opening the file replays the WAL as the next start would.
      const db = new BetterSqlite3(join(data, 'loket.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true }), `putaran ${round}`).toBe('ok');
        const ids = (table: string) => new Set((db.prepare(`SELECT id FROM ${table}`).all() as { id: number }[]).map((r) => r.id));
        const [patients, visits, tickets] = [ids('patient'), ids('visit'), ids('queue_ticket')];
        for (const id of acknowledged.patients) expect(patients.has(id), `pasien ${id} putaran ${round}`).toBe(true);
        for (const id of acknowledged.visits) expect(visits.has(id), `kunjungan ${id} putaran ${round}`).toBe(true);
        for (const id of acknowledged.tickets) expect(tickets.has(id), `tiket ${id} putaran ${round}`).toBe(true);
        const count = (q: string) => (db.prepare(q).get() as { n: number }).n;
        // All or nothing: no patient without a folder, no visit without its folder request or poli ticket.
        expect(count(`SELECT count(*) AS n FROM patient p WHERE NOT EXISTS (SELECT 1 FROM folder_patient f WHERE f.patient_id = p.id)`)).toBe(0);
        expect(count(`SELECT count(*) AS n FROM visit v WHERE NOT EXISTS (SELECT 1 FROM folder_request r WHERE r.visit_id = v.id)`)).toBe(0);
        expect(count(`SELECT count(*) AS n FROM visit v WHERE NOT EXISTS (SELECT 1 FROM queue_ticket t WHERE t.visit_id = v.id)`)).toBe(0);
      } finally {
        db.close();
      }
    }
    const written = acknowledged.patients.size + acknowledged.visits.size + acknowledged.tickets.size;
    console.log(
      `uji putus daya: ${ROUNDS} kali SIGKILL, ${written} tulisan yang dikonfirmasi semuanya ada ` +
        `(${acknowledged.patients.size} pasien, ${acknowledged.visits.size} kunjungan, ${acknowledged.tickets.size} tiket), ` +
        `${attempted - written} permintaan terputus tanpa sisa setengah jadi, integrity_check ok`,
    );
    expect(written).toBeGreaterThan(ROUNDS);
  });
});
