import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, FollowUp, FollowUpList, PatientRecord, Recap, Service, Unit, Visit } from '../../src-main/contract';
import { insertRegions } from '../../src-main/db/repositories/regions';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** WIB wall-clock time on a day → ISO instant. */
const wib = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((h - 7) * 60 + m) * 60_000);
};

const KULON = '33.02.12.2001'; // Sokaraja Kulon
const KARANGRAU = '33.02.12.2002';
const count = (table: Recap['byUnit'], label: string) => table.rows.find((r) => r.label === label);

describe('monthly and yearly recaps and the pustu follow-up list, against hand-computed fixtures', () => {
  let h: HttpHost;
  let admin: string;
  let clock = wib('2026-10-31', '07:00');
  let units: Map<string, Unit>;
  let umumService: Service;
  const visits = new Map<string, Visit>();
  const patients = new Map<string, PatientRecord>();

  async function call<T>(method: string, input: unknown, token = admin) {
    return h.call<T>(method, input, token);
  }
  async function ok<T>(method: string, input: unknown, token = admin): Promise<T> {
    const r = await call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function refused(method: string, input: unknown, status: number, message: RegExp, token = admin) {
    const r = await call(method, input, token);
    expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(status);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(message);
  }
  /** Moves the clock; a new day logs in again (sessions end after idle hours). */
  async function at(day: string, hhmm: string) {
    const newDay = clock.toISOString().slice(0, 10) !== wib(day, hhmm).toISOString().slice(0, 10);
    clock = wib(day, hhmm);
    if (newDay) admin = (await ok<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' }, '')).token;
  }
  async function newPatient(key: string, p: { name: string; sex: 'L' | 'P'; birthDate: string; villageCode?: string }) {
    const { patient } = await ok<{ patient: PatientRecord }>('patients.create', {
      ignoreSimilar: true,
      addressStreet: `Jl. ${key} No. 1`,
      rt: '002',
      rw: '005',
      phone: '081234567890',
      villageCode: p.villageCode ?? null,
      motherName: 'Sumiati',
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
    });
    patients.set(key, patient);
  }
  async function register(key: string, patient: string, unit: string, payer: 'umum' | 'asuransi_lain' = 'umum') {
    const { visit } = await ok<{ visit: Visit }>('visits.register', {
      patientId: patients.get(patient)!.id,
      payer,
      unitId: units.get(unit)!.id,
      ...(payer === 'asuransi_lain' ? { insuranceName: 'Asuransi Sehat' } : {}),
    });
    visits.set(key, visit);
  }
  async function folderTo(patient: string, unit: string) {
    const scan = await ok<{ folder: { id: number } }>('folders.scan', { code: patients.get(patient)!.rmNumber });
    await ok('folders.move', { folderId: scan.folder.id, to: 'unit', unitId: units.get(unit)!.id, method: 'scan' });
    return scan.folder.id;
  }
  const recap = (input: object) => ok<Recap>('reports.recap', input);

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await insertRegions(h.host.ctx.db, [
      { code: '33', parent_code: null, level: 1, name: 'JAWA TENGAH' },
      { code: '33.02', parent_code: '33', level: 2, name: 'KABUPATEN BANYUMAS' },
      { code: '33.02.12', parent_code: '33.02', level: 3, name: 'Sokaraja' },
      { code: KULON, parent_code: '33.02.12', level: 4, name: 'Sokaraja Kulon' },
      { code: KARANGRAU, parent_code: '33.02.12', level: 4, name: 'Karangrau' },
    ]);
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
    umumService = (await ok<Service[]>('services.list', {})).find((s) => s.code === 'UMUM')!;
  });
  afterAll(async () => h?.cleanup());

  it('registers the fixture: October, a November of every age-group boundary, the turn of the year', async () => {
    // 31 Oct 2026: the grandfather's first visit of the year (new patient, no village recorded).
    await at('2026-10-31', '08:00');
    await newPatient('kakek', { name: 'Kakek Sarmo', sex: 'L', birthDate: '1956-11-10' });
    await register('kakek-okt', 'kakek', 'LANSIA');

    // 10 Nov: three queue tickets called after 5, 10 and 18 minutes.
    await at('2026-11-10', '07:30');
    const counter = (await ok<{ id: number; number: number }[]>('counters.list', {})).find((c) => c.number === 1)!;
    for (const minute of ['07:30', '07:31', '07:32']) {
      await at('2026-11-10', minute);
      await ok('queue.issueTicket', { serviceId: umumService.id });
    }
    for (const minute of ['07:35', '07:41', '07:50']) {
      await at('2026-11-10', minute);
      const called = await ok<{ ticket: { id: number } | null }>('queue.callNext', { counterId: counter.id });
      expect(called.ticket).not.toBeNull();
    }
    // The grandfather turns 70 today (70+); the grandmother turns 70 tomorrow (60–69).
    await at('2026-11-10', '08:00');
    await register('kakek-1', 'kakek', 'LANSIA');
    await at('2026-11-10', '08:02');
    await newPatient('nenek', { name: 'Nenek Painah', sex: 'P', birthDate: '1956-11-11', villageCode: KARANGRAU });
    await register('nenek', 'nenek', 'LANSIA');
    // Folders reach Poli Lansia after 6 and 18 minutes; back at 11:00, one complete, one not.
    await at('2026-11-10', '08:06');
    const kakekFolder = await folderTo('kakek', 'LANSIA');
    await at('2026-11-10', '08:20');
    const nenekFolder = await folderTo('nenek', 'LANSIA');
    await at('2026-11-10', '11:00');
    for (const [folderId, complete] of [
      [kakekFolder, true],
      [nenekFolder, false],
    ] as const) {
      await ok('folders.return', { folderId, method: 'scan' });
      const items = (await ok<{ folders: { completenessItems: string[] } }>('settings.get', {})).folders.completenessItems;
      await ok('folders.review', { folderId, items: items.map((item) => ({ item, present: complete || item !== 'Diagnosis' })) });
    }

    await at('2026-11-20', '08:00');
    await register('kakek-2', 'kakek', 'LANSIA');

    // 30 Nov: a baby of exactly 7 days, one of 8 days, a child on its first birthday, a mother a day before her 25th.
    await at('2026-11-30', '08:00');
    await newPatient('bayi7', { name: 'Bayi Tujuh', sex: 'P', birthDate: '2026-11-23', villageCode: KULON });
    await register('bayi7', 'bayi7', 'KIA');
    await newPatient('bayi8', { name: 'Bayi Delapan', sex: 'L', birthDate: '2026-11-22', villageCode: KULON });
    await register('bayi8', 'bayi8', 'KIA');
    await newPatient('anak', { name: 'Anak Setahun', sex: 'L', birthDate: '2025-11-30', villageCode: KARANGRAU });
    await register('anak', 'anak', 'MTBS');
    await newPatient('ibu', { name: 'Ibu Hamil', sex: 'P', birthDate: '2001-12-01', villageCode: KULON });
    await register('ibu', 'ibu', 'KIA', 'asuransi_lain');

    // The turn of the year: 30 Dec (new patient), 2 Jan (first visit of 2027: kunjungan baru), 5 Jan (lama).
    await at('2026-12-30', '08:00');
    await newPatient('q', { name: 'Qomar', sex: 'L', birthDate: '1980-06-15', villageCode: KARANGRAU });
    await register('q-des', 'q', 'UMUM');
    await at('2027-01-02', '08:00');
    await register('q-jan', 'q', 'UMUM');
    await at('2027-01-05', '08:00');
    await register('q-jan2', 'q', 'GIGI');

    expect(visits.size).toBe(11);
    expect(visits.get('q-jan')).toMatchObject({ kunjunganBaru: true, pasienBaru: false });
  });

  it('counts November 2026 by unit, cluster, payer, sex, LB1 age group, baru/lama and village', async () => {
    const r = await recap({ year: 2026, month: 11 });
    expect(r.period).toEqual({ year: 2026, month: 11, from: '2026-11-01', to: '2026-11-30', label: 'November 2026' });
    expect(r.unit).toBeNull();
    const rows = (t: Recap['byUnit']) => t.rows.map((x) => [x.label, x.l, x.p, x.total]);
    expect(r.bySex.total).toMatchObject({ l: 4, p: 3, total: 7 });
    expect(rows(r.byUnit)).toEqual([
      ['Poli Lansia', 2, 1, 3],
      ['Poli KIA / KB', 1, 2, 3],
      ['MTBS', 1, 0, 1],
    ]);
    expect(rows(r.byCluster)).toEqual([
      ['Klaster 1 — Manajemen', 0, 0, 0],
      // The mother of 24 at KIA was not marked pregnant: routed by life stage to klaster 3.
      ['Klaster 2 — Ibu, Anak dan Remaja', 2, 1, 3],
      ['Klaster 3 — Dewasa dan Lansia', 2, 2, 4],
      ['Klaster 4 — Penanggulangan Penyakit Menular', 0, 0, 0],
      ['Lintas Klaster', 0, 0, 0],
    ]);
    expect(rows(r.byPayer)).toEqual([
      ['BPJS', 0, 0, 0],
      ['Umum', 4, 2, 6],
      ['Asuransi lain', 0, 1, 1],
    ]);
    expect(rows(r.bySex)).toEqual([
      ['Laki-laki', 4, 0, 4],
      ['Perempuan', 0, 3, 3],
    ]);
    expect(rows(r.byAgeGroup).filter((x) => x[3] !== 0)).toEqual([
      ['0–7 hari', 0, 1, 1],
      ['8–28 hari', 1, 0, 1],
      ['1–4 tahun', 1, 0, 1],
      ['20–44 tahun', 0, 1, 1],
      ['60–69 tahun', 0, 1, 1],
      ['70+ tahun', 2, 0, 2],
    ]);
    expect(r.byAgeGroup.rows).toHaveLength(12);
    // The grandfather's first visit of 2026 was in October: both November visits are lama.
    expect(rows(r.byKunjungan)).toEqual([
      ['Kunjungan baru', 2, 3, 5],
      ['Kunjungan lama', 2, 0, 2],
    ]);
    expect(rows(r.byPasien)).toEqual([
      ['Pasien baru', 2, 3, 5],
      ['Pasien lama', 2, 0, 2],
    ]);
    expect(rows(r.byVillage)).toEqual([
      ['Sokaraja Kulon', 1, 2, 3],
      ['Karangrau', 1, 1, 2],
      ['Tidak tercatat', 2, 0, 2],
    ]);
    expect(r.byTime.rows).toHaveLength(30);
    expect(r.byTime.rows.filter((x) => x.total > 0).map((x) => [x.label, x.total])).toEqual([
      ['10 November 2026', 2],
      ['20 November 2026', 1],
      ['30 November 2026', 4],
    ]);
  });

  it('queue waits, folder retrieval and KLPCM for the month', async () => {
    const r = await recap({ year: 2026, month: 11 });
    expect(r.queueWaits).toEqual([
      { month: 'November 2026', lane: 'Loket: Umum / BPJS', kind: 'service', issued: 3, wait: { count: 3, median: 600, p90: 1080 } },
      // Each registration queues the patient at the poli; nobody was called there.
      { month: 'November 2026', lane: 'MTBS', kind: 'unit', issued: 1, wait: { count: 0, median: null, p90: null } },
      { month: 'November 2026', lane: 'Poli KIA / KB', kind: 'unit', issued: 3, wait: { count: 0, median: null, p90: null } },
      { month: 'November 2026', lane: 'Poli Lansia', kind: 'unit', issued: 3, wait: { count: 0, median: null, p90: null } },
    ]);
    expect(r.retrieval.overall).toEqual({ count: 2, withinStandard: 1, sharePercent: 50, medianMinutes: 12, p90Minutes: 18 });
    expect(r.retrieval.byUnit).toEqual([
      { unitId: units.get('LANSIA')!.id, unitName: 'Poli Lansia', count: 2, withinStandard: 1, sharePercent: 50, medianMinutes: 12, p90Minutes: 18 },
    ]);
    // Requested in November and never delivered: the 20th and the four of the 30th.
    expect(r.retrieval.notDelivered).toBe(5);
    expect(r.klpcm.byUnit).toEqual([{ unitId: units.get('LANSIA')!.id, unitName: 'Poli Lansia', checked: 2, incomplete: 1, ratePercent: 50 }]);
    expect(r.klpcm.total).toEqual({ checked: 2, incomplete: 1, ratePercent: 50 });
  });

  it('one unit only; the whole year by month; kunjungan baru at the turn of the year', async () => {
    const kia = await recap({ year: 2026, month: 11, unitId: units.get('KIA')!.id });
    expect(kia.unit).toEqual({ id: units.get('KIA')!.id, name: 'Poli KIA / KB' });
    expect(kia.bySex.total.total).toBe(3);
    expect(kia.retrieval.overall.count).toBe(0);
    expect(kia.klpcm.byUnit).toEqual([]);

    const year = await recap({ year: 2026 });
    expect(year.period).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: 'Tahun 2026' });
    expect(year.byTime.rows.map((x) => x.total)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 7, 1]);
    expect(year.byTime.rows[9]!.label).toBe('Oktober');
    expect(count(year.byKunjungan, 'Kunjungan baru')!.total).toBe(7);

    const january = await recap({ year: 2027, month: 1 });
    expect(january.byKunjungan.rows.map((x) => [x.label, x.total])).toEqual([
      ['Kunjungan baru', 1],
      ['Kunjungan lama', 1],
    ]);
    expect(january.byPasien.rows.map((x) => [x.label, x.total])).toEqual([
      ['Pasien baru', 0],
      ['Pasien lama', 2],
    ]);
  });

  it('edited age groups are used; invalid ones are refused with a clear message', async () => {
    await ok('settings.update', {
      reports: {
        ageGroups: [
          { label: 'Bayi', from: 0, to: 11, unit: 'bulan' },
          { label: 'Anak', from: 1, to: 17, unit: 'tahun' },
          { label: 'Dewasa', from: 18, to: null, unit: 'tahun' },
        ],
      },
    });
    const r = await recap({ year: 2026, month: 11 });
    expect(r.byAgeGroup.rows.map((x) => [x.label, x.total])).toEqual([
      ['Bayi', 2],
      ['Anak', 1],
      ['Dewasa', 4],
    ]);
    await refused(
      'settings.update',
      {
        reports: {
          ageGroups: [
            { label: 'A', from: 0, to: 4, unit: 'tahun' },
            { label: 'B', from: 6, to: null, unit: 'tahun' },
          ],
        },
      },
      400,
      /celah antara "A" dan "B"/,
    );
    const { reports } = await ok<{ reports: { ageGroups: unknown[] } }>('settings.get', {});
    expect(reports.ageGroups).toHaveLength(3);
    await ok('settings.update', { reports: { ageGroups: (await import('../../src-main/domain/defaults')).defaultSharedSettings.reports.ageGroups } });
  });

  it('refuses bad periods and an unknown unit in Indonesian', async () => {
    await refused('reports.recap', { year: 2026, month: 13 }, 400, /Bulan 1–12/);
    await refused('reports.recap', { year: 1800 }, 400, /Tahun rekap paling awal 2000/);
    await refused('reports.recap', { year: 2026, unitId: 9999 }, 400, /Unit dengan id 9999 tidak dikenal/);
    await refused('reports.recap', { year: '2026' }, 400, /Tahun harus berupa angka/);
    await refused('reports.recap', { year: 2026 }, 401, /Sesi tidak ada/, '');
  });

  it('exports the recap to .xlsx: one sheet per table, read back with exceljs', async () => {
    const file = await ok<Download>('reports.exportXlsx', { year: 2026, month: 11 });
    expect(file.fileName).toBe('rekap-kunjungan-2026-11.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toHaveLength(13);
    expect(names).toContain('Kunjungan per kelompok umur');
    const ages = book.getWorksheet('Kunjungan per kelompok umur')!;
    expect(ages.getCell('A1').value).toBe('Kunjungan per kelompok umur (LB1)');
    const values: unknown[][] = [];
    ages.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values).toContainEqual(['0–7 hari', 0, 1, 1]);
    expect(values).toContainEqual(['Jumlah', 4, 3, 7]);
    const klpcm = book.worksheets.find((w) => w.name.startsWith('Ketidaklengkapan'))!;
    const klpcmRows: unknown[][] = [];
    klpcm.eachRow((row) => klpcmRows.push((row.values as unknown[]).slice(1)));
    expect(klpcmRows).toContainEqual(['Poli Lansia', 2, 1, 0.5]);
  });

  it('marks visits for follow-up and lists them per pustu and village with address and phone', async () => {
    await at('2026-11-30', '12:00');
    await ok('settings.update', { reports: { pustu: [{ name: 'Sokaraja Kulon', villages: [KULON] }] } });
    const marked = await ok<FollowUp>('followUps.mark', {
      visitId: visits.get('bayi7')!.id,
      reason: 'Kunjungan neonatal (KN2) di rumah',
      note: 'Ibu belum imunisasi',
    });
    expect(marked).toMatchObject({
      visitDate: '2026-11-30',
      villageCode: KULON,
      villageName: 'Sokaraja Kulon',
      pustu: 'Sokaraja Kulon',
      status: 'dikirim',
      markedBy: 'Admin Puskesmas',
      patient: { name: 'Bayi Tujuh', phone: '081234567890', address: 'Jl. bayi7 No. 1, RT 002/RW 005' },
    });
    await ok('followUps.mark', { visitId: visits.get('anak')!.id, reason: 'Pantau gizi' });
    await ok('followUps.mark', { visitId: visits.get('kakek-1')!.id, reason: 'Kunjungan rumah lansia' });
    await refused('followUps.mark', { visitId: visits.get('anak')!.id, reason: 'Lagi' }, 409, /sudah ditandai/);
    await refused('followUps.mark', { visitId: 99999, reason: 'X' }, 404, /Kunjungan dengan id 99999 tidak ditemukan/);
    await refused('followUps.mark', { visitId: visits.get('ibu')!.id, reason: '   ' }, 400, /Wajib diisi/);

    const list = await ok<FollowUpList>('followUps.list', { from: '2026-11-01', to: '2026-11-30' });
    expect(list.count).toBe(3);
    expect(list.groups.map((g) => [g.label, g.villages.map((v) => [v.name, v.items.map((i) => i.patient.name)])])).toEqual([
      ['Pustu Sokaraja Kulon', [['Sokaraja Kulon', ['Bayi Tujuh']]]],
      [
        'Kelurahan/desa tanpa pustu',
        [
          ['Karangrau', ['Anak Setahun']],
          ['Alamat tanpa kelurahan/desa', ['Kakek Sarmo']],
        ],
      ],
    ]);
    const onlyPustu = await ok<FollowUpList>('followUps.list', { from: '2026-11-01', to: '2026-11-30', pustu: 'Sokaraja Kulon' });
    expect(onlyPustu.count).toBe(1);
    const rest = await ok<FollowUpList>('followUps.list', { from: '2026-11-01', to: '2026-11-30', pustu: '-' });
    expect(rest.count).toBe(2);
    await refused('followUps.list', { from: '2026-11-01', to: '2026-11-30', pustu: 'Tidak Ada' }, 400, /Pustu "Tidak Ada" tidak ada/);
    await refused('followUps.list', { from: '2026-11-30', to: '2026-11-01' }, 400, /Tanggal akhir sebelum tanggal awal/);

    const done = await ok<FollowUp>('followUps.setStatus', { id: marked.id, status: 'selesai', note: 'Dikunjungi bidan desa 2/12' });
    expect(done).toMatchObject({ status: 'selesai', doneBy: 'Admin Puskesmas', doneNote: 'Dikunjungi bidan desa 2/12' });
    await refused('followUps.setStatus', { id: marked.id, status: 'selesai' }, 409, /sudah selesai/);
    expect((await ok<FollowUpList>('followUps.list', { from: '2026-11-01', to: '2026-11-30', status: 'dikirim' })).count).toBe(2);

    const day = await ok<{ date: string; visits: { rmNumber: string; followUpId: number | null }[] }>('followUps.visitsOfDay', { query: 'bayi' });
    expect(day.date).toBe('2026-11-30');
    expect(day.visits.map((v) => [v.rmNumber, v.followUpId !== null])).toEqual([
      [patients.get('bayi7')!.rmNumber, true],
      [patients.get('bayi8')!.rmNumber, false],
    ]);

    const file = await ok<Download>('followUps.exportXlsx', { from: '2026-11-01', to: '2026-11-30' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const bayi = rows.find((r) => r.includes('Bayi Tujuh'))!;
    expect(bayi).toEqual(expect.arrayContaining(['Sokaraja Kulon', 'Jl. bayi7 No. 1, RT 002/RW 005', '081234567890', 'Selesai']));
    expect(rows.filter((r) => r.includes('Kakek Sarmo'))).toHaveLength(1);
  });

  it('counts referrals out by destination: issued letters of the period, a cancelled one left out', async () => {
    await at('2026-11-30', '13:00');
    const doctor = await ok<{ id: number }>('practitioners.save', { name: 'dr. Rina', profession: 'dokter', nip: null, sip: null, str: null });
    const facility = async (name: string) =>
      (await ok<{ id: number }>('facilities.save', { name, kind: 'rs', code: null, address: null, phone: null })).id;
    const rsud = await facility('RSUD Margono');
    const rsb = await facility('RS Bunda');
    const refer = (visit: string, facilityId: number) =>
      ok<{ letterId: number }>('letters.createReferral', {
        patientId: visits.get(visit)!.patient.id,
        visitId: visits.get(visit)!.id,
        signerId: doctor.id,
        facilityId,
        specialty: 'Penyakit Dalam',
        emergency: false,
        anamnesis: 'Keluhan menetap.',
        diagnosisText: 'Hipertensi',
        reason: 'Perlu penanganan spesialis.',
      });
    await refer('ibu', rsud);
    await refer('nenek', rsud);
    await refer('kakek-1', rsb);
    const cancelled = await refer('anak', rsb);
    await ok('letters.cancel', { id: cancelled.letterId, reason: 'Salah tujuan' });
    const r = await recap({ year: 2026, month: 11 });
    expect(r.referrals.available).toBe(true);
    expect(r.referrals.byDestination.rows.map((x) => [x.label, x.l, x.p, x.total])).toEqual([
      ['RSUD Margono', 0, 2, 2],
      ['RS Bunda', 1, 0, 1],
    ]);
    const kia = await recap({ year: 2026, month: 11, unitId: units.get('KIA')!.id });
    expect(kia.referrals.byDestination.rows.map((x) => [x.label, x.total])).toEqual([['RSUD Margono', 1]]);
    expect((await recap({ year: 2026, month: 10 })).referrals.byDestination.total.total).toBe(0);
  });

  it('guards: marking for the clerk and the cluster staff, the list for those who see reports', async () => {
    const user = async (username: string, role: string) => {
      await ok('users.create', { username, fullName: username, role, password: `${username}-rahasia` });
      return (await ok<{ token: string }>('auth.login', { username, password: `${username}-rahasia` }, '')).token;
    };
    const rm = await user('rekammedis', 'rekam_medis');
    const daftar = await user('pendaftar', 'pendaftaran');
    const dokter = await user('dokter1', 'dokter');
    await refused('followUps.mark', { visitId: visits.get('ibu')!.id, reason: 'Pantau kehamilan' }, 403, /tidak berhak menandai/, rm);
    expect((await ok<FollowUpList>('followUps.list', { from: '2026-11-01', to: '2026-11-30' }, rm)).count).toBe(3);
    await refused('followUps.list', { from: '2026-11-01', to: '2026-11-30' }, 403, /Anda tidak berhak melihat data laporan/, daftar);
    await refused('reports.recap', { year: 2026 }, 403, /tidak berhak melihat data laporan/, daftar);
    const byDoctor = await ok<FollowUp>('followUps.mark', { visitId: visits.get('ibu')!.id, reason: 'Pantau kehamilan' }, dokter);
    expect(byDoctor.markedBy).toBe('dokter1');
    const byClerk = await ok<FollowUp>('followUps.mark', { visitId: visits.get('nenek')!.id, reason: 'Kunjungan rumah' }, daftar);
    expect(byClerk).toMatchObject({ villageName: 'Karangrau', pustu: null });
  });
});
