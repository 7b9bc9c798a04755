import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusters, type AgeGroup, type CountTable, type Recap, type Service, type Unit } from '../../src-main/contract';
import { insertRegions } from '../../src-main/db/repositories/regions';
import { durationStats, secondsBetween } from '../../src-main/domain/antrean';
import { minutesBetween, retrievalStats } from '../../src-main/domain/berkas';
import { defaultSharedSettings } from '../../src-main/domain/defaults';
import { ageGroupIndex, monthLabel } from '../../src-main/domain/laporan';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/**
 * The recap's SQL aggregation (packed visits per village and sex, wait and retrieval histograms
 * read from the indexes of migration 0018) against the plain per-visit computation it replaced:
 * every visit, ticket and folder request read one by one and counted with the domain functions
 * (ageGroupIndex, durationStats ∘ secondsBetween, retrievalStats ∘ minutesBetween). The data is
 * random but seeded (reproducible), and made to hit the edges: births exactly on an age-group
 * boundary (and a day either side, month ends, 29 February), a birth date after the visit,
 * cancelled visits and requests, merged patients, the turn of the year, waits and retrieval times
 * that round half up or run backwards, a cluster outside the list, and visit ids out of date order
 * (the retrieval query's fallback).
 */

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
/** A date shifted by whole months or years keeping the day number (31 March − 1 month = "31 February", clamped to the month's end). */
function shiftMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  return `${yy}-${pad(mm + 1)}-${pad(Math.min(Number(date.slice(8, 10)), last))}`;
}
const shiftDays = (date: string, days: number) => iso(Date.parse(date) + days * DAY);

const VILLAGES = ['33.02.12.2001', '33.02.12.2002', '33.02.12.2003', '33.02.12.2004', '33.02.12.2005'];

type Tab = Record<string, [number, number]>;
const tab = (t: CountTable): Tab => Object.fromEntries(t.rows.filter((r) => r.total > 0).map((r) => [r.key, [r.l, r.p]]));
function add(t: Tab, key: string, sex: string) {
  const c = (t[key] ??= [0, 0]);
  c[sex === 'L' ? 0 : 1]++;
}

describe('reports.recap: the SQL aggregation equals a per-visit computation on a randomized year', () => {
  let h: HttpHost;
  let admin: string;
  let units: Unit[];
  let services: Service[];

  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost({ now: () => new Date('2027-02-01T03:00:00Z') });
    await insertRegions(h.host.ctx.db, [
      { code: '33', parent_code: null, level: 1, name: 'JAWA TENGAH' },
      { code: '33.02', parent_code: '33', level: 2, name: 'KABUPATEN BANYUMAS' },
      { code: '33.02.12', parent_code: '33.02', level: 3, name: 'Sokaraja' },
      ...VILLAGES.map((code, i) => ({ code, parent_code: '33.02.12', level: 4, name: `Desa ${String.fromCharCode(65 + i)}` })),
    ]);
    // The data first, HTTP afterwards: a keep-alive connection left idle while the event loop is busy here is reset by the server.
    const { sqlite } = h.host.store;
    const unitIds = (sqlite.prepare('SELECT id FROM unit ORDER BY id').all() as { id: number }[]).map((u) => u.id);
    const serviceIds = (sqlite.prepare('SELECT id FROM service ORDER BY id').all() as { id: number }[]).map((u) => u.id);
    const rnd = random(20261123);
    const at = '2027-01-31T00:00:00.000Z';

    // Patients: random ages 0–95, and for boundary patients a birth date set from one visit date.
    const offsets: ((d: string) => string)[] = [
      ...[0, 1, 7, 8, 28, 29, 30, 31, 364, 365, 366].flatMap((n) => [(d: string) => shiftDays(d, -n), (d: string) => shiftDays(d, -n - 1)]),
      ...[1, 11, 12, 13].map((n) => (d: string) => shiftMonths(d, -n)),
      ...[1, 4, 5, 9, 10, 14, 15, 19, 20, 44, 45, 54, 55, 59, 60, 69, 70].flatMap((n) => [
        (d: string) => shiftMonths(d, -12 * n),
        (d: string) => shiftDays(shiftMonths(d, -12 * n), 1),
        (d: string) => shiftDays(shiftMonths(d, -12 * n), -1),
      ]),
      (d: string) => shiftDays(d, 3), // born "after" the visit: bad data counts as age 0
    ];
    const boundaryDates = ['2026-03-31', '2026-03-01', '2026-02-28', '2026-12-31', '2027-01-01', '2026-01-01', '2025-12-31'];
    const insertPatient = sqlite.prepare(
      `INSERT INTO patient (id, rm_number, name, name_key, sex, birth_date, payer_default, village_code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'umum', ?, '${at}', '${at}')`,
    );
    const insertVisit = sqlite.prepare(
      `INSERT INTO visit (visit_date, seq, registered_at, patient_id, payer, unit_id, cluster, emergency, kunjungan_baru, pasien_baru, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    const insertRequest = sqlite.prepare(
      `INSERT INTO folder_request (visit_id, patient_id, unit_id, requested_at, status, delivered_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertTicket = sqlite.prepare(
      `INSERT INTO queue_ticket (service_date, lane, service_id, unit_id, number, code, status, visit_id, issued_at, called_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    // One transaction: thousands of rows without a sync each.
    sqlite.exec('BEGIN');
    type Planned = { date: string; patientId: number };
    const planned: Planned[] = [];
    let patientId = 0;
    const newPatient = (birthDate: string) => {
      patientId++;
      const village = rnd.next() < 0.1 ? null : rnd.pick(VILLAGES);
      insertPatient.run(
        patientId,
        `R${String(patientId).padStart(6, '0')}`,
        `Pasien ${patientId}`,
        `pasien ${patientId}`,
        rnd.pick(['L', 'P']),
        birthDate,
        village,
      );
      return patientId;
    };
    for (const d of boundaryDates)
      for (const f of offsets) {
        planned.push({ date: d, patientId: newPatient(f(d)) });
        // Leap-day births meet non-leap visit years.
        if (d === '2026-02-28') planned.push({ date: d, patientId: newPatient(shiftMonths('2024-02-29', -48 * rnd.int(15))) });
      }
    const others = Array.from({ length: 300 }, () => newPatient(iso(Date.parse('2026-12-31') - rnd.int(95 * 365) * DAY)));
    // Merged patients: the duplicate keeps its visits, as before the change.
    sqlite.prepare(`UPDATE patient SET merged_into = ? WHERE id IN (?, ?, ?)`).run(others[0], others[1], others[2], others[3]);
    const start = Date.parse('2025-12-20');
    for (let i = 0; i < 2600; i++) planned.push({ date: iso(start + rnd.int(45 + 365) * DAY), patientId: rnd.pick(others) });

    // 2026 in date order (visit ids follow the date: the id range path); 2025 and 2027 afterwards, shuffled.
    const inYear = planned.filter((p) => p.date.startsWith('2026')).sort((a, b) => a.date.localeCompare(b.date));
    const outside = planned.filter((p) => !p.date.startsWith('2026')).sort(() => rnd.next() - 0.5);
    const seq = new Map<string, number>();
    const numbers = new Map<string, number>();
    const cls = [...clusters, 'klaster_lama'];
    for (const p of [...inYear, ...outside]) {
      const n = (seq.get(p.date) ?? 0) + 1;
      seq.set(p.date, n);
      const unit = rnd.pick(unitIds);
      const registered = Date.parse(`${p.date}T00:00:00Z`) + rnd.int(14 * 3600) * 1000 + rnd.int(1000) - 7 * 3600 * 1000;
      const visitId = Number(
        insertVisit.run(
          p.date,
          n,
          new Date(registered).toISOString(),
          p.patientId,
          rnd.pick(['bpjs', 'umum', 'asuransi_lain']),
          unit,
          rnd.next() < 0.02 ? 'klaster_lama' : rnd.pick(cls.slice(0, -1)),
          rnd.int(2),
          rnd.int(2),
          rnd.next() < 0.06 ? 'batal' : 'terdaftar',
        ).lastInsertRowid,
      );
      // Retrieval: some exactly on a half tenth of a minute (3 s), some backwards, some not delivered or cancelled.
      const status = rnd.pick(['menunggu', 'diambil', 'diterima_unit', 'diterima_unit', 'diterima_unit', 'batal'] as const);
      const took = rnd.pick([rnd.int(40 * 60_000), 6000 * rnd.int(200) + 3000, -rnd.int(120_000), rnd.int(600) * 1000]);
      insertRequest.run(
        visitId,
        p.patientId,
        rnd.next() < 0.9 ? unit : rnd.pick(unitIds),
        new Date(registered).toISOString(),
        status,
        status === 'diterima_unit' || (status === 'batal' && rnd.next() < 0.5) ? new Date(registered + took).toISOString() : null,
      );
      // Queue: the poli ticket, and for some a loket ticket; waits on half seconds, backwards, or never called.
      for (const lane of rnd.next() < 0.3 ? [`U${unit}`, `S${rnd.pick(serviceIds)}`] : [`U${unit}`]) {
        const k = `${p.date}/${lane}`;
        const number = (numbers.get(k) ?? 0) + 1;
        numbers.set(k, number);
        const wait = rnd.pick([rnd.int(3 * 3600_000), 1000 * rnd.int(900) + 500, -rnd.int(5000), null]);
        const service = lane.startsWith('S') ? Number(lane.slice(1)) : null;
        insertTicket.run(
          p.date,
          lane,
          service,
          service === null ? unit : null,
          number,
          `${lane}-${number}`,
          wait === null ? 'menunggu' : 'selesai',
          visitId,
          new Date(registered).toISOString(),
          wait === null ? null : new Date(registered + wait).toISOString(),
        );
      }
    }
    sqlite.exec('COMMIT');
    admin = await adminToken(h);
    units = await ok<Unit[]>('units.list', {});
    services = await ok<Service[]>('services.list', {});
  }, 60_000);
  afterAll(async () => h?.cleanup());

  /** The recap as the per-visit code computed it before migration 0018. */
  function expected(from: string, to: string, yearly: boolean, groups: readonly AgeGroup[], unitId?: number) {
    const { sqlite } = h.host.store;
    const visits = sqlite
      .prepare(
        `SELECT v.visit_date AS date, v.unit_id AS unitId, v.cluster, v.payer, p.sex, p.birth_date AS birthDate, p.village_code AS villageCode,
           v.kunjungan_baru AS kb, v.pasien_baru AS pb
         FROM visit v JOIN patient p ON p.id = v.patient_id
         WHERE v.visit_date BETWEEN ? AND ? AND v.status != 'batal' ${unitId === undefined ? '' : `AND v.unit_id = ${unitId}`}`,
      )
      .all(from, to) as {
      date: string;
      unitId: number;
      cluster: string;
      payer: string;
      sex: string;
      birthDate: string;
      villageCode: string | null;
      kb: number;
      pb: number;
    }[];
    const t = { time: {}, unit: {}, cluster: {}, payer: {}, sex: {}, age: {}, kunjungan: {}, pasien: {}, village: {} } as Record<string, Tab>;
    for (const v of visits) {
      add(t.time!, yearly ? v.date.slice(0, 7) : v.date, v.sex);
      add(t.unit!, String(v.unitId), v.sex);
      add(t.cluster!, v.cluster, v.sex);
      add(t.payer!, v.payer, v.sex);
      add(t.sex!, v.sex, v.sex);
      add(t.age!, String(ageGroupIndex(groups, v.birthDate, v.date)), v.sex);
      add(t.kunjungan!, v.kb ? 'baru' : 'lama', v.sex);
      add(t.pasien!, v.pb ? 'baru' : 'lama', v.sex);
      add(t.village!, v.villageCode ?? '-', v.sex);
    }
    const tickets = sqlite
      .prepare(
        `SELECT substr(service_date, 1, 7) AS month, lane, issued_at AS issued, called_at AS called FROM queue_ticket
         WHERE service_date BETWEEN ? AND ? ${unitId === undefined ? '' : `AND lane = 'U${unitId}'`}`,
      )
      .all(from, to) as { month: string; lane: string; issued: string; called: string | null }[];
    const lanes = new Map<string, { month: string; lane: string; issued: number; waits: number[] }>();
    for (const q of tickets) {
      const k = `${q.month}/${q.lane}`;
      if (!lanes.has(k)) lanes.set(k, { month: q.month, lane: q.lane, issued: 0, waits: [] });
      const g = lanes.get(k)!;
      g.issued++;
      if (q.called) g.waits.push(secondsBetween(q.issued, q.called));
    }
    const laneName = (lane: string) =>
      lane.startsWith('S')
        ? `Loket: ${services.find((s) => s.id === Number(lane.slice(1)))!.name}`
        : units.find((u) => u.id === Number(lane.slice(1)))!.name;
    const queueWaits = [...lanes.values()]
      .map((g) => ({ month: monthLabel(g.month), lane: laneName(g.lane), issued: g.issued, wait: durationStats(g.waits) }))
      .sort((a, b) => `${a.month}/${a.lane}`.localeCompare(`${b.month}/${b.lane}`));
    const requests = sqlite
      .prepare(
        `SELECT r.unit_id AS unitId, r.requested_at AS requested, r.delivered_at AS delivered FROM folder_request r JOIN visit v ON v.id = r.visit_id
         WHERE v.visit_date BETWEEN ? AND ? AND r.status != 'batal' ${unitId === undefined ? '' : `AND r.unit_id = ${unitId}`}`,
      )
      .all(from, to) as { unitId: number; requested: string; delivered: string | null }[];
    const perUnit = new Map<number, number[]>();
    let notDelivered = 0;
    for (const r of requests) {
      if (!r.delivered) notDelivered++;
      else perUnit.set(r.unitId, [...(perUnit.get(r.unitId) ?? []), minutesBetween(r.requested, r.delivered)]);
    }
    const retrieval = {
      overall: retrievalStats([...perUnit.values()].flat()),
      byUnit: Object.fromEntries([...perUnit].map(([u, minutes]) => [u, retrievalStats(minutes)])),
      notDelivered,
    };
    return { tables: t, visits: visits.length, queueWaits, retrieval };
  }

  async function check(input: { year: number; month?: number; unitId?: number }, groups: readonly AgeGroup[]) {
    const r = await ok<Recap>('reports.recap', input);
    const e = expected(r.period.from, r.period.to, input.month === undefined, groups, input.unitId);
    const got: Record<string, Tab> = {
      time: tab(r.byTime),
      unit: tab(r.byUnit),
      cluster: tab(r.byCluster),
      payer: tab(r.byPayer),
      sex: tab(r.bySex),
      age: tab(r.byAgeGroup),
      kunjungan: tab(r.byKunjungan),
      pasien: tab(r.byPasien),
      village: tab(r.byVillage),
    };
    expect(got, JSON.stringify(input)).toEqual(e.tables);
    expect(r.bySex.total.total).toBe(e.visits);
    expect(
      r.queueWaits
        .map((w) => ({ month: w.month, lane: w.lane, issued: w.issued, wait: w.wait }))
        .sort((a, b) => `${a.month}/${a.lane}`.localeCompare(`${b.month}/${b.lane}`)),
    ).toEqual(e.queueWaits);
    const { standardMinutes: _s, byUnit, ...overall } = r.retrieval;
    expect(overall).toEqual({ overall: e.retrieval.overall, notDelivered: e.retrieval.notDelivered });
    expect(Object.fromEntries(byUnit.map(({ unitId, unitName: _n, ...s }) => [unitId, s]))).toEqual(e.retrieval.byUnit);
    return { r, e };
  }

  it('a year, a month, one unit, and the year whose visit ids are out of date order', async () => {
    const groups = defaultSharedSettings.reports.ageGroups;
    const { r } = await check({ year: 2026 }, groups);
    // The data reaches what it is meant to: every age group, an unknown cluster, merged and cancelled visits.
    expect(r.byAgeGroup.rows.every((x) => x.total > 0)).toBe(true);
    expect(r.byCluster.rows.some((x) => x.key === 'klaster_lama' && x.total > 0)).toBe(true);
    expect(r.retrieval.notDelivered).toBeGreaterThan(0);
    await check({ year: 2026, month: 2 }, groups);
    await check({ year: 2026, month: 3 }, groups);
    await check({ year: 2026, month: 12 }, groups);
    await check({ year: 2026, unitId: units[1]!.id }, groups);
    await check({ year: 2025 }, groups);
    await check({ year: 2027, month: 1, unitId: units[0]!.id }, groups);
    await check({ year: 2024 }, groups); // nothing at all
  });

  it('with edited age groups (days up to a year, then years) and after visits are cancelled and a birth date corrected', async () => {
    const groups: AgeGroup[] = [
      { label: 'Neonatus', from: 0, to: 28, unit: 'hari' },
      { label: 'Bayi', from: 29, to: 365, unit: 'hari' },
      { label: 'Balita', from: 1, to: 4, unit: 'tahun' },
      { label: 'Lainnya', from: 5, to: null, unit: 'tahun' },
    ];
    await ok('settings.update', { reports: { ageGroups: groups } });
    await check({ year: 2026 }, groups);
    const { sqlite } = h.host.store;
    sqlite.exec(`UPDATE visit SET status = 'batal' WHERE id % 17 = 0`);
    sqlite.exec(`UPDATE patient SET birth_date = '2026-06-15', sex = 'L', village_code = NULL WHERE id % 13 = 0`);
    await check({ year: 2026 }, groups);
    await check({ year: 2026, month: 6 }, groups);
    await ok('settings.update', { reports: { ageGroups: defaultSharedSettings.reports.ageGroups } });
  });
});
