import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, PatientRecord, Tariff, Unit, Visit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

type Proposal = {
  proposedCluster: string;
  lifeStage: string;
  clusterReason: string;
  payer: string;
  kunjunganBaru: boolean;
  pasienBaru: boolean;
  registeredTodayUnitIds: number[];
  appointmentToday: { id: number } | null;
  defaultUnitId: number | null;
  unitClusters: { unitId: number; cluster: string }[];
};

describe('visit registration', () => {
  let h: HttpHost;
  let admin: string;
  let units: Map<string, Unit>;
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const newPatient = async (input: Record<string, unknown>) =>
    (await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, ...input })).patient;
  const rows = (sql: string) => h.host.store.sqlite.prepare(sql).all();

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
  });
  afterAll(async () => h.cleanup());

  it('proposes the cluster by life stage, registers a BPJS visit, and creates the folder request and register row', async () => {
    const adult = await newPatient({ name: 'Hendra Gunawan', birthDate: '1975-04-02', sex: 'L', bpjsNumber: '0001112223334' });
    const proposal = await ok<Proposal>('visits.propose', { patientId: adult.id });
    expect(proposal).toMatchObject({
      proposedCluster: 'klaster3',
      lifeStage: 'dewasa',
      payer: 'bpjs',
      kunjunganBaru: true,
      pasienBaru: true,
      registeredTodayUnitIds: [],
    });
    expect(proposal.clusterReason).toMatch(/klaster 3/);

    const notConfirmed = await h.call('visits.register', { patientId: adult.id, payer: 'bpjs', unitId: units.get('GIGI')!.id }, admin);
    expect(notConfirmed.status).toBe(400);
    expect(notConfirmed.body).toMatchObject({ error: { fields: [{ path: 'bpjsFaskesConfirmed' }] } });

    // Dental care exists in both clusters: the adult's visit is klaster 3, though Poli Gigi is lintas klaster.
    const { visit } = await ok<{ visit: Visit }>('visits.register', {
      patientId: adult.id,
      payer: 'bpjs',
      bpjsFaskesConfirmed: true,
      unitId: units.get('GIGI')!.id,
    });
    expect(visit).toMatchObject({
      seq: 1,
      cluster: 'klaster3',
      lifeStage: 'dewasa',
      unitName: 'Poli Gigi dan Mulut',
      kunjunganBaru: true,
      pasienBaru: true,
      fee: 0,
      status: 'terdaftar',
    });
    expect(rows(`SELECT status FROM folder_request WHERE visit_id = ${visit.id}`)).toEqual([{ status: 'menunggu' }]);
    const register = await ok<{ rows: { visitId: number }[] }>('register.daily', {});
    expect(register.rows.map((r) => r.visitId)).toContain(visit.id);

    const again = await h.call(
      'visits.register',
      { patientId: adult.id, payer: 'bpjs', bpjsFaskesConfirmed: true, unitId: units.get('GIGI')!.id },
      admin,
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { message: expect.stringContaining('sudah terdaftar ke Poli Gigi dan Mulut hari ini') as string } });
    const second = await ok<{ visit: Visit; warnings: string[] }>('visits.register', {
      patientId: adult.id,
      payer: 'bpjs',
      bpjsFaskesConfirmed: true,
      unitId: units.get('GIGI')!.id,
      allowSameUnitToday: true,
    });
    expect(second.visit.seq).toBe(2);
    expect(second.visit.kunjunganBaru).toBe(true); // still the first day of the year for this patient
    expect(second.warnings).toEqual(['Kunjungan kedua ke Poli Gigi dan Mulut hari ini.']);
  });

  it('routes children and pregnant women to klaster 2, emergencies to UGD, and records a cluster override with its reason', async () => {
    const child = await newPatient({ name: 'Rafi Pratama', birthDate: '2019-08-10', sex: 'L', nik: '3201011008190003' });
    const { visit } = await ok<{ visit: Visit }>('visits.register', { patientId: child.id, payer: 'umum', unitId: units.get('UMUM')!.id });
    expect(visit).toMatchObject({
      cluster: 'klaster2',
      lifeStage: 'anak',
      fee: 10000,
      tariffName: expect.stringContaining('Karcis') as string,
      paidAt: null,
    });

    const mother = await newPatient({ name: 'Dewi Lestari', birthDate: '1996-01-20', sex: 'P' });
    const pregnant = await ok<{ visit: Visit }>('visits.register', {
      patientId: mother.id,
      payer: 'umum',
      unitId: units.get('UMUM')!.id,
      pregnantOrPostpartum: true,
    });
    expect(pregnant.visit.cluster).toBe('klaster2');

    const emergency = await ok<{ visit: Visit }>('visits.register', { patientId: mother.id, payer: 'umum', emergency: true });
    expect(emergency.visit).toMatchObject({ unitName: 'Unit Gawat Darurat', cluster: 'lintas', emergency: true });

    const tb = await ok<{ visit: Visit }>('visits.register', { patientId: child.id, payer: 'umum', unitId: units.get('TB')!.id });
    expect(tb.visit.cluster).toBe('klaster4');

    // The host proposes the unit and each unit's routing, so the form shows what registering will do.
    const clusterOf = (p: Proposal, code: string) => p.unitClusters.find((u) => u.unitId === units.get(code)!.id)?.cluster;
    const forChild = await ok<Proposal>('visits.propose', { patientId: child.id });
    expect(forChild.defaultUnitId).toBe(units.get('UMUM')!.id);
    expect([clusterOf(forChild, 'UMUM'), clusterOf(forChild, 'GIGI'), clusterOf(forChild, 'TB')]).toEqual(['klaster2', 'klaster2', 'klaster4']);
    const forMother = await ok<Proposal>('visits.propose', { patientId: mother.id });
    expect(forMother.defaultUnitId).toBe(units.get('UMUM')!.id);
    expect(clusterOf(forMother, 'GIGI')).toBe('klaster3');
    const forPregnant = await ok<Proposal>('visits.propose', { patientId: mother.id, pregnantOrPostpartum: true });
    expect(forPregnant.defaultUnitId).toBe(units.get('KIA')!.id);
    expect(clusterOf(forPregnant, 'GIGI')).toBe('klaster2');
    const baby = await newPatient({ name: 'Alya Putri', birthDate: '2026-02-01', sex: 'P', motherName: 'Dewi Lestari' });
    expect((await ok<Proposal>('visits.propose', { patientId: baby.id })).defaultUnitId).toBe(units.get('MTBS')!.id);
    const elder = await newPatient({ name: 'Karso', birthDate: '1950-06-01', sex: 'L' });
    const forElder = await ok<Proposal>('visits.propose', { patientId: elder.id });
    expect(forElder.defaultUnitId).toBe(units.get('LANSIA')!.id);
    expect(forElder.unitClusters.length).toBe([...units.values()].filter((u) => u.active).length);

    const noReason = await h.call(
      'visits.register',
      { patientId: mother.id, payer: 'umum', unitId: units.get('LAB')!.id, cluster: 'klaster2' },
      admin,
    );
    expect(noReason.body).toMatchObject({ ok: false, error: { fields: [{ path: 'clusterReason' }] } });
    const overridden = await ok<{ visit: Visit }>('visits.register', {
      patientId: mother.id,
      payer: 'umum',
      unitId: units.get('LAB')!.id,
      cluster: 'klaster2',
      clusterReason: 'Pemeriksaan kehamilan lanjutan (nifas)',
    });
    expect(overridden.visit).toMatchObject({ cluster: 'klaster2', clusterReason: 'Pemeriksaan kehamilan lanjutan (nifas)' });
  });

  it('shows umum visits as belum bayar until the cashier marks them paid, once', async () => {
    const p = await newPatient({ name: 'Agus Salim', birthDate: '1988-02-02', sex: 'L' });
    const tariff = await ok<Tariff>('tariffs.save', { code: 'GIGI', name: 'Pemeriksaan gigi', amount: 15000 });
    const { visit } = await ok<{ visit: Visit }>('visits.register', {
      patientId: p.id,
      payer: 'umum',
      unitId: units.get('GIGI')!.id,
      tariffId: tariff.id,
    });
    expect(visit).toMatchObject({ fee: 15000, paidAt: null });
    const paid = await ok<Visit>('visits.markPaid', { visitId: visit.id });
    expect(paid.paidAt).not.toBeNull();
    expect((await h.call('visits.markPaid', { visitId: visit.id }, admin)).status).toBe(409);
    // Registration clerks may not take payments.
    await ok('users.create', { username: 'daftar2', fullName: 'Daftar', role: 'pendaftaran', password: 'daftar-rahasia' });
    const login = await h.call<{ token: string }>('auth.login', { username: 'daftar2', password: 'daftar-rahasia' });
    const clerk = login.body.ok ? login.body.value.token : '';
    expect((await h.call('visits.markPaid', { visitId: visit.id }, clerk)).status).toBe(403);
  });

  it('refuses bad registrations with a reason and writes nothing', async () => {
    const p = await newPatient({ name: 'Tanpa Kartu', birthDate: '1970-01-01', sex: 'P' });
    const before = rows('SELECT count(*) AS n FROM visit');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ patientId: 999999, payer: 'umum', unitId: units.get('UMUM')!.id }, 404, 'patientId'],
      [{ patientId: p.id, payer: 'bpjs', bpjsFaskesConfirmed: true, unitId: units.get('UMUM')!.id }, 400, 'payer'],
      [{ patientId: p.id, payer: 'umum' }, 400, 'unitId'],
      [{ patientId: p.id, payer: 'umum', unitId: 424242 }, 400, 'unitId'],
      [{ patientId: p.id, payer: 'asuransi_lain', unitId: units.get('UMUM')!.id }, 400, 'insuranceName'],
      [{ patientId: p.id, payer: 'umum', unitId: units.get('UMUM')!.id, tariffId: 424242 }, 400, 'tariffId'],
      [{ patientId: p.id, payer: 'umum', unitId: units.get('UMUM')!.id, appointmentId: 424242 }, 400, 'appointmentId'],
    ];
    for (const [input, status, field] of cases) {
      const r = await h.call('visits.register', input, admin);
      expect(r.status, JSON.stringify(input)).toBe(status);
      if (!r.body.ok)
        expect(
          r.body.error.fields?.map((f) => f.path),
          JSON.stringify(input),
        ).toContain(field);
    }
    expect(rows('SELECT count(*) AS n FROM visit')).toEqual(before);
  });

  it('schedules control visits, lists today and tomorrow, checks one in as a visit, and cancels another', async () => {
    const p = await newPatient({ name: 'Kontrol Hipertensi', birthDate: '1960-05-05', sex: 'L' });
    const today = (await ok<Proposal & { date: string }>('visits.propose', { patientId: p.id })).date;
    const past = await h.call('appointments.create', { patientId: p.id, unitId: units.get('UMUM')!.id, date: '2020-01-01' }, admin);
    expect(past.status).toBe(400);
    const a = await ok<Appointment>('appointments.create', {
      patientId: p.id,
      unitId: units.get('UMUM')!.id,
      date: today,
      note: 'Kontrol tekanan darah',
    });
    const later = await ok<Appointment>('appointments.create', { patientId: p.id, unitId: units.get('LANSIA')!.id, date: '2099-01-01', note: null });
    const list = await ok<Appointment[]>('appointments.list', {});
    expect(list.map((x) => x.id)).toContain(a.id);
    expect(list.map((x) => x.id)).not.toContain(later.id);
    // One patient's appointments: from today for a year ahead by default, or any range; others' are left out.
    const other = await newPatient({ name: 'Pasien Lain', birthDate: '1970-01-01', sex: 'P' });
    const others = await ok<Appointment>('appointments.create', { patientId: other.id, unitId: units.get('UMUM')!.id, date: today, note: null });
    const own = await ok<Appointment[]>('appointments.list', { patientId: p.id });
    expect(own.map((x) => x.id)).toEqual([a.id]);
    expect((await ok<Appointment[]>('appointments.list', { patientId: p.id, to: '2099-12-31' })).map((x) => x.id)).toEqual([a.id, later.id]);
    expect((await ok<Appointment[]>('appointments.list', {})).map((x) => x.id)).toContain(others.id);
    expect((await h.call('appointments.list', { patientId: -1 }, admin)).status).toBe(400);

    const proposal = await ok<Proposal>('visits.propose', { patientId: p.id });
    expect(proposal.appointmentToday).toMatchObject({ id: a.id });
    const { visit } = await ok<{ visit: Visit }>('visits.register', {
      patientId: p.id,
      payer: 'umum',
      unitId: units.get('UMUM')!.id,
      appointmentId: a.id,
    });
    expect(visit.appointmentId).toBe(a.id);
    expect((await ok<Appointment[]>('appointments.list', {})).find((x) => x.id === a.id)).toMatchObject({ status: 'hadir', visitId: visit.id });
    const reuse = await h.call('visits.register', { patientId: p.id, payer: 'umum', unitId: units.get('LAB')!.id, appointmentId: a.id }, admin);
    expect(reuse.status).toBe(400);

    expect(await ok<Appointment>('appointments.cancel', { id: later.id })).toMatchObject({ status: 'batal' });
    expect((await h.call('appointments.cancel', { id: later.id }, admin)).status).toBe(409);
    const withCancelled = await ok<Appointment[]>('appointments.list', { from: '2099-01-01', to: '2099-01-01', includeCancelled: true });
    expect(withCancelled.map((x) => x.status)).toEqual(['batal']);
  });
});
