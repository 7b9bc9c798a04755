import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder, FolderMovement, PatientRecord, Unit } from '../../src-main/contract';
import { openStore } from '../../src-main/db/connection';
import { migrate } from '../../src-main/db/migrator';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

describe('migration 0012 berkas_gabung_jilid', () => {
  it('keeps every movement, the append-only guard and the index while widening the kinds', async () => {
    const store = openStore(':memory:');
    try {
      await migrate(store.db, 11);
      const run = (q: string) => store.sqlite.prepare(q).run();
      run(`INSERT INTO unit (code, name, cluster, closing_time) VALUES ('UMUM', 'Poli Umum', 'klaster3', '14:00')`);
      run(`INSERT INTO folder (rm_base, created_at, updated_at) VALUES ('000001', 'x', 'x')`);
      run(
        `INSERT INTO folder_movement (folder_id, at, kind, from_kind, to_kind, to_unit_id, method) VALUES (1, 't1', 'kirim', 'rak', 'unit', 1, 'scan')`,
      );
      expect(() => run(`INSERT INTO folder_movement (folder_id, at, kind, to_kind, method) VALUES (1, 't', 'jilid_baru', 'rak', 'sistem')`)).toThrow(
        /CHECK/,
      );
      await migrate(store.db, 12);
      expect(store.sqlite.prepare(`SELECT id, kind, to_unit_id FROM folder_movement`).all()).toEqual([{ id: 1, kind: 'kirim', to_unit_id: 1 }]);
      run(`INSERT INTO folder_movement (folder_id, at, kind, to_kind, method) VALUES (1, 't2', 'jilid_baru', 'rak', 'sistem')`);
      run(`INSERT INTO folder_movement (folder_id, at, kind, to_kind, method) VALUES (1, 't3', 'dipisah', 'ruang_rm', 'sistem')`);
      expect(() => run(`UPDATE folder_movement SET at = 'z'`)).toThrow(/append-only/);
      expect(() => run(`DELETE FROM folder_movement`)).toThrow(/append-only/);
      expect(() => run(`INSERT INTO folder_movement (folder_id, at, kind, to_kind, method) VALUES (1, 't', 'dibuang', 'rak', 'sistem')`)).toThrow(
        /CHECK/,
      );
      const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE tbl_name = 'folder_movement' ORDER BY name`.execute(store.db);
      expect(rows.map((r) => r.name)).toEqual([
        'folder_movement',
        'folder_movement_folder',
        'folder_movement_no_delete',
        'folder_movement_no_update',
      ]);
      expect(store.sqlite.prepare(`SELECT combined_into FROM folder`).get()).toEqual({ combined_into: null });
    } finally {
      await store.close();
    }
  });
});

type History = { folder: Folder; movements: FolderMovement[] };

describe('rekam medis folders: merged patients, new volumes and inactive storage', () => {
  let h: HttpHost;
  let admin: string;
  let umum: Unit;
  const count = (sql: string) => (h.host.store.sqlite.prepare(sql).get() as { n: number }).n;
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function refused(method: string, input: unknown, status: number, message: RegExp) {
    const before = count('SELECT count(*) AS n FROM folder_movement') + count('SELECT count(*) AS n FROM folder');
    const r = await h.call(method, input, admin);
    expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(status);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(message);
    expect(count('SELECT count(*) AS n FROM folder_movement') + count('SELECT count(*) AS n FROM folder')).toBe(before);
  }
  let n = 0;
  const newPatient = async (name: string) =>
    (await ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name, birthDate: `1980-01-${String(10 + n++)}`, sex: 'P' }))
      .patient;
  const locate = (code: string) => ok<{ folder: Folder }>('folders.locate', { code }).then((r) => r.folder);

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    umum = (await ok<Unit[]>('units.list', {})).find((u) => u.code === 'UMUM')!;
  });
  afterAll(async () => h.cleanup());

  it('combines a merged patient’s folder into the kept one, and an undo takes it out again', async () => {
    const keep = await newPatient('Siti Aminah');
    const dup = await newPatient('Siti Aminah Dup');
    const keptFolder = await locate(keep.rmNumber);
    const dupFolder = await locate(dup.rmNumber);
    // Out at a unit: the sheets cannot be put together, so the merge waits and nothing changes.
    await ok('folders.move', { folderId: dupFolder.id, to: 'unit', unitId: umum.id, method: 'scan' });
    await refused('patients.merge', { keepId: keep.id, mergeId: dup.id, reason: 'Pasien sama' }, 409, /sedang di Poli Umum: terima kembali dulu/);
    expect(count(`SELECT count(*) AS n FROM patient WHERE merged_into IS NOT NULL`)).toBe(0);
    await ok('folders.return', { folderId: dupFolder.id, method: 'scan' });

    const merge = await ok<{ id: number }>('patients.merge', { keepId: keep.id, mergeId: dup.id, reason: 'Pasien sama' });
    const combined = await ok<History>('folders.history', { folderId: dupFolder.id });
    expect(combined.folder).toMatchObject({ status: 'digabung', combinedInto: { id: keptFolder.id, rmNumber: keep.rmNumber } });
    expect(combined.movements[0]).toMatchObject({ kind: 'digabung', label: 'Digabung ke berkas lain' });
    expect(combined.movements[0]!.reason).toContain(`isi berkas disatukan ke berkas RM ${keep.rmNumber}`);
    const kept = await ok<History>('folders.history', { folderId: keptFolder.id });
    expect(kept.folder.status).toBe('di_rak');
    expect(kept.movements[0]!.reason).toBe(`Menerima isi berkas RM ${dup.rmNumber} (pasien digabung)`);
    // The old label still scans: it leads to the folder the sheets went into.
    expect((await locate(dup.rmNumber)).id).toBe(keptFolder.id);
    const scan = await ok<{ folder: Folder }>('folders.scan', { code: dup.rmNumber });
    expect(scan.folder.id).toBe(keptFolder.id);
    // A combined folder does not move any more.
    await refused('folders.move', { folderId: dupFolder.id, to: 'rak', method: 'ketik' }, 409, /sudah digabung/);

    await ok('patients.unmerge', { mergeId: merge.id });
    const back = await ok<History>('folders.history', { folderId: dupFolder.id });
    // Back where it was before the merge (the records room desk, awaiting its KLPCM check).
    expect(back.folder).toMatchObject({ status: 'keluar', place: { kind: 'ruang_rm' }, combinedInto: null, awaitingReview: true });
    expect(back.movements[0]).toMatchObject({ kind: 'dipisah', to: 'ruang rekam medis' });
    expect(back.movements[0]!.reason).toMatch(/dibatalkan: isi berkas dipisah kembali dari berkas RM/);
    expect((await locate(dup.rmNumber)).id).toBe(dupFolder.id);
  });

  it('leaves a family folder still used by other members as it is', async () => {
    // Two patients sharing one folder (as the family format does), then one is merged away.
    const a = await newPatient('Budi Keluarga');
    const b = await newPatient('Bima Keluarga');
    const other = await newPatient('Bagus Lain');
    const family = (await locate(a.rmNumber)).id;
    h.host.store.sqlite.prepare(`UPDATE folder_patient SET folder_id = ? WHERE patient_id = ?`).run(family, b.id);
    await ok('patients.merge', { keepId: other.id, mergeId: b.id, reason: 'Duplikat' });
    const f = await ok<History>('folders.history', { folderId: family });
    expect(f.folder.status).toBe('di_rak');
    expect(f.folder.patients.map((p) => p.id)).toEqual([a.id]);
    expect(f.movements).toHaveLength(0);
  });

  it('opens a new volume: the RM finds the current one, "/J1" the old one', async () => {
    const p = await newPatient('Wati Tebal');
    const first = await locate(p.rmNumber);
    const opened = await ok<{ folder: Folder; previous: Folder }>('folders.newVolume', { folderId: first.id, oldVolumeTo: 'rak_inaktif' });
    expect(opened.folder).toMatchObject({ volume: 2, volumes: 2, status: 'di_rak', place: { kind: 'rak' } });
    expect(opened.folder.patients.map((x) => x.id)).toEqual([p.id]);
    expect(opened.previous).toMatchObject({ id: first.id, volume: 1, volumes: 2, status: 'inaktif', place: { kind: 'rak_inaktif' }, patients: [] });
    expect((await locate(p.rmNumber)).id).toBe(opened.folder.id);
    expect((await locate(`${p.rmNumber}/J1`)).id).toBe(first.id);
    expect((await locate(`${p.rmNumber} / j2`)).id).toBe(opened.folder.id);
    const history = await ok<History>('folders.history', { folderId: opened.folder.id });
    expect(history.movements[0]).toMatchObject({ kind: 'jilid_baru', label: 'Jilid baru dibuka', reason: 'Jilid 2 dibuka; jilid 1 ke rak inaktif' });
    // Only the last volume gets a next one; a volume out at a unit comes back first.
    await refused('folders.newVolume', { folderId: first.id, oldVolumeTo: 'rak' }, 409, /jilid 1 bukan jilid terakhir \(jilid terakhir: 2\)/);
    await ok('folders.move', { folderId: opened.folder.id, to: 'unit', unitId: umum.id, method: 'scan' });
    await refused('folders.newVolume', { folderId: opened.folder.id, oldVolumeTo: 'rak' }, 409, /terima kembali berkasnya dulu/);
    await refused('folders.locate', { code: `${p.rmNumber}/J7` }, 404, /tidak ditemukan/);
    // The label of a volume names it and carries its own code.
    const label = await ok<{ html: string }>('documents.folderLabel', { patientId: p.id, volume: 1 });
    expect(label.html).toContain('Jilid 1');
  });

  it('moves a batch to inactive storage all at once, or none when one cannot go', async () => {
    const ps = [await newPatient('Inaktif Satu'), await newPatient('Inaktif Dua'), await newPatient('Inaktif Tiga')];
    const ids = await Promise.all(ps.map(async (p) => (await locate(p.rmNumber)).id));
    await ok('folders.move', { folderId: ids[2]!, to: 'unit', unitId: umum.id, method: 'scan' });
    await refused('folders.moveInactive', { folderIds: ids, method: 'ketik' }, 409, /Tidak ada berkas yang dipindah/);
    await refused('folders.moveInactive', { folderIds: [ids[0], 999999], method: 'ketik' }, 404, /id 999999 tidak ditemukan/);
    await refused('folders.moveInactive', { folderIds: [], method: 'ketik' }, 400, /minimal satu berkas/);
    expect(await ok('folders.moveInactive', { folderIds: ids.slice(0, 2), method: 'scan' })).toEqual({ moved: 2 });
    for (const id of ids.slice(0, 2)) {
      const f = await ok<History>('folders.history', { folderId: id });
      expect(f.folder).toMatchObject({ status: 'inaktif', place: { kind: 'rak_inaktif' } });
      expect(f.movements[0]).toMatchObject({ kind: 'inaktif', method: 'scan' });
    }
  });
});
