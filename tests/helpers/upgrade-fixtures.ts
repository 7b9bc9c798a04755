import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../../src-main/domain/nama';

/**
 * Realistic data for databases of every earlier schema version (tests/integration/upgrade.test.ts).
 *
 * `seeds[v]` writes, with raw SQL valid at schema version v, rows in the tables migration v
 * created or changed — as the Loket of that version would have written them. A seed may run
 * right after its migration (the "through every version" case) or on a database already at a
 * later version (one file per version: seeds 1..N run at N), so where a migration backfills
 * (0003 RM counter, 0010 folders, 0013 payments) the seed only adds what is still missing, the
 * way the app did. Patients, visits and users get the same ids in both cases; folders and
 * payments are looked up by RM and visit.
 *
 * A version without a seed (0018 adds indexes only; 0021 and later until someone writes one)
 * adds no rows: its databases still upgrade with the data of every earlier version.
 */

export type Db = BetterSqlite3.Database;
export type Seed = (db: Db, fixture: Fixture) => void;
export interface Fixture {
  /** A real scrypt hash of ADMIN.password (made once per test file: hashing is slow on purpose). */
  passwordHash: string;
}

export const ADMIN = { username: 'admin', password: 'rahasia-admin-1' } as const;
/** The seeded working day (a Monday) and the days before it, local dates in Asia/Jakarta. */
export const TODAY = '2026-11-23';
export const FRIDAY = '2026-11-20';
/** Visits written before schema 3 lie in the past: the Loket of that time kept no per-day counters, later ones always did. */
export const THURSDAY = '2026-11-19';
/** 10.00 WIB on TODAY: the host's clock in the test, so "today's" queue is the seeded one. */
export const NOW = new Date(`${TODAY}T03:00:00.000Z`);

const at = (date: string, hhmm: string) => `${date}T${hhmm}:00.000Z`;

/** INSERT one row with exactly the columns given; returns the rowid. */
export function insert(db: Db, table: string, row: Record<string, unknown>): number {
  const cols = Object.keys(row);
  const result = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
  return Number(result.lastInsertRowid);
}

function one<T>(db: Db, query: string, ...params: unknown[]): T {
  const row = db.prepare(query).get(...params) as T | undefined;
  if (row === undefined) throw new Error(`seed: no row for ${query} ${JSON.stringify(params)}`);
  return row;
}

/** The folder a patient's sheets go into now (created by migration 0010 or by a seed). */
export function folderOf(db: Db, patientId: number): number {
  return one<{ folder_id: number }>(db, 'SELECT folder_id FROM folder_patient WHERE patient_id = ?', patientId).folder_id;
}

function visit(db: Db, v: Record<string, unknown> & { visit_date: string; patient_id: number }): number {
  const { seq } = one<{ seq: number }>(db, 'SELECT coalesce(max(seq), 0) + 1 AS seq FROM visit WHERE visit_date = ?', v.visit_date);
  bump(db, 'kunjungan', v.visit_date, seq);
  return insert(db, 'visit', { seq, emergency: 0, kunjungan_baru: 1, pasien_baru: 0, registered_by: 2, ...v });
}

interface PatientRow {
  id: number;
  rm_number: string;
  name: string;
  sex: 'L' | 'P';
  birth_date: string;
  [column: string]: unknown;
}

function patient(db: Db, p: PatientRow, created: string): void {
  insert(db, 'patient', { name_key: nameKey(p.name), payer_default: 'umum', created_at: created, updated_at: created, ...p });
  bump(db, 'rm', '', Number(p.rm_number));
}

/** From schema 3 on the app takes RM, visit and ticket numbers from number_sequence in the same transaction. */
function bump(db: Db, name: string, period: string, value: number): void {
  if (!tableExists(db, 'number_sequence')) return;
  db.prepare(
    `INSERT INTO number_sequence (name, period, value) VALUES (?, ?, ?) ON CONFLICT (name, period) DO UPDATE SET value = max(value, excluded.value)`,
  ).run(name, period, value);
}

export function tableExists(db: Db, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/** Every live patient without a folder gets one on the shelf, as registration does from schema 10 on. */
function ensureFolders(db: Db, created: string): void {
  const missing = db
    .prepare(
      'SELECT id, rm_number FROM patient p WHERE merged_into IS NULL AND NOT EXISTS (SELECT 1 FROM folder_patient fp WHERE fp.patient_id = p.id)',
    )
    .all() as { id: number; rm_number: string }[];
  for (const p of missing) {
    const folderId = insert(db, 'folder', { rm_base: p.rm_number, created_at: created, updated_at: created });
    insert(db, 'folder_patient', { patient_id: p.id, folder_id: folderId });
  }
}

type Place = { kind: string; unit?: number | null };
function move(
  db: Db,
  folderId: number,
  m: {
    at: string;
    kind: string;
    from: Place | null;
    to: Place;
    method?: string;
    request?: number;
    visit?: number;
    reason?: string;
    borrower?: string;
    due?: string;
  },
): number {
  return insert(db, 'folder_movement', {
    folder_id: folderId,
    at: m.at,
    kind: m.kind,
    from_kind: m.from?.kind ?? null,
    from_unit_id: m.from?.unit ?? null,
    to_kind: m.to.kind,
    to_unit_id: m.to.unit ?? null,
    user_id: 3,
    method: m.method ?? 'scan',
    request_id: m.request ?? null,
    visit_id: m.visit ?? null,
    reason: m.reason ?? null,
    borrower: m.borrower ?? null,
    due_date: m.due ?? null,
  });
}

function place(db: Db, folderId: number, f: Record<string, unknown>): void {
  const sets = Object.keys(f);
  db.prepare(`UPDATE folder SET ${sets.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(f), folderId);
}

function requestOf(db: Db, visitId: number): number {
  return one<{ id: number }>(db, 'SELECT id FROM folder_request WHERE visit_id = ?', visitId).id;
}

function ticket(db: Db, t: Record<string, unknown> & { lane: string; number: number; code: string }, events: [string, string, string?][]): number {
  const lane = t.lane.startsWith('S') ? { service_id: Number(t.lane.slice(1)) } : { unit_id: Number(t.lane.slice(1)) };
  const id = insert(db, 'queue_ticket', { service_date: TODAY, ...lane, ...t });
  bump(db, `antrean:${t.lane}`, (t.service_date as string | undefined) ?? TODAY, t.number);
  for (const [kind, when, announcement] of events)
    insert(db, 'queue_event', {
      ticket_id: id,
      kind,
      at: when,
      counter_id: kind === 'issued' ? null : (t.counter_id ?? null),
      unit_id: (lane as { unit_id?: number }).unit_id ?? null,
      announcement: announcement ?? null,
      user_id: kind === 'issued' ? null : 2,
    });
  return id;
}

const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4, 36), Buffer.from('WAVEfmt '), Buffer.alloc(28, 1)]);

export const seeds: Readonly<Record<number, Seed>> = {
  // 0001 referensi: settings, units, services, counters, practitioners, facilities, regions, users, sessions.
  1: (db, { passwordHash }) => {
    const t0 = '2026-01-05T01:00:00.000Z';
    for (const [key, value] of [
      ['referenceSeeded', t0],
      ['timeZone', 'Asia/Jakarta'],
      ['puskesmas', { name: 'Puskesmas Cibinong', code: '1010101', address: 'Jl. Mayor Oking No. 5, Cibinong', phone: '0218750001' }],
    ] as const)
      insert(db, 'setting', { key, value: JSON.stringify(value), updated_at: t0, updated_by: null });
    for (const [i, [code, name, cluster, closing, active]] of (
      [
        ['UMUM', 'Poli Umum', 'klaster3', '14:00', 1],
        ['KIA', 'Poli KIA / KB', 'klaster2', '14:00', 1],
        ['GIGI', 'Poli Gigi dan Mulut', 'lintas', '14:00', 1],
        ['UGD', 'Unit Gawat Darurat', 'lintas', '23:59', 1],
        ['LANSIA', 'Poli Lansia', 'klaster3', null, 0],
      ] as const
    ).entries())
      insert(db, 'unit', { id: i + 1, code, name, cluster, closing_time: closing, active, sort_order: i });
    insert(db, 'service', { id: 1, code: 'UMUM', name: 'Umum / BPJS', prefix: 'A', daily_cap: null, sort_order: 0 });
    insert(db, 'service', { id: 2, code: 'PRIORITAS', name: 'Lansia, Disabilitas, Ibu Hamil', prefix: 'B', daily_cap: 40, sort_order: 1 });
    insert(db, 'service', { id: 3, code: 'KIA', name: 'Ibu dan Anak', prefix: 'C', daily_cap: null, active: 1, sort_order: 2 });
    insert(db, 'counter', { id: 1, number: 1, name: 'Loket 1' });
    insert(db, 'counter', { id: 2, number: 2, name: 'Loket 2' });
    insert(db, 'counter', { id: 3, number: 3, name: 'Loket 3 (cadangan)', active: 0 });
    for (const [counter_id, service_id] of [
      [1, 1],
      [1, 2],
      [2, 3],
    ])
      insert(db, 'counter_service', { counter_id, service_id });
    insert(db, 'practitioner', {
      id: 1,
      name: 'dr. Andi Wijaya',
      profession: 'dokter',
      nip: '198501012010011001',
      sip: '445/SIP/001/2024',
      unit_id: 1,
    });
    insert(db, 'practitioner', {
      id: 2,
      name: 'drg. Sari Lestari',
      profession: 'dokter_gigi',
      nip: '198903152015032002',
      str: 'STR-7788',
      unit_id: 3,
    });
    insert(db, 'practitioner', { id: 3, name: 'Bd. Nur Aini, Amd.Keb', profession: 'bidan', nip: null, unit_id: 2 });
    insert(db, 'facility', {
      id: 1,
      code: '3201015',
      name: 'RSUD Cibinong',
      kind: 'rsud',
      address: 'Jl. KSR Dadi Kusmayadi No. 27',
      phone: '0218753487',
    });
    insert(db, 'facility', { id: 2, code: null, name: 'RS Sentosa Bogor', kind: 'rs_swasta', address: 'Jl. Raya Bogor Km 30' });
    for (const [code, parent, level, name] of [
      ['32', null, 1, 'JAWA BARAT'],
      ['32.01', '32', 2, 'KAB. BOGOR'],
      ['32.01.01', '32.01', 3, 'CIBINONG'],
      ['32.01.01.1001', '32.01.01', 4, 'PONDOK RAJEG'],
      ['32.01.01.2002', '32.01.01', 4, 'PAKANSARI'],
      ['32.01.01.2003', '32.01.01', 4, 'SUKAHATI'],
    ] as const)
      insert(db, 'region', { code, parent_code: parent, level, name });
    for (const [id, username, full_name, role, active] of [
      [1, 'admin', 'Admin Puskesmas', 'administrator', 1],
      [2, 'loket1', 'Dewi Kartika', 'pendaftaran', 1],
      [3, 'rm1', 'Agus Salim', 'rekam_medis', 1],
      [4, 'kasir1', 'Rina Marlina', 'kasir', 1],
      [5, 'budi.lama', 'Budi (pindah tugas)', 'pendaftaran', 0],
    ] as const)
      insert(db, 'app_user', { id, username, full_name, role, password_hash: passwordHash, active, created_at: t0, updated_at: t0 });
    insert(db, 'user_session', {
      token_hash: 'a'.repeat(64),
      user_id: 1,
      client: 'ipc',
      created_at: at(FRIDAY, '00:10'),
      last_seen_at: at(FRIDAY, '09:00'),
      expires_at: at(FRIDAY, '13:00'),
    });
    insert(db, 'user_session', {
      token_hash: 'b'.repeat(64),
      user_id: 2,
      client: 'http',
      created_at: at(FRIDAY, '00:15'),
      last_seen_at: at(FRIDAY, '05:00'),
      expires_at: at(FRIDAY, '13:00'),
      revoked_at: at(FRIDAY, '05:01'),
    });
  },

  // 0002 pasien_kunjungan: patients with NIK, BPJS and a family (KK), an infant with the mother's NIK; visits.
  2: (db) => {
    const created = at('2026-02-02', '01:00');
    const family = { kk_number: '3201010101200001', family_head: 'Ahmad Fauzi', address_street: 'Jl. Raya Pakansari No. 12', rt: '003', rw: '005' };
    const pakansari = '32.01.01.2002';
    patient(
      db,
      {
        id: 1,
        rm_number: '000001',
        name: 'Siti Aminah',
        sex: 'P',
        birth_place: 'Bogor',
        birth_date: '1990-03-12',
        nik: '3201015203900001',
        bpjs_number: '0001234567890',
        bpjs_class: 3,
        payer_default: 'bpjs',
        phone: '081234567890',
        village_code: pakansari,
        occupation: 'Mengurus rumah tangga',
        education: 'SMA',
        religion: 'Islam',
        marital_status: 'Kawin',
        blood_type: 'O',
        emergency_name: 'Ahmad Fauzi',
        emergency_relation: 'Suami',
        emergency_phone: '081298765432',
        ...family,
      },
      created,
    );
    patient(
      db,
      {
        id: 2,
        rm_number: '000002',
        name: 'Ahmad Fauzi',
        sex: 'L',
        birth_place: 'Jakarta',
        birth_date: '1987-07-21',
        nik: '3201012107870003',
        bpjs_number: '0001234567891',
        bpjs_class: 2,
        payer_default: 'bpjs',
        village_code: pakansari,
        ...family,
      },
      created,
    );
    patient(
      db,
      {
        id: 3,
        rm_number: '000003',
        name: 'Muhammad Rizky Fauzi',
        sex: 'L',
        birth_date: '2024-05-02',
        bpjs_number: '0001234567892',
        payer_default: 'bpjs',
        mother_name: 'Siti Aminah',
        mother_nik: '3201015203900001',
        village_code: pakansari,
        ...family,
      },
      created,
    );
    patient(
      db,
      {
        id: 4,
        rm_number: '000004',
        name: 'Sri Wahyuni',
        sex: 'P',
        birth_date: '1958-11-30',
        nik: '3201017011580002',
        phone: '085711112222',
        village_code: '32.01.01.2003',
        address_street: 'Kp. Sukahati',
      },
      created,
    );
    patient(
      db,
      {
        id: 5,
        rm_number: '000005',
        name: 'Budi Santoso',
        sex: 'L',
        birth_date: '1975-01-15',
        nik: '3201011501750004',
        payer_default: 'asuransi_lain',
      },
      created,
    );
    patient(
      db,
      { id: 6, rm_number: '000006', name: "Nur'aini", sex: 'P', birth_date: '2010-08-09', nik: '3201014908100001', village_code: '32.01.01.1001' },
      created,
    );
    patient(
      db,
      { id: 7, rm_number: '000007', name: 'Yohanes Tampubolon', sex: 'L', birth_date: '1969-12-25', address_street: 'Jl. Tegar Beriman' },
      created,
    );
    patient(
      db,
      {
        id: 8,
        rm_number: '000008',
        name: 'Dewi Lestari',
        sex: 'P',
        birth_date: '2001-04-17',
        nik: '3201015704010002',
        bpjs_number: '0009876543210',
        payer_default: 'bpjs',
      },
      created,
    );
    const v = (
      date: string,
      time: string,
      patient_id: number,
      payer: string,
      unit_id: number,
      cluster: string,
      extra: Record<string, unknown> = {},
    ) => visit(db, { visit_date: date, registered_at: at(date, time), patient_id, payer, unit_id, cluster, ...extra });
    v(FRIDAY, '00:35', 1, 'bpjs', 2, 'klaster2', { pasien_baru: 1 }); // 1
    v(FRIDAY, '00:48', 4, 'umum', 1, 'klaster3', { fee: 10000, paid_at: at(FRIDAY, '00:52'), status: 'selesai' }); // 2
    v(FRIDAY, '11:20', 7, 'umum', 4, 'lintas', { emergency: 1, fee: 10000, paid_at: at(FRIDAY, '11:40') }); // 3
    v(THURSDAY, '00:40', 2, 'bpjs', 1, 'klaster3', { kunjungan_baru: 0 }); // 4
    v(THURSDAY, '00:44', 3, 'bpjs', 2, 'klaster2'); // 5
    v(THURSDAY, '00:51', 5, 'asuransi_lain', 3, 'lintas', { status: 'batal' }); // 6
  },

  // 0003 nomor_urut: the RM counter (the migration sets it from the RMs stored; the app bumps it).
  3: (db) => {
    db.prepare(`INSERT INTO number_sequence (name, period, value) VALUES ('rm', '', 8) ON CONFLICT DO NOTHING`).run();
    patient(
      db,
      { id: 9, rm_number: '000009', name: 'Rahmat Hidayat', sex: 'L', birth_date: '1995-06-30', phone: '081311112222' },
      at('2026-03-01', '02:00'),
    );
  },

  // 0004 kunjungan_tarif_jadwal: tariffs, a visit's routing columns, appointments, folder requests.
  4: (db) => {
    const t = at('2026-04-01', '01:00');
    insert(db, 'tariff', { id: 1, code: 'KARCIS', name: 'Karcis rawat jalan (pendaftaran dan pemeriksaan umum)', amount: 10000, sort_order: 0 });
    insert(db, 'tariff', { id: 2, code: 'SKS', name: 'Surat keterangan sehat', amount: 15000, sort_order: 1 });
    insert(db, 'tariff', { id: 3, code: 'GIGI-CABUT', name: 'Cabut gigi', amount: 25000, active: 0, sort_order: 2 });
    insert(db, 'setting', { key: 'tariffSeeded', value: JSON.stringify(t), updated_at: t, updated_by: null });
    const v = (time: string, patient_id: number, payer: string, unit_id: number, cluster: string, extra: Record<string, unknown>) =>
      visit(db, { visit_date: TODAY, registered_at: at(TODAY, time), patient_id, payer, unit_id, cluster, ...extra });
    v('01:02', 9, 'umum', 1, 'klaster3', { life_stage: 'dewasa', tariff_id: 1, fee: 10000, paid_at: at(TODAY, '01:05') }); // 7
    v('01:10', 1, 'bpjs', 2, 'klaster2', { life_stage: 'dewasa', cluster_reason: 'Ibu hamil: pemeriksaan ANC', kunjungan_baru: 0 }); // 8
    v('01:15', 5, 'asuransi_lain', 1, 'klaster3', { life_stage: 'dewasa', insurance_name: 'Mandiri Inhealth' }); // 9
    for (const [visit_id, patient_id, unit_id, time, status] of [
      [1, 1, 2, at(FRIDAY, '00:35'), 'diterima_unit'],
      [4, 2, 1, at(THURSDAY, '00:40'), 'diambil'],
      [5, 3, 2, at(THURSDAY, '00:44'), 'menunggu'],
      [6, 5, 3, at(THURSDAY, '00:51'), 'batal'],
      [8, 1, 2, at(TODAY, '01:10'), 'menunggu'],
    ] as const)
      insert(db, 'folder_request', { visit_id, patient_id, unit_id, requested_at: time, status });
    insert(db, 'appointment', {
      patient_id: 1,
      unit_id: 2,
      date: '2026-11-30',
      note: 'Kontrol ANC',
      created_by: 2,
      created_at: at(TODAY, '01:20'),
      updated_at: at(TODAY, '01:20'),
    });
    insert(db, 'appointment', {
      patient_id: 4,
      unit_id: 1,
      date: FRIDAY,
      status: 'hadir',
      visit_id: 2,
      created_by: 2,
      created_at: at(FRIDAY, '01:00'),
      updated_at: at(TODAY, '00:30'),
    });
  },

  // 0005 pencarian_pasien: a patient indexed by the first search triggers (rebuilt by 0007).
  5: (db) => {
    patient(
      db,
      {
        id: 10,
        rm_number: '000010',
        name: 'Ujang Sumarna',
        sex: 'L',
        birth_date: '1982-02-14',
        phone: '087822223333',
        village_code: '32.01.01.2003',
        address_street: 'Kp. Cibogo RT 02',
        kk_number: '3201010202200002',
      },
      at('2026-05-04', '02:00'),
    );
  },

  // 0006 gabung_pasien: a duplicate merged (its visit moved) and a merge undone.
  6: (db) => {
    const t = at('2026-06-10', '03:00');
    patient(db, { id: 11, rm_number: '000011', name: 'Siti Aminah', sex: 'P', birth_date: '1990-03-12', village_code: '32.01.01.2002' }, t);
    patient(db, { id: 12, rm_number: '000012', name: 'Ahmad Fauzy', sex: 'L', birth_date: '1987-07-21' }, t);
    const moved = visit(db, {
      visit_date: '2026-06-10',
      registered_at: t,
      patient_id: 11,
      payer: 'umum',
      unit_id: 1,
      cluster: 'klaster3',
      pasien_baru: 1,
    });
    db.prepare('UPDATE visit SET patient_id = 1 WHERE id = ?').run(moved);
    db.prepare('UPDATE patient SET merged_into = 1, updated_at = ? WHERE id = 11').run(at('2026-06-11', '02:00'));
    insert(db, 'patient_merge', {
      kept_id: 1,
      merged_id: 11,
      reason: 'Pasien ganda: nama dan tanggal lahir sama, NIK di RM 000001',
      moved: JSON.stringify({ visit: [moved], appointment: [], folder_request: [] }),
      merged_at: at('2026-06-11', '02:00'),
      merged_by: 3,
    });
    insert(db, 'patient_merge', {
      kept_id: 2,
      merged_id: 12,
      reason: 'Dikira pasien ganda',
      moved: JSON.stringify({ visit: [], appointment: [], folder_request: [] }),
      merged_at: at('2026-06-11', '02:10'),
      merged_by: 3,
      undone_at: at('2026-06-11', '02:30'),
      undone_by: 1,
    });
  },

  // 0007 pencarian_tempat: a street with the marks the new place words split at.
  7: (db) => {
    patient(
      db,
      {
        id: 13,
        rm_number: '000013',
        name: 'Asep Saepudin',
        sex: 'L',
        birth_date: '1979-09-09',
        village_code: '32.01.01.2002',
        address_street: 'Jl. Gadog-Raya/Gg. Mawar',
      },
      at('2026-07-01', '02:00'),
    );
  },

  // 0008 antrean: today's tickets in loket and poli lanes, each with its call log; one from Friday.
  8: (db) => {
    const a1 = ticket(
      db,
      {
        lane: 'S1',
        number: 1,
        code: 'A001',
        status: 'dialihkan',
        counter_id: 1,
        visit_id: 7,
        issued_at: at(TODAY, '00:30'),
        called_at: at(TODAY, '00:38'),
        last_called_at: at(TODAY, '00:38'),
        finished_at: at(TODAY, '00:41'),
      },
      [
        ['issued', at(TODAY, '00:30')],
        ['called', at(TODAY, '00:38'), 'Nomor antrean A satu, silakan menuju loket satu'],
        ['transferred', at(TODAY, '00:41')],
      ],
    );
    ticket(
      db,
      {
        lane: 'S1',
        number: 2,
        code: 'A002',
        status: 'dipanggil',
        counter_id: 1,
        issued_at: at(TODAY, '00:31'),
        called_at: at(TODAY, '00:45'),
        last_called_at: at(TODAY, '00:47'),
      },
      [
        ['issued', at(TODAY, '00:31')],
        ['called', at(TODAY, '00:45'), 'Nomor antrean A dua, silakan menuju loket satu'],
        ['recalled', at(TODAY, '00:47'), 'Nomor antrean A dua, silakan menuju loket satu'],
      ],
    );
    ticket(db, { lane: 'S1', number: 3, code: 'A003', issued_at: at(TODAY, '00:33') }, [['issued', at(TODAY, '00:33')]]);
    ticket(db, { lane: 'S2', number: 1, code: 'B001', priority: 'lansia', issued_at: at(TODAY, '00:34') }, [['issued', at(TODAY, '00:34')]]);
    ticket(
      db,
      {
        lane: 'S3',
        number: 1,
        code: 'C001',
        status: 'dilewati',
        counter_id: 2,
        issued_at: at(TODAY, '00:35'),
        called_at: at(TODAY, '00:50'),
        last_called_at: at(TODAY, '00:50'),
      },
      [
        ['issued', at(TODAY, '00:35')],
        ['called', at(TODAY, '00:50'), 'Nomor antrean C satu, silakan menuju loket dua'],
        ['skipped', at(TODAY, '00:53')],
      ],
    );
    ticket(db, { lane: 'U1', number: 1, code: 'U001', visit_id: 7, transferred_from: a1, issued_at: at(TODAY, '00:41') }, [
      ['issued', at(TODAY, '00:41')],
    ]);
    ticket(
      db,
      {
        service_date: FRIDAY,
        lane: 'S1',
        number: 1,
        code: 'A001',
        status: 'selesai',
        counter_id: 1,
        visit_id: 2,
        issued_at: at(FRIDAY, '00:40'),
        called_at: at(FRIDAY, '00:45'),
        last_called_at: at(FRIDAY, '00:45'),
        finished_at: at(FRIDAY, '00:49'),
      },
      [
        ['issued', at(FRIDAY, '00:40')],
        ['called', at(FRIDAY, '00:45'), 'Nomor antrean A satu, silakan menuju loket satu'],
        ['finished', at(FRIDAY, '00:49')],
      ],
    );
  },

  // 0009 suara: a re-recorded clip.
  9: (db) => {
    insert(db, 'voice_clip', {
      key: 'huruf-a',
      mime: 'audio/wav',
      data: WAV,
      duration_ms: 420,
      updated_at: at('2026-08-01', '02:00'),
      updated_by: 1,
    });
  },

  // 0010 berkas: folders (backfilled by the migration or made at registration), their moves, KLPCM, delivery time.
  10: (db) => {
    ensureFolders(db, at('2026-08-02', '01:00'));
    const f1 = folderOf(db, 1);
    const r1 = requestOf(db, 1);
    move(db, f1, { at: at(FRIDAY, '00:40'), kind: 'ambil', from: { kind: 'rak' }, to: { kind: 'ruang_rm' }, request: r1, visit: 1 });
    move(db, f1, { at: at(FRIDAY, '00:43'), kind: 'kirim', from: { kind: 'ruang_rm' }, to: { kind: 'unit', unit: 2 }, request: r1, visit: 1 });
    move(db, f1, { at: at(FRIDAY, '07:05'), kind: 'kembali', from: { kind: 'unit', unit: 2 }, to: { kind: 'ruang_rm' }, method: 'ketik' });
    move(db, f1, {
      at: at(FRIDAY, '07:20'),
      kind: 'kembalikan_lengkapi',
      from: { kind: 'ruang_rm' },
      to: { kind: 'unit', unit: 2 },
      reason: 'Tanda tangan dokter belum ada',
    });
    place(db, f1, {
      status: 'keluar',
      location_kind: 'unit',
      location_unit_id: 2,
      out_since: at(FRIDAY, '07:20'),
      last_unit_id: 2,
      updated_at: at(FRIDAY, '07:20'),
    });
    db.prepare('UPDATE folder_request SET delivered_at = ? WHERE id = ?').run(at(FRIDAY, '00:43'), r1);
    const review = insert(db, 'completeness_review', {
      folder_id: f1,
      unit_id: 2,
      visit_id: 1,
      practitioner_id: 3,
      period: '2026-11',
      reviewed_at: at(FRIDAY, '07:20'),
      reviewed_by: 3,
      complete: 0,
    });
    insert(db, 'completeness_item', { review_id: review, item: 'Identitas pasien', present: 1 });
    insert(db, 'completeness_item', { review_id: review, item: 'Tanda tangan dokter', present: 0 });

    const f2 = folderOf(db, 2);
    move(db, f2, { at: at(THURSDAY, '00:46'), kind: 'ambil', from: { kind: 'rak' }, to: { kind: 'ruang_rm' }, request: requestOf(db, 4), visit: 4 });
    place(db, f2, { status: 'keluar', location_kind: 'ruang_rm', out_since: at(THURSDAY, '00:46'), updated_at: at(THURSDAY, '00:46') });

    const f4 = folderOf(db, 4);
    move(db, f4, {
      at: at(FRIDAY, '02:00'),
      kind: 'pinjam',
      from: { kind: 'rak' },
      to: { kind: 'peminjam' },
      reason: 'Audit klinis',
      borrower: 'Tim Mutu',
      due: '2026-11-27',
    });
    place(db, f4, {
      status: 'dipinjam',
      location_kind: 'peminjam',
      borrower: 'Tim Mutu',
      due_date: '2026-11-27',
      out_since: at(FRIDAY, '02:00'),
      updated_at: at(FRIDAY, '02:00'),
    });

    const f7 = folderOf(db, 7);
    for (const [kind, time, from, to] of [
      ['ambil', '11:25', { kind: 'rak' }, { kind: 'ruang_rm' }],
      ['kirim', '11:28', { kind: 'ruang_rm' }, { kind: 'unit', unit: 4 }],
      ['kembali', '13:00', { kind: 'unit', unit: 4 }, { kind: 'ruang_rm' }],
      ['simpan', '13:10', { kind: 'ruang_rm' }, { kind: 'rak' }],
    ] as const)
      move(db, f7, { at: at(FRIDAY, time), kind, from, to, visit: 3 });
    place(db, f7, { last_unit_id: 4, updated_at: at(FRIDAY, '13:10') });
    const done = insert(db, 'completeness_review', {
      folder_id: f7,
      unit_id: 4,
      visit_id: 3,
      practitioner_id: 1,
      period: '2026-11',
      reviewed_at: at(FRIDAY, '13:05'),
      reviewed_by: 3,
      complete: 1,
    });
    for (const item of ['Identitas pasien', 'Tanda tangan dokter', 'Diagnosis'])
      insert(db, 'completeness_item', { review_id: done, item, present: 1 });

    // A visit registered now gets its folder request, delivered to the unit.
    const v = visit(db, { visit_date: TODAY, registered_at: at(TODAY, '01:30'), patient_id: 8, payer: 'bpjs', unit_id: 1, cluster: 'klaster3' });
    const r = insert(db, 'folder_request', {
      visit_id: v,
      patient_id: 8,
      unit_id: 1,
      requested_at: at(TODAY, '01:30'),
      status: 'diterima_unit',
      delivered_at: at(TODAY, '01:38'),
    });
    const f8 = folderOf(db, 8);
    move(db, f8, { at: at(TODAY, '01:33'), kind: 'ambil', from: { kind: 'rak' }, to: { kind: 'ruang_rm' }, request: r, visit: v });
    move(db, f8, { at: at(TODAY, '01:38'), kind: 'kirim', from: { kind: 'ruang_rm' }, to: { kind: 'unit', unit: 1 }, request: r, visit: v });
    place(db, f8, {
      status: 'keluar',
      location_kind: 'unit',
      location_unit_id: 1,
      out_since: at(TODAY, '01:33'),
      last_unit_id: 1,
      updated_at: at(TODAY, '01:38'),
    });
  },

  // 0011 antrean_permintaan: a kiosk ticket with its request id.
  11: (db) => {
    ticket(db, { lane: 'S1', number: 4, code: 'A004', request_id: 'kios1-7f3a9c2e', issued_at: at(TODAY, '01:40') }, [
      ['issued', at(TODAY, '01:40')],
    ]);
  },

  // 0012 berkas_gabung_jilid: a merge that combined a folder into the kept one, a new volume.
  12: (db) => {
    const t = at('2026-10-05', '02:00');
    patient(db, { id: 14, rm_number: '000014', name: 'Sri Wahyuningsih', sex: 'P', birth_date: '1958-11-30', phone: '085711112222' }, t);
    ensureFolders(db, t);
    const from = folderOf(db, 14);
    const into = folderOf(db, 4);
    const merged = at('2026-10-06', '02:00');
    move(db, from, {
      at: merged,
      kind: 'digabung',
      from: { kind: 'rak' },
      to: { kind: 'ruang_rm' },
      method: 'sistem',
      reason: 'Pasien RM 000014 digabung ke RM 000004',
    });
    move(db, into, {
      at: merged,
      kind: 'digabung',
      from: { kind: 'peminjam' },
      to: { kind: 'peminjam' },
      method: 'sistem',
      reason: 'Menerima isi berkas RM 000014 (pasien digabung)',
    });
    place(db, from, { status: 'digabung', location_kind: 'ruang_rm', combined_into: into, updated_at: merged });
    db.prepare('UPDATE patient SET merged_into = 4, updated_at = ? WHERE id = 14').run(merged);
    insert(db, 'patient_merge', {
      kept_id: 4,
      merged_id: 14,
      reason: 'Pasien ganda: tanggal lahir dan telepon sama',
      moved: JSON.stringify({
        visit: [],
        appointment: [],
        folder_request: [],
        folder: { folderId: from, status: 'di_rak', locationKind: 'rak', locationUnitId: null, outSince: null, lastUnitId: null },
      }),
      merged_at: merged,
      merged_by: 3,
    });
    // Budi's folder is full: volume 2 on the shelf, volume 1 to the inactive shelf.
    const old = folderOf(db, 5);
    const vol2 = insert(db, 'folder', { rm_base: '000005', volume: 2, created_at: t, updated_at: t });
    db.prepare('UPDATE folder_patient SET folder_id = ? WHERE folder_id = ?').run(vol2, old);
    move(db, vol2, {
      at: t,
      kind: 'jilid_baru',
      from: null,
      to: { kind: 'rak' },
      method: 'sistem',
      reason: 'Jilid 2 dibuka; jilid 1 ke rak inaktif',
    });
    move(db, old, { at: t, kind: 'inaktif', from: { kind: 'rak' }, to: { kind: 'rak_inaktif' }, method: 'sistem', reason: 'Jilid 2 dibuka' });
    place(db, old, { status: 'inaktif', location_kind: 'rak_inaktif', updated_at: t });
  },

  // 0013 kasir: payments (backfilled for visits already paid), a void, receipt prints, a closed day.
  13: (db) => {
    const paid = db
      .prepare(
        `SELECT v.id, v.visit_date, v.fee, v.tariff_id, v.paid_at, t.name AS tariff FROM visit v LEFT JOIN tariff t ON t.id = v.tariff_id
         WHERE v.paid_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.visit_id = v.id AND p.voided_at IS NULL)`,
      )
      .all() as { id: number; visit_date: string; fee: number; tariff_id: number | null; paid_at: string; tariff: string | null }[];
    for (const v of paid)
      insert(db, 'payment', {
        visit_id: v.id,
        cash_date: v.visit_date,
        amount: v.fee,
        tariff_id: v.tariff_id,
        tariff_name: v.tariff ?? 'Retribusi pelayanan',
        paid_at: v.paid_at,
        cashier_id: 4,
      });
    const v = visit(db, {
      visit_date: TODAY,
      registered_at: at(TODAY, '01:50'),
      patient_id: 6,
      payer: 'umum',
      unit_id: 3,
      cluster: 'lintas',
      tariff_id: 2,
    });
    const tariff = 'Surat keterangan sehat';
    insert(db, 'payment', {
      visit_id: v,
      cash_date: TODAY,
      amount: 10000,
      tariff_id: 1,
      tariff_name: 'Karcis rawat jalan (pendaftaran dan pemeriksaan umum)',
      paid_at: at(TODAY, '01:52'),
      cashier_id: 4,
      voided_at: at(TODAY, '01:55'),
      voided_by: 1,
      void_reason: 'Salah tarif',
    });
    insert(db, 'payment', {
      visit_id: v,
      cash_date: TODAY,
      amount: 15000,
      tariff_id: 2,
      tariff_name: tariff,
      paid_at: at(TODAY, '01:56'),
      cashier_id: 4,
    });
    db.prepare('UPDATE visit SET fee = 15000, paid_at = ? WHERE id = ?').run(at(TODAY, '01:56'), v);
    insert(db, 'receipt_print', { visit_id: v, printed_at: at(TODAY, '01:56'), printed_by: 4, copy: 0 });
    insert(db, 'receipt_print', { visit_id: v, printed_at: at(TODAY, '02:10'), printed_by: 4, copy: 1 });
    insert(db, 'receipt_print', { visit_id: 2, printed_at: at(FRIDAY, '00:53'), printed_by: 4, copy: 0 });
    insert(db, 'cash_day', { date: FRIDAY, closed_at: at(FRIDAY, '09:00'), closed_by: 4, payments: 2, amount: 20000, voids: 0 });
  },

  // 0014 tindak_lanjut: follow-ups sent to the pustu, one done.
  14: (db) => {
    insert(db, 'follow_up', {
      visit_id: 1,
      village_code: '32.01.01.2002',
      reason: 'Kunjungan rumah ibu hamil risiko tinggi',
      note: 'Tekanan darah 150/95',
      marked_at: at(FRIDAY, '03:00'),
      marked_by: 1,
    });
    insert(db, 'follow_up', {
      visit_id: 2,
      village_code: '32.01.01.2003',
      reason: 'Pantau minum obat hipertensi',
      marked_at: at(FRIDAY, '03:10'),
      marked_by: 1,
      status: 'selesai',
      done_at: at(TODAY, '02:00'),
      done_by: 3,
      done_note: 'Sudah dikunjungi kader',
    });
  },

  // 0015 surat: letters (one cancelled), their prints, the yearly letter counters.
  15: (db) => {
    const letter = (l: Record<string, unknown> & { kind: string; seq: number; number: string; patient_id: number }) =>
      insert(db, 'letter', {
        year: 2026,
        signer_id: 1,
        issued_at: at(TODAY, '02:15'),
        issued_date: TODAY,
        issued_by: 1,
        verify_code: `V${l.kind.slice(0, 3).toUpperCase()}${l.seq}Q7M2`,
        paper: 'A4',
        ...l,
      });
    const sick = letter({
      kind: 'sakit',
      seq: 1,
      number: '445/001/SKS/XI/2026',
      patient_id: 2,
      visit_id: 4,
      data: JSON.stringify({ days: 3, startDate: TODAY, endDate: '2026-11-25', diagnosis: 'Demam tifoid', recheckDate: '2026-11-26' }),
    });
    letter({
      kind: 'sakit',
      seq: 2,
      number: '445/002/SKS/XI/2026',
      patient_id: 8,
      data: JSON.stringify({ days: 2, startDate: TODAY, endDate: '2026-11-24', diagnosis: 'ISPA' }),
      status: 'batal',
      cancelled_at: at(TODAY, '02:20'),
      cancelled_by: 1,
      cancel_reason: 'Salah nama pasien',
      paper: 'F4',
    });
    const healthy = letter({
      kind: 'sehat',
      seq: 1,
      number: '445/001/SKSH/XI/2026',
      patient_id: 6,
      data: JSON.stringify({ purpose: 'Syarat masuk sekolah', height: 150, weight: 42, bloodPressure: '110/70' }),
      archived_at: at(TODAY, '02:30'),
    });
    insert(db, 'letter_print', { letter_id: sick, printed_at: at(TODAY, '02:16'), printed_by: 1, copy: 0, target: 'cetak' });
    insert(db, 'letter_print', { letter_id: sick, printed_at: at(TODAY, '02:40'), printed_by: 2, copy: 1, target: 'pdf' });
    insert(db, 'letter_print', { letter_id: healthy, printed_at: at(TODAY, '02:31'), printed_by: 1, copy: 0, target: 'cetak' });
    db.prepare(`INSERT INTO number_sequence (name, period, value) VALUES ('surat:sakit', '2026', 2), ('surat:sehat', '2026', 1)`).run();
  },

  // 0016 rujukan: diagnoses, specialties, an external referral with its trail and follow-up, an internal slip.
  16: (db) => {
    const t = at(TODAY, '02:45');
    for (const [code, text, active] of [
      ['J06.9', 'Infeksi saluran pernapasan akut, tidak spesifik', 1],
      ['A09', 'Diare dan gastroenteritis', 1],
      ['O14.1', 'Preeklampsia berat', 1],
      ['A01.0', 'Demam tifoid', 0],
    ] as const)
      insert(db, 'diagnosis', { code, text, active, updated_at: t });
    insert(db, 'facility_specialty', { facility_id: 1, name: 'Obstetri dan Ginekologi', sort_order: 0 });
    insert(db, 'facility_specialty', { facility_id: 1, name: 'Penyakit Dalam', sort_order: 1 });
    insert(db, 'facility_specialty', { facility_id: 2, name: 'Anak', sort_order: 0 });
    const base = { year: 2026, signer_id: 1, issued_at: t, issued_date: TODAY, issued_by: 1, paper: 'A4' };
    const referral = insert(db, 'letter', {
      ...base,
      kind: 'rujukan',
      seq: 1,
      number: '445/001/RJK/XI/2026',
      patient_id: 1,
      visit_id: 8,
      data: JSON.stringify({ facilityId: 1, specialty: 'Obstetri dan Ginekologi', diagnosisCode: 'O14.1', anamnesis: 'Hamil 34 minggu, TD 160/110' }),
      verify_code: 'RJK1Q7M2X',
    });
    insert(db, 'referral', {
      letter_id: referral,
      patient_id: 1,
      visit_id: 8,
      referral_date: TODAY,
      facility_id: 1,
      specialty: 'Obstetri dan Ginekologi',
      diagnosis_code: 'O14.1',
      diagnosis_text: 'Preeklampsia berat',
      emergency: 1,
      signer_id: 1,
      status: 'diterima',
      sisrute_number: 'SR-2026-000123',
      family_informed_at: at(TODAY, '02:50'),
      admitted: 1,
      created_at: t,
      updated_at: at(TODAY, '03:00'),
    });
    for (const [status, when, extra] of [
      ['dibuat', t, {}],
      ['dikirim', at(TODAY, '02:48'), { sisrute_number: 'SR-2026-000123' }],
      ['diterima', at(TODAY, '03:00'), { note: 'Diterima IGD PONEK', family_informed_at: at(TODAY, '02:50'), admitted: 1 }],
    ] as const)
      insert(db, 'referral_event', { letter_id: referral, status, at: when, user_id: 1, ...extra });
    insert(db, 'referral_followup', {
      letter_id: referral,
      kind: 'perkembangan',
      note: 'Dirawat di ruang bersalin, kondisi stabil',
      at: at(TODAY, '06:00'),
      user_id: 1,
    });
    const slip = insert(db, 'letter', {
      ...base,
      kind: 'rujukan_internal',
      seq: 1,
      number: '445/001/RJI/XI/2026',
      patient_id: 2,
      visit_id: 4,
      data: JSON.stringify({ request: 'Mohon pemeriksaan gigi' }),
      verify_code: 'RJI1Q7M2X',
    });
    const f2 = folderOf(db, 2);
    const movement = move(db, f2, {
      at: at(TODAY, '02:55'),
      kind: 'kirim',
      from: { kind: 'ruang_rm' },
      to: { kind: 'unit', unit: 3 },
      visit: 4,
      reason: 'Rujukan internal',
    });
    place(db, f2, { location_kind: 'unit', location_unit_id: 3, last_unit_id: 3, updated_at: at(TODAY, '02:55') });
    const poli = ticket(db, { lane: 'U3', number: 1, code: 'G001', visit_id: 4, issued_at: at(TODAY, '02:55') }, [['issued', at(TODAY, '02:55')]]);
    insert(db, 'internal_referral', {
      letter_id: slip,
      patient_id: 2,
      visit_id: 4,
      referral_date: TODAY,
      from_unit_id: 1,
      to_unit_id: 3,
      request: 'Mohon pemeriksaan gigi',
      movement_id: movement,
      ticket_id: poli,
      created_at: at(TODAY, '02:55'),
    });
    db.prepare(`INSERT INTO number_sequence (name, period, value) VALUES ('surat:rujukan', '2026', 1), ('surat:rujukan_internal', '2026', 1)`).run();
  },

  // 0017 percobaan_masuk: failed logins, an unlock, a success.
  17: (db) => {
    for (const [username, time, outcome, client] of [
      ['loket1', '00:01', 'gagal', 'ipc'],
      ['loket1', '00:02', 'gagal', 'ipc'],
      ['loket1', '00:05', 'dibuka', null],
      ['loket1', '00:06', 'berhasil', 'ipc'],
      ['admin', '00:10', 'berhasil', 'http'],
    ] as const)
      insert(db, 'login_attempt', { username, at: at(TODAY, time), outcome, client });
  },

  // 0018 indeks_rekap adds indexes only: no seed.

  // 0019 perangkat: a paired display and kiosk, a counter PC revoked.
  19: (db) => {
    for (const [name, scope, hex, revoked] of [
      ['TV Ruang Tunggu', 'display', 'c', false],
      ['Kios Pintu Masuk', 'kiosk', 'd', false],
      ['Loket 2 (PC lama)', 'counter', 'e', true],
    ] as const)
      insert(db, 'device', {
        name,
        scope,
        token_hash: hex.repeat(64),
        paired_at: at(FRIDAY, '00:05'),
        paired_by: 1,
        last_seen_at: at(TODAY, '02:59'),
        revoked_at: revoked ? at(FRIDAY, '08:00') : null,
        revoked_by: revoked ? 1 : null,
      });
  },

  // 0020 hak_peran: rights edited away from the shipped defaults, a locked session, a temporary password.
  20: (db) => {
    db.prepare(`DELETE FROM role_permission WHERE role = 'rekam_medis' AND permission = 'antrean:view'`).run();
    db.prepare(`INSERT OR IGNORE INTO role_permission (role, permission) VALUES ('kasir', 'register:view')`).run();
    const t = at(TODAY, '02:00');
    insert(db, 'user_session', {
      token_hash: 'f'.repeat(64),
      user_id: 3,
      client: 'ipc',
      created_at: at(TODAY, '00:20'),
      last_seen_at: t,
      expires_at: at(TODAY, '12:00'),
      locked_at: t,
    });
    insert(db, 'app_user', {
      username: 'dokter1',
      full_name: 'dr. Maya Sari',
      role: 'dokter',
      // Set by the administrator, to be changed at the first login (not the test's password).
      password_hash: 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
      must_change_password: 1,
      created_at: t,
      updated_at: t,
    });
  },
};

/** The highest schema version with a seed: tables existing at that version must all hold seeded rows. */
export const SEEDED_THROUGH = Math.max(...Object.keys(seeds).map(Number));
