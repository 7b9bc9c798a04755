import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BODY_BYTES, type ImportPreview, type ImportResult, type LoketEvent } from '../../src-main/contract';
import { MAX_BODY_BYTES } from '../../src-main/http/server';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const NOW = new Date('2026-11-23T03:00:00Z'); // 10.00 WIB

/** A NIK issued in Kec. Megamendung (32.01.26): DDMMYY with DD + 40 for women. */
function nik(birthDate: string, sex: 'L' | 'P', seq: number): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `320126${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(seq).padStart(4, '0')}`;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** Semicolon CSV with a UTF-8 BOM, as Excel (Indonesian locale) saves it. */
const csv = (rows: string[][], delimiter = ';') =>
  `\uFEFF${rows.map((r) => r.map((c) => (/[";\n,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n')}\r\n`;

const HEADERS = ['No. RM', 'NIK', 'Nama Pasien', 'Tgl Lahir', 'JK', 'Alamat', 'RT/RW', 'Desa/Kelurahan', 'No HP', 'No. Kartu', 'Nama Ibu', 'No KK'];
type Row = Partial<Record<'rm' | 'nik' | 'name' | 'dob' | 'sex' | 'address' | 'rtrw' | 'village' | 'phone' | 'bpjs' | 'mother' | 'kk', string>>;
const line = (r: Row) => [
  r.rm ?? '',
  r.nik ?? '',
  r.name ?? '',
  r.dob ?? '',
  r.sex ?? '',
  r.address ?? '',
  r.rtrw ?? '',
  r.village ?? '',
  r.phone ?? '',
  r.bpjs ?? '',
  r.mother ?? '',
  r.kk ?? '',
];
const MAPPING = ['rmNumber', 'nik', 'name', 'birthDate', 'sex', 'addressStreet', 'rtRw', 'village', 'phone', 'bpjsNumber', 'motherName', 'kkNumber'];

const good: Row[] = [
  {
    rm: '123',
    nik: nik('1990-03-12', 'P', 1),
    name: 'Siti Aminah',
    dob: '12-03-1990',
    sex: 'P',
    address: 'Kp. Babakan',
    rtrw: '003/005',
    village: 'Gadog',
    phone: '0812-3456-7890',
    bpjs: '1234567890',
    kk: '3201260101200001',
  },
  {
    rm: '00-01-24',
    nik: nik('1985-07-05', 'L', 2),
    name: 'Budi Santoso',
    dob: '05/07/1985',
    sex: 'Laki-laki',
    village: 'Desa Sukamaju',
    phone: '+62 813 1111 2222',
  },
  { rm: '', nik: nik('2001-01-31', 'L', 3), name: 'Ahmad Fauzi', dob: '2001-01-31', sex: 'L', village: '32.01.26.2005' },
  { rm: 'LAMA/77', nik: '', name: 'Dewi Sartika', dob: '17 Agustus 1970', sex: 'Perempuan', village: 'Kuta', address: "'; DELETE FROM patient; --" },
  // An infant without NIK, identified through the mother.
  { rm: '', nik: '', name: 'Bayi Ny. Rina', dob: '01-10-2026', sex: 'P', mother: 'Rina Marlina', village: 'Nowhere' },
];

const bad: Row[] = [
  { rm: '200', nik: '320126120390001', name: 'Nik Limabelas', dob: '12-03-1990', sex: 'L' }, // 15 digits
  { rm: '201', nik: '32012612039000011', name: 'Nik Tujuhbelas', dob: '12-03-1990', sex: 'L' }, // 17 digits
  { rm: '202', nik: '3201263102900001', name: 'Nik Tigasatu Februari', dob: '12-03-1990', sex: 'L' }, // 31 February in the NIK
  { rm: '203', name: 'Lahir Tigasatu Februari', dob: '31-02-1990', sex: 'L' },
  { rm: '204', name: 'Lahir Masa Depan', dob: '01-01-2030', sex: 'P' },
  { rm: '205', nik: '32012652O3900001', name: 'Huruf Di Nik', dob: '12-03-1990', sex: 'P' },
  { rm: '206', name: 'Huruf Di Telepon', dob: '12-03-1990', sex: 'P', phone: '0812-ABC-7890' },
  { rm: '207', name: 'A', dob: '12-03-1990', sex: 'L' },
  { rm: '208', name: 'Panjang '.repeat(63).slice(0, 500), dob: '12-03-1990', sex: 'L' },
  { rm: '209', name: 'Budi 😀 Emoji', dob: '12-03-1990', sex: 'L' },
  { rm: '210', name: "Robert'); DROP TABLE patient;--", dob: '12-03-1990', sex: 'L' },
  { rm: '211', name: 'Jenis Kelamin Aneh', dob: '12-03-1990', sex: 'X' },
  { rm: '21😀2', name: 'Rm Emoji', dob: '12-03-1990', sex: 'L' },
  { rm: '213', name: 'Tahun Dua Angka', dob: '12-03-90', sex: 'L' },
];

describe('patient import', () => {
  let h: HttpHost;
  let admin: string;
  const sqlite = () => h.host.store.sqlite;
  const patientCount = () => (sqlite().prepare('SELECT count(*) AS n FROM patient').get() as { n: number }).n;
  const rmSequence = () =>
    (sqlite().prepare("SELECT value FROM number_sequence WHERE name = 'rm' AND period = ''").get() as { value: number } | undefined)?.value ?? 0;
  const byRm = (rm: string) => sqlite().prepare('SELECT * FROM patient WHERE rm_number = ?').get(rm) as Record<string, unknown> | undefined;

  async function run(text: string, mapping: (string | null)[], dryRun: boolean, name = 'pasien.csv'): Promise<ImportResult> {
    const r = await h.call<ImportResult>('patients.import', { file: { name, contentBase64: b64(text) }, mapping, dryRun }, admin);
    if (!r.body.ok) throw new Error(`${r.status} ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost({ now: () => NOW });
    admin = await adminToken(h);
    // A slice of the Kemendagri table: Megamendung and Cisarua (Kab. Bogor), and a "Sukamaju" far away.
    sqlite().exec(`INSERT INTO region (code, parent_code, level, name) VALUES
      ('32', NULL, 1, 'Jawa Barat'), ('32.01', '32', 2, 'Kabupaten Bogor'),
      ('32.01.26', '32.01', 3, 'Megamendung'), ('32.01.25', '32.01', 3, 'Cisarua'),
      ('32.01.26.2001', '32.01.26', 4, 'Sukamaju'), ('32.01.26.2002', '32.01.26', 4, 'Kuta'), ('32.01.26.2003', '32.01.26', 4, 'Gadog'),
      ('32.01.26.2005', '32.01.26', 4, 'Megamendung'), ('32.01.25.2001', '32.01.25', 4, 'Cibeureum'), ('32.01.25.2002', '32.01.25', 4, 'Kuta'),
      ('63', NULL, 1, 'Kalimantan Selatan'), ('63.01', '63', 2, 'Kabupaten Tanah Laut'), ('63.01.01', '63.01', 3, 'Takisung'),
      ('63.01.01.2001', '63.01.01', 4, 'Sukamaju'), ('63.01.01.2002', '63.01.01', 4, 'Gadog Jauh')`);
  });
  afterAll(async () => h.cleanup());

  it('previews a semicolon CSV with BOM and a title line, and suggests the mapping from Indonesian headers', async () => {
    const text = `DATA PASIEN UPT PUSKESMAS SUKAMAJU;;;\r\n${csv([HEADERS, ...good.map(line)]).replace(/^\uFEFF/, '')}`;
    const r = await h.call<ImportPreview>(
      'patients.importPreview',
      { file: { name: 'Export SIMPUS.csv', contentBase64: b64(`\uFEFF${text}`) } },
      admin,
    );
    if (!r.body.ok) throw new Error(r.body.error.message);
    const p = r.body.value;
    expect(p).toMatchObject({ fileKind: 'csv', delimiter: ';', headerRow: 2, totalRows: good.length });
    expect(p.mapping).toEqual(MAPPING);
    expect(p.columns[0]).toMatchObject({ header: 'No. RM', samples: ['123', '00-01-24', 'LAMA/77'], suggested: 'rmNumber' });
    expect(p.rows[0]).toMatchObject({ row: 3, cells: expect.arrayContaining(['Siti Aminah', '12-03-1990']) as string[] });
    expect(p.notes.join(' ')).toMatch(/Baris 1–1 dilewati/);

    const english = await h.call<ImportPreview>(
      'patients.importPreview',
      {
        file: {
          name: 'x.csv',
          contentBase64: b64('Medical Record Number,Name,Date of Birth,Gender,Phone,Tanggal Lahir\n1,A B,1990-01-01,M,0812,\n'),
        },
      },
      admin,
    );
    if (!english.body.ok) throw new Error(english.body.error.message);
    // English headers too; a field named twice goes to the first column only.
    expect(english.body.value).toMatchObject({ delimiter: ',', mapping: ['rmNumber', 'name', 'birthDate', 'sex', 'phone', null] });
  });

  it('a dry run reports every rejected row with field and reason, and changes nothing', async () => {
    const text = csv([HEADERS, ...good.map(line), ...bad.map(line)]);
    const result = await run(text, MAPPING, true);
    expect(result.counts).toMatchObject({ rows: good.length + bad.length, added: good.length, rejected: bad.length, existing: 0, duplicates: 0 });
    expect(patientCount()).toBe(0);
    expect(rmSequence()).toBe(0);

    const reasons = new Map(result.rejected.map((r) => [r.rmNumber, r.issues]));
    const first = (rm: string) => reasons.get(rm)?.[0];
    expect(first('200')).toMatchObject({
      field: 'nik',
      label: 'NIK',
      column: 'NIK',
      value: '320126120390001',
      message: 'NIK harus 16 angka (tertulis 15)',
    });
    expect(first('201')?.message).toBe('NIK harus 16 angka (tertulis 17)');
    expect(first('202')?.message).toMatch(/tidak ada di kalender/);
    expect(first('203')).toMatchObject({
      field: 'birthDate',
      label: 'Tanggal lahir',
      column: 'Tgl Lahir',
      message: 'Tanggal 31 Februari 1990 tidak ada di kalender',
    });
    expect(first('204')?.message).toBe('Tanggal lahir tidak boleh di masa depan');
    expect(first('205')?.message).toMatch(/^NIK berisi huruf \("O"\)/);
    expect(first('206')).toMatchObject({ field: 'phone', message: expect.stringMatching(/^Nomor telepon berisi huruf/) as string });
    expect(first('207')?.message).toBe('Nama minimal 2 huruf');
    expect(first('208')?.message).toBe('Nama maksimal 100 karakter');
    expect(first('209')).toMatchObject({ field: 'name', message: expect.stringMatching(/^Nama hanya boleh berisi huruf/) as string });
    expect(first('210')).toMatchObject({ field: 'name', message: expect.stringMatching(/^Nama hanya boleh berisi huruf/) as string });
    expect(first('211')).toMatchObject({ field: 'sex', message: expect.stringMatching(/Jenis kelamin "X" tidak dikenali/) as string });
    expect(result.rejected.find((r) => r.name === 'Rm Emoji')?.issues[0]).toMatchObject({
      field: 'rmNumber',
      message: expect.stringMatching(/karakter yang tidak diizinkan/) as string,
    });
    expect(first('213')?.message).toMatch(/harus ditulis 4 angka/);
    // Row numbers as a spreadsheet shows them: header on row 1.
    expect(result.rejected[0]!.row).toBe(good.length + 2);
    // Every row got at least one reason in Bahasa Indonesia.
    for (const r of result.rejected) expect(r.issues.length, `baris ${r.row}`).toBeGreaterThan(0);

    // Villages that could not be matched are listed once each, with their rows and why.
    expect(result.unmatchedVillages).toEqual([
      {
        value: 'Kuta',
        rows: 1,
        reason: 'ada 2 desa/kelurahan bernama itu (Kec. Cisarua, Kec. Megamendung); petakan kolom Kecamatan atau pakai kode desa',
      },
      { value: 'Nowhere', rows: 1, reason: 'tidak ditemukan di daftar wilayah' },
    ]);
    expect(result.rm).toMatchObject({ kept: 3, allocated: 2, sequenceBefore: 0, sequenceAfter: 0, highestImported: 124 });
  });

  it('imports in one transaction, keeping RM numbers, matching villages and raising the RM sequence', async () => {
    const events: LoketEvent[] = [];
    const unsubscribe = h.host.ctx.events.subscribe((e) => events.push(e));
    const text = csv([HEADERS, ...good.map(line), ...bad.map(line)]);
    const result = await run(text, MAPPING, false);
    unsubscribe();
    expect(result.counts).toMatchObject({ added: good.length, rejected: bad.length });
    expect(patientCount()).toBe(good.length);
    // One event for the whole import, not one per patient.
    expect(events.map((e) => e.name)).toEqual(['patients.imported']);
    expect(events[0]!.payload).toMatchObject({ count: good.length });

    expect(byRm('000123')).toMatchObject({
      name: 'Siti Aminah',
      birth_date: '1990-03-12',
      sex: 'P',
      rt: '003',
      rw: '005',
      village_code: '32.01.26.2003',
      phone: '081234567890',
      bpjs_number: '0001234567890', // Excel dropped the zeros; they are put back, with a warning
      payer_default: 'bpjs',
    });
    expect(result.warnings.find((w) => w.name === 'Siti Aminah')?.messages.join(' ')).toMatch(/dilengkapi nol/);
    expect(byRm('000124')).toMatchObject({ name: 'Budi Santoso', birth_date: '1985-07-05', village_code: '32.01.26.2001', phone: '081311112222' });
    // An RM in another format is kept as written; a SQL fragment in a text field is only text.
    expect(byRm('LAMA/77')).toMatchObject({
      name: 'Dewi Sartika',
      birth_date: '1970-08-17',
      address_street: "'; DELETE FROM patient; --",
      village_code: null,
    });
    expect(result.warnings.find((w) => w.name === 'Dewi Sartika')?.messages.join(' ')).toMatch(
      /Desa\/kelurahan "Kuta" tidak dicocokkan \(ada 2 desa\/kelurahan/,
    );
    // New numbers continue after the highest imported one.
    expect(byRm('000125')).toMatchObject({ name: 'Ahmad Fauzi', village_code: '32.01.26.2005' });
    expect(byRm('000126')).toMatchObject({ name: 'Bayi Ny. Rina', mother_name: 'Rina Marlina', nik: null });
    expect(rmSequence()).toBe(126);
    expect(result.rm).toMatchObject({ kept: 3, allocated: 2, sequenceBefore: 0, sequenceAfter: 126 });

    // A patient registered at the counter afterwards gets the next number.
    const created = await h.call<{ patient: { rmNumber: string } }>(
      'patients.create',
      { name: 'Pasien Loket Baru', birthDate: '1999-09-09', sex: 'L' },
      admin,
    );
    expect(created.body).toMatchObject({ ok: true, value: { patient: { rmNumber: '000127' } } });
  });

  it('importing the same file again adds nothing: every row is "sudah ada"', async () => {
    const before = patientCount();
    const text = csv([HEADERS, ...good.map(line), ...bad.map(line)]);
    const result = await run(text, MAPPING, false);
    expect(result.counts).toMatchObject({ added: 0, existing: good.length, duplicates: 0, rejected: bad.length });
    expect(result.existing.map((e) => e.matchedBy).sort()).toEqual(['identitas', 'nik', 'rm', 'rm', 'rm']);
    expect(patientCount()).toBe(before);
    expect(rmSequence()).toBe(127);
  });

  it('reports likely duplicates inside the file and against Loket, and adds only the rest', async () => {
    const before = patientCount();
    const n1 = nik('1975-05-05', 'L', 11);
    const rows: Row[] = [
      { rm: '300', nik: n1, name: 'Joko Widodo', dob: '05-05-1975', sex: 'L' },
      { rm: '301', nik: n1, name: 'Joko Widodo', dob: '05-05-1975', sex: 'L' }, // same NIK as the row above
      { rm: '300', nik: nik('1980-01-01', 'L', 12), name: 'Orang Lain', dob: '01-01-1980', sex: 'L' }, // same RM as the first row
      { rm: '123', nik: nik('1960-06-06', 'L', 13), name: 'Bukan Siti', dob: '06-06-1960', sex: 'L' }, // RM of Siti Aminah
      { rm: '', nik: nik('1985-07-05', 'L', 2), name: 'Nama Berbeda Sekali', dob: '05-07-1985', sex: 'L' }, // Budi's NIK, another name
      { rm: '999', nik: nik('2001-01-31', 'L', 3), name: 'Ahmad Fauzi', dob: '31-01-2001', sex: 'L' }, // Ahmad, but another RM
      { rm: '', nik: '', name: 'Anak Kembar', dob: '01-01-2020', sex: 'L', mother: 'Ibu Kembar' },
      { rm: '', nik: '', name: 'Anak Kembar', dob: '01-01-2020', sex: 'L', mother: 'Ibu Kembar' }, // same identity, no identifiers
    ];
    const result = await run(csv([HEADERS, ...rows.map(line)]), MAPPING, false);
    expect(result.counts).toMatchObject({ rows: rows.length, added: 2, duplicates: 6, existing: 0, rejected: 0 });
    const kinds = result.duplicates.map((d) => [d.row, d.kind, d.otherRow, d.patient?.rmNumber ?? null]);
    expect(kinds).toEqual([
      [3, 'nik_berkas', 2, null],
      [4, 'rm_berkas', 2, null],
      [5, 'rm_terdaftar', null, '000123'],
      [6, 'nik_terdaftar', null, '000124'],
      [7, 'nik_terdaftar', null, '000125'],
      [9, 'identitas_berkas', 8, null],
    ]);
    expect(result.duplicates[2]!.message).toBe('No. RM 000123 sudah dipakai pasien lain: Siti Aminah (No. RM 000123, lahir 12-03-1990)');
    expect(patientCount()).toBe(before + 2);
    expect(byRm('000300')).toMatchObject({ name: 'Joko Widodo' });
    expect(byRm('000301')).toMatchObject({ name: 'Anak Kembar' });
    expect(rmSequence()).toBe(301);
  });

  it('reads an .xlsx (first sheet) with real Excel dates and number cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Pasien');
    sheet.addRow([
      'No. Rekam Medis',
      'NIK',
      'Nama',
      'Tanggal Lahir',
      'Jenis Kelamin',
      'Kecamatan',
      'Kelurahan',
      'Telepon',
      'No BPJS',
      'Agama',
      'Pendidikan',
      'Gol. Darah',
    ]);
    const dob = new Date(Date.UTC(1992, 6, 17));
    sheet.addRow([
      501,
      Number(nik('1992-07-17', 'P', 21)),
      'Rina Marlina',
      dob,
      'Perempuan',
      'Cisarua',
      'Kuta',
      81298765432,
      1234567891,
      'ISLAM',
      'SLTA/Sederajat',
      'O+',
    ]);
    sheet.addRow([
      '502',
      nik('1950-02-02', 'L', 22),
      'Kakek Sugiono',
      '02/02/1950',
      'L',
      '',
      'Cibeureum',
      '',
      '',
      'Kristen Katolik',
      'Tidak/Belum Sekolah',
      '',
    ]);
    sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
    workbook.addWorksheet('Catatan').addRow(['abaikan']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { name: 'pasien.xlsx', contentBase64: buffer.toString('base64') };

    const preview = await h.call<ImportPreview>('patients.importPreview', { file }, admin);
    if (!preview.body.ok) throw new Error(preview.body.error.message);
    expect(preview.body.value).toMatchObject({
      fileKind: 'xlsx',
      sheetName: 'Pasien',
      mapping: ['rmNumber', 'nik', 'name', 'birthDate', 'sex', 'district', 'village', 'phone', 'bpjsNumber', 'religion', 'education', 'bloodType'],
    });
    expect(preview.body.value.rows[0]!.cells[3]).toBe('1992-07-17');
    expect(preview.body.value.notes.join(' ')).toMatch(/Hanya lembar pertama/);

    const r = await h.call<ImportResult>('patients.import', { file, mapping: preview.body.value.mapping, dryRun: false }, admin);
    if (!r.body.ok) throw new Error(r.body.error.message);
    expect(r.body.value.counts).toMatchObject({ added: 2, rejected: 0 });
    expect(byRm('000501')).toMatchObject({
      birth_date: '1992-07-17',
      sex: 'P',
      nik: nik('1992-07-17', 'P', 21),
      village_code: '32.01.25.2002', // "Kuta" is ambiguous in the area; the Kecamatan column decides
      phone: '081298765432',
      bpjs_number: '0001234567891',
      religion: 'islam',
      education: 'sma',
      blood_type: 'O',
    });
    expect(byRm('000502')).toMatchObject({
      birth_date: '1950-02-02',
      religion: 'katolik',
      education: 'tidak_sekolah',
      village_code: '32.01.25.2001',
    });
  });

  it('an unexpected failure in the middle of the write rolls everything back', async () => {
    const before = patientCount();
    const sequence = rmSequence();
    sqlite().exec(
      "CREATE TRIGGER uji_gagal BEFORE INSERT ON patient WHEN new.name = 'Gagal Di Tengah' BEGIN SELECT RAISE(ABORT, 'uji: gagal di tengah'); END",
    );
    try {
      const rows: Row[] = Array.from({ length: 1200 }, (_, i) => ({
        rm: String(5000 + i),
        name:
          i === 900 ? 'Gagal Di Tengah' : `Pasien Massal ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
        dob: '01-01-1990',
        sex: 'L',
      }));
      const r = await h.call(
        'patients.import',
        { file: { name: 'p.csv', contentBase64: b64(csv([HEADERS, ...rows.map(line)])) }, mapping: MAPPING, dryRun: false },
        admin,
      );
      expect(r.status).toBe(500);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/dibatalkan seluruhnya/) as string } });
    } finally {
      sqlite().exec('DROP TRIGGER uji_gagal');
    }
    expect(patientCount()).toBe(before);
    expect(rmSequence()).toBe(sequence);
    expect(byRm('005000')).toBeUndefined();
  });

  it('family folders: rows of one KK without RM number become members of one folder', async () => {
    const settings = await h.call('settings.update', { rmFormat: { family: true } }, admin);
    expect(settings.status).toBe(200);
    try {
      const kk = '3201260202200009';
      const rows: Row[] = [
        { name: 'Bapak Keluarga', dob: '01-01-1980', sex: 'L', kk, nik: nik('1980-01-01', 'L', 31) },
        { name: 'Ibu Keluarga', dob: '02-02-1982', sex: 'P', kk, nik: nik('1982-02-02', 'P', 32) },
        { rm: '777-01', name: 'Keluarga Lama', dob: '03-03-1970', sex: 'L', kk: '3201260303200003' },
        { rm: '77702', name: 'Tanpa Pemisah', dob: '04-04-1971', sex: 'L' },
      ];
      const result = await run(csv([HEADERS, ...rows.map(line)]), MAPPING, false);
      expect(result.counts).toMatchObject({ added: 4, rejected: 0 });
      expect(byRm('000777-01')).toMatchObject({ name: 'Keluarga Lama' });
      expect(byRm('77702')).toMatchObject({ name: 'Tanpa Pemisah' }); // no separator before the member: kept as written
      const family = sqlite().prepare('SELECT rm_number FROM patient WHERE kk_number = ? ORDER BY rm_number').all(kk) as { rm_number: string }[];
      expect(family.map((f) => f.rm_number)).toEqual(['000778-01', '000778-02']);
    } finally {
      await h.call('settings.update', { rmFormat: { family: false } }, admin);
    }
  });

  it('refuses unknown fields, bad mappings and other file types with 400, and oversized bodies with 413', async () => {
    const file = { name: 'p.csv', contentBase64: b64(csv([HEADERS, line(good[0]!)])) };
    const extra = await h.call('patients.import', { file, mapping: MAPPING, dryRun: true, hapusSemua: true }, admin);
    expect(extra.status).toBe(400);
    const extraInFile = await h.call('patients.importPreview', { file: { ...file, path: '/etc/passwd' } }, admin);
    expect(extraInFile.status).toBe(400);
    const wrongType = await h.call('patients.import', { file, mapping: MAPPING, dryRun: 'ya' }, admin);
    expect(wrongType.status).toBe(400);
    const twice = await h.call('patients.import', { file, mapping: ['name', 'name'], dryRun: true }, admin);
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/lebih dari satu kolom/) as string } });
    const noName = await h.call('patients.import', { file, mapping: ['rmNumber', 'nik'], dryRun: true }, admin);
    expect(noName.body).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Pilih kolom Nama/) as string } });
    const xls = await h.call('patients.importPreview', { file: { name: 'lama.xls', contentBase64: b64('bukan excel') } }, admin);
    expect(xls.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/\.xls .*tidak didukung/) as string } });
    const notBase64 = await h.call('patients.importPreview', { file: { name: 'p.csv', contentBase64: 'bukan base64!' } }, admin);
    expect(notBase64.status).toBe(400);

    // Between 1 MiB and 48 MiB: too big for any other method, fine for the import.
    const twoMiB = 'A'.repeat(2 * 1024 * 1024);
    const other = await h.call('patients.search', { query: twoMiB });
    expect(other.status).toBe(413);
    const importTwoMiB = await h.call('patients.importPreview', { file: { name: 'p.csv', contentBase64: twoMiB } }, admin);
    expect(importTwoMiB.status).toBe(200);
    // Over the import's own limit.
    const huge = JSON.stringify({ file: { name: 'p.csv', contentBase64: 'A'.repeat(IMPORT_MAX_BODY_BYTES + 10) }, mapping: MAPPING, dryRun: true });
    const r = await fetch(`${h.url}/api/patients.import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: huge,
    });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/48 MiB/) as string } });
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('is records-room and administrator work: a front-office clerk is refused', async () => {
    await h.call('users.create', { username: 'loket1', fullName: 'Petugas Loket', role: 'pendaftaran', password: 'loket-rahasia' }, admin);
    const login = await h.call<{ token: string }>('auth.login', { username: 'loket1', password: 'loket-rahasia' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const file = { name: 'p.csv', contentBase64: b64(csv([HEADERS, line(good[0]!)])) };
    const r = await h.call('patients.import', { file, mapping: MAPPING, dryRun: true }, login.body.value.token);
    expect(r.status).toBe(403);
  });
});
