import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo, seedDemoData, type DemoAccount } from '../../src-main/app/demo';
import { DEMO_HOME_DISTRICT, DEMO_NEIGHBOUR_DISTRICTS, generatePatients, generateVisits } from '../../src-main/app/demo-data';
import type { Host } from '../../src-main/app/host';
import type { Reply } from '../../src-main/contract';
import { nameKey } from '../../src-main/domain/nama';
import { ageInYears, localDate } from '../../src-main/domain/waktu';
import { testHost } from '../helpers/host';

// Tuesday 10 March 2026, 10:30 WIB: the demo's morning ends at "now".
const NOW = new Date('2026-03-10T03:30:00Z');
const TODAY = '2026-03-10';
const now = () => new Date(NOW);

type TestHost = Host & { cleanup(): Promise<void> };

async function invoke<T>(host: Host, method: string, input: unknown, token: string | null = null): Promise<T> {
  const reply = (await host.dispatcher.invoke(method, input, { token, client: 'http' })) as Reply<T>;
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

async function login(host: Host, account: DemoAccount): Promise<string> {
  return (await invoke<{ token: string }>(host, 'auth.login', { username: account.username, password: account.password })).token;
}

/** Birth date and sex written in a NIK (DESIGN.md §4): DDMMYY at 7–12, DD + 40 for women. */
function decodeNik(nik: string, on: string): { birthDate: string; sex: 'L' | 'P' } {
  const dd = Number(nik.slice(6, 8));
  const yy = Number(nik.slice(10, 12));
  const century = 2000 + yy > Number(on.slice(0, 4)) ? 1900 : 2000;
  return { birthDate: `${century + yy}-${nik.slice(8, 10)}-${String(dd > 40 ? dd - 40 : dd).padStart(2, '0')}`, sex: dd > 40 ? 'P' : 'L' };
}

const districts = [DEMO_HOME_DISTRICT, ...DEMO_NEIGHBOUR_DISTRICTS];

describe('demo puskesmas (seedDemo)', () => {
  let h: TestHost;
  let accounts: DemoAccount[];

  beforeAll(async () => {
    h = await testHost({ now, loadRegions: true });
    accounts = await seedDemo(h.ctx);
  }, 120_000);
  afterAll(async () => h?.cleanup());

  it('returns one working account per role', async () => {
    expect(accounts.map((a) => a.role).sort()).toEqual(['administrator', 'dokter', 'kasir', 'pendaftaran', 'rekam_medis']);
    for (const a of accounts) {
      expect(a.password.length).toBeGreaterThanOrEqual(8);
      const token = await login(h, a);
      expect(await invoke<{ role: string }>(h, 'auth.me', {}, token)).toMatchObject({ username: a.username, role: a.role });
    }
  });

  it('sets up the puskesmas profile, staff and referral facilities', async () => {
    const token = await login(
      h,
      accounts.find((a) => a.role === 'administrator')!,
    );
    const settings = await invoke<{ puskesmas: Record<string, string>; timeZone: string; runningText: string }>(h, 'settings.get', {}, token);
    expect(settings.puskesmas.name).toMatch(/^UPT Puskesmas /);
    expect(settings.puskesmas.pemerintah).toMatch(/^Pemerintah Kabupaten /);
    expect(settings.puskesmas.headNip).toMatch(/^\d{18}$/);
    expect(settings.timeZone).toBe('Asia/Jakarta');
    expect(settings.runningText.length).toBeGreaterThan(20);

    const staff = await invoke<{ name: string; profession: string; nip: string | null; sip: string | null }[]>(h, 'practitioners.list', {}, token);
    expect(new Set(staff.map((p) => p.profession))).toEqual(
      new Set(['dokter', 'dokter_gigi', 'bidan', 'perawat', 'perawat_gigi', 'analis', 'apoteker']),
    );
    for (const p of staff) {
      expect(p.sip).toBeTruthy();
      if (p.nip === null) continue;
      // YYYYMMDD birth, YYYYMM appointment (an adult by then), sex 1/2, 3-digit sequence.
      expect(p.nip).toMatch(/^(19[5-9]\d|20[0-2]\d)(0[1-9]|1[0-2])\d{2}(19[7-9]\d|20[0-2]\d)(0[1-9]|1[0-2])[12]\d{3}$/);
      const born = `${p.nip.slice(0, 4)}-${p.nip.slice(4, 6)}-${p.nip.slice(6, 8)}`;
      expect(Number.isNaN(Date.parse(born))).toBe(false);
      expect(Number(p.nip.slice(8, 12)) - Number(p.nip.slice(0, 4))).toBeGreaterThanOrEqual(18);
    }
    const facilities = await invoke<{ code: string | null; kind: string }[]>(h, 'facilities.list', {}, token);
    expect(facilities.length).toBeGreaterThanOrEqual(5);
    expect(new Set(facilities.map((f) => f.kind))).toEqual(new Set(['rs', 'rs_khusus', 'klinik_utama', 'laboratorium', 'puskesmas']));
    for (const f of facilities) expect(f.code).toMatch(/^[0-9A-Z]{4,12}$/);
  });

  it('registers ~3000 patients with consistent NIK, BPJS, RM numbers and addresses', async () => {
    const patients = await h.ctx.db.selectFrom('patient').selectAll().orderBy('id').execute();
    expect(patients).toHaveLength(3000);

    // RM numbers: 6 digits, unique, allocated in registration order.
    expect(patients.map((p) => p.rm_number)).toEqual(patients.map((_, i) => String(i + 1).padStart(6, '0')));
    for (let i = 1; i < patients.length; i++) expect(patients[i]!.created_at >= patients[i - 1]!.created_at).toBe(true);

    const nikPrefixes = new Set(districts.map((d) => d.replace(/\./g, '')));
    let local = 0;
    for (const p of patients) {
      expect(p.name_key).toBe(nameKey(p.name));
      expect(p.created_at <= NOW.toISOString()).toBe(true);
      expect(localDate(new Date(p.created_at), 'Asia/Jakarta') >= p.birth_date).toBe(true);
      if (p.nik !== null) {
        expect(p.nik).toMatch(/^\d{16}$/);
        expect(decodeNik(p.nik, TODAY)).toEqual({ birthDate: p.birth_date, sex: p.sex });
        expect(Number(p.nik.slice(12))).toBeGreaterThanOrEqual(1);
        if (nikPrefixes.has(p.nik.slice(0, 6))) local++;
      } else {
        // Only infants go without a NIK; they are identified through the mother.
        expect(ageInYears(p.birth_date, TODAY)).toBe(0);
        expect(p.mother_name).toBeTruthy();
        expect(p.mother_nik).toMatch(/^\d{16}$/);
        expect(decodeNik(p.mother_nik!, TODAY).sex).toBe('P');
      }
      if (p.bpjs_number !== null) expect(p.bpjs_number).toMatch(/^\d{13}$/);
      expect(p.payer_default).toBe(p.bpjs_number ? 'bpjs' : 'umum');
      if (p.phone !== null) expect(p.phone).toMatch(/^08\d{8,11}$/);
      expect(p.rt).toMatch(/^\d{3}$/);
      expect(p.rw).toMatch(/^\d{3}$/);
      expect(districts).toContain(p.village_code!.slice(0, 8));
    }
    expect(local / patients.length).toBeGreaterThan(0.8);
    expect(new Set(patients.map((p) => p.nik).filter(Boolean)).size).toBe(patients.filter((p) => p.nik).length);

    const bpjsShare = patients.filter((p) => p.bpjs_number).length / patients.length;
    expect(bpjsShare).toBeGreaterThan(0.6);
    expect(bpjsShare).toBeLessThan(0.7);

    // A population pyramid: infants to the very old, more young than old.
    const ages = patients.map((p) => ageInYears(p.birth_date, TODAY));
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(85);
    const share = (lo: number, hi: number) => ages.filter((a) => a >= lo && a < hi).length / ages.length;
    expect(share(0, 5)).toBeGreaterThan(0.05);
    expect(share(0, 20)).toBeGreaterThan(share(60, 200) * 2);
    expect(share(60, 200)).toBeGreaterThan(0.05);

    // Names fit the sex: the female-only given names never appear on a man.
    expect(patients.some((p) => p.sex === 'L' && /^(Siti|Nurul|Euis|Neneng) /.test(p.name))).toBe(false);
    expect(patients.some((p) => p.sex === 'P' && /^(Muhammad|Muhamad|Mochamad|Ahmad|Ujang|Asep) /.test(p.name))).toBe(false);

    const villages = await h.ctx.db.selectFrom('region').select('code').where('parent_code', '=', DEMO_HOME_DISTRICT).execute();
    expect(villages.length).toBeGreaterThan(5);
  });

  it('registers a morning of visits today and earlier visits in the past months', async () => {
    const units = new Map((await h.ctx.db.selectFrom('unit').selectAll().execute()).map((u) => [u.id, u]));
    const visits = await h.ctx.db
      .selectFrom('visit as v')
      .innerJoin('patient as p', 'p.id', 'v.patient_id')
      .select([
        'v.visit_date',
        'v.seq',
        'v.registered_at',
        'v.patient_id',
        'v.payer',
        'v.unit_id',
        'v.cluster',
        'v.emergency',
        'v.kunjungan_baru',
        'v.pasien_baru',
      ])
      .select(['p.birth_date', 'p.sex', 'p.payer_default', 'p.created_at'])
      .orderBy('v.registered_at')
      .execute();
    const today = visits.filter((v) => v.visit_date === TODAY);
    expect(today.length).toBeGreaterThanOrEqual(60);
    expect(today.length).toBeLessThanOrEqual(80);
    expect(today.map((v) => v.seq).sort((a, b) => a - b)).toEqual(today.map((_, i) => i + 1));
    expect(new Set(today.map((v) => v.patient_id)).size).toBe(today.length);
    for (const v of today) {
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(v.registered_at),
      );
      expect(local >= '07:30').toBe(true);
      expect(v.registered_at <= NOW.toISOString()).toBe(true);
      const unit = units.get(v.unit_id)!;
      expect(unit).toBeDefined();
      expect(v.payer).toBe(v.payer_default);
      const age = ageInYears(v.birth_date, TODAY);
      if (v.emergency) expect([unit.code, v.cluster]).toEqual(['UGD', 'lintas']);
      else if (age < 5) expect(v.cluster).toBe('klaster2');
      else if (age >= 60 && unit.code !== 'TB') expect(v.cluster).toBe('klaster3');
      if (unit.code === 'KIA' || unit.code === 'MTBS' || unit.code === 'IMUN') expect(v.cluster).toBe('klaster2');
      if (unit.code === 'LANSIA') expect(v.cluster).toBe('klaster3');
    }
    const newToday = today.filter((v) => v.pasien_baru);
    expect(newToday.length).toBeGreaterThanOrEqual(3);
    expect(newToday.length).toBeLessThanOrEqual(5);
    for (const v of newToday) expect(localDate(new Date(v.created_at), 'Asia/Jakarta')).toBe(TODAY);
    expect(new Set(today.map((v) => units.get(v.unit_id)!.code)).size).toBeGreaterThanOrEqual(5);

    // Kunjungan baru = the patient's first visit in the calendar year; pasien baru = the day the RM was made.
    const seen = new Set<string>();
    for (const v of visits) {
      const key = `${v.patient_id}|${v.visit_date.slice(0, 4)}`;
      expect(v.kunjungan_baru, `${key} ${v.visit_date}`).toBe(seen.has(key) ? 0 : 1);
      seen.add(key);
      if (v.pasien_baru) expect(localDate(new Date(v.created_at), 'Asia/Jakarta')).toBe(v.visit_date);
    }
    const earlier = visits.filter((v) => v.visit_date < TODAY);
    expect(earlier.length).toBeGreaterThan(1000);
    expect(new Set(earlier.map((v) => v.visit_date.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    for (const day of new Set(earlier.map((v) => v.visit_date))) {
      const seqs = earlier.filter((v) => v.visit_date === day).map((v) => v.seq);
      expect(Math.max(...seqs)).toBe(seqs.length);
    }
  });

  it('shows the visits in register.daily and reports.daySummary', async () => {
    const token = await login(
      h,
      accounts.find((a) => a.role === 'rekam_medis')!,
    );
    const register = await invoke<{
      date: string;
      rows: { seq: number; rmNumber: string; unitName: string; pasienBaru: boolean; village: string | null }[];
    }>(h, 'register.daily', {}, token);
    expect(register.date).toBe(TODAY);
    const count = (
      await h.ctx.db
        .selectFrom('visit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('visit_date', '=', TODAY)
        .executeTakeFirstOrThrow()
    ).n;
    expect(register.rows).toHaveLength(Number(count));
    expect(register.rows.map((r) => r.seq)).toEqual(register.rows.map((_, i) => i + 1));
    expect(register.rows.every((r) => /^\d{6}$/.test(r.rmNumber) && r.village !== null)).toBe(true);

    const summary = await invoke<{
      visits: number;
      pasienBaru: number;
      kunjunganBaru: number;
      patientsTotal: number;
      byUnit: { count: number }[];
      byPayer: { key: string; count: number }[];
    }>(h, 'reports.daySummary', {}, token);
    expect(summary.visits).toBe(register.rows.length);
    expect(summary.pasienBaru).toBe(register.rows.filter((r) => r.pasienBaru).length);
    expect(summary.kunjunganBaru).toBeGreaterThan(0);
    expect(summary.patientsTotal).toBe(3000);
    expect(summary.byUnit.reduce((n, u) => n + u.count, 0)).toBe(summary.visits);
    expect(summary.byPayer.map((p) => p.key).sort()).toEqual(['bpjs', 'umum']);

    // "Kunjungan terakhir" shows a real date for returning patients.
    const found = await invoke<{ lastVisitDate: string | null }[]>(h, 'patients.search', { query: register.rows[0]!.rmNumber }, token);
    expect(found[0]?.lastVisitDate).toBe(TODAY);
  });

  it('adds nothing the second time but still returns the accounts', async () => {
    const counts = async () => ({
      patients: (
        await h.ctx.db
          .selectFrom('patient')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      visits: (
        await h.ctx.db
          .selectFrom('visit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      users: (
        await h.ctx.db
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      practitioners: (
        await h.ctx.db
          .selectFrom('practitioner')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    });
    const before = await counts();
    expect(await seedDemoData(h.ctx)).toMatchObject({ seeded: false });
    expect(await seedDemo(h.ctx)).toEqual(accounts);
    expect(await counts()).toEqual(before);

    // An account whose password was changed is no longer advertised with the demo password.
    const token = await login(
      h,
      accounts.find((a) => a.role === 'kasir')!,
    );
    await invoke(h, 'auth.changePassword', { oldPassword: 'demo-kasir', newPassword: 'kasir-baru-2026' }, token);
    expect((await seedDemo(h.ctx)).map((a) => a.role)).not.toContain('kasir');
  });
});

describe('demo data generator', () => {
  it('is deterministic for a seed and a day', async () => {
    const a = await testHost({ now });
    const b = await testHost({ now });
    try {
      await Promise.all([seedDemoData(a.ctx, { patients: 400 }), seedDemoData(b.ctx, { patients: 400 })]);
      for (const table of ['patient', 'visit', 'practitioner', 'facility', 'setting'] as const) {
        const rows = async (hh: Host) => (await hh.ctx.db.selectFrom(table).selectAll().execute()).map((r) => ({ ...r, updated_at: undefined }));
        expect(await rows(a), table).toEqual(await rows(b));
      }
      // Without regions the villages stay empty.
      expect((await a.ctx.db.selectFrom('patient').select('village_code').where('village_code', 'is not', null).execute()).length).toBe(0);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  }, 60_000);

  it('gives other data for another seed, and keeps NIKs unique at 10,000 patients', () => {
    const villages = ['32.01.26.2001', '32.01.26.2002', '32.01.24.2001'];
    const one = generatePatients(200, 1, villages, { today: TODAY });
    expect(generatePatients(200, 1, villages, { today: TODAY })).toEqual(one);
    expect(generatePatients(200, 2, villages, { today: TODAY }).map((p) => p.name)).not.toEqual(one.map((p) => p.name));

    const many = generatePatients(10_000, 7, villages, { today: TODAY });
    const niks = many.map((p) => p.nik).filter((n): n is string => n !== null);
    expect(new Set(niks).size).toBe(niks.length);
    const bpjs = many.map((p) => p.bpjs_number).filter((n): n is string => n !== null);
    expect(new Set(bpjs).size).toBe(bpjs.length);
    expect(
      many.filter((p) => p.created_at.startsWith(TODAY) || localDate(new Date(p.created_at), 'Asia/Jakarta') === TODAY).length,
    ).toBeGreaterThanOrEqual(3);

    const refs = many.map((p, i) => ({
      id: i + 1,
      sex: p.sex,
      birth_date: p.birth_date,
      created_at: p.created_at,
      payer_default: p.payer_default ?? 'umum',
    }));
    const visits = generateVisits(refs, 7, { today: TODAY, todayCount: 70 });
    expect(visits.filter((v) => v.visit_date === TODAY)).toHaveLength(70);
  });

  it('names the demo accounts once per role', () => {
    expect(new Set(demoUsers.map((u) => u.role)).size).toBe(demoUsers.length);
  });
});
