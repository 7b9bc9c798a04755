import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  Counter,
  OutputOf,
  PatientRecord,
  QueueCall,
  QueueStatsRow,
  QueueTicket,
  Service,
  SharedSettings,
  Unit,
  Visit,
} from '../../src-main/contract';
import { seedDemoData } from '../../src-main/app/demo';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';
import { openSse } from '../helpers/sse';

type Issued = OutputOf<'queue.issueTicket'>;
type Called = OutputOf<'queue.callNext'>;
type State = OutputOf<'queue.state'>;
type Board = OutputOf<'queue.board'>;

const MINUTE = 60_000;

describe('antrean (queue)', () => {
  let h: HttpHost;
  let admin: string;
  // Tests move it; each starts at 08:00 WIB on its own day from Tuesday 24 November 2026.
  let clock = new Date('2026-11-23T01:00:00.000Z');
  let day = 0;
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  let services: Map<string, Service>;
  let counters: Map<number, Counter>;
  let units: Map<string, Unit>;

  async function ok<T>(method: string, input: unknown = {}, token: string | null = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function refused(method: string, input: unknown, status: number, message: RegExp, token: string | null = admin) {
    const r = await h.call(method, input, token);
    expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(status);
    if (r.body.ok) throw new Error(`${method} diterima`);
    expect(r.body.error.message).toMatch(message);
    return r.body.error;
  }
  const issue = (code: string, priority?: string) =>
    ok<Issued>('queue.issueTicket', { serviceId: services.get(code)!.id, ...(priority ? { priority } : {}) }, null);
  const callNext = (place: { counter: number } | { unit: string }) =>
    ok<Called>('queue.callNext', 'counter' in place ? { counterId: counterByNumber(place.counter).id } : { unitId: units.get(place.unit)!.id });
  const counterByNumber = (n: number) => [...counters.values()].find((c) => c.number === n)!;
  const count = (sql: string) => (h.host.store.sqlite.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    services = new Map((await ok<Service[]>('services.list')).map((s) => [s.code, s]));
    counters = new Map((await ok<Counter[]>('counters.list')).map((c) => [c.id, c]));
    units = new Map((await ok<Unit[]>('units.list')).map((u) => [u.code, u]));
  });
  afterAll(async () => h.cleanup());
  beforeEach(async () => {
    // Each test starts on a fresh local day at 08:00 WIB so numbers restart; sessions idle out after 12 h.
    // Two days apart: the WIT test ends on the next local day.
    clock = new Date(Date.UTC(2026, 10, 24 + 2 * day++, 1, 0));
    admin = (await ok<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' }, null)).token;
  });

  it('issues A001, A002… with people ahead and an estimate, and the board shows the counts', async () => {
    const first = await issue('UMUM');
    expect(first.ticket).toMatchObject({ code: 'A001', number: 1, status: 'menunggu', laneName: 'Umum / BPJS', priority: null });
    expect(first).toMatchObject({ waitingAhead: 0, estimatedWaitMinutes: 0, puskesmasName: 'Puskesmas', timeZone: 'Asia/Jakarta' });
    const second = await issue('UMUM');
    const third = await issue('UMUM');
    // Loket 1 and 2 serve UMUM: 5 minutes per patient (default) shared by two places.
    expect([second.ticket.code, second.waitingAhead, second.estimatedWaitMinutes]).toEqual(['A002', 1, 3]);
    expect([third.ticket.code, third.waitingAhead, third.estimatedWaitMinutes]).toEqual(['A003', 2, 5]);
    const kia = await issue('KIA');
    expect(kia.ticket.code).toBe('C001');

    const board = await ok<Board>('queue.board', {}, null);
    const umum = board.services.find((s) => s.serviceId === services.get('UMUM')!.id)!;
    expect(umum).toMatchObject({ issued: 3, waiting: 3, prefix: 'A', full: false, estimatedWaitMinutes: 8 });
    expect(board.calls).toEqual([]);
  });

  it('a kiosk asking again with the same request id gets the same ticket, never a second one', async () => {
    const umum = services.get('UMUM')!.id;
    const tap = { serviceId: umum, requestId: 'kios1-7f3a9c2e4b' };
    const first = await ok<Issued>('queue.issueTicket', tap, null);
    // The answer was lost on the way back; the kiosk sends the same tap again (also after a host restart).
    const again = await ok<Issued>('queue.issueTicket', tap, null);
    expect(again.ticket).toEqual(first.ticket);
    expect(again.waitingAhead).toBe(first.waitingAhead);
    expect(count(`select count(*) n from queue_ticket where service_date = '${first.ticket.date}'`)).toBe(1);
    expect((await ok<Issued>('queue.issueTicket', { serviceId: umum, requestId: 'kios1-8e1b2d3c4a' }, null)).ticket.code).toBe('A002');
    // The same id for another service, and malformed ids, are refused with nothing issued.
    await refused('queue.issueTicket', { ...tap, serviceId: services.get('KIA')!.id }, 400, /sudah dipakai/);
    await refused('queue.issueTicket', { serviceId: umum, requestId: 'pendek' }, 400, /8–64/);
    await refused('queue.issueTicket', { serviceId: umum, requestId: "x'; drop table queue_ticket; --" }, 400, /8–64/);
    expect(count(`select count(*) n from queue_ticket where service_date = '${first.ticket.date}'`)).toBe(2);
  });

  it('calls across a counter’s services in arrival order, priority first, and never to a counter without the service', async () => {
    const a1 = await issue('UMUM');
    advance(MINUTE);
    const c1 = await issue('KIA');
    advance(MINUTE);
    const a2 = await issue('UMUM', 'lansia');
    // Loket 3 serves KIA only.
    const atThree = await callNext({ counter: 3 });
    expect(atThree.ticket?.code).toBe(c1.ticket.code);
    expect(atThree.call).toMatchObject({
      placeKind: 'loket',
      placeLabel: 'Loket 3',
      counterNumber: 3,
      announcement: 'Nomor antrean C satu, silakan menuju loket tiga',
      recall: false,
    });
    expect(atThree.call!.clips).toEqual(['bel', 'nomor-antrean', 'huruf-c', 'satu', 'silakan-menuju', 'loket', 'tiga']);
    const nobodyForThree = await callNext({ counter: 3 });
    expect(nobodyForThree).toEqual({ ticket: null, call: null, message: 'Tidak ada antrean yang menunggu.' });
    // The lansia ticket came later but goes first (policy 'dahulukan').
    expect((await callNext({ counter: 1 })).ticket?.id).toBe(a2.ticket.id);
    expect((await callNext({ counter: 2 })).ticket?.id).toBe(a1.ticket.id);
    // Loket 1 calling again finishes its current ticket.
    await issue('UMUM');
    await callNext({ counter: 1 });
    expect((await ok<{ ticket: QueueTicket }>('queue.hold', { ticketId: a1.ticket.id })).ticket.status).toBe('ditahan');
    const a2Now = (await ok<State>('queue.state', {})).held.concat((await ok<State>('queue.state', {})).inProgress);
    expect(a2Now.find((t) => t.id === a2.ticket.id)).toBeUndefined();

    await refused('queue.callNext', { counterId: 999 }, 400, /Loket tidak ditemukan/);
    const bare = await ok<Counter>('counters.save', { number: 9, name: 'Loket 9', serviceIds: [] });
    await refused('queue.callNext', { counterId: bare.id }, 400, /Loket 9 belum melayani layanan apa pun/);
    await refused('queue.callNext', { counterId: 1, unitId: 1 }, 400, /tepat satu/);
    await refused('queue.issueTicket', { serviceId: 999 }, 400, /Layanan antrean tidak ditemukan/, null);
    // Recalling an UMUM ticket from loket 3 (KIA only) is refused and changes nothing.
    const before = count(`SELECT count(*) AS n FROM queue_event`);
    await refused('queue.recall', { ticketId: a1.ticket.id, counterId: counterByNumber(3).id }, 400, /Loket 3 tidak melayani layanan Umum \/ BPJS/);
    expect(count(`SELECT count(*) AS n FROM queue_event`)).toBe(before);
  });

  it('runs the state machine: recall, skip, hold, finish, transfer — and refuses what is not allowed', async () => {
    const t = (await issue('UMUM')).ticket;
    const loket2 = counterByNumber(2).id;
    await refused('queue.finish', { ticketId: t.id }, 409, /A001 belum dipanggil; tidak bisa diselesaikan/);
    await callNext({ counter: 2 });
    const skipped = await ok<{ ticket: QueueTicket }>('queue.skip', { ticketId: t.id });
    expect(skipped.ticket).toMatchObject({ status: 'dilewati', counterNumber: 2 });
    await refused('queue.hold', { ticketId: t.id }, 409, /berstatus dilewati \(tidak hadir\); tidak bisa ditahan\. Panggil ulang dulu/);
    advance(2 * MINUTE);
    const recalled = await ok<{ ticket: QueueTicket; call: QueueCall }>('queue.recall', { ticketId: t.id });
    expect(recalled.ticket.status).toBe('dipanggil');
    expect(recalled.call).toMatchObject({ recall: true, placeLabel: 'Loket 2', code: 'A001' });
    // The first call's time stays; the latest call starts the service time.
    expect(recalled.ticket.calledAt).not.toBe(recalled.ticket.lastCalledAt);
    await ok('queue.hold', { ticketId: t.id });
    await ok('queue.recall', { ticketId: t.id, counterId: loket2 });
    const finished = await ok<{ ticket: QueueTicket }>('queue.finish', { ticketId: t.id });
    expect(finished.ticket).toMatchObject({ status: 'selesai' });
    const eventsBefore = count(`SELECT count(*) AS n FROM queue_event WHERE ticket_id = ${t.id}`);
    await refused('queue.finish', { ticketId: t.id }, 409, /A001 sudah selesai dilayani; tidak bisa diselesaikan lagi/);
    await refused('queue.recall', { ticketId: t.id }, 409, /sudah selesai dilayani/);
    await refused('queue.transfer', { ticketId: t.id, toServiceId: services.get('KIA')!.id }, 409, /sudah selesai dilayani/);
    expect(count(`SELECT count(*) AS n FROM queue_event WHERE ticket_id = ${t.id}`)).toBe(eventsBefore);
    await refused('queue.skip', { ticketId: 99999 }, 404, /Tiket antrean tidak ditemukan/);

    // Transfer a called ticket to the KIA line: a new C ticket continues it.
    const u = (await issue('UMUM')).ticket;
    await callNext({ counter: 1 });
    const moved = await ok<{ from: QueueTicket; ticket: QueueTicket }>('queue.transfer', { ticketId: u.id, toServiceId: services.get('KIA')!.id });
    expect(moved.from.status).toBe('dialihkan');
    expect(moved.ticket).toMatchObject({ code: 'C001', status: 'menunggu', transferredFromId: u.id, transferredFromCode: 'A002' });
    await refused('queue.transfer', { ticketId: moved.ticket.id, toServiceId: services.get('KIA')!.id }, 400, /sudah berada di antrean Ibu dan Anak/);
    await refused('queue.recall', { ticketId: u.id }, 409, /sudah dialihkan/);

    // …and to a poli: refused while the unit is inactive or closed, with nothing changed.
    const gigi = units.get('GIGI')!;
    await ok('units.save', { ...gigi, active: false });
    const ticketsBefore = count(`SELECT count(*) AS n FROM queue_ticket`);
    await refused(
      'queue.transfer',
      { ticketId: moved.ticket.id, toUnitId: gigi.id },
      400,
      /Tidak bisa dialihkan: Poli Gigi dan Mulut sedang tidak aktif/,
    );
    await ok('units.save', { ...gigi, active: true });
    const lateDay = clock;
    clock = new Date(clock.getTime() + 6 * 60 * MINUTE + 30 * MINUTE); // 14:30 WIB, after closing at 14:00
    await refused('queue.transfer', { ticketId: moved.ticket.id, toUnitId: gigi.id }, 400, /sudah tutup \(layanan sampai pukul 14:00\)/);
    expect(count(`SELECT count(*) AS n FROM queue_ticket`)).toBe(ticketsBefore);
    expect((await ok<State>('queue.state', {})).waiting.map((w) => w.id)).toContain(moved.ticket.id);
    clock = lateDay;
    const toPoli = await ok<{ from: QueueTicket; ticket: QueueTicket }>('queue.transfer', { ticketId: moved.ticket.id, toUnitId: gigi.id });
    expect(toPoli.ticket).toMatchObject({ code: 'G001', unitId: gigi.id, laneName: 'Poli Gigi dan Mulut' });
    const poli = await callNext({ unit: 'GIGI' });
    expect(poli.call).toMatchObject({
      placeKind: 'unit',
      placeLabel: 'Poli Gigi dan Mulut',
      unitCode: 'GIGI',
      counterId: null,
      announcement: 'Nomor antrean G satu, silakan menuju poli gigi dan mulut',
    });
    expect(poli.call!.clips.slice(-2)).toEqual(['silakan-menuju', 'unit-gigi']);
    await refused(
      'queue.recall',
      { ticketId: toPoli.ticket.id, counterId: counterByNumber(1).id },
      400,
      /antrean Poli Gigi dan Mulut; panggil dari unit itu/,
    );
  });

  it('refuses issuing past the daily cap with nothing changed', async () => {
    const prioritas = services.get('PRIORITAS')!;
    await ok('services.save', { ...prioritas, dailyCap: 2 });
    await issue('PRIORITAS');
    await issue('PRIORITAS');
    const before = count(`SELECT count(*) AS n FROM queue_ticket`);
    const error = await refused(
      'queue.issueTicket',
      { serviceId: prioritas.id },
      409,
      /Kuota antrean Lansia, Disabilitas, Ibu Hamil hari ini \(2 nomor\) sudah habis/,
      null,
    );
    expect(error.fields).toEqual([{ path: 'serviceId', message: 'Kuota harian habis' }]);
    expect(count(`SELECT count(*) AS n FROM queue_ticket`)).toBe(before);
    const board = await ok<Board>('queue.board', {}, null);
    expect(board.services.find((s) => s.serviceId === prioritas.id)).toMatchObject({ issued: 2, full: true, dailyCap: 2 });
    await ok('services.save', { ...prioritas, dailyCap: null });
    expect((await issue('PRIORITAS')).ticket.code).toBe('B003');
    await ok('services.save', { ...prioritas, active: false });
    await refused('queue.issueTicket', { serviceId: prioritas.id }, 400, /Layanan Lansia, Disabilitas, Ibu Hamil sedang tidak aktif/, null);
    await ok('services.save', { ...prioritas, active: true });
  });

  it('200 parallel issueTicket requests over HTTP get 200 distinct consecutive numbers', async () => {
    const serviceId = services.get('UMUM')!.id;
    const replies = await Promise.all(Array.from({ length: 200 }, () => ok<Issued>('queue.issueTicket', { serviceId }, null)));
    const numbers = replies.map((r) => r.ticket.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_v, i) => i + 1));
    expect(new Set(replies.map((r) => r.ticket.code)).size).toBe(200);
  });

  it('two counters calling next at the same moment never get the same ticket', async () => {
    for (let i = 0; i < 60; i++) await issue(i % 3 === 0 ? 'KIA' : 'UMUM');
    const seen: number[] = [];
    for (let round = 0; round < 40; round++) {
      const [one, two] = await Promise.all([callNext({ counter: 1 }), callNext({ counter: 2 })]);
      for (const r of [one, two]) if (r.ticket) seen.push(r.ticket.id);
    }
    expect(seen.length).toBe(60);
    expect(new Set(seen).size).toBe(60);
    expect(count(`SELECT count(*) AS n FROM queue_event WHERE kind = 'called' AND ticket_id IN (${seen.join(',')})`)).toBe(60);
  });

  it('numbers restart at local midnight in the configured zone (WIT), and yesterday’s tickets are closed', async () => {
    // 23:50 WIT = 14:50 UTC.
    clock = new Date(`${clock.toISOString().slice(0, 10)}T14:50:00.000Z`);
    admin = (await ok<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' }, null)).token;
    await ok('settings.update', { timeZone: 'Asia/Jayapura' });
    try {
      const late = await issue('UMUM');
      await issue('UMUM');
      clock = new Date(clock.getTime() + 15 * MINUTE); // 00:05 WIT, still 15:05 UTC the same UTC day
      const early = await issue('UMUM');
      expect(early.ticket.code).toBe('A001');
      expect(early.ticket.date > late.ticket.date).toBe(true);
      await refused('queue.skip', { ticketId: late.ticket.id }, 409, new RegExp(`antrean tanggal ${late.ticket.date}; antrean sudah berganti hari`));
      // Loket 1 calls today's ticket, not yesterday's waiting one.
      expect((await callNext({ counter: 1 })).ticket?.id).toBe(early.ticket.id);
    } finally {
      await ok('settings.update', { timeZone: 'Asia/Jakarta' });
    }
  });

  it('a registered visit joins its unit queue; a called loket ticket is linked and finished', async () => {
    const patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        ignoreSimilar: true,
        name: 'Sutarmi Rahayu',
        birthDate: '1950-02-14',
        sex: 'P',
        nik: '3302125402500001',
      })
    ).patient;
    const loket = (await issue('UMUM', 'lansia')).ticket;
    await refused(
      'visits.register',
      { patientId: patient.id, payer: 'umum', unitId: units.get('LANSIA')!.id, queueTicketId: loket.id },
      400,
      /A001 berstatus menunggu: panggil dulu sebelum mendaftarkan/,
    );
    expect(count(`SELECT count(*) AS n FROM visit WHERE patient_id = ${patient.id}`)).toBe(0);
    await callNext({ counter: 1 });
    const { visit } = await ok<{ visit: Visit }>('visits.register', {
      patientId: patient.id,
      payer: 'umum',
      unitId: units.get('LANSIA')!.id,
      queueTicketId: loket.id,
    });
    const state = await ok<State>('queue.state', { unitId: units.get('LANSIA')!.id });
    expect(state.waiting).toHaveLength(1);
    expect(state.waiting[0]).toMatchObject({ code: 'L001', priority: 'lansia', visit: { id: visit.id, patientName: 'Sutarmi Rahayu' } });
    const loketNow = (await ok<State>('queue.state', {})).lanes.find((l) => l.serviceId === services.get('UMUM')!.id)!;
    expect(loketNow.finished).toBe(1);
    expect(h.host.store.sqlite.prepare(`SELECT status, visit_id FROM queue_ticket WHERE id = ?`).get(loket.id)).toEqual({
      status: 'selesai',
      visit_id: visit.id,
    });
    // A ticket already used for one visit cannot be used for another.
    const second = (
      await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name: 'Darto', birthDate: '1980-01-01', sex: 'L' })
    ).patient;
    await refused(
      'visits.register',
      { patientId: second.id, payer: 'umum', unitId: units.get('UMUM')!.id, queueTicketId: loket.id },
      409,
      /sudah tertaut ke kunjungan lain/,
    );

    // Register numbering: the poli ticket carries the visit's register number.
    await ok('settings.update', { queue: { poliNumbering: 'register' } });
    try {
      const { visit: v2 } = await ok<{ visit: Visit }>('visits.register', { patientId: second.id, payer: 'umum', unitId: units.get('UMUM')!.id });
      const umum = await ok<State>('queue.state', { unitId: units.get('UMUM')!.id });
      expect(umum.waiting.map((t) => t.code)).toEqual([`U${String(v2.seq).padStart(3, '0')}`]);
      const called = await callNext({ unit: 'UMUM' });
      expect(called.call?.placeLabel).toBe('Poli Umum');
    } finally {
      await ok('settings.update', { queue: { poliNumbering: 'unit' } });
    }
  });

  it('public board and events carry ticket codes and places, never patient data', async () => {
    const patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        ignoreSimilar: true,
        name: 'Wagiyem Kartosuwiryo',
        birthDate: '1962-06-01',
        sex: 'P',
        nik: '3302124106620002',
      })
    ).patient;
    const sse = openSse(`${h.url}/api/events`);
    try {
      await ok('visits.register', { patientId: patient.id, payer: 'umum', unitId: units.get('GIGI')!.id });
      const called = await callNext({ unit: 'GIGI' });
      const event = await sse.waitFor((m) => m.event === 'queue.called');
      const payload = (JSON.parse(event.data) as { payload: QueueCall }).payload;
      expect(payload).toMatchObject({ ticketId: called.ticket!.id, code: called.ticket!.code, placeLabel: 'Poli Gigi dan Mulut' });
      const board = await ok<Board>('queue.board', {}, null);
      expect(board.places.find((p) => p.unitCode === 'GIGI')).toMatchObject({ code: called.ticket!.code, inProgress: true });
      expect(board.units.find((u) => u.unitId === units.get('GIGI')!.id)).toMatchObject({ issued: 1, called: 1 });
      const everything = JSON.stringify([board, sse.messages.filter((m) => m.event.startsWith('queue.'))]);
      for (const secret of ['Wagiyem', 'Kartosuwiryo', `"${patient.rmNumber}"`, patient.nik!, 'patient', 'rmNumber', 'nik']) {
        expect(everything, secret).not.toContain(secret);
      }
      // The staff view shows who it is.
      const staff = await ok<State>('queue.state', { unitId: units.get('GIGI')!.id });
      expect(staff.inProgress[0]?.visit?.patientName).toBe('Wagiyem Kartosuwiryo');
      await refused('queue.state', {}, 401, /Sesi tidak ada/, null);
    } finally {
      await sse.close();
    }
  });

  it('statistics per day and service: counts, waiting and service time median and P90', async () => {
    const day = new Date(clock);
    const ids: number[] = [];
    // Five tickets issued one minute apart at 08:00–08:04.
    for (let i = 0; i < 5; i++) {
      ids.push((await issue('KIA')).ticket.id);
      advance(MINUTE);
    }
    // Loket 3 calls them at 08:10, 08:20, 08:30, 08:40, 08:50 and serves for 2, 4, 6, 8 minutes; the fifth is skipped.
    clock = new Date(day.getTime() + 10 * MINUTE);
    for (let i = 0; i < 5; i++) {
      const called = await callNext({ counter: 3 });
      expect(called.ticket?.id).toBe(ids[i]);
      advance((i + 1) * 2 * MINUTE);
      if (i < 4) await ok('queue.finish', { ticketId: ids[i] });
      else await ok('queue.skip', { ticketId: ids[i] });
      clock = new Date(day.getTime() + (10 + 10 * (i + 1)) * MINUTE);
    }
    const date = (await ok<State>('queue.state', {})).date;
    const rows = await ok<QueueStatsRow[]>('queue.stats', { from: date, to: date, serviceId: services.get('KIA')!.id });
    // Waits: 10, 19, 28, 37, 46 minutes; service: 2, 4, 6, 8 minutes.
    expect(rows).toEqual([
      {
        date,
        kind: 'service',
        serviceId: services.get('KIA')!.id,
        unitId: null,
        name: 'Ibu dan Anak',
        issued: 5,
        served: 4,
        skipped: 1,
        waitSeconds: { count: 5, median: 28 * 60, p90: 46 * 60 },
        serviceSeconds: { count: 4, median: 5 * 60, p90: 8 * 60 },
      },
    ]);
    // The estimate now follows today's pace (median 5 min), shared by loket 1, 2 and 3 that serve KIA.
    await issue('KIA');
    const next = await issue('KIA');
    expect([next.waitingAhead, next.estimatedWaitMinutes]).toEqual([1, 2]);
    await refused('queue.stats', { from: date, to: '2020-01-01' }, 400, /Tanggal akhir sebelum tanggal awal/);
  });

  it('settings: ticket width and priority policy are validated and used', async () => {
    await refused('settings.update', { queue: { ticketWidth: 6 } }, 400, /Maksimal 5 angka/);
    await refused('settings.update', { queue: { priorityPolicy: 'acak' } }, 400, /Isian tidak valid/);
    await refused('settings.update', { queue: { unitPrefixes: { GIGI: 'GIGI' } } }, 400, /Huruf tiket 1–3 huruf/);
    const s = await ok<SharedSettings>('settings.update', { queue: { ticketWidth: 4, priorityPolicy: 'urut' } });
    expect(s.queue).toMatchObject({ ticketWidth: 4, priorityPolicy: 'urut', poliNumbering: 'unit', defaultServiceMinutes: 5 });
    try {
      const a = await issue('UMUM');
      await issue('UMUM', 'disabilitas');
      expect(a.ticket.code).toBe('A0001');
      // Arrival order: the disability ticket waits its turn.
      expect((await callNext({ counter: 1 })).ticket?.id).toBe(a.ticket.id);
    } finally {
      await ok('settings.update', { queue: { ticketWidth: 3, priorityPolicy: 'dahulukan' } });
    }
  });
});

describe('antrean in the demo puskesmas', () => {
  it('--demo shows a live queue: this morning’s tickets behind the visits, poli queues being called, a few waiting', async () => {
    // Monday 23 November 2026, 10:30 WIB.
    const now = new Date('2026-11-23T03:30:00.000Z');
    const h = await httpHost({ now: () => now });
    try {
      const summary = await seedDemoData(h.host.ctx, { patients: 400, history: false });
      expect(summary.seeded).toBe(true);
      const db = h.host.store.sqlite;
      const visitsToday = (db.prepare(`SELECT count(*) AS n FROM visit WHERE visit_date = '2026-11-23'`).get() as { n: number }).n;
      const rows = db.prepare(`SELECT lane, number, status, visit_id, issued_at, called_at, finished_at FROM queue_ticket`).all() as {
        lane: string;
        number: number;
        status: string;
        visit_id: number | null;
        issued_at: string;
        called_at: string | null;
        finished_at: string | null;
      }[];
      // Every visit has its loket ticket; six more wait at the lokets.
      expect(rows.filter((r) => r.lane.startsWith('S') && r.visit_id !== null)).toHaveLength(visitsToday);
      expect(rows.filter((r) => r.status === 'menunggu' && r.lane.startsWith('S'))).toHaveLength(6);
      // Numbers per lane are 1…n, and no time lies in the future or out of order.
      const byLane = new Map<string, number[]>();
      for (const r of rows) byLane.set(r.lane, [...(byLane.get(r.lane) ?? []), r.number]);
      for (const numbers of byLane.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_n, i) => i + 1));
      for (const r of rows) {
        expect(r.issued_at <= now.toISOString()).toBe(true);
        if (r.called_at) expect(r.issued_at <= r.called_at && r.called_at <= now.toISOString()).toBe(true);
        if (r.finished_at) expect(r.called_at! <= r.finished_at && r.finished_at <= now.toISOString()).toBe(true);
      }
      // A poli serves one patient at a time.
      const inProgress = rows.filter((r) => r.lane.startsWith('U') && r.status === 'dipanggil').map((r) => r.lane);
      expect(new Set(inProgress).size).toBe(inProgress.length);

      const board = (await h.call<Board>('queue.board', {})).body;
      if (!board.ok) throw new Error(board.error.message);
      expect(board.value.calls.length).toBeGreaterThan(0);
      expect(board.value.calls.map((c) => c.at)).toEqual([...board.value.calls.map((c) => c.at)].sort().reverse());
      expect(board.value.places.some((p) => p.placeKind === 'unit')).toBe(true);
      expect(board.value.services.reduce((n, s) => n + s.waiting, 0)).toBe(6);
    } finally {
      await h.cleanup();
    }
  });
});
