import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../src-main/app/host';
import { openStore, StartupError, type Store } from '../../src-main/db/connection';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src-main/db/migrations';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { tempDir } from '../helpers/host';

const stores: Store[] = [];
const memory = () => {
  const s = openStore(':memory:');
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** The schema as SQLite itself reports it, for the committed snapshot. */
async function dumpSchema(store: Store): Promise<string> {
  const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name`.execute(store.db);
  return rows.map((r) => `${r.sql.replace(/\n\s+/g, '\n  ')};`).join('\n\n') + '\n';
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('0001 referensi: creates reference tables with their constraints', async () => {
    const { db } = memory();
    await migrate(db, 1);
    expect(await schemaVersion(db)).toBe(1);
    await db.insertInto('unit').values({ code: 'UMUM', name: 'Poli Umum', cluster: 'klaster3', closing_time: '14:00' }).execute();
    await expect(db.insertInto('unit').values({ code: 'X', name: 'X', cluster: 'klaster9', closing_time: null }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('unit').values({ code: 'UMUM', name: 'Lagi', cluster: 'klaster3', closing_time: null }).execute()).rejects.toThrow(
      /UNIQUE/,
    );
    await expect(db.insertInto('setting').values({ key: 'k', value: 'not json', updated_at: 'x', updated_by: null }).execute()).rejects.toThrow(
      /CHECK/,
    );
  });

  it('0002 pasien_kunjungan: keeps v1 data and adds patients and visits referencing it', async () => {
    const { db } = memory();
    await migrate(db, 1);
    await db.insertInto('unit').values({ code: 'KIA', name: 'Poli KIA', cluster: 'klaster2', closing_time: null }).execute();
    await db.insertInto('region').values({ code: '32.01.01.2001', parent_code: '32.01.01', level: 4, name: 'Cibinong' }).execute();
    await migrate(db, 2);
    expect(await schemaVersion(db)).toBe(2);
    const unit = await db.selectFrom('unit').selectAll().executeTakeFirstOrThrow();
    expect(unit.name).toBe('Poli KIA');
    const at = '2026-11-23T01:00:00.000Z';
    const patient = await db
      .insertInto('patient')
      .values({
        rm_number: '000001',
        name: 'Siti Aminah',
        name_key: 'siti aminah',
        sex: 'P',
        birth_date: '1990-03-12',
        nik: '3201015203900001',
        village_code: '32.01.01.2001',
        payer_default: 'bpjs',
        created_at: at,
        updated_at: at,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('visit')
      .values({
        visit_date: '2026-11-23',
        seq: 1,
        registered_at: at,
        patient_id: patient.id,
        payer: 'bpjs',
        unit_id: unit.id,
        cluster: 'klaster2',
        emergency: 0,
        kunjungan_baru: 1,
        pasien_baru: 1,
        paid_at: null,
        registered_by: null,
      })
      .execute();
    // A second live patient with the same NIK is refused; a malformed NIK too.
    await expect(
      db
        .insertInto('patient')
        .values({
          rm_number: '000002',
          name: 'X',
          name_key: 'x',
          sex: 'P',
          birth_date: '1990-03-12',
          nik: '3201015203900001',
          created_at: at,
          updated_at: at,
        } as never)
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      db
        .insertInto('patient')
        .values({
          rm_number: '000003',
          name: 'X',
          name_key: 'x',
          sex: 'P',
          birth_date: '1990-03-12',
          nik: '32010152039A0001',
          created_at: at,
          updated_at: at,
        } as never)
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto('visit')
        .values({
          visit_date: '2026-11-23',
          seq: 2,
          registered_at: at,
          patient_id: 999,
          payer: 'bpjs',
          unit_id: unit.id,
          cluster: 'klaster2',
          emergency: 0,
          kunjungan_baru: 1,
          pasien_baru: 1,
          paid_at: null,
          registered_by: null,
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('0003 nomor_urut: continues the RM sequence after the highest numeric RM already stored', async () => {
    const { db } = memory();
    await migrate(db, 2);
    const at = '2026-11-23T01:00:00.000Z';
    for (const rm of ['000007', '000031', 'SJ-000099'])
      await db
        .insertInto('patient')
        .values({ rm_number: rm, name: 'X', name_key: 'x', sex: 'L', birth_date: '1980-01-01', created_at: at, updated_at: at } as never)
        .execute();
    await migrate(db, 3);
    const seq = await db.selectFrom('number_sequence').selectAll().execute();
    expect(seq).toEqual([{ name: 'rm', period: '', value: 31 }]);
    const { nextNumber } = await import('../../src-main/db/repositories/sequences');
    expect(await db.transaction().execute((trx) => nextNumber(trx, 'rm'))).toBe(32);
    expect(await db.transaction().execute((trx) => nextNumber(trx, 'surat', '2026'))).toBe(1);
  });

  it('0004 kunjungan_tarif_jadwal: keeps visits, adds routing columns, tariffs, appointments and folder requests', async () => {
    const { db } = memory();
    await migrate(db, 3);
    const at = '2026-11-23T01:00:00.000Z';
    const unit = await db
      .insertInto('unit')
      .values({ code: 'UMUM', name: 'Poli Umum', cluster: 'klaster3', closing_time: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const patient = await db
      .insertInto('patient')
      .values({ rm_number: '000001', name: 'X', name_key: 'x', sex: 'L', birth_date: '1980-01-01', created_at: at, updated_at: at } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const visitRow = {
      visit_date: '2026-11-23',
      seq: 1,
      registered_at: at,
      patient_id: patient.id,
      payer: 'umum',
      unit_id: unit.id,
      cluster: 'klaster3',
      emergency: 0,
      kunjungan_baru: 1,
      pasien_baru: 1,
      paid_at: null,
      registered_by: null,
    };
    await db.insertInto('visit').values(visitRow).execute();
    await migrate(db, 4);
    const visit = await db.selectFrom('visit').selectAll().executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ seq: 1, life_stage: null, cluster_reason: null, insurance_name: null, tariff_id: null });
    const tariff = await db.insertInto('tariff').values({ code: 'KARCIS', name: 'Karcis', amount: 10000 }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('visit').set({ tariff_id: tariff.id, fee: 10000 }).execute();
    await db.insertInto('folder_request').values({ visit_id: visit.id, patient_id: patient.id, unit_id: unit.id, requested_at: at }).execute();
    await expect(
      db.insertInto('folder_request').values({ visit_id: visit.id, patient_id: patient.id, unit_id: unit.id, requested_at: at }).execute(),
    ).rejects.toThrow(/UNIQUE/);
    await db
      .insertInto('appointment')
      .values({
        patient_id: patient.id,
        unit_id: unit.id,
        date: '2026-11-30',
        note: null,
        visit_id: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await expect(db.insertInto('tariff').values({ code: 'MINUS', name: 'x', amount: -1 }).execute()).rejects.toThrow(/CHECK/);
  });

  it('0005 pencarian_pasien: indexes the live patients already stored and keeps the index in step', async () => {
    const { db } = memory();
    await migrate(db, 4);
    const at = '2026-11-23T01:00:00.000Z';
    await db.insertInto('region').values({ code: '32.01.26.2001', parent_code: null, level: 4, name: 'Sukamaju' }).execute();
    const add = async (rm: string, name: string, extra: object = {}) =>
      (
        await db
          .insertInto('patient')
          .values({
            rm_number: rm,
            name,
            name_key: name.toLowerCase(),
            sex: 'P',
            birth_date: '1985-03-12',
            created_at: at,
            updated_at: at,
            ...extra,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const siti = await add('000001', 'Siti Aminah', { village_code: '32.01.26.2001', address_street: "Kp. Ci'bogo" });
    const merged = await add('000002', 'Siti Aminah', { merged_into: siti });
    await migrate(db, 5);
    const words = async (match: string) =>
      (await sql<{ id: number }>`SELECT rowid AS id FROM patient_search WHERE patient_search MATCH ${match} ORDER BY rowid`.execute(db)).rows.map(
        (r) => r.id,
      );
    const trigrams = async (match: string) =>
      (
        await sql<{ id: number }>`SELECT rowid AS id FROM patient_name_trigram WHERE patient_name_trigram MATCH ${match} ORDER BY rowid`.execute(db)
      ).rows.map((r) => r.id);
    // Existing rows are indexed (merged ones are not): name words, village and street, birth year.
    expect(await words('name : "aminah"')).toEqual([siti]);
    expect(await words('place : "sukamaju" AND place : "cibogo" AND born : "y1985"')).toEqual([siti]);
    expect(await trigrams('name : "mina" AND born : "985"')).toEqual([siti]);
    expect(await words('name : "siti"')).not.toContain(merged);
    // The triggers follow inserts, updates, merges and deletes.
    const budi = await add('000003', 'Budi');
    expect(await words('name : "budi"')).toEqual([budi]);
    await db.updateTable('patient').set({ name_key: 'budi santoso' }).where('id', '=', budi).execute();
    expect(await words('name : "santoso"')).toEqual([budi]);
    expect(await trigrams('name : " budi santoso "')).toEqual([budi]);
    await db.updateTable('patient').set({ merged_into: siti }).where('id', '=', budi).execute();
    expect(await words('name : "budi"')).toEqual([]);
    await db.updateTable('patient').set({ merged_into: null }).where('id', '=', budi).execute();
    expect(await words('name : "budi"')).toEqual([budi]);
    await db.deleteFrom('patient').where('id', '=', budi).execute();
    expect(await words('name : "budi"')).toEqual([]);
    expect(await trigrams('name : "budi"')).toEqual([]);
    // The other identifiers the search field takes have their indexes.
    const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'patient' ORDER BY name`.execute(
      db,
    );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['patient_birth_date', 'patient_kk', 'patient_mother_nik', 'patient_phone']));
  });

  it('0006 gabung_pasien: records merges with the rows they moved', async () => {
    const { db } = memory();
    await migrate(db, 5);
    const at = '2026-11-23T01:00:00.000Z';
    const ids: number[] = [];
    for (const rm of ['000001', '000002']) {
      const row = await db
        .insertInto('patient')
        .values({ rm_number: rm, name: 'X', name_key: 'x', sex: 'L', birth_date: '1980-01-01', created_at: at, updated_at: at } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await migrate(db, 6);
    const moved = JSON.stringify({ visit: [], appointment: [], folder_request: [] });
    await db
      .insertInto('patient_merge')
      .values({ kept_id: ids[0]!, merged_id: ids[1]!, reason: 'sama', moved, merged_at: at, merged_by: null, undone_at: null, undone_by: null })
      .execute();
    await expect(
      db
        .insertInto('patient_merge')
        .values({ kept_id: ids[0]!, merged_id: ids[0]!, reason: 'x', moved, merged_at: at, merged_by: null, undone_at: null, undone_by: null })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    expect(await db.selectFrom('patient').select('id').execute()).toHaveLength(2);
  });

  it('0007 pencarian_tempat: village and street words become their own index terms, rebuilt for the patients stored', async () => {
    const { db } = memory();
    await migrate(db, 6);
    const at = '2026-11-23T01:00:00.000Z';
    await db.insertInto('region').values({ code: '32.01.26.2001', parent_code: null, level: 4, name: 'Pasir Angin' }).execute();
    const add = async (rm: string, name: string, extra: object = {}) =>
      (
        await db
          .insertInto('patient')
          .values({
            rm_number: rm,
            name,
            name_key: name.toLowerCase(),
            sex: 'P',
            birth_date: '1985-03-12',
            created_at: at,
            updated_at: at,
            ...extra,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const siti = await add('000001', 'Siti Pasir', { village_code: '32.01.26.2001', address_street: 'Kp. Cibogo/RT.03' });
    await migrate(db, 7);
    const words = async (match: string) =>
      (await sql<{ id: number }>`SELECT rowid AS id FROM patient_search WHERE patient_search MATCH ${match} ORDER BY rowid`.execute(db)).rows.map(
        (r) => r.id,
      );
    // The same word as a name word and as a village word are two terms now.
    expect(await words('place : "qpasir" AND place : "qangin" AND place : "qcibogo" AND place : "qrt" AND place : "q03"')).toEqual([siti]);
    expect(await words('name : "pasir"')).toEqual([siti]);
    expect(await words('place : "pasir"')).toEqual([]);
    expect(await words('name : "qpasir"')).toEqual([]);
    expect(await words('born : "y1985"')).toEqual([siti]);
    // New and changed patients are indexed the same way.
    const budi = await add('000002', 'Budi', { address_street: 'Jl. Gadog-Raya' });
    expect(await words('place : "qgadog" AND place : "qraya"')).toEqual([budi]);
    await db.updateTable('patient').set({ address_street: 'Kp. Legok' }).where('id', '=', budi).execute();
    expect(await words('place : "qgadog"')).toEqual([]);
    expect(await words('place : "qlegok" AND name : "budi"')).toEqual([budi]);
  });

  it('0008 antrean: one number per lane and local day, tickets in exactly one lane, an append-only call log', async () => {
    const { db } = memory();
    await migrate(db, 7);
    const service = await db
      .insertInto('service')
      .values({ code: 'UMUM', name: 'Umum', prefix: 'A', daily_cap: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await db
      .insertInto('unit')
      .values({ code: 'GIGI', name: 'Poli Gigi', cluster: 'lintas', closing_time: '14:00' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await migrate(db, 8);
    const at = '2026-11-23T01:00:00.000Z';
    const ticket = (over: Record<string, unknown>) => ({
      service_date: '2026-11-23',
      lane: `S${service.id}`,
      service_id: service.id,
      unit_id: null,
      number: 1,
      code: 'A001',
      priority: null,
      counter_id: null,
      visit_id: null,
      issued_at: at,
      called_at: null,
      last_called_at: null,
      finished_at: null,
      transferred_from: null,
      ...over,
    });
    const first = await db.insertInto('queue_ticket').values(ticket({})).returning('id').executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('queue_ticket')
        .values(ticket({ code: 'A001b' }))
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    // The same number in a poli lane, or on the next day, is another ticket.
    await db
      .insertInto('queue_ticket')
      .values(ticket({ lane: `U${unit.id}`, service_id: null, unit_id: unit.id, code: 'G001' }))
      .execute();
    await db
      .insertInto('queue_ticket')
      .values(ticket({ service_date: '2026-11-24' }))
      .execute();
    for (const bad of [
      { number: 2, lane: `U${unit.id}` },
      { number: 3, unit_id: unit.id },
      { number: 4, status: 'hilang' },
      { number: 5, priority: 'vip' },
      { number: 0 },
    ])
      await expect(db.insertInto('queue_ticket').values(ticket(bad)).execute(), JSON.stringify(bad)).rejects.toThrow(/CHECK/);
    const event = { ticket_id: first.id, at, counter_id: null, unit_id: null, user_id: null };
    await db
      .insertInto('queue_event')
      .values({ ...event, kind: 'called', announcement: 'Nomor antrean A satu, silakan menuju loket satu' })
      .execute();
    await db
      .insertInto('queue_event')
      .values({ ...event, kind: 'finished', announcement: null })
      .execute();
    await expect(
      db
        .insertInto('queue_event')
        .values({ ...event, kind: 'recalled', announcement: null })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db
        .insertInto('queue_event')
        .values({ ...event, kind: 'dihapus', announcement: null })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    expect(await db.selectFrom('queue_ticket').select('id').execute()).toHaveLength(3);
  });

  it('0009 suara: stores re-recorded voice clips by key, refusing keys, types and sizes the app never writes', async () => {
    const { db } = memory();
    await migrate(db, 8);
    await migrate(db, 9);
    const clip = {
      key: 'huruf-a',
      mime: 'audio/wav',
      data: new Uint8Array([82, 73, 70, 70]),
      duration_ms: 420,
      updated_at: '2026-11-23T01:00:00.000Z',
      updated_by: null,
    };
    await db.insertInto('voice_clip').values(clip).execute();
    const row = await db.selectFrom('voice_clip').selectAll().executeTakeFirstOrThrow();
    expect(new Uint8Array(row.data)).toEqual(clip.data);
    for (const bad of [
      { key: 'Huruf B' },
      { key: 'a'.repeat(41) },
      { key: 'huruf-c', mime: 'audio/mpeg' },
      { key: 'huruf-d', data: new Uint8Array(0) },
      { key: 'huruf-e', duration_ms: 0 },
    ])
      await expect(
        db
          .insertInto('voice_clip')
          .values({ ...clip, ...bad })
          .execute(),
        JSON.stringify(bad).slice(0, 40),
      ).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('voice_clip').values(clip).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
  });

  it('0010 berkas: every patient gets a folder on the shelf (family folders by RM without member), an append-only move log', async () => {
    for (const family of [false, true]) {
      const { db, sqlite } = memory();
      await migrate(db, 9);
      const at = '2026-11-23T01:00:00.000Z';
      if (family)
        await db
          .insertInto('setting')
          .values({ key: 'rmFormat', value: JSON.stringify({ width: 6, prefix: '', family: true }), updated_at: at, updated_by: null })
          .execute();
      const rms = family ? ['000001-01', '000001-02', '000002-01'] : ['000001', '000002', '000003'];
      for (const rm of rms)
        await db
          .insertInto('patient')
          .values({ rm_number: rm, name: `P ${rm}`, name_key: 'p', sex: 'L', birth_date: '1980-01-01', created_at: at, updated_at: at } as never)
          .execute();
      await migrate(db, 10);
      const folders = sqlite.prepare('SELECT id, rm_base, status, location_kind, volume FROM folder ORDER BY rm_base').all() as {
        id: number;
        rm_base: string;
        status: string;
        location_kind: string;
        volume: number;
      }[];
      expect(folders.map((f) => [f.rm_base, f.status, f.location_kind, f.volume])).toEqual(
        family
          ? [
              ['000001', 'di_rak', 'rak', 1],
              ['000002', 'di_rak', 'rak', 1],
            ]
          : rms.map((rm) => [rm, 'di_rak', 'rak', 1]),
      );
      expect(sqlite.prepare('SELECT patient_id FROM folder_patient').all()).toHaveLength(3);
      const folderId = folders[0]!.id;
      const movement = {
        folder_id: folderId,
        at,
        kind: 'ambil',
        from_kind: 'rak',
        from_unit_id: null,
        to_kind: 'ruang_rm',
        to_unit_id: null,
        user_id: null,
        method: 'scan',
        request_id: null,
        visit_id: null,
        reason: null,
        borrower: null,
        due_date: null,
      };
      await db.insertInto('folder_movement').values(movement).execute();
      await expect(db.updateTable('folder_movement').set({ reason: 'x' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('folder_movement').execute()).rejects.toThrow(/append-only/);
      await expect(
        db
          .insertInto('folder_movement')
          .values({ ...movement, method: 'telepati' })
          .execute(),
      ).rejects.toThrow(/CHECK/);
      // A folder at a unit names the unit; a borrowed folder names its borrower; one original per RM and volume.
      await expect(db.updateTable('folder').set({ location_kind: 'unit' }).where('id', '=', folderId).execute()).rejects.toThrow(/CHECK/);
      await expect(db.updateTable('folder').set({ status: 'dipinjam' }).where('id', '=', folderId).execute()).rejects.toThrow(/CHECK/);
      await expect(
        db
          .insertInto('folder')
          .values({
            rm_base: folders[0]!.rm_base,
            temporary_for: null,
            location_unit_id: null,
            borrower: null,
            due_date: null,
            out_since: null,
            last_unit_id: null,
            created_at: at,
            updated_at: at,
          })
          .execute(),
      ).rejects.toThrow(/UNIQUE/);
    }
  });

  it('0011 antrean permintaan: a request id is unique per local day, tickets without one stay as they were', async () => {
    const { db, sqlite } = memory();
    await migrate(db, 8);
    const service = await db
      .insertInto('service')
      .values({ code: 'UMUM', name: 'Umum', prefix: 'A', daily_cap: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ticket = (number: number, date: string, requestId?: string) =>
      sqlite
        .prepare(
          `insert into queue_ticket (service_date, lane, service_id, number, code, issued_at${requestId ? ', request_id' : ''}) values (?, ?, ?, ?, ?, ?${requestId ? ', ?' : ''})`,
        )
        .run(date, `S${service.id}`, service.id, number, `A00${number}`, '2026-11-23T01:00:00.000Z', ...(requestId ? [requestId] : []));
    ticket(1, '2026-11-23');
    await migrate(db, 11);
    expect(sqlite.prepare('select request_id from queue_ticket').get()).toEqual({ request_id: null });
    ticket(2, '2026-11-23', 'kios1-aaaaaaaa');
    ticket(3, '2026-11-23');
    expect(() => ticket(4, '2026-11-23', 'kios1-aaaaaaaa')).toThrow(/UNIQUE/);
    ticket(1, '2026-11-24', 'kios1-aaaaaaaa'); // another day
    expect(() => ticket(2, '2026-11-24', 'pendek')).toThrow(/CHECK/);
  });

  it('0014 tindak lanjut: one follow-up per visit, the village copied, status dikirim or selesai', async () => {
    const { db, sqlite } = memory();
    await migrate(db, 14);
    sqlite.prepare("insert into unit (code, name, cluster) values ('UMUM', 'Poli Umum', 'klaster3')").run();
    sqlite
      .prepare(
        "insert into patient (rm_number, name, name_key, sex, birth_date, payer_default, created_at, updated_at) values ('000001', 'A', 'a', 'L', '1990-01-01', 'umum', 'x', 'x')",
      )
      .run();
    sqlite
      .prepare(
        "insert into visit (visit_date, seq, registered_at, patient_id, payer, unit_id, cluster, kunjungan_baru, pasien_baru) values ('2026-11-23', 1, 'x', 1, 'umum', 1, 'klaster3', 1, 1)",
      )
      .run();
    const mark = (reason: string, status = 'dikirim') =>
      sqlite
        .prepare('insert into follow_up (visit_id, village_code, reason, marked_at, status) values (1, ?, ?, ?, ?)')
        .run('33.02.12.2001', reason, 'x', status);
    expect(() => mark('', 'dikirim')).toThrow(/CHECK/);
    expect(() => mark('Kunjungan rumah', 'hilang')).toThrow(/CHECK/);
    mark('Kunjungan rumah');
    expect(() => mark('Lagi')).toThrow(/UNIQUE/);
    expect(sqlite.prepare('select status, village_code from follow_up').get()).toEqual({ status: 'dikirim', village_code: '33.02.12.2001' });
  });

  it('0016 rujukan: diagnosis codes upper case and unique with a word index kept in step, append-only trail and follow-up', async () => {
    const { db, sqlite } = memory();
    await migrate(db, 16);
    const dx = sqlite.prepare("insert into diagnosis (code, text, updated_at) values (?, ?, 'x')");
    dx.run('J06.9', 'Infeksi saluran pernapasan akut (ISPA)');
    expect(() => dx.run('j06.9', 'huruf kecil')).toThrow(/CHECK/);
    expect(() => dx.run('J06.9', 'lagi')).toThrow(/UNIQUE/);
    const words = (q: string) =>
      sqlite.prepare('select d.code from diagnosis_search s join diagnosis d on d.id = s.rowid where diagnosis_search match ?').all(q);
    expect(words('"isp"*')).toEqual([{ code: 'J06.9' }]);
    sqlite.prepare("update diagnosis set text = 'Common cold' where code = 'J06.9'").run();
    expect(words('"isp"*')).toEqual([]);
    expect(words('"cold"*')).toEqual([{ code: 'J06.9' }]);
    for (const table of ['referral_event', 'referral_followup']) {
      expect(
        sqlite
          .prepare(`select count(*) as n from sqlite_master where type = 'trigger' and name in ('${table}_no_update', '${table}_no_delete')`)
          .get(),
      ).toEqual({ n: 2 });
    }
    expect(() => sqlite.prepare("insert into facility_specialty (facility_id, name) values (1, '')").run()).toThrow(/CHECK|FOREIGN/);
  });

  it('a failing migration rolls back whole and stops startup', async () => {
    const { db } = memory();
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: '9999_rusak',
        up: async (trx: Parameters<(typeof migrations)[number]['up']>[0]) => {
          await sql`CREATE TABLE half_written (x INTEGER)`.execute(trx);
          await sql`THIS IS NOT SQL`.execute(trx);
        },
      },
    ];
    await expect(migrate(db, broken.length, broken)).rejects.toThrow(StartupError);
    await expect(migrate(db, broken.length, broken)).rejects.toThrow(/9999_rusak gagal dan dibatalkan/);
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_written'`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });

  it('the schema matches the committed snapshot', async () => {
    const store = memory();
    await migrate(store.db);
    await expect(await dumpSchema(store)).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });

  it('refuses a database from a newer Loket and leaves the file byte-for-byte untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'loket.db');
    const store = openStore(file);
    await migrate(store.db);
    await sql.raw(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 5}`).execute(store.db);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    await sql`PRAGMA journal_mode = DELETE`.execute(store.db);
    await store.close();
    const before = readFileSync(file);
    await expect(startHost({ dataDir: dir, mode: 'serve', loadRegions: false })).rejects.toThrow(/versi yang lebih baru.*tidak diubah/s);
    expect(readFileSync(file).equals(before)).toBe(true);
    // The lock was released: a fixed database opens again.
    writeFileSync(file, '');
    const host = await startHost({ dataDir: dir, mode: 'serve', loadRegions: false });
    await host.close();
  });
});
