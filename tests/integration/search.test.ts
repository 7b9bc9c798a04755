import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePatients } from '../../src-main/app/demo-data';
import type { PatientSummary } from '../../src-main/contract';
import { indexedWithNameWord } from '../../src-main/db/repositories/patient-search';
import { insertPatients } from '../../src-main/db/repositories/patients';
import { insertRegions } from '../../src-main/db/repositories/regions';
import { insertVisits } from '../../src-main/db/repositories/visits';
import type { NewPatient } from '../../src-main/db/schema';
import { nameKey, NAME_FOLD_VERSION } from '../../src-main/domain/nama';
import { ensureNameKeys, NAME_FOLD_SETTING, searchPatients } from '../../src-main/services/search';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const SUKAMAJU = '32.01.26.2001';
const CIBOGO = '32.01.26.2002';
const at = '2026-11-20T01:00:00.000Z';

/** A patient row with only what a test names filled in. */
const patient = (rm: string, name: string, birthDate: string, extra: Partial<NewPatient> = {}): NewPatient => ({
  rm_number: rm,
  name,
  name_key: nameKey(name),
  sex: 'L',
  birth_date: birthDate,
  payer_default: 'umum',
  created_at: at,
  updated_at: at,
  ...extra,
});

describe('patients.search', () => {
  let h: HttpHost;
  let token: string;
  const ids = new Map<string, number>();
  const search = async (query: string, limit?: number): Promise<PatientSummary[]> => {
    const r = await h.call<PatientSummary[]>('patients.search', limit === undefined ? { query } : { query, limit }, token);
    if (!r.body.ok) throw new Error(`${r.status} ${r.body.error.message}`);
    return r.body.value;
  };
  const rms = async (query: string) => (await search(query)).map((p) => p.rmNumber);

  beforeAll(async () => {
    h = await httpHost();
    token = await adminToken(h);
    const db = h.host.ctx.db;
    await insertRegions(db, [
      { code: '32', parent_code: null, level: 1, name: 'JAWA BARAT' },
      { code: '32.01', parent_code: '32', level: 2, name: 'KABUPATEN BOGOR' },
      { code: '32.01.26', parent_code: '32.01', level: 3, name: 'Megamendung' },
      { code: SUKAMAJU, parent_code: '32.01.26', level: 4, name: 'Sukamaju' },
      { code: CIBOGO, parent_code: '32.01.26', level: 4, name: 'Cibogo' },
    ]);
    // A few hundred generated neighbours (RM 001001…), then the patients the tests look for.
    const crowd = generatePatients(400, 7, [SUKAMAJU, CIBOGO], { today: '2026-11-23', createdToday: 0, firstRmNumber: 1001 });
    await insertPatients(db, crowd);
    await insertPatients(db, [
      patient('000001', 'Mochammad Rizky', '1990-03-12', {
        nik: '3201261203900001',
        bpjs_number: '0001234567890',
        phone: '081234567890',
        village_code: SUKAMAJU,
        address_street: 'Kp. Pasir Angin',
      }),
      patient('000002', 'Budi Santoso', '1990-03-12', { village_code: SUKAMAJU, nik: '3201261203900002' }),
      patient('000003', 'Budi Santoso', '1985-07-06', { village_code: CIBOGO, nik: '3201260607850001' }),
      patient('000004', 'Hj. Sitti Aminah', '1962-01-20', { sex: 'P', village_code: CIBOGO }),
      patient('000005', 'Siti Aminah', '1985-02-14', { sex: 'P', village_code: SUKAMAJU, kk_number: '3201260101100001' }),
      patient('000006', 'Nurhayati', '1979-05-05', { sex: 'P', village_code: SUKAMAJU, kk_number: '3201260101100001' }),
      patient('000007', 'By. Ny. Nurhayati', '2026-11-01', { sex: 'P', mother_nik: '3201264505790001', village_code: SUKAMAJU }),
      patient('000008', 'Soekarno Djojohadikoesoemo', '1950-06-06', { village_code: CIBOGO }),
      patient('000009', 'Siti Rahayu', '1970-09-09', { sex: 'P', nik: '3201264909700001' }),
      patient('000010', 'Siti Rahayu', '1970-09-09', { sex: 'P' }),
      patient('000011', 'Ai Komariah', '1995-10-10', { sex: 'P', phone: '+6285712345678' }),
      patient('000012', 'Zainal Abidin', '1988-08-08', { village_code: SUKAMAJU }),
      patient('000013', 'Dewi Sartikawati', '1992-04-04', { sex: 'P', village_code: CIBOGO }),
      // An RM number from an older numbering that reads like 000001's phone number.
      patient('81234567890', 'Rekam Lama', '1970-01-01'),
    ]);
    for (const r of await db.selectFrom('patient').select(['id', 'rm_number']).execute()) ids.set(r.rm_number, r.id);
    // 000010 was a duplicate of 000009: merged away.
    await db
      .updateTable('patient')
      .set({ merged_into: ids.get('000009')! })
      .where('rm_number', '=', '000010')
      .execute();
    const unit = await db.selectFrom('unit').select('id').executeTakeFirstOrThrow();
    const visit = (rm: string, date: string, seq: number) => ({
      visit_date: date,
      seq,
      registered_at: `${date}T01:00:00.000Z`,
      patient_id: ids.get(rm)!,
      payer: 'umum',
      unit_id: unit.id,
      cluster: 'klaster3',
      emergency: 0,
      kunjungan_baru: 0,
      pasien_baru: 0,
      paid_at: null,
      registered_by: null,
    });
    await insertVisits(db, [visit('000002', '2026-11-02', 1), visit('000003', '2026-06-01', 1)]);
  });
  afterAll(async () => h.cleanup());

  it('finds a patient by RM number, with or without zeros, separators, or scanned between asterisks', async () => {
    for (const q of ['000001', '1', '00-00-01', '*000001*', ' 000001 ']) {
      const [first] = await search(q);
      expect(first, q).toMatchObject({ rmNumber: '000001', name: 'Mochammad Rizky', matchedBy: 'rm', village: 'Sukamaju' });
    }
    expect(await search('999999')).toEqual([]);
  });

  it('finds by NIK, BPJS number and phone, in any usual notation; an RM match comes first', async () => {
    expect(await search('3201 2612 0390 0001')).toMatchObject([{ rmNumber: '000001', matchedBy: 'nik' }]);
    expect(await search('0001 2345 67890')).toMatchObject([{ rmNumber: '000001', matchedBy: 'bpjs' }]);
    expect(await search('0812-3456-7890')).toMatchObject([
      { rmNumber: '81234567890', matchedBy: 'rm' },
      { rmNumber: '000001', matchedBy: 'telepon' },
    ]);
    expect(await search('+62 812 3456 7890')).toMatchObject([{ rmNumber: '000001', matchedBy: 'telepon' }]);
    // stored as +62…, typed as 08…
    expect(await search('0857 1234 5678')).toMatchObject([{ rmNumber: '000011', matchedBy: 'telepon' }]);
  });

  it("finds an infant by the mother's NIK and a family by the KK number", async () => {
    expect(await search('3201264505790001')).toMatchObject([{ rmNumber: '000007', matchedBy: 'nik_ibu' }]);
    expect((await search('3201260101100001')).map((p) => [p.rmNumber, p.matchedBy])).toEqual([
      ['000005', 'kk'],
      ['000006', 'kk'],
    ]);
  });

  it('finds old and variant spellings of a name', async () => {
    expect((await rms('muhamad riski'))[0]).toBe('000001');
    expect((await rms('m rizki'))[0]).toBe('000001');
    expect((await rms('moch rizky'))[0]).toBe('000001');
    expect((await rms('sukarno'))[0]).toBe('000008');
    expect((await rms('joyohadikusumo'))[0]).toBe('000008');
    expect(await rms('siti aminah')).toEqual(expect.arrayContaining(['000004', '000005']));
    expect((await rms('sainal abidin'))[0]).toBe('000012');
    expect(await search('muhamad riski')).toMatchObject([{ matchedBy: 'nama', birthDate: '1990-03-12', sex: 'L' }]);
  });

  it('finds half-typed words, parts of compound names and typing errors', async () => {
    expect((await rms('moch riz'))[0]).toBe('000001');
    // "tikawati" is no name word of anyone: a part of one
    expect((await rms('tikawati'))[0]).toBe('000013');
    // "hayati" is (other patients are called Hayati): whole words first
    expect((await search('hayati')).every((p) => /hayati/i.test(p.name))).toBe(true);
    expect((await rms('dewi sartika'))[0]).toBe('000013');
    expect(await rms('sitti amniah')).toEqual(expect.arrayContaining(['000004', '000005']));
    expect((await rms('mochamad rizkyy'))[0]).toBe('000001');
  });

  it('narrows a name by birth date, year and village', async () => {
    expect(await rms('budi 12-03-1990')).toEqual(['000002']);
    expect(await rms('budi 1990-03-12')).toEqual(['000002']);
    expect(await rms('budi 06/07/1985')).toEqual(['000003']);
    expect(await rms('budi 1985')).toEqual(['000003']);
    expect(await rms('siti 1985')).toEqual(['000005']);
    expect((await rms('budi santoso sukamaju'))[0]).toBe('000002');
    expect((await rms('budi cibogo'))[0]).toBe('000003');
    expect((await rms('rizky pasir angin'))[0]).toBe('000001');
    // all born that day, by birth date alone
    expect(await rms('12-03-1990')).toEqual(expect.arrayContaining(['000001', '000002']));
    // day and month swapped: nobody born on 03-12, so the name leads with the date as a hint
    expect((await rms('budi 03-12-1990'))[0]).toBe('000002');
  });

  it('ranks exact identifiers first, whole names before parts, and a recent visit before none', async () => {
    const budi = await search('budi santoso');
    expect(budi.slice(0, 2).map((p) => p.rmNumber)).toEqual(['000002', '000003']);
    expect(budi[0]!.lastVisitDate).toBe('2026-11-02');
    const sitiAminah = await rms('siti aminah');
    // "Siti Aminah" and "Hj. Sitti Aminah" (title dropped, doubled letter folded) both match whole
    expect(sitiAminah.slice(0, 2).sort()).toEqual(['000004', '000005']);
    const limited = await search('siti', 3);
    expect(limited.length).toBe(3);
  });

  it('never shows merged patients; their RM leads to the patient they were merged into', async () => {
    const rahayu = await search('siti rahayu');
    expect(rahayu.map((p) => p.rmNumber)).toContain('000009');
    expect(rahayu.map((p) => p.rmNumber)).not.toContain('000010');
    expect(await search('000010')).toMatchObject([{ rmNumber: '000009', matchedBy: 'rm' }]);
    const indexed = await indexedWithNameWord(h.host.ctx.db, 'rahaiu');
    expect(indexed).toContain(ids.get('000009'));
    expect(indexed).not.toContain(ids.get('000010'));
  });

  it('survives SQL fragments, wildcards, emoji and other noise', async () => {
    for (const q of [
      "'; DROP TABLE patient;--",
      '%_',
      '%',
      '_',
      '"',
      '"siti',
      'siti"',
      'NEAR(siti)',
      'siti OR budi',
      'AND',
      '🙂',
      '🙂 siti 🙂',
      '***',
      '*',
      'a'.repeat(100),
      '(',
      ')',
    ]) {
      await expect(search(q), q).resolves.toBeInstanceOf(Array);
    }
    expect(await search('%_')).toEqual([]);
    expect(await rms('🙂 siti aminah 🙂')).toEqual(expect.arrayContaining(['000005']));
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM patient`.execute(h.host.ctx.db);
    expect(Number(rows[0]!.n)).toBe(414);
    // the input stays strict: a query that is too long or an unknown field is refused
    expect((await h.call('patients.search', { query: 'x'.repeat(101) }, token)).status).toBe(400);
    expect((await h.call('patients.search', { query: 'siti', extra: 1 }, token)).status).toBe(400);
  });

  it('keeps the index in step with the patient table (name, date, village, merge and unmerge)', async () => {
    const db = h.host.ctx.db;
    const id = ids.get('000012')!;
    await db
      .updateTable('patient')
      .set({ name: 'Zainal Arifin', name_key: nameKey('Zainal Arifin') })
      .where('id', '=', id)
      .execute();
    expect((await rms('zainal arifin'))[0]).toBe('000012');
    expect(await rms('zainal abidin')).not.toContain('000012');
    await db.updateTable('patient').set({ birth_date: '1991-01-01', village_code: CIBOGO }).where('id', '=', id).execute();
    expect(await rms('zainal 1991')).toEqual(['000012']);
    expect(await rms('zainal 1988')).toEqual([]);
    expect((await rms('zainal cibogo'))[0]).toBe('000012');
    await db
      .updateTable('patient')
      .set({ merged_into: ids.get('000001')! })
      .where('id', '=', id)
      .execute();
    expect(await rms('zainal arifin')).toEqual([]);
    await db.updateTable('patient').set({ merged_into: null }).where('id', '=', id).execute();
    expect(await rms('zainal arifin')).toEqual(['000012']);
  });

  it('recomputes stale name keys once when the folding rules change', async () => {
    const db = h.host.ctx.db;
    const id = ids.get('000008')!;
    // As stored by an older Loket: a plain lower-case key.
    await db.updateTable('patient').set({ name_key: 'soekarno djojohadikoesoemo' }).where('id', '=', id).execute();
    expect(await rms('sukarno')).not.toContain('000008');
    await db
      .updateTable('setting')
      .set({ value: JSON.stringify(NAME_FOLD_VERSION - 1) })
      .where('key', '=', NAME_FOLD_SETTING)
      .execute();
    await ensureNameKeys(h.host.ctx);
    expect((await rms('sukarno'))[0]).toBe('000008');
    const row = await db.selectFrom('setting').select('value').where('key', '=', NAME_FOLD_SETTING).executeTakeFirstOrThrow();
    expect(JSON.parse(row.value)).toBe(NAME_FOLD_VERSION);
    // Every key stale (a database from before the folding): the indexes are rebuilt whole.
    await sql`UPDATE patient SET name_key = lower(name)`.execute(db);
    expect(await rms('muhamad riski')).not.toContain('000001');
    await db.deleteFrom('setting').where('key', '=', NAME_FOLD_SETTING).execute();
    await ensureNameKeys(h.host.ctx);
    expect((await rms('muhamad riski'))[0]).toBe('000001');
    expect((await rms('sukarno'))[0]).toBe('000008');
    expect(await rms('siti rahayu')).not.toContain('000010');
    const merged = await db.selectFrom('patient').select('name_key').where('rm_number', '=', '000010').executeTakeFirstOrThrow();
    expect(merged.name_key).toBe(nameKey('Siti Rahayu'));
  });

  it('is the same function behind the handler', async () => {
    const direct = await searchPatients(h.host.ctx, { query: 'muhamad riski' });
    expect(direct.map((p) => p.id)).toEqual((await search('muhamad riski')).map((p) => p.id));
  });
});
