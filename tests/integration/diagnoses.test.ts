import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis, DiagnosisImportResult, DirectoryEntry, Facility } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const file = (text: string, name = 'diagnosis.csv') => ({ name, contentBase64: b64(text) });

/** An ICD-10 extract as a SIMPUS exports it: `kode;nama`, a header line, CRLF, BOM. */
const LIST = [
  'KODE;NAMA DIAGNOSA',
  'J06.9;Infeksi saluran pernapasan akut (ISPA), tidak spesifik',
  'j00 ;Nasofaringitis akut (common cold)',
  'A09;Diare dan gastroenteritis',
  'I10;Hipertensi esensial (primer)',
  'E11.9;Diabetes melitus tipe 2 tanpa komplikasi',
  'K29.7;Gastritis, tidak spesifik',
  'O80;Persalinan spontan tunggal',
  'S61.0;Luka terbuka jari tangan',
];
const BAD = [
  ';Tanpa kode', // no code
  'J06.9;Diulang di berkas', // duplicate of an earlier row
  'X 1;', // no text
  'J06;9;lebih', // code J06, text "9": accepted (a third column is ignored)
  'K##;Kode dengan pagar',
  `Z00;${'panjang '.repeat(40)}`,
];

describe('diagnosis list import and search', () => {
  let h: HttpHost;
  let admin: string;
  async function ok<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
  });
  afterAll(async () => h.cleanup());

  it('starts empty: the search says the list is empty so the letter takes a written diagnosis', async () => {
    expect(await ok('diagnoses.search', { query: 'ispa' })).toEqual({ items: [], listSize: 0 });
  });

  it('previews a file with bad lines named in Indonesian, writes nothing, then imports in one go', async () => {
    const text = `\uFEFF${[...LIST, ...BAD].join('\r\n')}\r\n`;
    const dry = await ok<DiagnosisImportResult>('diagnoses.import', { file: file(text), dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, delimiter: ';', headerSkipped: true, listSize: 0 });
    expect(dry.counts).toEqual({ rows: 14, added: 9, updated: 0, unchanged: 0, rejected: 5, deactivated: 0 });
    expect(dry.rejected).toEqual([
      { row: 10, code: null, message: 'Kode kosong.' },
      { row: 11, code: 'J06.9', message: 'Kode J06.9 sudah ada di baris 2; baris ini dilewati.' },
      { row: 12, code: 'X1', message: 'Nama diagnosis kosong.' },
      { row: 14, code: 'K##', message: 'Kode hanya boleh huruf, angka dan tanda . - / + *.' },
      { row: 15, code: 'Z00', message: 'Nama diagnosis lebih dari 250 karakter.' },
    ]);
    expect(dry.preview[1]).toEqual({ row: 3, code: 'J00', text: 'Nasofaringitis akut (common cold)', change: 'baru' });
    expect((await ok<{ listSize: number }>('diagnoses.search', { query: '' })).listSize).toBe(0);

    const done = await ok<DiagnosisImportResult>('diagnoses.import', { file: file(text), dryRun: false });
    expect(done.counts.added).toBe(9);
    expect(done.listSize).toBe(9);
    // The same file again changes nothing.
    const again = await ok<DiagnosisImportResult>('diagnoses.import', { file: file(text), dryRun: false });
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 9, rejected: 5 });
  });

  it('finds a code by its start and a diagnosis by a word (or the start of one), best first', async () => {
    const search = async (query: string) => (await ok<{ items: Diagnosis[] }>('diagnoses.search', { query })).items.map((d) => d.code);
    expect(await search('J0')).toEqual(['J00', 'J06', 'J06.9']);
    expect(await search('j06')).toEqual(['J06', 'J06.9']);
    expect(await search('ispa')).toEqual(['J06.9']);
    expect(await search('gastr')).toEqual(expect.arrayContaining(['A09', 'K29.7']));
    expect(await search('diabetes tipe')).toEqual(['E11.9']);
    expect(await search('hipertensi')).toEqual(['I10']);
    expect(await search('tidak ada')).toEqual([]);
    // Quotes and FTS operators are plain text.
    expect(await search('"AND* OR (')).toEqual([]);
  });

  it('a new edition replaces the list: changed texts updated, missing codes inactive (not deleted)', async () => {
    const text = ['kode,nama', 'J06.9,ISPA tidak spesifik', 'A09,Diare dan gastroenteritis', 'R50.9,Demam'].join('\n');
    const r = await ok<DiagnosisImportResult>('diagnoses.import', { file: file(text), dryRun: false, replace: true });
    expect(r.delimiter).toBe(',');
    expect(r.counts).toMatchObject({ added: 1, updated: 1, unchanged: 1, deactivated: 7 });
    expect(r.listSize).toBe(3);
    const items = (await ok<{ items: Diagnosis[] }>('diagnoses.search', { query: 'hipertensi' })).items;
    expect(items).toEqual([]);
    const row = await h.host.ctx.db.selectFrom('diagnosis').select(['code', 'active']).where('code', '=', 'I10').executeTakeFirstOrThrow();
    expect(row.active).toBe(0);
  });

  it('refuses a one-column file and an unreadable type with a sentence, and needs the right', async () => {
    const one = await h.call('diagnoses.import', { file: file('J06.9\nA09\n'), dryRun: true }, admin);
    expect(one.status).toBe(400);
    expect(one.body).toMatchObject({ ok: false, error: { message: expect.stringMatching(/kode dan nama diagnosis dipisah titik koma/) as string } });
    const pdf = await h.call('diagnoses.import', { file: file('x', 'daftar.pdf'), dryRun: true }, admin);
    expect(pdf.body).toMatchObject({ ok: false, error: { message: expect.stringMatching(/tidak didukung/) as string } });
    expect((await h.call('diagnoses.import', { file: file('A;B'), dryRun: true }, null)).status).toBe(401);
  });

  it('keeps a directory of FKRTL with their specialties, in the order given, without repeats', async () => {
    const rs = await ok<Facility>('facilities.save', { name: 'RSUD Banyumas', kind: 'rs', code: '0301R001', phone: '0281-123456' });
    await ok<Facility>('facilities.save', { name: 'RS Tutup', kind: 'rs', active: false });
    const entry = await ok<DirectoryEntry>('facilities.saveSpecialties', {
      facilityId: rs.id,
      specialties: ['Penyakit Dalam', 'Anak', ' Bedah ', 'anak', 'Kebidanan dan Kandungan'],
    });
    expect(entry.specialties).toEqual(['Penyakit Dalam', 'Anak', 'Bedah', 'Kebidanan dan Kandungan']);
    const directory = await ok<DirectoryEntry[]>('referrals.directory', {});
    expect(directory.map((d) => d.name)).toEqual(['RSUD Banyumas']);
    expect(directory[0]).toMatchObject({ code: '0301R001', phone: '0281-123456', specialties: entry.specialties });
    expect((await ok<DirectoryEntry[]>('referrals.directory', { includeInactive: true })).length).toBe(2);
    const missing = await h.call('facilities.saveSpecialties', { facilityId: 9999, specialties: ['Anak'] }, admin);
    expect(missing.status).toBe(404);
    const empty = await h.call('facilities.saveSpecialties', { facilityId: rs.id, specialties: [''] }, admin);
    expect(empty.status).toBe(400);
  });
});
