import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletenessReview, Folder, FolderMovement, PatientRecord, PullList, ScanResult, Unit, Visit } from '../../src-main/contract';
import { compareShelfKeys } from '../../src-main/domain/berkas';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** WIB wall-clock time on the test day → ISO instant. */
const wib = (hhmm: string, day = '2026-11-23') => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((h - 7) * 60 + m) * 60_000);
};
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

type Moved = { folder: Folder; movement: FolderMovement };
type Overdue = {
  items: { folderId: number; kind: string; unitName: string | null; minutesOut: number; sentBack: boolean }[];
  byUnit: { unitName: string; count: number }[];
};

describe('rekam medis folders: a full day in the records room', () => {
  let h: HttpHost;
  let admin: string;
  let clock = wib('07:00');
  let units: Map<string, Unit>;
  const rows = (sql: string) => h.host.store.sqlite.prepare(sql).all() as Record<string, unknown>[];
  const count = (table: string) => (h.host.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  async function ok<T>(method: string, input: unknown, at?: Date): Promise<T> {
    if (at) clock = at;
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  /** Sessions end after idle hours: a jump of days logs in again. */
  async function relogin(at: Date) {
    clock = at;
    const r = await h.call<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    if (!r.body.ok) throw new Error(r.body.error.message);
    admin = r.body.value.token;
  }
  async function refused(method: string, input: unknown, status: number, message: RegExp) {
    const r = await h.call(method, input, admin);
    expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(status);
    if (r.body.ok) throw new Error('expected a refusal');
    expect(r.body.error.message).toMatch(message);
  }

  const givenNames = (
    'Adi Budi Citra Dewi Eka Fajar Gita Hadi Indah Joko Kartika Lestari Made Nanda Oki Putri Rudi Sari Tono Umar Vina Wati Yudi Zainal ' +
    'Agus Bayu Cahya Dian Endang Farida'
  ).split(' ');
  // 30 patients, registered one a minute from 07:30 to three units in turn.
  const patients: PatientRecord[] = [];
  const visits: Visit[] = [];
  const unitCodes = ['UMUM', 'GIGI', 'KIA'] as const;
  const folderOf = (i: number) => Number(rows(`SELECT folder_id FROM folder_patient WHERE patient_id = ${patients[i]!.id}`)[0]!.folder_id);
  // Folder i reaches its unit 2 + i minutes after registration: 2…31 minutes.
  const retrievalMinutes = Array.from({ length: 30 }, (_, i) => 2 + i);

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
  });
  afterAll(async () => h.cleanup());

  it('gives every new patient a folder on the shelf', async () => {
    for (let i = 0; i < 30; i++) {
      const { patient } = await ok<{ patient: PatientRecord }>('patients.create', {
        ignoreSimilar: true,
        name: `${givenNames[i]} Berkas`,
        birthDate: `19${60 + i}-0${1 + (i % 9)}-1${i % 10}`,
        sex: i % 2 ? 'L' : 'P',
      });
      patients.push(patient);
    }
    expect(count('folder')).toBe(30);
    const folder = await ok<{ folder: Folder; lastMovement: null }>('folders.locate', { code: patients[0]!.rmNumber });
    expect(folder.folder).toMatchObject({ status: 'di_rak', place: { kind: 'rak', label: 'rak penyimpanan' }, rmNumber: patients[0]!.rmNumber });
    expect(folder.lastMovement).toBeNull();
  });

  it('builds the pull list from 30 registrations and tomorrow’s appointment, in terminal-digit order by shelf section', async () => {
    await ok('appointments.create', { patientId: patients[5]!.id, unitId: units.get('UMUM')!.id, date: '2026-11-24', note: null }, wib('07:10'));
    for (let i = 0; i < 30; i++) {
      const { visit } = await ok<{ visit: Visit }>(
        'visits.register',
        { patientId: patients[i]!.id, payer: 'umum', unitId: units.get(unitCodes[i % 3]!)!.id },
        plus(wib('07:30'), i),
      );
      visits.push(visit);
    }
    const list = await ok<PullList>('folders.pullList', {}, wib('08:00'));
    expect(list).toMatchObject({ date: '2026-11-23', tomorrow: '2026-11-24', count: 31 });
    const items = list.sections.flatMap((s) => s.items);
    const keys = items.map((i) => i.shelfKey);
    expect([...keys].sort(compareShelfKeys)).toEqual(keys);
    // RMs 000001…000030: terminal digits 01–24 on Rak A, 25–30 on Rak B.
    expect(list.sections.map((s) => [s.name, s.items.length])).toEqual([
      ['Rak A', 25],
      ['Rak B', 6],
    ]);
    expect(items[0]).toMatchObject({ patient: { rmNumber: '000001' }, shelfKey: '01-00-00', unitName: 'Poli Umum', minutesWaiting: 30 });
    expect(items.filter((i) => i.source === 'jadwal')).toMatchObject([
      { patient: { id: patients[5]!.id }, date: '2026-11-24', minutesWaiting: null },
    ]);
    expect(items.find((i) => i.visitId === visits[29]!.id)).toMatchObject({
      minutesWaiting: 1,
      requestStatus: 'menunggu',
      unitName: 'Poli KIA / KB',
    });
  });

  it('scans each folder out to the unit that asked for it; the request records when it arrived', async () => {
    for (let i = 0; i < 30; i++) {
      const at = plus(wib('07:30'), i + retrievalMinutes[i]!);
      const scan = await ok<ScanResult>('folders.scan', { code: patients[i]!.rmNumber.replace(/^0+/, '') }, at);
      const unit = units.get(unitCodes[i % 3]!)!;
      expect(scan.proposal).toEqual({ action: 'move', to: { kind: 'unit', unitId: unit.id }, label: `Kirim ke ${unit.name}` });
      expect(scan.request).toMatchObject({ visitId: visits[i]!.id });
      const moved = await ok<Moved>('folders.move', { folderId: scan.folder.id, to: 'unit', unitId: unit.id, method: 'scan' }, at);
      expect(moved.folder).toMatchObject({
        status: 'keluar',
        place: { kind: 'unit', unitId: unit.id, label: unit.name },
        outSince: at.toISOString(),
      });
      expect(moved.movement).toMatchObject({ kind: 'kirim', from: 'rak penyimpanan', to: unit.name, method: 'scan', visitId: visits[i]!.id });
    }
    expect(rows(`SELECT count(*) AS n FROM folder_request WHERE status = 'diterima_unit' AND delivered_at IS NOT NULL`)).toEqual([{ n: 30 }]);
    const list = await ok<PullList>('folders.pullList', {});
    expect(list.count).toBe(1); // only tomorrow's appointment is left to pull
  });

  it('takes 25 back, files 22 complete ones and sends 3 incomplete back until they return complete', async () => {
    const items = (missing: string[] = []) =>
      ['Identitas pasien', 'Tanggal', 'Anamnesis', 'Diagnosis', 'Terapi', 'Nama dan tanda tangan dokter', 'Tulisan terbaca'].map((item) => ({
        item,
        present: !missing.includes(item),
      }));
    for (let i = 0; i < 25; i++) {
      const at = plus(wib('11:00'), i);
      const scan = await ok<ScanResult>('folders.scan', { code: patients[i]!.rmNumber }, at);
      expect(scan.proposal.action).toBe('return');
      const back = await ok<Moved>('folders.return', { folderId: scan.folder.id, method: 'scan' }, at);
      expect(back.folder).toMatchObject({ place: { kind: 'ruang_rm' }, awaitingReview: true });
      expect((await ok<ScanResult>('folders.scan', { code: patients[i]!.rmNumber })).proposal.action).toBe('review');
      const missing = i < 3 ? ['Diagnosis', 'Nama dan tanda tangan dokter'] : [];
      const result = await ok<{ review: CompletenessReview; folder: Folder; movement: FolderMovement }>('folders.review', {
        folderId: scan.folder.id,
        items: items(missing),
      });
      expect(result.review).toMatchObject({ complete: i >= 3, missing, unitId: units.get(unitCodes[i % 3]!)!.id, visitId: visits[i]!.id });
      if (i < 3) expect(result.folder).toMatchObject({ status: 'keluar', place: { kind: 'unit' }, openReviewId: result.review.id });
      else expect(result.folder).toMatchObject({ status: 'di_rak', place: { kind: 'rak' }, outSince: null, awaitingReview: false });
    }
    const open = await ok<CompletenessReview[]>('folders.incomplete', {});
    expect(open.map((r) => r.folderId).sort()).toEqual([0, 1, 2].map(folderOf).sort());

    // The units complete the records; the folders come back and pass.
    for (let i = 0; i < 3; i++) {
      await ok<Moved>('folders.return', { folderId: folderOf(i), method: 'ketik' }, plus(wib('12:00'), i));
      const again = await ok<{ review: CompletenessReview; folder: Folder }>('folders.review', { folderId: folderOf(i), items: items() });
      expect(again.review).toMatchObject({ complete: true, resolvesReviewId: open.find((r) => r.folderId === folderOf(i))!.id });
      expect(again.folder).toMatchObject({ status: 'di_rak', openReviewId: null });
    }
    expect(await ok<CompletenessReview[]>('folders.incomplete', {})).toEqual([]);

    const history = await ok<{ movements: FolderMovement[]; reviews: CompletenessReview[] }>('folders.history', { folderId: folderOf(0) });
    expect(history.movements.map((m) => m.kind).reverse()).toEqual(['kirim', 'kembali', 'kembalikan_lengkapi', 'kembali', 'simpan']);
    expect(history.movements.at(-1)).toMatchObject({ userName: 'Admin Puskesmas', method: 'scan' });
    expect(history.reviews.map((r) => [r.complete, r.resolvedAt !== null])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('lists the 5 folders still out once the units have closed, with how long they have been out', async () => {
    expect((await ok<Overdue>('folders.overdue', {}, wib('13:30'))).items).toEqual([]);
    const overdue = await ok<Overdue>('folders.overdue', {}, wib('14:30'));
    expect(overdue.items.map((i) => i.folderId).sort()).toEqual([25, 26, 27, 28, 29].map(folderOf).sort());
    for (const item of overdue.items) {
      const i = [25, 26, 27, 28, 29].find((n) => folderOf(n) === item.folderId)!;
      const outAt = plus(wib('07:30'), i + retrievalMinutes[i]!);
      expect(item).toMatchObject({ kind: 'unit', sentBack: false, minutesOut: Math.floor((wib('14:30').getTime() - outAt.getTime()) / 60_000) });
    }
    // Folders 25…29 went to units 25 % 3 … 29 % 3: UMUM (27), GIGI (25, 28), KIA (26, 29).
    expect(overdue.byUnit.map((u) => [u.unitName, u.count]).sort()).toEqual([
      ['Poli Gigi dan Mulut', 2],
      ['Poli KIA / KB', 2],
      ['Poli Umum', 1],
    ]);
    const gigi = await ok<Overdue>('folders.overdue', { unitId: units.get('GIGI')!.id });
    expect(gigi.items).toHaveLength(2);
  });

  it('computes retrieval time and KLPCM indicators from the recorded timestamps', async () => {
    const ind = await ok<{
      retrieval: {
        overall: Record<string, unknown>;
        byDayUnit: { unitName: string; count: number; withinStandard: number; medianMinutes: number; p90Minutes: number }[];
        notDelivered: number;
      };
      klpcm: { byUnit: { unitName: string; checked: number; incomplete: number; ratePercent: number }[]; byMonth: unknown[] };
    }>('folders.indicators', { from: '2026-11-23', to: '2026-11-23' });
    // 2…31 minutes: 9 of 30 within 10 minutes; median 16.5; nearest-rank P90 = the 27th = 28.
    expect(ind.retrieval.overall).toEqual({ count: 30, withinStandard: 9, sharePercent: 30, medianMinutes: 16.5, p90Minutes: 28 });
    expect(ind.retrieval.notDelivered).toBe(0);
    // Poli Umum got folders 0, 3, …, 27: 2, 5, …, 29 minutes.
    expect(ind.retrieval.byDayUnit.find((l) => l.unitName === 'Poli Umum')).toMatchObject({
      count: 10,
      withinStandard: 3,
      medianMinutes: 15.5,
      p90Minutes: 26,
    });
    // 25 first checks, 3 incomplete (folders 0, 1, 2: one per unit); the re-checks do not count again.
    expect(ind.klpcm.byMonth).toEqual([{ period: '2026-11', checked: 25, incomplete: 3, ratePercent: 12 }]);
    expect(ind.klpcm.byUnit.map((l) => [l.unitName, l.checked, l.incomplete, l.ratePercent]).sort()).toEqual([
      ['Poli Gigi dan Mulut', 8, 1, 12.5],
      ['Poli KIA / KB', 8, 1, 12.5],
      ['Poli Umum', 9, 1, 11.1],
    ]);
  });

  it('refuses bad input over HTTP with a clear message and changes nothing', async () => {
    clock = wib('15:00');
    const before = { movements: count('folder_movement'), reviews: count('completeness_review') };
    await refused('folders.scan', { code: '999999' }, 404, /No\. RM "999999" tidak ditemukan/);
    await refused('folders.scan', { code: 'bukan nomor' }, 404, /tidak ditemukan/);
    // Folder 5 is on the shelf: it never left, and it has no checklist to take.
    await refused('folders.return', { folderId: folderOf(5), method: 'scan' }, 409, /belum pernah keluar/);
    await refused('folders.review', { folderId: folderOf(5), items: [{ item: 'Tanggal', present: true }] }, 400, /Butir periksa belum diisi/);
    const all = ['Identitas pasien', 'Tanggal', 'Anamnesis', 'Diagnosis', 'Terapi', 'Nama dan tanda tangan dokter', 'Tulisan terbaca'].map(
      (item) => ({
        item,
        present: true,
      }),
    );
    await refused('folders.review', { folderId: folderOf(5), items: all }, 409, /belum kembali dari unit/);
    // Folder 29 is still at its unit: no checklist before it comes back.
    await refused('folders.review', { folderId: folderOf(29), items: all }, 409, /belum kembali dari unit/);
    await refused('folders.move', { folderId: folderOf(29), to: 'rak', method: 'scan' }, 409, /dikembalikan dulu ke ruang rekam medis/);
    await refused('folders.move', { folderId: folderOf(5), to: 'unit', method: 'scan' }, 400, /Pilih unit tujuan/);
    await refused('folders.move', { folderId: 999_999, to: 'rak', method: 'scan' }, 404, /tidak ditemukan/);
    expect({ movements: count('folder_movement'), reviews: count('completeness_review') }).toEqual(before);
  });

  it('marks a folder missing with a temporary folder, refuses to move it, and merges them when it is found', async () => {
    const original = folderOf(6);
    const marked = await ok<{ folder: Folder; temporaryFolder: Folder }>('folders.markMissing', {
      folderId: original,
      note: 'Tidak ada di rak',
      temporaryFolder: true,
    });
    expect(marked.folder).toMatchObject({ status: 'hilang', place: { kind: 'hilang' } });
    expect(marked.temporaryFolder).toMatchObject({ temporaryFor: original, rmNumber: patients[6]!.rmNumber, place: { kind: 'ruang_rm' } });
    // The patient's RM now finds the stand-in; the missing one does not move.
    expect((await ok<ScanResult>('folders.scan', { code: patients[6]!.rmNumber })).folder.id).toBe(marked.temporaryFolder.id);
    const moves = count('folder_movement');
    await refused('folders.move', { folderId: original, to: 'unit', unitId: units.get('UMUM')!.id, method: 'ketik' }, 409, /ditandai hilang/);
    await refused('folders.markMissing', { folderId: original }, 409, /sudah ditandai hilang/);
    expect(count('folder_movement')).toBe(moves);

    const found = await ok<{ folder: Folder }>('folders.markFound', { folderId: original }, wib('15:30'));
    expect(found.folder).toMatchObject({ status: 'keluar', place: { kind: 'ruang_rm' } });
    expect(folderOf(6)).toBe(original);
    const temp = await ok<{ folder: Folder; movements: FolderMovement[] }>('folders.history', { folderId: marked.temporaryFolder.id });
    expect(temp.folder.status).toBe('digabung');
    const history = await ok<{ movements: FolderMovement[] }>('folders.history', { folderId: original });
    expect(history.movements.map((m) => m.kind).slice(0, 2)).toEqual(['ditemukan', 'hilang']);
    expect(history.movements[1]).toMatchObject({ reason: 'Tidak ada di rak', label: 'Ditandai hilang' });
    await ok<Moved>('folders.move', { folderId: original, to: 'rak', method: 'scan' });
  });

  it('records borrowing with borrower, reason and due date; past the due date it is overdue', async () => {
    const id = folderOf(7);
    await refused(
      'folders.borrow',
      { folderId: id, borrower: 'Tim Audit', reason: 'Audit klinis', dueDate: '2026-11-20', method: 'ketik' },
      400,
      /Batas kembali/,
    );
    const lent = await ok<Moved>('folders.borrow', {
      folderId: id,
      borrower: 'Tim Audit Dinkes',
      reason: 'Audit klinis',
      dueDate: '2026-11-24',
      method: 'ketik',
    });
    expect(lent.folder).toMatchObject({ status: 'dipinjam', borrower: 'Tim Audit Dinkes', dueDate: '2026-11-24', place: { kind: 'peminjam' } });
    expect(lent.movement).toMatchObject({ kind: 'pinjam', borrower: 'Tim Audit Dinkes', reason: 'Audit klinis', dueDate: '2026-11-24' });
    await relogin(wib('08:00', '2026-11-25'));
    const nextDay = await ok<Overdue>('folders.overdue', {});
    expect(nextDay.items.find((i) => i.folderId === id)).toMatchObject({ kind: 'dipinjam', unitName: null });
    const back = await ok<Moved>('folders.return', { folderId: id, method: 'scan' });
    expect(back.folder).toMatchObject({ borrower: null, awaitingReview: false, place: { kind: 'ruang_rm' } });
    await ok<Moved>('folders.move', { folderId: id, to: 'rak', method: 'scan' });
  });

  it('lists folders without a visit for N years for inactive storage, and only records staff move folders', async () => {
    await relogin(wib('09:00', '2026-11-26'));
    const created = await h.call(
      'users.create',
      { username: 'loket1', fullName: 'Petugas Loket', role: 'pendaftaran', password: 'rahasia-loket-1' },
      admin,
    );
    expect(created.status).toBe(200);
    const login = await h.call<{ token: string }>('auth.login', { username: 'loket1', password: 'rahasia-loket-1' });
    if (!login.body.ok) throw new Error(login.body.error.message);
    const clerk = login.body.value.token;
    const denied = await h.call('folders.move', { folderId: folderOf(8), to: 'ruang_rm', method: 'scan' }, clerk);
    expect(denied.status).toBe(403);
    expect((await h.call('folders.pullList', {}, clerk)).status).toBe(200);

    // Five years on (a new login: sessions do not last that long), nobody has been back since 23 November 2026.
    await relogin(wib('08:00', '2031-12-01'));
    const inactive = await ok<{ cutoffDate: string; count: number; items: { names: string[]; lastVisitDate: string | null }[] }>(
      'folders.inactive',
      {},
    );
    // Only folders on the shelf: the 5 still at their units are not listed.
    expect(inactive).toMatchObject({ cutoffDate: '2026-12-01', count: 25 });
    expect(inactive.items[0]).toMatchObject({ lastVisitDate: '2026-11-23', names: [patients[0]!.name] });
    expect((await ok<{ count: number }>('folders.inactive', { years: 6 })).count).toBe(0);
  });
});

describe('family folders: one folder per KK, for new and imported patients', () => {
  let h: HttpHost;
  let admin: string;
  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const locate = async (code: string) => (await ok<{ folder: Folder }>('folders.locate', { code })).folder;
  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    await ok('settings.update', { rmFormat: { family: true }, folders: { filingOrder: 'middle' } });
  });
  afterAll(async () => h.cleanup());

  it('puts a family’s members in one folder, also when they arrive by import', async () => {
    const kk = '3201010101100001';
    const father = (await ok<{ patient: PatientRecord }>('patients.create', { name: 'Ahmad Fauzi', birthDate: '1980-02-03', sex: 'L', kkNumber: kk }))
      .patient;
    const mother = (
      await ok<{ patient: PatientRecord }>('patients.create', { name: 'Rina Marlina', birthDate: '1983-04-05', sex: 'P', kkNumber: kk })
    ).patient;
    expect([father.rmNumber, mother.rmNumber]).toEqual(['000001-01', '000001-02']);
    const folder = await locate(father.rmNumber);
    expect(folder).toMatchObject({ rmNumber: '000001', shelfKey: '00-00-01', patients: [{ id: father.id }, { id: mother.id }] });
    expect((await locate(mother.rmNumber)).id).toBe(folder.id);
    // The folder's own number finds it too.
    expect((await locate('1')).id).toBe(folder.id);

    const csv = ['Nama Pasien,Tgl Lahir,JK,No KK', `Putri Fauziah,2012-06-07,P,${kk}`, 'Hasan Basri,1975-08-09,L,3201010101100002'].join('\n');
    const result = await ok<{ counts: { added: number } }>('patients.import', {
      file: { name: 'keluarga.csv', contentBase64: Buffer.from(csv).toString('base64') },
      mapping: ['name', 'birthDate', 'sex', 'kkNumber'],
      dryRun: false,
    });
    expect(result.counts.added).toBe(2);
    const family = await locate(father.rmNumber);
    expect(family.patients.map((p) => p.name)).toEqual(['Ahmad Fauzi', 'Rina Marlina', 'Putri Fauziah']);
    const hasan = h.host.store.sqlite.prepare(`SELECT rm_number FROM patient WHERE name = 'Hasan Basri'`).get() as { rm_number: string };
    const own = await locate(hasan.rm_number);
    expect(own.patients.map((p) => p.name)).toEqual(['Hasan Basri']);
    expect(own.id).not.toBe(family.id);
  });
});
