import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Letter, LetterVerification, PatientRecord, Practitioner, Unit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

type SickLeave = { letter: Letter; appointment: Appointment | null };

describe('letters over HTTP', () => {
  let h: HttpHost;
  let admin: string;
  let clock = new Date('2026-11-23T02:00:00Z');
  let doctor: Practitioner;
  let nurse: Practitioner;
  let retired: Practitioner;
  let patient: PatientRecord;
  let umum: Unit;

  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const sequence = (kind: string, year: number) =>
    (
      h.host.store.sqlite.prepare(`SELECT value FROM number_sequence WHERE name = ? AND period = ?`).get(`surat:${kind}`, String(year)) as
        { value: number } | undefined
    )?.value ?? 0;
  const letterCount = () => (h.host.store.sqlite.prepare('SELECT count(*) AS n FROM letter').get() as { n: number }).n;
  const sick = (input: Record<string, unknown>) =>
    h.call<SickLeave>('letters.createSickLeave', { patientId: patient.id, signerId: doctor.id, startDate: '2026-11-23', days: 3, ...input }, admin);

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await ok('settings.update', {
      puskesmas: { name: 'Puskesmas Sukajaya', pemerintah: 'Pemerintah Kabupaten Banyumas', dinas: 'Dinas Kesehatan', address: 'Jl. Raya 1' },
      letters: { unitCode: 'PKM-SJ', place: 'Sukajaya' },
    });
    umum = (await ok<Unit[]>('units.list', {})).find((u) => u.code === 'UMUM')!;
    doctor = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Rina Wulandari',
      profession: 'dokter',
      nip: '198501012010012001',
      sip: 'SIP/445/123/2024',
      str: null,
      unitId: umum.id,
    });
    nurse = await ok<Practitioner>('practitioners.save', { name: 'Ns. Agus', profession: 'perawat', nip: null, sip: null, str: null });
    retired = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Lama',
      profession: 'dokter',
      nip: null,
      sip: null,
      str: null,
      active: false,
    });
    patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        name: 'Siti Nurhaliza',
        birthDate: '1990-05-17',
        sex: 'P',
        occupation: 'Guru',
        addressStreet: 'Jl. Melati 3',
        ignoreSimilar: true,
      })
    ).patient;
  });
  afterAll(async () => h.cleanup());

  it('issues a sick-leave letter with a number from the pattern and a verification code', async () => {
    const { letter, appointment } = await ok<SickLeave>('letters.createSickLeave', {
      patientId: patient.id,
      signerId: doctor.id,
      startDate: '2026-11-23',
      days: 3,
      diagnosis: 'Demam tifoid',
    });
    expect(letter).toMatchObject({
      kind: 'sakit',
      number: '445/001/SKS/PKM-SJ/XI/2026',
      seq: 1,
      year: 2026,
      status: 'terbit',
      paper: 'A4',
      issuedDate: '2026-11-23',
      signer: { name: 'dr. Rina Wulandari', nip: '198501012010012001' },
      data: { days: 3, startDate: '2026-11-23', endDate: '2026-11-25', occupation: 'Guru', ageYears: 36, diagnosisConsent: false },
    });
    expect(letter.verifyCode).toMatch(/^[0-9A-Z]+-[0-9A-Z]{12}$/);
    expect(appointment).toBeNull();
    expect(await ok<Letter>('letters.get', { id: letter.id })).toEqual(letter);
  });

  it('refuses a leave longer than the policy unless the re-examination is recorded, then schedules the control visit', async () => {
    const before = sequence('sakit', 2026);
    const refused = await sick({ days: 5 });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ok: false, error: { message: expect.stringContaining('paling lama 3 (tiga) hari') as string } });
    expect(sequence('sakit', 2026)).toBe(before);

    const r = await sick({ days: 5, reexamination: { recordedBy: doctor.id, note: 'Demam belum turun' } });
    expect(r.body.ok).toBe(true);
    const { letter, appointment } = (r.body as { value: SickLeave }).value;
    expect(letter.data).toMatchObject({ endDate: '2026-11-27', reexamination: { controlDate: '2026-11-28', recordedByName: 'dr. Rina Wulandari' } });
    expect(appointment).toMatchObject({ date: '2026-11-28', unitId: umum.id, status: 'terjadwal' });
    expect(letter.number).toBe('445/002/SKS/PKM-SJ/XI/2026');
  });

  it('refuses bad input with a clear message and consumes no number', async () => {
    const before = sequence('sakit', 2026);
    const count = letterCount();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ days: 0 }, /minimal 1 \(satu\) hari/],
      [{ days: 31 }, /terlalu panjang/],
      [{ days: undefined, endDate: '2026-11-20' }, /sebelum tanggal mulainya/],
      [{ days: 2, endDate: '2026-11-26' }, /berakhir 24 November 2026, bukan 26 November 2026/],
      [{ signerId: 999 }, /Penanda tangan harus tenaga kesehatan/],
      [{ signerId: retired.id }, /tidak aktif/],
      [{ days: 5, reexamination: { recordedBy: 999, note: 'x' } }, /Penanda tangan harus tenaga kesehatan/],
      [{ startDate: '2026-11-22' }, /sebelum tanggal pemeriksaan/],
    ];
    for (const [input, message] of cases) {
      const r = await sick(input);
      expect(r.status, JSON.stringify(input)).toBe(400);
      expect(r.body.ok ? '' : r.body.error.message).toMatch(message);
    }
    expect(sequence('sakit', 2026)).toBe(before);
    expect(letterCount()).toBe(count);
  });

  it('refuses a merged patient without consuming a number', async () => {
    const twin = (
      await ok<{ patient: PatientRecord }>('patients.create', { name: 'Siti N.', birthDate: '1990-05-17', sex: 'P', ignoreSimilar: true })
    ).patient;
    const twinLetter = await ok<Letter>('letters.createHealth', { patientId: twin.id, signerId: doctor.id, purpose: 'sekolah' });
    await ok('patients.merge', { keepId: patient.id, mergeId: twin.id, reason: 'Data ganda' });
    // The letter issued to the merged record is listed with the kept patient, with its own RM number.
    const kept = await ok<Letter[]>('letters.list', { patientId: patient.id });
    expect(kept.find((l) => l.id === twinLetter.id)?.patient.rmNumber).toBe(twin.rmNumber);
    const before = sequence('sakit', 2026);
    const r = await sick({ patientId: twin.id });
    expect(r.status).toBe(409);
    expect(r.body.ok ? '' : r.body.error.message).toMatch(/sudah digabung ke pasien lain \(No\. RM .+\)/);
    expect(sequence('sakit', 2026)).toBe(before);
  });

  it('issues a health letter on its own sequence', async () => {
    const letter = await ok<Letter>('letters.createHealth', {
      patientId: patient.id,
      signerId: doctor.id,
      purpose: 'melamar pekerjaan',
      heightCm: 158,
      weightKg: 52.5,
      bloodPressure: '110/70',
      colorVision: 'normal',
      paper: 'F4',
    });
    expect(letter).toMatchObject({ kind: 'sehat', number: '445/002/SKBS/PKM-SJ/XI/2026', paper: 'F4', data: { conclusion: 'SEHAT' } });
    const refused = await h.call('letters.createHealth', { patientId: patient.id, signerId: nurse.id + 100, purpose: 'x' }, admin);
    expect(refused.status).toBe(400);
  });

  it('gives 50 concurrent issues 50 distinct consecutive numbers', async () => {
    const before = sequence('sehat', 2026);
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.call<Letter>('letters.createHealth', { patientId: patient.id, signerId: doctor.id, purpose: 'sekolah' }, admin),
      ),
    );
    const seqs = replies.map((r) => (r.body.ok ? r.body.value.seq : -1)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_v, i) => before + i + 1));
    expect(new Set(replies.map((r) => (r.body.ok ? r.body.value.number : ''))).size).toBe(50);
  });

  it('restarts the numbers in a new year (local time)', async () => {
    // 31 Dec 2026 23:30 WIB is still 2026; 1 Jan 2027 00:10 WIB is the new year.
    const login = async () => {
      admin = (await ok<{ token: string }>('auth.login', { username: 'admin', password: 'rahasia-admin-1' })).token;
    };
    clock = new Date('2026-12-31T16:30:00Z');
    await login();
    const last = await ok<Letter>('letters.createHealth', { patientId: patient.id, signerId: doctor.id, purpose: 'sekolah' });
    expect(last.number).toMatch(/\/XII\/2026$/);
    clock = new Date('2026-12-31T17:10:00Z');
    const first = await ok<Letter>('letters.createHealth', { patientId: patient.id, signerId: doctor.id, purpose: 'sekolah' });
    expect(first).toMatchObject({ seq: 1, year: 2027, number: '445/001/SKBS/PKM-SJ/I/2027', issuedDate: '2027-01-01' });
    clock = new Date('2026-11-23T03:00:00Z');
    await login();
  });

  it('reprints keep the number, are marked SALINAN and every print is recorded', async () => {
    const [letter] = await ok<Letter[]>('letters.list', { kind: 'sakit', limit: 1 });
    const first = await ok<{ html: string; paper: { widthMm: number } }>('documents.letter', { id: letter!.id });
    expect(first.html).toContain(letter!.number);
    expect(first.html).not.toContain('SALINAN');
    const again = await ok<{ html: string }>('documents.letter', { id: letter!.id });
    expect(again.html).toContain('SALINAN');
    expect(again.html).toContain(letter!.number);
    const after = await ok<Letter>('letters.get', { id: letter!.id });
    expect(after.prints).toBe(2);
    const rows = h.host.store.sqlite.prepare('SELECT copy, target FROM letter_print WHERE letter_id = ? ORDER BY id').all(letter!.id);
    expect(rows).toEqual([
      { copy: 0, target: 'cetak' },
      { copy: 1, target: 'cetak' },
    ]);
  });

  it('lists by kind, text and date; cancels with a reason without reusing the number', async () => {
    const found = await ok<Letter[]>('letters.list', { text: 'Nurhaliza', kind: 'sakit' });
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((l) => l.kind === 'sakit')).toBe(true);
    expect(await ok<Letter[]>('letters.list', { from: '2027-01-01' })).toHaveLength(1);
    const target = found[0]!;
    const cancelled = await ok<Letter>('letters.cancel', { id: target.id, reason: 'Salah tanggal' });
    expect(cancelled).toMatchObject({ status: 'batal', cancelReason: 'Salah tanggal', number: target.number });
    const twice = await h.call('letters.cancel', { id: target.id, reason: 'lagi' }, admin);
    expect(twice.status).toBe(409);
    const highest = Math.max(...found.map((l) => l.seq));
    const next = await sick({});
    expect(next.body.ok && next.body.value.letter.seq).toBe(highest + 1);
    expect(next.body.ok && next.body.value.letter.number).not.toBe(target.number);
  });

  it('verifies codes: valid, cancelled, tampered, unknown — over the API and GET /verify', async () => {
    const [valid] = await ok<Letter[]>('letters.list', { kind: 'sehat', status: 'terbit', limit: 1 });
    const [cancelled] = await ok<Letter[]>('letters.list', { status: 'batal', limit: 1 });
    const verify = async (code: string) => {
      const r = await h.call<LetterVerification>('letters.verify', { code }, null);
      expect(r.status).toBe(200);
      return (r.body as { value: LetterVerification }).value;
    };
    const good = await verify(valid!.verifyCode.toLowerCase());
    expect(good).toMatchObject({ result: 'sah', letter: { number: valid!.number, patientInitials: 'S. N.', signerName: 'dr. Rina Wulandari' } });
    expect(JSON.stringify(good)).not.toContain('Nurhaliza');
    expect((await verify(cancelled!.verifyCode)).result).toBe('batal');
    const last = valid!.verifyCode.at(-1) === 'A' ? 'B' : 'A';
    expect((await verify(valid!.verifyCode.slice(0, -1) + last)).result).toBe('tidak_sah');
    expect((await verify('ZZZZZZ-ABCDEFGHJKMN')).result).toBe('tidak_dikenal');
    expect((await verify('bukan kode')).result).toBe('tidak_dikenal');

    const page = await fetch(`${h.url}/verify/${valid!.verifyCode}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(valid!.number);
    expect(html).toContain('SAH');
    expect(html).not.toContain('Nurhaliza');
    const forged = await (await fetch(`${h.url}/verify/${valid!.verifyCode.slice(0, -1)}${last}`)).text();
    expect(forged).toContain('TIDAK SAH');
    const unknown = await fetch(`${h.url}/verify/ZZZZZZ-ABCDEFGHJKMN`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('TIDAK DIKENAL');
  });

  it('refuses a PDF with a clear message when the host has no browser engine', async () => {
    const [letter] = await ok<Letter[]>('letters.list', { limit: 1 });
    const r = await h.call('letters.pdf', { id: letter!.id }, admin);
    expect(r.status).toBe(503);
    expect(r.body.ok ? '' : r.body.error.message).toMatch(/Chromium/);
  });

  it('keeps letters behind the surat permissions', async () => {
    expect((await h.call('letters.list', {}, null)).status).toBe(401);
    const settings = await h.call(
      'settings.update',
      { letters: { patterns: { sakit: 'SKS/{seq}', sehat: 'x/{seq}/{year}', rujukan: 'r/{seq}/{year}', rujukan_internal: 'ri/{seq}/{year}' } } },
      admin,
    );
    expect(settings.status).toBe(400);
    expect(settings.body.ok ? '' : settings.body.error.message).toMatch(/\{year\}/);
  });
});
