import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerifyResult, PatientRecord } from '../../src-main/contract';
import { seedDemoData } from '../../src-main/app/demo';
import { registerAuditFunctions, withAuditActor } from '../../src-main/db/audit-context';
import { openStore, type Store } from '../../src-main/db/connection';
import { auditExclusions } from '../../src-main/db/migrations/audit-triggers';
import { migrate } from '../../src-main/db/migrator';
import * as devices from '../../src-main/db/repositories/devices';
import { adminToken, httpHost, tempDir, testHost, type HttpHost } from '../helpers/host';

const root = new URL('../..', import.meta.url).pathname;

describe('audit triggers cover the schema', () => {
  let store: Store;
  beforeAll(async () => {
    store = openStore(':memory:');
    await migrate(store.db);
  });
  afterAll(async () => store.close());

  it('every ordinary table has its three triggers covering every column, or an exclusion with a reason', () => {
    const tables = (
      store.sqlite
        .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .all() as { name: string }[]
    ).map((t) => t.name);
    const triggers = store.sqlite.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
      name: string;
      tbl_name: string;
      sql: string;
    }[];
    const problems: string[] = [];
    for (const table of tables) {
      const own = triggers.filter((t) => t.tbl_name === table && t.name.startsWith(`audit_${table}_`));
      if (table in auditExclusions) {
        if (own.length) problems.push(`${table}: excluded but has audit triggers`);
        continue;
      }
      if (own.length !== 3) {
        problems.push(`${table}: no audit triggers — add auditTriggersSql(table, columns) to its migration or an exclusion with a reason`);
        continue;
      }
      const columns = (store.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
      for (const t of own)
        for (const c of columns) {
          const mentions = t.sql.split(`'${c}', `).length - 1;
          // The update trigger writes every column twice (before and after), the others once.
          if (mentions < (t.name.endsWith('_ubah') ? 2 : 1)) problems.push(`${t.name}: column ${c} is not logged`);
        }
    }
    expect(problems).toEqual([]);
    for (const reason of Object.values(auditExclusions)) expect(reason.length).toBeGreaterThan(10);
  });

  it('the log is append-only', () => {
    withAuditActor({ userId: null, username: 'uji', device: null, method: null, at: '2026-11-23T01:00:00.000Z' }, () =>
      store.sqlite.prepare(`INSERT INTO unit (code, name, cluster) VALUES ('AUD', 'Poli Audit', 'klaster3')`).run(),
    );
    const last = store.sqlite.prepare(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`).get() as Record<string, unknown>;
    expect(last).toMatchObject({ username: 'uji', action: 'tambah', entity: 'unit', at: '2026-11-23T01:00:00.000Z' });
    expect(() => store.sqlite.prepare(`UPDATE audit_log SET username = 'x' WHERE id = ?`).run(last.id)).toThrow(/tidak boleh diubah/);
    expect(() => store.sqlite.prepare(`DELETE FROM audit_log WHERE id = ?`).run(last.id)).toThrow(/tidak boleh dihapus/);
  });

  it('a raw connection must register the audit functions before writing (scripts, tests)', async () => {
    const file = join(tempDir(), 'raw.db');
    const seeded = openStore(file);
    await migrate(seeded.db);
    await seeded.close();
    const raw = new BetterSqlite3(file);
    try {
      const insert = () => raw.prepare(`INSERT INTO unit (code, name, cluster) VALUES ('RAW', 'Poli Mentah', 'klaster3')`).run();
      expect(insert).toThrow(/no such function: loket_audit_/);
      registerAuditFunctions(raw);
      insert();
      expect(raw.prepare(`SELECT username, action, entity FROM audit_log ORDER BY id DESC LIMIT 1`).get()).toEqual({
        username: 'sistem',
        action: 'tambah',
        entity: 'unit',
      });
    } finally {
      raw.close();
    }
  });
});

describe('audit trail over HTTP', () => {
  let h: HttpHost;
  let admin: string;
  let clock = new Date('2026-11-23T01:00:00Z'); // 08.00 WIB
  const log = (where = '1 = 1') =>
    h.host.store.sqlite.prepare(`SELECT * FROM audit_log WHERE ${where} ORDER BY id`).all() as (Record<string, unknown> & { id: number })[];
  async function ok<T>(method: string, input: unknown, token: string = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  async function login(username: string, password: string): Promise<string> {
    return (await ok<{ token: string }>('auth.login', { username, password }, '')).token;
  }
  const newPatient = (name: string, token = admin) =>
    ok<{ patient: PatientRecord }>('patients.create', { ignoreSimilar: true, name, birthDate: '1990-02-02', sex: 'P' }, token).then((r) => r.patient);

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    for (const u of ['daftar1', 'daftar2'])
      await ok('users.create', { username: u, fullName: `Petugas ${u}`, role: 'pendaftaran', password: `rahasia-${u}-1` });
    await ok('users.create', { username: 'kasir1', fullName: 'Kasir Satu', role: 'kasir', password: 'rahasia-kasir1-1' });
  });
  afterAll(async () => h.cleanup());

  it('writes a change with every column before and after, the caller, the method and the patient, in the same transaction', async () => {
    const p = await newPatient('Siti Audit');
    const added = log(`entity = 'patient' AND entity_id = '${p.id}'`);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: 'tambah',
      username: 'admin',
      method: 'patients.create',
      device: 'http',
      patient_id: p.id,
      before: null,
    });
    expect(JSON.parse(added[0]!.after as string)).toMatchObject({ id: p.id, name: 'Siti Audit', rm_number: p.rmNumber });
    // The folder made for the patient in the same call is logged and tied to the patient too.
    expect(log(`entity = 'folder_patient' AND patient_id = ${p.id}`)).toHaveLength(1);

    clock = new Date('2026-11-23T01:05:00Z');
    await ok('patients.update', { id: p.id, name: 'Siti Aminah Audit' });
    const [changed] = log(`entity = 'patient' AND action = 'ubah'`);
    expect(changed).toMatchObject({ at: '2026-11-23T01:05:00.000Z', method: 'patients.update', patient_id: p.id });
    expect(JSON.parse(changed!.before as string)).toMatchObject({ name: 'Siti Audit' });
    expect(JSON.parse(changed!.after as string)).toMatchObject({ name: 'Siti Aminah Audit' });

    // A refused change leaves neither the change nor an audit row.
    const before = log().length;
    const r = await h.call('patients.update', { id: p.id, birthDate: '2999-01-01' }, admin);
    expect(r.body.ok).toBe(false);
    expect(log().length).toBe(before);
  });

  it('never writes a password hash, only that it changed', async () => {
    const rows = log(`entity = 'app_user'`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(String(r.after)).toMatch(/"password_hash":"\[disamarkan [0-9a-f]{8}\]"/);
    expect(rows.map((r) => String(r.after)).join()).not.toMatch(/scrypt|\$/);
  });

  it("a paired device: its token hash masked, its once-a-minute 'still here' not logged, a rename and a revocation logged", async () => {
    const db = h.host.store.db;
    const at = '2026-11-23T01:10:00.000Z';
    const id = await devices.insertDevice(db, { name: 'TV Ruang Tunggu', scope: 'display', tokenHash: 'a'.repeat(64), at, pairedBy: 1 });
    const rows = () => log(`entity = 'device' AND entity_id = '${id}'`);
    expect(rows()).toHaveLength(1);
    expect(String(rows()[0]!.after)).toMatch(/"token_hash":"\[disamarkan [0-9a-f]{8}\]"/);
    expect(String(rows()[0]!.after)).not.toContain('a'.repeat(64));
    await devices.touchDevice(db, id, '2026-11-23T01:11:00.000Z');
    expect(rows()).toHaveLength(1);
    await devices.renameDevice(db, id, 'TV Poli Umum');
    await devices.revokeDevice(db, id, 1, '2026-11-23T01:12:00.000Z');
    expect(rows().map((r) => r.action)).toEqual(['tambah', 'ubah', 'ubah']);
    expect(JSON.parse(rows()[2]!.after as string)).toMatchObject({
      revoked_at: '2026-11-23T01:12:00.000Z',
      last_seen_at: '2026-11-23T01:11:00.000Z',
    });
  });

  it('names the right user when 20 calls of two users interleave on the one connection', async () => {
    const tokens = { daftar1: await login('daftar1', 'rahasia-daftar1-1'), daftar2: await login('daftar2', 'rahasia-daftar2-1') };
    const names = Array.from({ length: 20 }, (_, i) => `${i % 2 ? 'Daftar Dua' : 'Daftar Satu'} ${'ABCDEFGHIJKLMNOPQRST'[i]}`);
    const created = await Promise.all(names.map((n, i) => newPatient(n, i % 2 ? tokens.daftar2 : tokens.daftar1)));
    const rows = log(`entity = 'patient' AND action = 'tambah' AND patient_id IN (${created.map((p) => p.id).join(',')})`);
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      const name = (JSON.parse(r.after as string) as { name: string }).name;
      expect(r.username, name).toBe(name.startsWith('Daftar Dua') ? 'daftar2' : 'daftar1');
    }
  });

  it('writes views, prints, logins, failed logins and logouts', async () => {
    const p = await newPatient('Rini Lihat');
    await ok('patients.get', { id: p.id });
    expect(log(`action = 'lihat' AND entity = 'patient'`).at(-1)).toMatchObject({ patient_id: p.id, method: 'patients.get', username: 'admin' });

    const folderId = Number(
      (h.host.store.sqlite.prepare(`SELECT folder_id FROM folder_patient WHERE patient_id = ?`).get(p.id) as { folder_id: number }).folder_id,
    );
    await ok('folders.history', { folderId });
    await ok('folders.locate', { code: p.rmNumber });
    const views = log(`action = 'lihat' AND entity = 'folder'`);
    expect(views.slice(-2).map((v) => [v.method, v.entity_id, v.patient_id])).toEqual([
      ['folders.history', String(folderId), p.id],
      ['folders.locate', String(folderId), p.id],
    ]);

    await ok('documents.patientCard', { patientId: p.id });
    expect(log(`action = 'cetak'`).at(-1)).toMatchObject({ method: 'documents.patientCard', entity: 'patient', patient_id: p.id });

    const failed = await h.call('auth.login', { username: 'Kasir1', password: 'salah-sekali' });
    expect(failed.status).toBe(401);
    expect(log(`action = 'gagal_masuk'`).at(-1)).toMatchObject({ username: 'kasir1', user_id: null, method: 'auth.login' });
    expect(String(log(`action = 'gagal_masuk'`).at(-1)!.after)).not.toMatch(/salah-sekali/);
    const token = await login('kasir1', 'rahasia-kasir1-1');
    const kasirId = (h.host.store.sqlite.prepare(`SELECT id FROM app_user WHERE username = 'kasir1'`).get() as { id: number }).id;
    expect(log(`action = 'masuk'`).at(-1)).toMatchObject({ username: 'kasir1', user_id: kasirId });
    await ok('auth.logout', {}, token);
    expect(log(`action = 'keluar'`).at(-1)).toMatchObject({ username: 'kasir1', user_id: kasirId });
    // Reads that are not views of a record write nothing.
    const n = log().length;
    await ok('units.list', {});
    expect(log().length).toBe(n);
  });

  it('lists with filters by user, patient (by RM), action and date, newest first, page by page', async () => {
    const p = await newPatient('Dewi Saring');
    await ok('patients.get', { id: p.id });
    await ok('patients.update', { id: p.id, name: 'Dewi Saringan' });
    type Page = { entries: AuditEntry[]; nextCursor: number | null };
    const byRm = await ok<Page>('audit.list', { from: '2026-11-23', to: '2026-11-23', rm: p.rmNumber.replace(/^0+/, '') });
    expect(byRm.entries.every((e) => e.patientId === p.id && e.rmNumber === p.rmNumber)).toBe(true);
    expect(byRm.entries[0]).toMatchObject({ action: 'ubah', entity: 'patient', before: { name: 'Dewi Saring' }, after: { name: 'Dewi Saringan' } });
    expect(byRm.entries.map((e) => e.action)).toContain('lihat');

    const views = await ok<Page>('audit.list', { from: '2026-11-23', to: '2026-11-23', action: 'lihat', patientId: p.id });
    expect(views.entries).toHaveLength(1);
    const adminId = views.entries[0]!.userId!;
    const mine = await ok<Page>('audit.list', { from: '2026-11-23', to: '2026-11-23', userId: adminId, limit: 5 });
    expect(mine.entries).toHaveLength(5);
    expect(mine.entries.every((e) => e.userId === adminId)).toBe(true);
    const next = await ok<Page>('audit.list', { from: '2026-11-23', to: '2026-11-23', userId: adminId, limit: 5, cursor: mine.nextCursor! });
    expect(next.entries[0]!.id).toBeLessThan(mine.entries[4]!.id);

    // 08.00 WIB on the 23rd is still the 23rd locally; the 22nd and the 24th hold nothing.
    expect((await ok<Page>('audit.list', { from: '2026-11-22', to: '2026-11-22' })).entries).toEqual([]);
    expect((await ok<Page>('audit.list', { from: '2026-11-24', to: '2026-11-24' })).entries).toEqual([]);

    const unknown = await h.call('audit.list', { from: '2026-11-23', to: '2026-11-23', rm: '999999' }, admin);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Pasien dengan No. RM 999999 tidak ditemukan.' } });
    const backwards = await h.call('audit.list', { from: '2026-11-24', to: '2026-11-23' }, admin);
    expect(backwards.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const kasir = await login('kasir1', 'rahasia-kasir1-1');
    const forbidden = await h.call('audit.list', { from: '2026-11-23', to: '2026-11-23' }, kasir);
    expect(forbidden.status).toBe(403);
    expect((await h.call('audit.verify', {}, kasir)).status).toBe(403);
  });

  it('verifies an intact chain', async () => {
    const r = await ok<AuditVerifyResult>('audit.verify', {});
    expect(r).toMatchObject({ ok: true, problem: null });
    expect(r.checked).toBe(log().length);
    expect(r.lastHash).toBe(log().at(-1)!.hash);
    expect(r.message).toMatch(/^Jejak audit utuh: .* baris diperiksa/);
  });
});

describe('audit.verify and npm run audit:verify find tampering', () => {
  const hosts: Awaited<ReturnType<typeof testHost>>[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.cleanup();
  });
  /** A host with some history; the file is then tampered with by raw SQL, the guards dropped. */
  async function tampered(change: (sqlite: BetterSqlite3.Database, ids: number[]) => void) {
    const h = await testHost({ now: () => new Date('2026-11-23T01:00:00Z') });
    hosts.push(h);
    for (const code of ['A1', 'A2', 'A3', 'A4'])
      await h.store.db
        .insertInto('unit')
        .values({ code, name: `Poli ${code}`, cluster: 'klaster3', closing_time: null })
        .execute();
    const sqlite = h.store.sqlite;
    const ids = (sqlite.prepare(`SELECT id FROM audit_log ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    sqlite.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;`);
    change(sqlite, ids);
    return { h, ids, verify: () => h.dispatcher.handlers['audit.verify']({}, { actor: null, token: null, client: 'ipc' }) };
  }

  it('an altered row: reported with its id', async () => {
    const { ids, verify } = await tampered((s, ids) => s.prepare(`UPDATE audit_log SET username = 'orang lain' WHERE id = ?`).run(ids.at(-2)));
    expect(await verify()).toMatchObject({
      ok: false,
      problem: { id: ids.at(-2), kind: 'diubah' },
      message: `Baris jejak audit #${ids.at(-2)} telah diubah: isinya tidak cocok dengan hash-nya.`,
    });
  });

  it('a removed row, a removed tail, and a row altered with a recomputed hash', async () => {
    const removed = await tampered((s, ids) => s.prepare(`DELETE FROM audit_log WHERE id = ?`).run(ids.at(-3)));
    expect(await removed.verify()).toMatchObject({ ok: false, problem: { id: removed.ids.at(-3), kind: 'hilang' } });
    await removed.h.cleanup();
    hosts.splice(0);

    const tail = await tampered((s, ids) => s.prepare(`DELETE FROM audit_log WHERE id >= ?`).run(ids.at(-2)));
    expect(await tail.verify()).toMatchObject({
      ok: false,
      problem: { id: tail.ids.at(-2), kind: 'hilang' },
      message: `Baris jejak audit #${tail.ids.at(-2)}–#${tail.ids.at(-1)} hilang (dihapus dari akhir jejak).`,
    });

    const rehashed = await tampered((s, ids) => {
      registerAuditFunctions(s);
      s.prepare(
        `UPDATE audit_log SET username = 'orang lain', hash = loket_audit_hash(prev_hash, at, user_id, 'orang lain', device, method, action, entity, entity_id, patient_id, "before", "after") WHERE id = ?`,
      ).run(ids.at(-2));
    });
    expect(await rehashed.verify()).toMatchObject({ ok: false, problem: { id: rehashed.ids.at(-1), kind: 'disisipkan' } });
  });

  it('npm run audit:verify: exit 0 and a sentence for an intact file, exit 1 and the row for a tampered one', async () => {
    const { h, ids } = await tampered(() => undefined);
    const file = h.databaseFile;
    const script = join(root, 'scripts', 'audit-verify.mjs');
    const intact = spawnSync(process.execPath, [script, file], { encoding: 'utf8', timeout: 120_000 });
    expect(intact.stdout + intact.stderr).toMatch(/Jejak audit utuh/);
    expect(intact.status).toBe(0);
    h.store.sqlite.prepare(`UPDATE audit_log SET after = '{}' WHERE id = ?`).run(ids[1]);
    const broken = spawnSync(process.execPath, [script, file], { encoding: 'utf8', timeout: 120_000 });
    expect(broken.stdout + broken.stderr).toMatch(new RegExp(`Baris jejak audit #${ids[1]} telah diubah`));
    expect(broken.status).toBe(1);
    const missing = spawnSync(process.execPath, [script, join(root, 'tests', 'tidak-ada.db')], { encoding: 'utf8', timeout: 120_000 });
    expect(missing.stdout + missing.stderr).toMatch(/tidak ditemukan/);
    expect(missing.status).toBe(2);
  }, 180_000);

  it('the demo seed writes one summary row instead of a row per synthetic patient, and the chain holds', async () => {
    const h = await testHost();
    hosts.push(h);
    const summary = await seedDemoData(h.ctx, { patients: 40, sqlite: h.store.sqlite });
    const rows = h.store.sqlite
      .prepare(`SELECT action, entity, username, "after" FROM audit_log WHERE action = 'massal' OR entity IN ('patient', 'visit')`)
      .all() as Record<string, string>[];
    expect(rows).toEqual([
      { action: 'massal', entity: 'demo', username: 'sistem', after: JSON.stringify({ patients: 40, visits: summary.visits, seed: 20261123 }) },
    ]);
    const verify = await h.dispatcher.handlers['audit.verify']({}, { actor: null, token: null, client: 'ipc' });
    expect(verify.ok).toBe(true);
    // Outside the seed, rows are written again.
    await h.store.db.insertInto('unit').values({ code: 'PASCA', name: 'Poli Pasca', cluster: 'klaster3', closing_time: null }).execute();
    expect(
      h.store.sqlite
        .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'unit' AND entity_id = (SELECT id FROM unit WHERE code = 'PASCA')`)
        .get(),
    ).toEqual({ n: 1 });
  });

  it('writes with no caller (boot, migrations, seed) are the system', async () => {
    const h = await testHost();
    hosts.push(h);
    await sql`UPDATE setting SET value = value WHERE 0`.execute(h.store.db);
    await h.store.db.insertInto('unit').values({ code: 'SYS', name: 'Poli Sistem', cluster: 'klaster3', closing_time: null }).execute();
    const row = h.store.sqlite.prepare(`SELECT * FROM audit_log WHERE entity = 'unit' ORDER BY id DESC LIMIT 1`).get() as Record<string, unknown>;
    expect(row).toMatchObject({ username: 'sistem', user_id: null, method: null, action: 'tambah' });
  });
});
