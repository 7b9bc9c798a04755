import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Folder, PatientRecord, Service, Unit, Visit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** WIB wall-clock time on a day → ISO instant. */
const wib = (hhmm: string, day = '2026-11-23') => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((h - 7) * 60 + m) * 60_000);
};

describe('dashboard.today: figures from known data', () => {
  let h: HttpHost;
  let admin: string;
  let clock = wib('07:00', '2026-11-20');
  let units: Map<string, Unit>;
  let n = 0;
  async function ok<T>(method: string, input: unknown, at?: Date): Promise<T> {
    if (at) clock = at;
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function relogin(at: Date) {
    clock = at;
    const r = await h.call<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    if (!r.body.ok) throw new Error(r.body.error.message);
    admin = r.body.value.token;
  }
  async function visit(payer: 'umum' | 'asuransi_lain', unit: string, at: Date): Promise<Visit> {
    const { patient } = await ok<{ patient: PatientRecord }>(
      'patients.create',
      { ignoreSimilar: true, name: `Pasien Dasbor ${'ABCDEFGHIJ'[n]}`, birthDate: `19${70 + n}-03-0${1 + (n % 9)}`, sex: n++ % 2 ? 'L' : 'P' },
      at,
    );
    const input = {
      patientId: patient.id,
      payer,
      unitId: units.get(unit)!.id,
      ...(payer === 'asuransi_lain' ? { insuranceName: 'Asuransi Sehat' } : {}),
    };
    return (await ok<{ visit: Visit }>('visits.register', input, at)).visit;
  }

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
    // Friday 20th: two visits. Sunday 22nd: one, whose folder goes to Poli Umum and stays there.
    await visit('umum', 'UMUM', wib('08:00', '2026-11-20'));
    await visit('asuransi_lain', 'GIGI', wib('08:05', '2026-11-20'));
    await relogin(wib('08:00', '2026-11-22'));
    const sunday = await visit('umum', 'UMUM', wib('08:00', '2026-11-22'));
    const { folder } = await ok<{ folder: Folder }>('folders.locate', { code: sunday.patient.rmNumber });
    await ok('folders.move', { folderId: folder.id, to: 'unit', unitId: units.get('UMUM')!.id, method: 'ketik' }, wib('08:10', '2026-11-22'));
    // Monday 23rd (today): four visits from 07:30, one umum paid; two kiosk tickets for the first loket service.
    await relogin(wib('07:00'));
    const today = [
      await visit('umum', 'UMUM', wib('07:30')),
      await visit('umum', 'UMUM', wib('07:40')),
      await visit('umum', 'GIGI', wib('07:50')),
      await visit('asuransi_lain', 'KIA', wib('08:00')),
    ];
    await ok('cashier.pay', { visitId: today[0]!.id }, wib('08:05'));
    const service = (await ok<Service[]>('services.list', {}))[0]!;
    await ok('queue.issueTicket', { serviceId: service.id }, wib('08:10'));
    await ok('queue.issueTicket', { serviceId: service.id }, wib('08:20'));
    // Letters as #7 writes them: today two surat rujukan (one cancelled) and a sick-leave letter; one rujukan on Sunday.
    const sql = h.host.store.sqlite;
    sql.prepare("INSERT INTO practitioner (name, profession, nip, active) VALUES ('dr. Rina', 'dokter', '198501012010012001', 1)").run();
    const signer = (sql.prepare('SELECT id FROM practitioner').get() as { id: number }).id;
    const letter = sql.prepare(
      `INSERT INTO letter (kind, number, seq, year, patient_id, signer_id, issued_at, issued_date, issued_by, data, verify_code, status, cancelled_at, cancel_reason, paper)
       VALUES (?, ?, ?, 2026, ?, ?, ?, ?, 1, '{}', ?, ?, ?, ?, 'A4')`,
    );
    const letters: [string, number, string, 'terbit' | 'batal'][] = [
      ['rujukan', 1, '2026-11-22', 'terbit'],
      ['rujukan', 2, '2026-11-23', 'terbit'],
      ['rujukan', 3, '2026-11-23', 'batal'],
      ['sakit', 1, '2026-11-23', 'terbit'],
    ];
    for (const [kind, seq, date, status] of letters) {
      const at = wib('09:00', date).toISOString();
      letter.run(
        kind,
        `${kind}/${seq}`,
        seq,
        today[0]!.patient.id,
        signer,
        at,
        date,
        `KODE${kind}${seq}`,
        status,
        status === 'batal' ? at : null,
        status === 'batal' ? 'Salah tulis' : null,
      );
    }
  });
  afterAll(async () => h.cleanup());

  it("shows today's visits by unit and payer, the queue now with the longest wait, folders out and overdue, the cash and the week", async () => {
    const d = await ok<Dashboard>('dashboard.today', {}, wib('08:30'));
    expect(d).toMatchObject({ date: '2026-11-23', live: true, visits: 4, pasienBaru: 4, kunjunganBaru: 4, patientsTotal: 7 });
    expect(d.byUnit.map((u) => [u.key, u.count])).toEqual([
      ['UMUM', 2],
      ['GIGI', 1],
      ['KIA', 1],
    ]);
    expect(d.byPayer.map((p) => [p.label, p.count])).toEqual([
      ['Asuransi lain', 1],
      ['Umum', 3],
    ]);
    // Poli Umum: two waiting since 07:30 (60 min); Poli Gigi since 07:50 (40); KIA since 08:00 (30); the loket service since 08:10 (20).
    const lanes = Object.fromEntries(d.queue!.lanes.map((l) => [l.name, [l.kind, l.waiting, l.longestWaitMinutes]]));
    expect(lanes).toMatchObject({
      'Poli Umum': ['unit', 2, 60],
      'Poli Gigi dan Mulut': ['unit', 1, 40],
      'Poli KIA / KB': ['unit', 1, 30],
    });
    expect(d.queue!.lanes.find((l) => l.kind === 'service')).toMatchObject({ waiting: 2, longestWaitMinutes: 20 });
    expect(d.queue!.waiting).toBe(6);
    expect(d.queue!.longest).toMatchObject({ name: 'Poli Umum', longestWaitMinutes: 60 });
    // Sunday's folder is still at Poli Umum: out, and overdue since it was not back that day.
    expect(d.folders).toEqual({ out: 1, overdue: 1 });
    expect(d.cash).toEqual({ paid: 1, unpaid: 2, amount: 10_000 });
    // The cancelled rujukan and the sick-leave letter are not referrals.
    expect(d.referrals).toBe(1);
    expect(d.trend.map((t) => [t.date, t.total])).toEqual([
      ['2026-11-17', 0],
      ['2026-11-18', 0],
      ['2026-11-19', 0],
      ['2026-11-20', 2],
      ['2026-11-21', 0],
      ['2026-11-22', 1],
      ['2026-11-23', 4],
    ]);
    expect(d.trend[3]!.byPayer.map((p) => [p.key, p.count])).toEqual([
      ['bpjs', 0],
      ['umum', 1],
      ['asuransi_lain', 1],
    ]);
  });

  it('a call shortens the queue and the longest wait moves on', async () => {
    const lane = units.get('UMUM')!;
    await ok('queue.callNext', { unitId: lane.id }, wib('08:40'));
    const d = await ok<Dashboard>('dashboard.today', {}, wib('08:40'));
    expect(d.queue!.lanes.find((l) => l.name === 'Poli Umum')).toMatchObject({ waiting: 1, longestWaitMinutes: 60 });
    expect(d.queue!.waiting).toBe(5);
  });

  it("another day shows that day's totals without the live queue and folders", async () => {
    const d = await ok<Dashboard>('dashboard.today', { date: '2026-11-20' }, wib('09:00'));
    expect(d).toMatchObject({ date: '2026-11-20', live: false, visits: 2, queue: null, folders: null, cash: { paid: 0, unpaid: 1, amount: 0 } });
    expect(d.trend.at(-1)).toMatchObject({ date: '2026-11-20', total: 2 });
    expect(d.referrals).toBe(0);
    expect((await ok<Dashboard>('dashboard.today', { date: '2026-11-22' })).referrals).toBe(1);
    expect(d.trend[0]!.date).toBe('2026-11-14');
  });

  it('needs laporan:view', async () => {
    await ok('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'kasir1-rahasia' });
    const login = await h.call<{ token: string }>('auth.login', { username: 'kasir1', password: 'kasir1-rahasia' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const r = await h.call('dashboard.today', {}, login.body.value.token);
    expect(r.status).toBe(403);
  });
});
