import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, PatientRecord, Register, Unit, Visit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/**
 * Fixtures registered through the API with the clock moved (WIB, UTC+7):
 * 2025-12-31 Hendra's first visit; 2026-01-02 five visits (four infants born around the age
 * boundaries, Hendra's first of the new year); 2026-01-05 Hendra again.
 */
describe('register harian', () => {
  let h: HttpHost;
  let admin: string;
  let units: Map<string, Unit>;
  let clock = new Date('2025-12-31T01:00:00.000Z');
  // Days pass between the fixtures: a new session after each jump (sessions expire when idle).
  const at = async (iso: string) => {
    clock = new Date(iso);
    if (admin) admin = (await ok<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' }, '')).token;
  };
  async function ok<T>(method: string, input: unknown, token = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const newPatient = async (input: Record<string, unknown>) =>
    (await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, ...input })).patient;
  const register = async (patientId: number, payer: string, unit: string, extra: Record<string, unknown> = {}) =>
    (
      await ok<{ visit: Visit }>('visits.register', {
        patientId,
        payer,
        unitId: units.get(unit)!.id,
        ...(payer === 'bpjs' ? { bpjsFaskesConfirmed: true } : {}),
        ...extra,
      })
    ).visit;
  const daily = (input: Record<string, unknown>) => ok<Register>('register.daily', input);

  let hendra: PatientRecord;
  const visits: Record<string, Visit> = {};

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await ok('settings.update', { puskesmas: { name: 'UPT Puskesmas Sukamaju' } });
    h.host.store.sqlite.exec(`INSERT INTO region (code, parent_code, level, name) VALUES
      ('32', NULL, 1, 'Jawa Barat'), ('32.01', '32', 2, 'Kabupaten Bogor'), ('32.01.01', '32.01', 3, 'Cibinong'), ('32.01.01.1001', '32.01.01', 4, 'Pakansari')`);
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));

    await at('2025-12-31T01:00:00.000Z'); // 08:00 WIB
    hendra = await newPatient({
      name: 'Hendra Gunawan',
      birthDate: '1980-06-15',
      sex: 'L',
      bpjsNumber: '0001112223334',
      villageCode: '32.01.01.1001',
    });
    visits.h1 = await register(hendra.id, 'bpjs', 'UMUM');

    await at('2026-01-02T00:30:00.000Z'); // 07:30 WIB
    const infant = (name: string, birthDate: string, sex: string) => newPatient({ name, birthDate, sex, motherName: 'Ibu Fixture' });
    const d29 = await infant('Bayi Dua Sembilan', '2025-12-04', 'P'); // 29 days on 2026-01-02
    const m1 = await infant('Bayi Satu Bulan', '2025-12-02', 'L'); // exactly 1 month
    const m11 = await infant('Bayi Sebelas Bulan', '2025-01-03', 'P'); // 11 months, 30 days
    const y1 = await infant('Anak Satu Tahun', '2025-01-02', 'L'); // exactly 1 year
    visits.h2 = await register(hendra.id, 'bpjs', 'UMUM');
    visits.d29 = await register(d29.id, 'umum', 'KIA');
    visits.m1 = await register(m1.id, 'umum', 'KIA');
    visits.m11 = await register(m11.id, 'asuransi_lain', 'MTBS', { insuranceName: 'Mandiri Inhealth' });
    await at('2026-01-02T02:05:00.000Z'); // 09:05 WIB
    visits.y1 = await register(y1.id, 'umum', 'GIGI', { emergency: false });
    await ok('visits.markPaid', { visitId: visits.m1.id });

    await at('2026-01-05T03:00:00.000Z');
    visits.h3 = await register(hendra.id, 'bpjs', 'UMUM');
    await at('2026-01-05T03:30:00.000Z');
  });
  afterAll(async () => h.cleanup());

  it('writes one line per visit with ages at the boundaries, payer, baru/lama and the fee', async () => {
    const reg = await daily({ date: '2026-01-02' });
    expect(reg).toMatchObject({ date: '2026-01-02', dateTo: '2026-01-02', unitId: null, cluster: null, payer: null });
    expect(reg.description).toBe('2 Januari 2026 · semua unit · semua klaster · semua penjamin');
    expect(reg.rows.map((r) => [r.seq, r.patientName, r.ageText, r.age])).toEqual([
      [1, 'Hendra Gunawan', '45 th', { value: 45, unit: 'th' }],
      [2, 'Bayi Dua Sembilan', '29 hr', { value: 29, unit: 'hr' }],
      [3, 'Bayi Satu Bulan', '1 bln', { value: 1, unit: 'bln' }],
      [4, 'Bayi Sebelas Bulan', '11 bln', { value: 11, unit: 'bln' }],
      [5, 'Anak Satu Tahun', '1 th', { value: 1, unit: 'th' }],
    ]);
    const [h2, d29, m1, m11, y1] = reg.rows as [Register['rows'][0], ...Register['rows']];
    // Hendra came on 31 December: his first visit of 2026 is kunjungan baru, though he is pasien lama.
    expect(h2).toMatchObject({
      visitDate: '2026-01-02',
      registeredAt: '2026-01-02T00:30:00.000Z',
      rmNumber: hendra.rmNumber,
      sex: 'L',
      village: 'Pakansari',
      payer: 'bpjs',
      bpjsNumber: '0001112223334',
      unitName: 'Poli Umum',
      cluster: 'klaster3',
      kunjunganBaru: true,
      pasienBaru: false,
      referredOut: false,
      fee: 0,
      paid: false,
    });
    expect(d29).toMatchObject({ kunjunganBaru: true, pasienBaru: true, payer: 'umum', fee: 10_000, paid: false, paidAt: null, cluster: 'klaster2' });
    expect(m1).toMatchObject({ fee: 10_000, paid: true, paidAt: '2026-01-02T02:05:00.000Z' });
    expect(m11).toMatchObject({ payer: 'asuransi_lain', insuranceName: 'Mandiri Inhealth', unitName: 'MTBS', fee: 0, village: null });
    expect(y1).toMatchObject({ unitName: 'Poli Gigi dan Mulut', registeredAt: '2026-01-02T02:05:00.000Z', sex: 'L' });

    expect(reg.totals).toEqual({
      visits: 5,
      male: 3,
      female: 2,
      kunjunganBaru: 5,
      kunjunganLama: 0,
      pasienBaru: 4,
      pasienLama: 1,
      referredOut: 0,
      byPayer: [
        { key: 'bpjs', label: 'BPJS', count: 1 },
        { key: 'umum', label: 'Umum', count: 3 },
        { key: 'asuransi_lain', label: 'Asuransi lain', count: 1 },
      ],
      byUnit: [
        { key: String(units.get('UMUM')!.id), label: 'Poli Umum', count: 1 },
        { key: String(units.get('GIGI')!.id), label: 'Poli Gigi dan Mulut', count: 1 },
        { key: String(units.get('KIA')!.id), label: 'Poli KIA / KB', count: 2 },
        { key: String(units.get('MTBS')!.id), label: 'MTBS', count: 1 },
      ],
      feeBilled: 30_000,
      feePaid: 10_000,
    });
  });

  it('counts kunjungan baru per calendar year: the last day of the old year and a later visit in the new one', async () => {
    expect((await daily({ date: '2025-12-31' })).rows).toMatchObject([{ seq: 1, kunjunganBaru: true, pasienBaru: true, ageText: '45 th' }]);
    expect((await daily({ date: '2026-01-05' })).rows).toMatchObject([{ seq: 1, kunjunganBaru: false, pasienBaru: false }]);
  });

  it('covers a range of days in date and number order, with the totals over the range', async () => {
    const reg = await daily({ date: '2025-12-31', dateTo: '2026-01-05' });
    expect(reg.description).toBe('31 Desember 2025 s.d. 5 Januari 2026 · semua unit · semua klaster · semua penjamin');
    expect(reg.rows.map((r) => `${r.visitDate}#${r.seq}`)).toEqual([
      '2025-12-31#1',
      '2026-01-02#1',
      '2026-01-02#2',
      '2026-01-02#3',
      '2026-01-02#4',
      '2026-01-02#5',
      '2026-01-05#1',
    ]);
    expect(reg.totals).toMatchObject({ visits: 7, male: 5, female: 2, kunjunganBaru: 6, kunjunganLama: 1, pasienBaru: 5, pasienLama: 2 });
  });

  it('filters by unit, cluster and payer', async () => {
    const kia = await daily({ date: '2026-01-02', unitId: units.get('KIA')!.id });
    expect(kia.rows.map((r) => r.patientName)).toEqual(['Bayi Dua Sembilan', 'Bayi Satu Bulan']);
    expect(kia.description).toBe('2 Januari 2026 · Unit Poli KIA / KB · semua klaster · semua penjamin');
    expect(kia.totals).toMatchObject({ visits: 2, byUnit: [{ label: 'Poli KIA / KB', count: 2 }], feeBilled: 20_000, feePaid: 10_000 });

    const k2 = await daily({ date: '2026-01-02', cluster: 'klaster2' });
    expect(k2.rows.map((r) => r.seq)).toEqual([2, 3, 4, 5]);
    const umum = await daily({ date: '2025-12-31', dateTo: '2026-01-05', payer: 'umum', cluster: 'klaster2' });
    expect(umum.rows.map((r) => r.seq)).toEqual([2, 3, 5]);
    expect(umum.description).toContain('Klaster 2 — Ibu, Anak dan Remaja · penjamin Umum');
    const none = await daily({ date: '2026-01-02', unitId: units.get('TB')!.id });
    expect(none.rows).toEqual([]);
    expect(none.totals).toMatchObject({ visits: 0, byUnit: [], feeBilled: 0 });
  });

  it('refuses a bad period or an unknown unit with a clear message, in Indonesian', async () => {
    const refused = async (input: Record<string, unknown>) => {
      const r = await h.call('register.daily', input, admin);
      expect(r.status).toBe(400);
      if (r.body.ok) throw new Error('diterima');
      return r.body.error;
    };
    expect(await refused({ date: '2026-01-05', dateTo: '2026-01-02' })).toMatchObject({
      code: 'VALIDATION',
      message: 'Tanggal akhir (2 Januari 2026) sebelum tanggal awal (5 Januari 2026).',
      fields: [{ path: 'dateTo' }],
    });
    expect(await refused({ date: '2026-01-01', dateTo: '2026-02-01' })).toMatchObject({
      message: 'Rentang register paling panjang 31 hari; yang diminta 32 hari.',
    });
    expect((await daily({ date: '2026-01-01', dateTo: '2026-01-31' })).rows).toHaveLength(6);
    expect(await refused({ date: '2026-01-02', unitId: 9999 })).toMatchObject({
      message: 'Unit dengan id 9999 tidak ditemukan.',
      fields: [{ path: 'unitId' }],
    });
    expect((await refused({ date: '2026-02-30' })).message).toContain('Tanggal harus berformat TTTT-BB-HH dan ada di kalender');
    expect((await refused({ date: '2026-01-02', payer: 'gratis' })).fields?.[0]?.path).toBe('payer');
    // The same checks guard the export and the printout.
    expect((await h.call('register.exportXlsx', { date: '2026-01-05', dateTo: '2026-01-02' }, admin)).status).toBe(400);
    expect((await h.call('documents.register', { date: '2026-01-02', unitId: 9999 }, admin)).status).toBe(400);
  });

  it('is open to the cashier; not without a session', async () => {
    await ok('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'kasir-rahasia' });
    const kasir = (await ok<{ token: string }>('auth.login', { username: 'kasir1', password: 'kasir-rahasia' }, '')).token;
    expect((await ok<Register>('register.daily', { date: '2026-01-02' }, kasir)).rows).toHaveLength(5);
    expect((await h.call('register.exportXlsx', { date: '2026-01-02' }, kasir)).status).toBe(200);
    for (const method of ['register.daily', 'register.exportXlsx', 'documents.register']) {
      const r = await h.call(method, { date: '2026-01-02' }, null);
      expect(r.status).toBe(401);
    }
  });

  it('exports .xlsx: title row, frozen filtered header, date cells and number cells, totals', async () => {
    const file = await ok<Download>('register.exportXlsx', { date: '2026-01-02' });
    expect(file).toMatchObject({
      fileName: 'register-harian-2026-01-02.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.length).toBe(file.bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Register', 'Jumlah']);
    const ws = wb.getWorksheet('Register')!;
    expect(ws.getCell('A1').value).toBe('Register Harian Pasien UPT Puskesmas Sukamaju');
    expect(ws.getCell('A2').value).toBe('2 Januari 2026 · semua unit · semua klaster · semua penjamin');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([
      'No.',
      'Tanggal',
      'Waktu daftar',
      'No. RM',
      'Nama pasien',
      'L/P',
      'Tanggal lahir',
      'Umur',
      'Satuan umur',
      'Desa/Kelurahan',
      'Penjamin',
      'No. BPJS',
      'Kunjungan',
      'Pasien',
      'Unit',
      'Klaster',
      'Gawat darurat',
      'Dirujuk keluar',
      'Biaya umum',
      'Lunas',
      'Waktu bayar',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:U9');
    const col = (name: string) => header.indexOf(name) + 1;
    const hendraRow = ws.getRow(5);
    expect(hendraRow.getCell(col('No.')).value).toBe(1);
    expect(hendraRow.getCell(col('Tanggal')).value).toEqual(new Date('2026-01-02T00:00:00.000Z'));
    // 00:30 UTC is 07:30 WIB: the cell holds the wall clock of the puskesmas.
    expect(hendraRow.getCell(col('Waktu daftar')).value).toEqual(new Date('2026-01-02T07:30:00.000Z'));
    expect(hendraRow.getCell(col('Tanggal lahir')).value).toEqual(new Date('1980-06-15T00:00:00.000Z'));
    expect(hendraRow.getCell(col('Umur')).value).toBe(45);
    expect(hendraRow.getCell(col('No. RM')).value).toBe(hendra.rmNumber);
    expect(hendraRow.getCell(col('No. BPJS')).value).toBe('0001112223334');
    expect(hendraRow.getCell(col('Penjamin')).value).toBe('BPJS');
    expect(hendraRow.getCell(col('Dirujuk keluar')).value).toBe('Tidak');
    const bayi = ws.getRow(6);
    expect(bayi.getCell(col('Umur')).value).toBe(29);
    expect(bayi.getCell(col('Satuan umur')).value).toBe('hari');
    expect(bayi.getCell(col('Biaya umum')).value).toBe(10_000);
    expect(bayi.getCell(col('Lunas')).value).toBe('Belum');
    expect(ws.getRow(7).getCell(col('Lunas')).value).toBe('Ya');
    expect(ws.getRow(7).getCell(col('Waktu bayar')).value).toEqual(new Date('2026-01-02T09:05:00.000Z'));
    expect(ws.getRow(8).getCell(col('Penjamin')).value).toBe('Asuransi lain (Mandiri Inhealth)');
    // Totals below the filtered range.
    expect(ws.getRow(11).getCell(col('No. RM')).value).toBe('Jumlah');
    expect(ws.getRow(11).getCell(col('Biaya umum')).value).toBe(30_000);

    const sum = wb.getWorksheet('Jumlah')!;
    const lines = new Map<string, unknown>();
    sum.eachRow((row, n) => {
      if (n > 4) lines.set(`${row.getCell(1).text}|${row.getCell(2).text}`, row.getCell(3).value ?? row.getCell(4).value);
    });
    expect(lines.get('Jumlah|Kunjungan')).toBe(5);
    expect(lines.get('Jenis kelamin|Perempuan')).toBe(2);
    expect(lines.get('Pasien|Pasien baru')).toBe(4);
    expect(lines.get('Penjamin|Umum')).toBe(3);
    expect(lines.get('Unit|Poli KIA / KB')).toBe(2);
    expect(lines.get('Biaya umum|Dibayar')).toBe(10_000);
  });

  it('prints on A4 or F4 landscape with the kop, the filters and every visit', async () => {
    const a4 = await ok<{ title: string; html: string; paper: { widthMm: number; heightMm: number } }>('documents.register', { date: '2026-01-02' });
    expect(a4.paper).toEqual({ widthMm: 297, heightMm: 210 });
    expect(a4.html).toContain('UPT PUSKESMAS SUKAMAJU');
    expect(a4.html).toContain('counter(pages)');
    expect(a4.html).not.toMatch(/<script/i);
    const f4 = await ok<{ paper: { widthMm: number; heightMm: number } }>('documents.register', { date: '2026-01-02', paper: 'F4' });
    expect(f4.paper).toEqual({ widthMm: 330, heightMm: 215 });
  });

  it('marks a visit referred out by a surat rujukan, not by a cancelled one', async () => {
    const doctor = await ok<{ id: number }>('practitioners.save', {
      name: 'dr. Rina Wulandari',
      profession: 'dokter',
      nip: null,
      sip: null,
      str: null,
    });
    const rsud = await ok<{ id: number }>('facilities.save', { name: 'RSUD Cibinong', kind: 'rs', code: '3201R001', address: null, phone: null });
    await ok('facilities.saveSpecialties', { facilityId: rsud.id, specialties: ['Anak'] });
    const refer = (visit: Visit) =>
      ok<{ letterId: number }>('letters.createReferral', {
        patientId: visit.patient.id,
        visitId: visit.id,
        signerId: doctor.id,
        facilityId: rsud.id,
        specialty: 'Anak',
        emergency: false,
        anamnesis: 'Demam tinggi lima hari, tidak mau menyusu.',
        diagnosisText: 'Sepsis neonatorum',
        reason: 'Perlu perawatan intensif neonatus.',
      });
    await refer(visits.d29!);
    const cancelled = await refer(visits.m1!);
    await ok('letters.cancel', { id: cancelled.letterId, reason: 'Salah pasien' });

    const reg = await daily({ date: '2026-01-02' });
    expect(reg.rows.map((r) => [r.patientName, r.referredOut])).toEqual([
      ['Hendra Gunawan', false],
      ['Bayi Dua Sembilan', true],
      ['Bayi Satu Bulan', false],
      ['Bayi Sebelas Bulan', false],
      ['Anak Satu Tahun', false],
    ]);
    expect(reg.totals.referredOut).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from((await ok<Download>('register.exportXlsx', { date: '2026-01-02' })).base64, 'base64') as unknown as ExcelJS.Buffer,
    );
    expect(wb.getWorksheet('Register')!.getRow(6).getCell(18).value).toBe('Ya');
  });
});
