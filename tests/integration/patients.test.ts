import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecord, PatientSummary } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

type Saved = { patient: PatientRecord; warnings: string[] };

// 12 March 1990, a woman: DD + 40 = 52.
const SITI_NIK = '3201015203900001';
const siti = {
  name: 'Siti Aminah',
  nik: SITI_NIK,
  birthPlace: 'Bogor',
  birthDate: '1990-03-12',
  sex: 'P',
  phone: '0812-3456-7890',
  bpjsNumber: '0001 2345 67890',
};

describe('patient records', () => {
  let h: HttpHost;
  let admin: string;
  const create = (input: Record<string, unknown>) => h.call<Saved>('patients.create', input, admin);
  async function created(input: Record<string, unknown>): Promise<Saved> {
    const r = await create(input);
    if (!r.body.ok) throw new Error(`${r.status} ${r.body.error.message}`);
    return r.body.value;
  }
  const patientCount = () => (h.host.store.sqlite.prepare('SELECT count(*) AS n FROM patient').get() as { n: number }).n;

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    h.host.store.sqlite.exec(`INSERT INTO region (code, parent_code, level, name) VALUES
      ('32', NULL, 1, 'Jawa Barat'), ('32.01', '32', 2, 'Kabupaten Bogor'), ('32.01.01', '32.01', 3, 'Cibinong'), ('32.01.01.1001', '32.01.01', 4, 'Pakansari')`);
  });
  afterAll(async () => h.cleanup());

  it('registers a new patient from KTP data, normalising numbers and allocating the RM number', async () => {
    const { patient, warnings } = await created({
      ...siti,
      addressStreet: 'Jl. Tegar Beriman 1',
      rt: '3',
      rw: '12',
      villageCode: '32.01.01.1001',
      religion: 'islam',
    });
    expect(warnings).toEqual([]);
    expect(patient).toMatchObject({
      rmNumber: '000001',
      name: 'Siti Aminah',
      nik: SITI_NIK,
      phone: '081234567890',
      bpjsNumber: '0001234567890',
      payerDefault: 'bpjs',
      rt: '003',
      rw: '012',
      regionPath: 'Pakansari, Cibinong, Kabupaten Bogor, Jawa Barat',
      religion: 'islam',
    });
    const again = await h.call<PatientRecord>('patients.get', { id: patient.id }, admin);
    expect(again.body).toMatchObject({ ok: true, value: { rmNumber: '000001' } });
  });

  it('decodes a NIK and warns, without blocking, when it contradicts the form', async () => {
    const r = await h.call<{ birthDate: string; sex: string; regionOfIssue: string | null; warnings: string[] }>(
      'patients.decodeNik',
      { nik: '3201 0152 0390 0001', birthDate: '1991-03-12', sex: 'L' },
      admin,
    );
    if (!r.body.ok) throw new Error(r.body.error.message);
    expect(r.body.value).toMatchObject({ birthDate: '1990-03-12', sex: 'P', regionOfIssue: 'Cibinong, Kabupaten Bogor, Jawa Barat' });
    expect(r.body.value.warnings.length).toBe(2);
    const bad = await h.call('patients.decodeNik', { nik: '320101310290000' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { fields: [{ path: 'nik' }] } });

    const { warnings, patient } = await created({ name: 'Budi Santoso', nik: '3201010507850002', birthDate: '1985-07-06', sex: 'L' });
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(/Tanggal lahir/);
    expect(patient.birthDate).toBe('1985-07-06');
  });

  it('blocks a second patient with the same NIK and offers the existing one', async () => {
    const before = patientCount();
    const r = await create({ ...siti, name: 'Sitti Aminah', birthDate: '1990-03-12' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Siti Aminah, No. RM 000001') as string, fields: [{ path: 'nik' }] },
    });
    const dup = await h.call<{ sameNik: PatientSummary | null }>('patients.findDuplicates', { name: 'Siapa Saja', nik: SITI_NIK }, admin);
    expect(dup.body).toMatchObject({ ok: true, value: { sameNik: { rmNumber: '000001' } } });
    expect(patientCount()).toBe(before);
  });

  it('warns about a similar name with the same or a near birth date, and lets the clerk confirm', async () => {
    const dup = await h.call<{ similar: PatientSummary[] }>('patients.findDuplicates', { name: 'siti aminah', birthDate: '1990-03-14' }, admin);
    expect(dup.body).toMatchObject({ ok: true, value: { sameNik: null, similar: [{ name: 'Siti Aminah' }] } });
    const far = await h.call<{ similar: PatientSummary[] }>('patients.findDuplicates', { name: 'siti aminah', birthDate: '1995-03-12' }, admin);
    expect(far.body).toMatchObject({ ok: true, value: { similar: [] } });

    const refused = await create({ name: 'Siti Aminah', birthDate: '1990-03-12', sex: 'P' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ ok: false, error: { fields: [{ path: 'name' }] } });
    const confirmed = await created({ name: 'Siti Aminah', birthDate: '1990-03-12', sex: 'P', ignoreSimilar: true });
    expect(confirmed.patient.nik).toBeNull();
    expect(confirmed.patient.payerDefault).toBe('umum');
  });

  it('refuses bad input with the field and the reason, and saves nothing', async () => {
    const before = patientCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ nik: '320101520390000' }, 'nik'],
      [{ nik: '32010152039000011' }, 'nik'],
      [{ nik: '3201017102900001' }, 'nik'], // 31 February 1990 for a woman
      [{ nik: '32010152O3900001' }, 'nik'],
      [{ birthDate: '2999-01-01' }, 'birthDate'],
      [{ birthDate: '2026-02-31' }, 'birthDate'],
      [{ name: 'A' }, 'name'],
      [{ name: 'x'.repeat(500) }, 'name'],
      [{ name: 'Budi 😀 Santoso' }, 'name'],
      [{ name: "Robert'); DROP TABLE patient;--" }, 'name'],
      [{ phone: '08abc' }, 'phone'],
      [{ bpjsNumber: '12345' }, 'bpjsNumber'],
      [{ villageCode: '99.99.99.9999' }, 'villageCode'],
      [{ kkNumber: '123' }, 'kkNumber'],
      [{ motherNik: '3201010507850002' }, 'motherNik'],
    ];
    for (const [change, field] of cases) {
      const r = await create({ name: 'Pasien Uji', birthDate: '1980-01-01', sex: 'L', ignoreSimilar: true, ...change });
      expect(r.status, JSON.stringify(change)).toBe(400);
      if (r.body.ok) continue;
      expect(
        r.body.error.fields?.map((f) => f.path),
        JSON.stringify(change),
      ).toContain(field);
      expect(r.body.error.message).toMatch(/^(Data pasien belum benar|Isian tidak valid)/);
    }
    const infant = await create({ name: 'Bayi Ny. Rina', birthDate: '2026-10-01', sex: 'P' });
    expect(infant.body).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'motherName', message: 'Wajib diisi untuk bayi yang belum mempunyai NIK' }] },
    });
    expect(patientCount()).toBe(before);
    const withMother = await created({ name: 'Bayi Ny. Rina', birthDate: '2026-10-01', sex: 'P', motherName: 'Rina Marlina', motherNik: SITI_NIK });
    expect(withMother.patient.motherNik).toBe(SITI_NIK);
  });

  it('corrects a patient; a NIK of another patient is refused; a missing id is 404', async () => {
    const { patient } = await created({ name: 'Joko Widodo', birthDate: '1961-06-21', sex: 'L', ignoreSimilar: true });
    const fixed = await h.call<Saved>('patients.update', { id: patient.id, name: 'Joko  Widodo', phone: '+62 811 222 333' }, admin);
    expect(fixed.body).toMatchObject({ ok: true, value: { patient: { name: 'Joko Widodo', phone: '0811222333', rmNumber: patient.rmNumber } } });
    const stolen = await h.call('patients.update', { id: patient.id, nik: SITI_NIK }, admin);
    expect(stolen.status).toBe(409);
    expect((await h.call('patients.update', { id: 424242, name: 'Siapa' }, admin)).status).toBe(404);
    expect((await h.call('patients.get', { id: 424242 }, admin)).status).toBe(404);
    // Correction is a separate right from input (Permenkes 24/2022).
    await h.call('users.create', { username: 'kasir9', fullName: 'Kasir', role: 'kasir', password: 'kasir-rahasia' }, admin);
    const login = await h.call<{ token: string }>('auth.login', { username: 'kasir9', password: 'kasir-rahasia' });
    const kasir = login.body.ok ? login.body.value.token : '';
    expect((await h.call('patients.update', { id: patient.id, name: 'Diubah Kasir' }, kasir)).status).toBe(403);
  });

  it('gives distinct, consecutive RM numbers to 10 counters registering at the same moment', async () => {
    const before = (h.host.store.sqlite.prepare('SELECT value FROM number_sequence WHERE name = ?').get('rm') as { value: number }).value;
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        create({
          name: `Pasien Serentak ${String.fromCharCode(65 + i)}${String.fromCharCode(75 + i)}`,
          birthDate: `19${50 + i}-01-0${1 + (i % 9)}`,
          sex: i % 2 ? 'L' : 'P',
        }),
      ),
    );
    const rms = replies.map((r) => (r.body.ok ? r.body.value.patient.rmNumber : `gagal: ${r.body.error.message}`));
    expect(new Set(rms).size).toBe(10);
    expect(rms.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
  });

  it('numbers family folders by KK with a member suffix when the puskesmas uses them', async () => {
    await h.call('settings.update', { rmFormat: { family: true, prefix: 'K' } }, admin);
    const kk = '3201012020200001';
    const father = await created({ name: 'Ahmad Keluarga', birthDate: '1980-05-05', sex: 'L', kkNumber: kk });
    const child = await created({ name: 'Putri Keluarga', birthDate: '2015-05-05', sex: 'P', kkNumber: kk });
    const other = await created({ name: 'Lain Keluarga', birthDate: '1979-02-02', sex: 'L', kkNumber: '3201012020200002' });
    expect(father.patient.rmNumber).toMatch(/^K\d{6}-01$/);
    expect(child.patient.rmNumber).toBe(father.patient.rmNumber.replace(/-01$/, '-02'));
    expect(other.patient.rmNumber.slice(0, -3)).not.toBe(father.patient.rmNumber.slice(0, -3));
    await h.call('settings.update', { rmFormat: { family: false, prefix: '' } }, admin);
  });
});
