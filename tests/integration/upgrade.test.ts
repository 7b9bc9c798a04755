import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, startHost } from '../../src-main/app/host';
import { openStore, peekSchemaVersion } from '../../src-main/db/connection';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src-main/db/migrations';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { rolePermissions, type Role } from '../../src-main/contract/permissions';
import { hashPassword } from '../../src-main/services/password';
import { adminToken, httpHost, tempDir, type HttpHost } from '../helpers/host';
import { ADMIN, NOW, SEEDED_THROUGH, TODAY, folderOf, seeds, tableExists, type Db, type Fixture } from '../helpers/upgrade-fixtures';

/**
 * Issue #8, Proof → Migrations: a database from every earlier schema version, with data,
 * upgrades cleanly. Each case builds a real SQLite file with the project's migrator, fills it
 * with the seeds of tests/helpers/upgrade-fixtures.ts, closes it, then opens it the way the
 * app does (openStore + migrate, then a real host over HTTP) and checks that nothing was lost.
 * The versions come from the migrations list, so a new migration is covered the day it lands.
 */

/** The schema versions this build knows (a number left unused is a gap, see migrations/index.ts). */
const versions = migrations.map((m) => m.version);
let fixture: Fixture;
let freshSchema: string[];
const started = Date.now();
beforeAll(async () => {
  fixture = { passwordHash: await hashPassword(ADMIN.password) };
  const fresh = openStore(':memory:');
  await migrate(fresh.db);
  freshSchema = schemaOf(fresh.sqlite);
  await fresh.close();
});
afterAll(() => {
  console.info(`upgrade.test: ${Date.now() - started} ms for schema versions ${versions.join(', ')}`);
});

/** Tables with their columns, indexes and triggers as SQLite describes them (a rebuilt table's CREATE text differs in quoting only). */
function schemaOf(db: Db): string[] {
  const columns = db
    .prepare(
      `SELECT m.name || '(' || group_concat(c.name || ' ' || c.type || ' ' || c."notnull" || ' ' || coalesce(c.dflt_value, '') || ' ' || c.pk, ', ') || ')' AS d
       FROM sqlite_master m, pragma_table_xinfo(m.name) c WHERE m.type = 'table' GROUP BY m.name`,
    )
    .all() as { d: string }[];
  const others = db
    .prepare(
      `SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || coalesce(sql, '') AS d FROM sqlite_master WHERE type IN ('index', 'trigger', 'view')`,
    )
    .all() as {
    d: string;
  }[];
  return [...columns, ...others].map((r) => r.d.replace(/\s+/g, ' ')).sort();
}

/** Every row of every ordinary table (not FTS internals, not the migrations' own log), by primary key. */
interface TableDump {
  columns: string[];
  rows: Map<string, Record<string, unknown>>;
}

function dump(db: Db): Map<string, TableDump> {
  const tables = db
    .prepare(
      `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migration' ORDER BY name`,
    )
    .all() as { name: string; wr: number }[];
  const result = new Map<string, TableDump>();
  for (const { name, wr } of tables) {
    const info = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(name) as { name: string; pk: number }[];
    const columns = info.map((c) => c.name);
    const key = wr
      ? info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name)
      : ['rowid'];
    const rows = new Map<string, Record<string, unknown>>();
    const select = `SELECT ${key.map((k, i) => `"${k}" AS __k${i}`).join(', ')}, * FROM "${name}"`;
    for (const row of db.prepare(select).all() as Record<string, unknown>[]) {
      const keyValue = JSON.stringify(key.map((_k, i) => row[`__k${i}`]));
      rows.set(keyValue, Object.fromEntries(columns.map((c) => [c, row[c]])));
    }
    result.set(name, { columns, rows });
  }
  return result;
}

/** A file at schema `version`: seeds 1..version written at that version (seeds for later migrations do not exist yet). */
async function databaseAt(dir: string, version: number, mode: 'at-version' | 'step-by-step'): Promise<Map<string, TableDump>> {
  const store = openStore(join(dir, DATABASE_FILE));
  try {
    const steps = versions.filter((v) => v <= version);
    // One transaction per seed, as the app writes (and one fsync instead of one per row).
    const seed = (v: number) => {
      const write = seeds[v];
      if (write) store.sqlite.transaction(() => write(store.sqlite, fixture))();
    };
    if (mode === 'at-version') {
      await migrate(store.db, version);
      for (const v of steps) seed(v);
    } else {
      for (const v of steps) {
        await migrate(store.db, v);
        seed(v);
      }
    }
    expect(await schemaVersion(store.db)).toBe(version);
    return dump(store.sqlite);
  } finally {
    await store.close();
  }
}

const count = (db: Db, query: string, ...params: unknown[]) => (db.prepare(query).get(...params) as { n: number }).n;
const ids = (db: Db, query: string, ...params: unknown[]) =>
  (db.prepare(query).all(...params) as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);

/** Opens the file as the app does, migrates it to the latest schema and checks it row for row. */
async function upgradeAndCheck(dir: string, from: number, before: Map<string, TableDump>): Promise<void> {
  const store = openStore(join(dir, DATABASE_FILE));
  try {
    expect(await migrate(store.db)).toEqual({ from, to: LATEST_SCHEMA_VERSION });
    const db = store.sqlite;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(ids(db, 'SELECT version AS id FROM schema_migration')).toEqual(versions);
    expect(schemaOf(db), 'the upgraded schema is the schema of a new database').toEqual(freshSchema);

    // Every row of every table that existed before is still there with every value it had. A
    // migration that changes stored values on purpose fails here until this test names the change.
    const after = dump(db);
    for (const [table, old] of before) {
      const now = after.get(table);
      expect(now, `table ${table} still exists`).toBeDefined();
      expect(now!.rows.size, `${table}: rows`).toBeGreaterThanOrEqual(old.rows.size);
      const kept = [...old.rows.keys()].map((key) => {
        const row = now!.rows.get(key);
        return row && Object.fromEntries(old.columns.map((c) => [c, row[c]]));
      });
      expect(kept, `${table}: rows and values`).toEqual([...old.rows.values()]);
    }

    // The full-text indexes agree with their tables (0005/0007 rebuilt the patient index, 0016 the diagnoses).
    const fts = db.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'`).all() as { name: string }[];
    for (const { name } of fts) db.prepare(`INSERT INTO "${name}" ("${name}") VALUES ('integrity-check')`).run();
    const live = ids(db, 'SELECT id FROM patient WHERE merged_into IS NULL');
    expect(ids(db, 'SELECT rowid AS id FROM patient_search')).toEqual(live);
    expect(ids(db, 'SELECT rowid AS id FROM patient_name_trigram')).toEqual(live);

    // What the migrations derive from older data: the RM counter (0003), a folder for every live
    // patient (0010), a live payment for every paid visit with its amount (0013).
    const highestRm = count(db, `SELECT coalesce(max(CAST(rm_number AS INTEGER)), 0) AS n FROM patient WHERE rm_number NOT GLOB '*[^0-9]*'`);
    expect(count(db, `SELECT value AS n FROM number_sequence WHERE name = 'rm' AND period = ''`)).toBeGreaterThanOrEqual(highestRm);
    expect(
      ids(
        db,
        'SELECT p.id FROM patient p JOIN folder_patient fp ON fp.patient_id = p.id JOIN folder f ON f.id = fp.folder_id WHERE p.merged_into IS NULL',
      ),
    ).toEqual(live);
    expect(
      db
        .prepare(
          `SELECT v.id, v.fee, count(p.id) AS live, sum(p.amount) AS amount FROM visit v LEFT JOIN payment p ON p.visit_id = v.id AND p.voided_at IS NULL
           WHERE v.paid_at IS NOT NULL GROUP BY v.id`,
        )
        .all()
        .filter((r) => {
          const v = r as { fee: number; live: number; amount: number };
          return v.live !== 1 || v.amount !== v.fee;
        }),
      'paid visits without exactly one live payment of their fee',
    ).toEqual([]);

    spotChecks(db, from);

    // Append-only tables still refuse UPDATE and DELETE (0012 rebuilt folder_movement with its triggers).
    const guards = (
      db.prepare(`SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%append-only%'`).all() as {
        tbl: string;
        sql: string;
      }[]
    ).map((t) => `${t.tbl}:${/BEFORE\s+(UPDATE|DELETE)/i.exec(t.sql)?.[1]?.toUpperCase()}`);
    expect(guards).toEqual(
      expect.arrayContaining([
        'folder_movement:UPDATE',
        'folder_movement:DELETE',
        'referral_event:UPDATE',
        'referral_event:DELETE',
        'referral_followup:UPDATE',
        'referral_followup:DELETE',
        'login_attempt:UPDATE',
      ]),
    );
    for (const guard of guards) {
      const [table, event] = guard.split(':') as [string, string];
      const rows = count(db, `SELECT count(*) AS n FROM "${table}"`);
      if (rows === 0) continue; // a statement that touches no row fires no trigger
      const column = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 0 LIMIT 1`).get(table) as { name: string }).name;
      const statement = event === 'UPDATE' ? `UPDATE "${table}" SET "${column}" = "${column}"` : `DELETE FROM "${table}"`;
      expect(() => db.prepare(statement).run(), guard).toThrow(/append-only/);
      expect(count(db, `SELECT count(*) AS n FROM "${table}"`)).toBe(rows);
    }
  } finally {
    await store.close();
  }
}

/** A few values per seeded version, read back after the upgrade (the row-by-row comparison covers the rest). */
function spotChecks(db: Db, seededThrough: number): void {
  const get = (query: string, ...params: unknown[]) => db.prepare(query).get(...params);
  const all = (query: string, ...params: unknown[]) => db.prepare(query).all(...params);
  const upTo = Math.min(seededThrough, SEEDED_THROUGH);
  if (upTo >= 1) {
    expect((get(`SELECT value FROM setting WHERE key = 'puskesmas'`) as { value: string }).value).toContain('"Puskesmas Cibinong"');
    expect(all('SELECT code, active FROM unit ORDER BY id')).toHaveLength(5);
    expect(get(`SELECT role, active FROM app_user WHERE username = 'budi.lama'`)).toEqual({ role: 'pendaftaran', active: 0 });
    expect(count(db, 'SELECT count(*) AS n FROM counter_service')).toBe(3);
  }
  if (upTo >= 2) {
    expect(get('SELECT rm_number, nik, bpjs_number, kk_number, village_code FROM patient WHERE id = 1')).toEqual({
      rm_number: '000001',
      nik: '3201015203900001',
      bpjs_number: '0001234567890',
      kk_number: '3201010101200001',
      village_code: '32.01.01.2002',
    });
    expect(get('SELECT mother_nik, nik FROM patient WHERE id = 3')).toEqual({ mother_nik: '3201015203900001', nik: null });
    expect(get(`SELECT payer, emergency, fee, status FROM visit WHERE id = 3`)).toEqual({
      payer: 'umum',
      emergency: 1,
      fee: 10000,
      status: 'terdaftar',
    });
  }
  if (upTo >= 4) {
    expect(get('SELECT life_stage, insurance_name FROM visit WHERE id = 9')).toEqual({ life_stage: 'dewasa', insurance_name: 'Mandiri Inhealth' });
    expect(all('SELECT status FROM folder_request ORDER BY id').map((r) => (r as { status: string }).status)).toEqual(
      expect.arrayContaining(['diterima_unit', 'diambil', 'menunggu', 'batal']),
    );
  }
  if (upTo >= 6) {
    expect(get('SELECT merged_into FROM patient WHERE id = 11')).toEqual({ merged_into: 1 });
    expect(all('SELECT kept_id, merged_id, undone_at IS NOT NULL AS undone FROM patient_merge ORDER BY id').slice(0, 2)).toEqual([
      { kept_id: 1, merged_id: 11, undone: 0 },
      { kept_id: 2, merged_id: 12, undone: 1 },
    ]);
  }
  if (upTo >= 8) {
    expect(all(`SELECT code, status FROM queue_ticket WHERE service_date = ? AND lane = 'S1' ORDER BY number`, TODAY).slice(0, 3)).toEqual([
      { code: 'A001', status: 'dialihkan' },
      { code: 'A002', status: 'dipanggil' },
      { code: 'A003', status: 'menunggu' },
    ]);
    expect(count(db, `SELECT count(*) AS n FROM queue_event WHERE kind IN ('called', 'recalled') AND announcement LIKE 'Nomor antrean %'`)).toBe(5);
  }
  if (upTo >= 9) {
    expect((get(`SELECT data FROM voice_clip WHERE key = 'huruf-a'`) as { data: Buffer }).data.subarray(0, 4).toString()).toBe('RIFF');
  }
  if (upTo >= 10) {
    const moves = all('SELECT kind, to_unit_id FROM folder_movement WHERE folder_id = ? ORDER BY id', folderOf(db, 1));
    expect(moves).toEqual([
      { kind: 'ambil', to_unit_id: null },
      { kind: 'kirim', to_unit_id: 2 },
      { kind: 'kembali', to_unit_id: null },
      { kind: 'kembalikan_lengkapi', to_unit_id: 2 },
    ]);
    expect(get('SELECT status, borrower FROM folder WHERE id = ?', folderOf(db, 4))).toEqual({ status: 'dipinjam', borrower: 'Tim Mutu' });
    expect(count(db, 'SELECT count(*) AS n FROM completeness_item')).toBe(5);
    expect(count(db, 'SELECT count(*) AS n FROM folder_request WHERE delivered_at IS NOT NULL')).toBe(2);
  }
  if (upTo >= 11) expect(get(`SELECT code FROM queue_ticket WHERE request_id = 'kios1-7f3a9c2e'`)).toEqual({ code: 'A004' });
  if (upTo >= 12) {
    const merged = get(`SELECT f.status, f.combined_into FROM folder f JOIN patient_merge m ON json_extract(m.moved, '$.folder.folderId') = f.id`);
    expect(merged).toEqual({ status: 'digabung', combined_into: folderOf(db, 4) });
    expect(get('SELECT rm_base, volume FROM folder WHERE id = ?', folderOf(db, 5))).toEqual({ rm_base: '000005', volume: 2 });
    expect(count(db, `SELECT count(*) AS n FROM folder_movement WHERE kind IN ('digabung', 'jilid_baru')`)).toBe(3);
  }
  if (upTo >= 4) {
    // Paid before the cashier existed: 0013 (or the app) names the visit's tariff, or the generic fee.
    expect(all('SELECT visit_id, tariff_name FROM payment WHERE visit_id IN (2, 7) AND voided_at IS NULL ORDER BY visit_id')).toEqual([
      { visit_id: 2, tariff_name: 'Retribusi pelayanan' },
      { visit_id: 7, tariff_name: 'Karcis rawat jalan (pendaftaran dan pemeriksaan umum)' },
    ]);
  }
  if (upTo >= 13) {
    expect(
      all(
        'SELECT amount, voided_at IS NOT NULL AS voided FROM payment WHERE visit_id = (SELECT visit_id FROM receipt_print WHERE copy = 1) ORDER BY id',
      ),
    ).toEqual([
      { amount: 10000, voided: 1 },
      { amount: 15000, voided: 0 },
    ]);
    expect(get('SELECT payments, amount FROM cash_day')).toEqual({ payments: 2, amount: 20000 });
  }
  if (upTo >= 14) expect(all('SELECT status FROM follow_up ORDER BY id')).toEqual([{ status: 'dikirim' }, { status: 'selesai' }]);
  if (upTo >= 15) {
    expect(get(`SELECT status, cancel_reason FROM letter WHERE number = '445/002/SKS/XI/2026'`)).toEqual({
      status: 'batal',
      cancel_reason: 'Salah nama pasien',
    });
    expect(count(db, 'SELECT count(*) AS n FROM letter_print')).toBe(3);
  }
  if (upTo >= 16) {
    expect(get('SELECT status, admitted, sisrute_number FROM referral')).toEqual({
      status: 'diterima',
      admitted: 1,
      sisrute_number: 'SR-2026-000123',
    });
    expect(all('SELECT status FROM referral_event ORDER BY id')).toEqual([{ status: 'dibuat' }, { status: 'dikirim' }, { status: 'diterima' }]);
    expect(get('SELECT to_unit_id, ticket_id IS NOT NULL AS ticket FROM internal_referral')).toEqual({ to_unit_id: 3, ticket: 1 });
  }
  if (upTo >= 17) expect(count(db, `SELECT count(*) AS n FROM login_attempt WHERE username = 'loket1'`)).toBe(4);
  if (upTo >= 19) expect(all('SELECT scope, revoked_at IS NOT NULL AS revoked FROM device ORDER BY id').slice(0, 3)).toHaveLength(3);
  if (upTo >= 20) {
    expect(count(db, `SELECT count(*) AS n FROM role_permission WHERE role = 'rekam_medis' AND permission = 'antrean:view'`)).toBe(0);
    expect(get(`SELECT must_change_password FROM app_user WHERE username = 'dokter1'`)).toEqual({ must_change_password: 1 });
  }
}

/** The app on the upgraded file: a real host over HTTP answers the everyday screens' calls. */
async function appWorks(dir: string, { everyUser = false } = {}): Promise<void> {
  const h = await httpHost({ dataDir: dir, now: () => NOW });
  try {
    const db = h.host.store.sqlite;
    const token = await signIn(h);
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const { status, body } = await h.call<T>(method, input, token);
      expect(body, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
      expect(status).toBe(200);
      return (body as { ok: true; value: T }).value;
    };

    // Patients are found by name: the first and the last, and those indexed by the first search
    // triggers (seed 5) and with the place words of 0007 (seed 7); merged ones are not (the
    // indexes of every live patient are compared with the table above).
    const patients = db.prepare('SELECT id, name FROM patient WHERE merged_into IS NULL ORDER BY id').all() as { id: number; name: string }[];
    const sample = patients.filter((p, i) => i === 0 || i === patients.length - 1 || p.id === 10 || p.id === 13);
    const found = await Promise.all(sample.map((p) => call<{ id: number }[]>('patients.search', { query: p.name, limit: 50 })));
    for (const [i, p] of sample.entries())
      expect(
        found[i]!.map((f) => f.id),
        p.name,
      ).toContain(p.id);
    const merged = ids(db, 'SELECT id FROM patient WHERE merged_into IS NOT NULL');
    if (patients.length > 0) {
      const byNik = await call<{ id: number; matchedBy?: string }[]>('patients.search', { query: '3201015203900001' });
      // The mother's NIK also finds her baby (registered with the mother's NIK).
      expect(byNik.map((p) => [p.id, p.matchedBy])).toEqual([
        [1, 'nik'],
        [3, 'nik_ibu'],
      ]);
      const siti = await call<{ id: number }[]>('patients.search', { query: 'Siti Aminah', limit: 50 });
      expect(siti.filter((p) => merged.includes(p.id))).toEqual([]);
    }

    // Today's register lists every visit of the day that was not cancelled.
    const register = await call<{ rows: { visitId: number }[] }>('register.daily', { date: TODAY });
    expect(register.rows.map((r) => r.visitId).sort((a, b) => a - b)).toEqual(
      ids(db, `SELECT id FROM visit WHERE visit_date = ? AND status != 'batal'`, TODAY),
    );

    // Each folder's history shows every movement it ever had.
    for (const { folder_id, n } of db.prepare('SELECT folder_id, count(*) AS n FROM folder_movement GROUP BY folder_id').all() as {
      folder_id: number;
      n: number;
    }[]) {
      const history = await call<{ movements: unknown[] }>('folders.history', { folderId: folder_id });
      expect(history.movements, `folder ${folder_id}`).toHaveLength(n);
    }
    if (patients.length > 0) await call('folders.history', { folderId: folderOf(db, patients[0]!.id) });

    // The queue of the day: the seeded waiting tickets in the waiting list.
    const queue = await call<{ date: string; waiting: { id: number }[] }>('queue.state', {});
    expect(queue.date).toBe(TODAY);
    expect(queue.waiting.map((t) => t.id).sort((a, b) => a - b)).toEqual(
      ids(db, `SELECT id FROM queue_ticket WHERE service_date = ? AND status = 'menunggu'`, TODAY),
    );

    // It writes too, continuing the numbers the old database holds: the next RM (0003's counter)
    // with a folder (0010), the next visit of the day, the next ticket of the lane.
    const highestRm = count(db, `SELECT coalesce(max(CAST(rm_number AS INTEGER)), 0) AS n FROM patient WHERE rm_number NOT GLOB '*[^0-9]*'`);
    const { patient } = await call<{ patient: { id: number; rmNumber: string } }>('patients.create', {
      ignoreSimilar: true,
      name: 'Wulan Purnamasari',
      birthDate: '1999-09-09',
      sex: 'P',
    });
    expect(Number(patient.rmNumber)).toBe(highestRm + 1);
    expect(count(db, 'SELECT count(*) AS n FROM folder_patient WHERE patient_id = ?', patient.id)).toBe(1);
    const seqToday = count(db, 'SELECT coalesce(max(seq), 0) AS n FROM visit WHERE visit_date = ?', TODAY);
    const unitId = count(db, 'SELECT min(id) AS n FROM unit WHERE active = 1');
    const { visit } = await call<{ visit: { id: number; seq: number } }>('visits.register', { patientId: patient.id, payer: 'umum', unitId });
    expect(visit.seq).toBe(seqToday + 1);
    const serviceId = count(db, 'SELECT min(id) AS n FROM service WHERE active = 1');
    const lastNumber = count(
      db,
      'SELECT coalesce(max(number), 0) AS n FROM queue_ticket WHERE service_date = ? AND service_id = ?',
      TODAY,
      serviceId,
    );
    const issued = await call<{ ticket: { number: number } }>('queue.issueTicket', { serviceId });
    expect(issued.ticket.number).toBe(lastNumber + 1);

    // The audit trail (0021) begins on the upgraded file and its chain holds.
    const audit = await call<{ ok: boolean; checked: number; message: string }>('audit.verify', {});
    expect(audit, audit.message).toMatchObject({ ok: true });
    expect(audit.checked).toBeGreaterThan(0);

    // The other users still sign in, each with the rights of the role stored for them (0020 turned
    // roles into a table). Once per run: scrypt is slow on purpose, and users exist from schema 1 on.
    if (!everyUser) return;
    const users = db
      .prepare(`SELECT username, role, active FROM app_user WHERE username != ? AND password_hash = ?`)
      .all(ADMIN.username, fixture.passwordHash) as {
      username: string;
      role: Role;
      active: number;
    }[];
    for (const user of users) {
      const login = await h.call<{ token: string }>('auth.login', { username: user.username, password: ADMIN.password });
      if (!user.active) {
        expect(login.body).toMatchObject({ ok: false, error: { message: expect.stringMatching(/dinonaktifkan/) as string } });
        continue;
      }
      if (!login.body.ok) throw new Error(`${user.username}: ${login.body.error.message}`);
      const state = await h.call('queue.state', {}, login.body.value.token);
      // The rights stored for the role (0020, possibly edited since), else the shipped defaults.
      const granted = tableExists(db, 'role_permission')
        ? count(db, `SELECT count(*) AS n FROM role_permission WHERE role = ? AND permission = 'antrean:view'`, user.role) === 1
        : rolePermissions[user.role].has('antrean:view');
      expect(state.body.ok, `${user.username} (${user.role}) queue.state`).toBe(granted);
    }
  } finally {
    await h.cleanup();
  }
}

/** Logs in as the seeded administrator; a database from before any user existed asks for the first one. */
async function signIn(h: HttpHost): Promise<string> {
  const { body: status } = await h.call<{ needsSetup: boolean }>('auth.status');
  if (status.ok && status.value.needsSetup) return adminToken(h, ADMIN.password);
  const { body } = await h.call<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!body.ok) throw new Error(`masuk gagal: ${body.error.message}`);
  return body.value.token;
}

describe('upgrade: a database from every earlier schema version, with data', () => {
  const earlier = [0, ...versions.filter((v) => v < LATEST_SCHEMA_VERSION)];

  it.each(earlier)('from schema %i: data written at that version is all there on the latest schema, and the app works on it', async (version) => {
    const dir = tempDir('loket-upgrade-');
    const before = await databaseAt(dir, version, 'at-version');
    await upgradeAndCheck(dir, version, before);
    await appWorks(dir); // removes the folder
  });

  it('data written at every version in turn (seed 1, migrate to 2, seed 2, …) survives every later migration', async () => {
    const dir = tempDir('loket-upgrade-');
    const from = earlier.at(-1)!;
    const before = await databaseAt(dir, from, 'step-by-step');
    await upgradeAndCheck(dir, from, before);
    await appWorks(dir, { everyUser: true });
  });

  it('the seeds touch every table of the schema they reach, and that database works on the latest schema', async () => {
    const dir = tempDir('loket-upgrade-');
    const through = Math.max(...versions.filter((v) => v <= SEEDED_THROUGH));
    const before = await databaseAt(dir, through, 'step-by-step');
    const empty = [...before].filter(([, t]) => t.rows.size === 0).map(([name]) => name);
    expect(empty, 'tables without a seeded row').toEqual([]);
    await upgradeAndCheck(dir, through, before);
    await appWorks(dir);
  });

  it('refuses a database from a newer Loket and leaves it untouched, data and all', async () => {
    const dir = tempDir('loket-upgrade-');
    const file = join(dir, DATABASE_FILE);
    const before = await databaseAt(dir, LATEST_SCHEMA_VERSION, 'at-version');
    const store = openStore(file);
    store.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    await store.close();
    const bytes = readFileSync(file);
    await expect(startHost({ dataDir: dir, mode: 'serve', loadRegions: false })).rejects.toThrow(
      new RegExp(
        `versi yang lebih baru \\(skema ${LATEST_SCHEMA_VERSION + 1}; versi ini mengenal sampai skema ${LATEST_SCHEMA_VERSION}\\).*tidak diubah`,
        's',
      ),
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(peekSchemaVersion(file)).toBe(LATEST_SCHEMA_VERSION + 1);
    // The migrator itself refuses too (a caller that skips the host's check), before writing anything.
    const again = openStore(file);
    try {
      await expect(migrate(again.db)).rejects.toThrow(/versi yang lebih baru.*tidak diubah/s);
      expect(again.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(tableExists(again.sqlite, 'patient')).toBe(true);
      expect(dump(again.sqlite)).toEqual(before);
    } finally {
      await again.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
