import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Facility,
  Folder,
  InternalReferral,
  Letter,
  PatientRecord,
  Practitioner,
  QueueTicket,
  Referral,
  ReferralLetterData,
  Unit,
  Visit,
} from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('surat rujukan, status trail, follow-up and the internal slip over HTTP', () => {
  let h: HttpHost;
  let admin: string;
  const clock = new Date('2026-11-23T02:00:00Z'); // 09.00 WIB
  let doctor: Practitioner;
  let retired: Practitioner;
  let patient: PatientRecord;
  let rsud: Facility;
  let units: Unit[];

  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const sequence = (kind: string) =>
    (
      h.host.store.sqlite.prepare(`SELECT value FROM number_sequence WHERE name = ? AND period = '2026'`).get(`surat:${kind}`) as
        { value: number } | undefined
    )?.value ?? 0;
  const count = (table: string) => (h.host.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const unit = (code: string) => units.find((u) => u.code === code)!;
  const referral = (more: Record<string, unknown> = {}) => ({
    patientId: patient.id,
    signerId: doctor.id,
    facilityId: rsud.id,
    specialty: 'Penyakit Dalam',
    emergency: false,
    anamnesis: 'Nyeri dada kiri menjalar ke lengan sejak 2 jam, keringat dingin.',
    physicalExam: 'Tampak sakit sedang, akral dingin.',
    vitals: { systolic: 160, diastolic: 100, pulse: 110, respiration: 24, temperature: 36.8, spo2: 94 },
    supportingResults: 'EKG: ST elevasi V1–V4.',
    diagnosisCode: 'i21.9',
    therapy: 'Aspirin 160 mg dikunyah, O2 3 L/menit nasal kanul.',
    reason: 'Butuh penanganan spesialis jantung dan fasilitas kateterisasi.',
    ...more,
  });

  beforeAll(async () => {
    h = await httpHost({ now: () => clock });
    admin = await adminToken(h);
    await ok('settings.update', {
      puskesmas: { name: 'Puskesmas Sukajaya', pemerintah: 'Pemerintah Kabupaten Banyumas', dinas: 'Dinas Kesehatan', address: 'Jl. Raya 1' },
      letters: { unitCode: 'PKM-SJ', place: 'Sukajaya' },
    });
    units = await ok<Unit[]>('units.list', {});
    doctor = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Rina Wulandari',
      profession: 'dokter',
      nip: '198501012010012001',
      sip: 'SIP/445/123/2024',
      str: null,
      unitId: unit('UMUM').id,
    });
    retired = await ok<Practitioner>('practitioners.save', {
      name: 'dr. Lama',
      profession: 'dokter',
      nip: null,
      sip: null,
      str: null,
      active: false,
    });
    rsud = await ok<Facility>('facilities.save', {
      name: 'RSUD Prof. Margono',
      kind: 'rs',
      code: '0302R001',
      address: 'Jl. Dr. Gumbreg 1',
      phone: '0281-632708',
    });
    await ok('facilities.saveSpecialties', { facilityId: rsud.id, specialties: ['Penyakit Dalam', 'Jantung dan Pembuluh Darah', 'Anak'] });
    await ok('diagnoses.import', {
      file: { name: 'icd.csv', contentBase64: b64('kode;nama\nI21.9;Infark miokard akut\nJ18.9;Pneumonia\nA09;Diare dan gastroenteritis\n') },
      dryRun: false,
    });
    patient = (
      await ok<{ patient: PatientRecord }>('patients.create', {
        name: 'Slamet Riyadi',
        birthDate: '1961-04-09',
        birthPlace: 'Banyumas',
        sex: 'L',
        phone: '081234567890',
        bpjsNumber: '0001234567890',
        addressStreet: 'Jl. Merdeka 7',
        ignoreSimilar: true,
      })
    ).patient;
  });
  afterAll(async () => h.cleanup());

  it('issues a referral with the SISRUTE set from the patient record and the imported diagnosis', async () => {
    const r = await ok<Referral>('letters.createReferral', referral());
    expect(r).toMatchObject({
      status: 'dibuat',
      emergency: false,
      patient: { id: patient.id, name: 'Slamet Riyadi' },
      facility: { id: rsud.id, name: 'RSUD Prof. Margono' },
      specialty: 'Penyakit Dalam',
      diagnosis: { code: 'I21.9', text: 'Infark miokard akut' },
      signerName: 'dr. Rina Wulandari',
      next: ['dikirim'],
      date: '2026-11-23',
    });
    expect(r.number).toMatch(/2026$/);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ status: 'dibuat', userName: 'Admin Puskesmas' });
    const letter = await ok<Letter>('letters.get', { id: r.letterId });
    expect(letter.kind).toBe('rujukan');
    const data = letter.data as ReferralLetterData;
    expect(data.patient).toMatchObject({
      rmNumber: patient.rmNumber,
      phone: '081234567890',
      birthPlace: 'Banyumas',
      birthDate: '1961-04-09',
      jknNumber: '0001234567890',
    });
    expect(data.patient.address).toContain('Jl. Merdeka 7');
    expect(data.vitals).toMatchObject({ systolic: 160, spo2: 94 });
    expect(data.facility).toMatchObject({ code: '0302R001', phone: '0281-632708' });
    // The count reports make: referrals out by destination, one query.
    const byDestination = h.host.store.sqlite
      .prepare(`SELECT facility_id AS f, count(*) AS n FROM referral WHERE referral_date BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY facility_id`)
      .all();
    expect(byDestination).toEqual([{ f: rsud.id, n: 1 }]);
  });

  it('refuses bad input with a clear message and consumes no number', async () => {
    const before = sequence('rujukan');
    const letters = count('letter');
    const refused = async (more: Record<string, unknown>, status: number, message: RegExp, path?: string) => {
      const r = await h.call('letters.createReferral', referral(more), admin);
      expect(r.status).toBe(status);
      if (r.body.ok) throw new Error('accepted');
      expect(r.body.error.message).toMatch(message);
      if (path) expect(r.body.error.fields?.[0]?.path).toBe(path);
    };
    await refused({ facilityId: undefined }, 400, /Pilih fasilitas tujuan/, 'facilityId');
    await refused({ facilityId: 9999 }, 400, /tidak ada di direktori/, 'facilityId');
    await refused({ diagnosisCode: undefined }, 400, /Isi diagnosis/, 'diagnosisCode');
    await refused({ diagnosisCode: 'Z99.9' }, 400, /Z99\.9 tidak ada di daftar diagnosis/, 'diagnosisCode');
    await refused({ specialty: 'Kulit' }, 400, /tidak mempunyai spesialis\/poli "Kulit".*Penyakit Dalam/, 'specialty');
    await refused({ specialty: undefined }, 400, /Pilih spesialis\/poli/, 'specialty');
    await refused({ signerId: 9999 }, 400, /Penanda tangan harus tenaga kesehatan/, 'signerId');
    await refused({ signerId: retired.id }, 400, /tidak aktif/, 'signerId');
    await refused({ anamnesis: '' }, 400, /anamnesis/);
    await refused({ vitals: { spo2: 140 } }, 400, /SpO2 maksimal 100/);
    // A merged patient: the letter goes to the kept patient.
    const dup = (
      await ok<{ patient: PatientRecord }>('patients.create', { name: 'Slamet Riyadi', birthDate: '1961-04-09', sex: 'L', ignoreSimilar: true })
    ).patient;
    await ok('patients.merge', { keepId: patient.id, mergeId: dup.id, reason: 'Pasien sama, didaftar dua kali' });
    await refused({ patientId: dup.id }, 409, /sudah digabung ke pasien lain \(No\. RM/, 'patientId');
    expect(sequence('rujukan')).toBe(before);
    expect(count('letter')).toBe(letters);
    expect(count('referral')).toBe(1);
  });

  it('walks the trail dibuat → dikirim → diterima → berangkat → serah terima, refusing skipped steps', async () => {
    const r = await ok<Referral>('letters.createReferral', referral({ diagnosisCode: 'J18.9', specialty: 'penyakit dalam' }));
    expect(r.specialty).toBe('Penyakit Dalam');
    const advance = (input: Record<string, unknown>) => h.call<Referral>('referrals.advance', { letterId: r.letterId, ...input }, admin);

    const skip = await advance({ status: 'diterima' });
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({ error: { message: 'Dari status dibuat rujukan hanya dapat menjadi dikirim.' } });
    const early = await advance({ status: 'berangkat', transport: 'ambulans' });
    expect(early.body).toMatchObject({ error: { message: expect.stringMatching(/menunggu persetujuan RS/) as string } });
    const noNumber = await advance({ status: 'dikirim' });
    expect(noNumber).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'sisruteNumber' }] } } });

    await ok('referrals.advance', { letterId: r.letterId, status: 'dikirim', sisruteNumber: 'SR-3302-2611-0042', note: 'Dikirim lewat SISRUTE' });
    await ok('referrals.advance', { letterId: r.letterId, status: 'diterima', note: 'ACC dr. jaga IGD via telepon' });
    const again = await advance({ status: 'diterima' });
    expect(again.body).toMatchObject({ error: { message: 'Rujukan sudah berstatus diterima.' } });
    await ok('referrals.advance', {
      letterId: r.letterId,
      status: 'berangkat',
      transport: 'ambulans',
      escortName: 'Ns. Budi',
      note: 'Observasi TTV tiap 15 menit',
    });
    const done = await ok<Referral>('referrals.advance', {
      letterId: r.letterId,
      status: 'serah_terima',
      admitted: true,
      receivedBy: 'dr. Yudi (IGD)',
      sisruteNumber: 'ignored on this step',
    });
    expect(done).toMatchObject({ status: 'serah_terima', sisruteNumber: 'SR-3302-2611-0042', admitted: true, next: [] });
    expect(done.events.map((e) => e.status)).toEqual(['dibuat', 'dikirim', 'diterima', 'berangkat', 'serah_terima']);
    expect(done.events[3]).toMatchObject({ transport: 'ambulans', escortName: 'Ns. Budi', note: 'Observasi TTV tiap 15 menit' });
    expect(done.events[4]).toMatchObject({ receivedBy: 'dr. Yudi (IGD)', admitted: true, sisruteNumber: null, userName: 'Admin Puskesmas' });
    const closed = await advance({ status: 'berangkat', transport: 'ambulans' });
    expect(closed.body).toMatchObject({ error: { message: expect.stringMatching(/sudah selesai \(serah terima\)/) as string } });
    // The trail is append-only.
    expect(() => h.host.store.sqlite.prepare('DELETE FROM referral_event').run()).toThrow(/append-only/);

    // Follow-up of the admitted patient (seed 000 step 11), then rujuk balik and closing.
    let followUps = await ok<Referral[]>('referrals.followUps', {});
    expect(followUps.map((f) => f.letterId)).toEqual([r.letterId]);
    await ok('referrals.addNote', { letterId: r.letterId, kind: 'perkembangan', note: 'Hari ke-2 rawat inap, sesak berkurang.' });
    await ok('referrals.addNote', {
      letterId: r.letterId,
      kind: 'rujuk_balik',
      note: 'Rujuk balik: kontrol di puskesmas, lanjut amoksisilin 5 hari.',
    });
    const last = await ok<Referral>('referrals.addNote', { letterId: r.letterId, kind: 'selesai', note: 'Pulang, stabil.' });
    expect(last.followUps.map((f) => f.kind)).toEqual(['perkembangan', 'rujuk_balik', 'selesai']);
    expect(last.followUpClosed).toBe(true);
    followUps = await ok<Referral[]>('referrals.followUps', {});
    expect(followUps).toEqual([]);
    expect((await ok<Referral[]>('referrals.followUps', { includeClosed: true })).length).toBe(1);
    const more = await h.call('referrals.addNote', { letterId: r.letterId, kind: 'perkembangan', note: 'x' }, admin);
    expect(more.status).toBe(409);

    // The open list leaves finished referrals out unless asked.
    const open = await ok<Referral[]>('referrals.list', {});
    expect(open.map((o) => o.letterId)).not.toContain(r.letterId);
    expect((await ok<Referral[]>('referrals.list', { includeClosed: true })).map((o) => o.letterId)).toContain(r.letterId);
    expect((await ok<Referral[]>('referrals.list', { status: 'serah_terima' })).map((o) => o.letterId)).toEqual([r.letterId]);
  });

  it('an emergency leaves at once with an escort; the family’s time is needed by hand-over (seed 000 steps 8–9)', async () => {
    const r = await ok<Referral>('letters.createReferral', referral({ emergency: true, specialty: 'Jantung dan Pembuluh Darah' }));
    expect(r.next).toEqual(['dikirim', 'berangkat']);
    const advance = (input: Record<string, unknown>) => h.call<Referral>('referrals.advance', { letterId: r.letterId, ...input }, admin);
    expect((await advance({ status: 'berangkat', transport: 'ambulans' })).body).toMatchObject({
      error: { fields: [{ path: 'escortName' }], message: 'Rujukan gawat darurat: isi nama petugas pendamping.' },
    });
    await ok('referrals.advance', { letterId: r.letterId, status: 'berangkat', transport: 'ambulans', escortName: 'dr. Rina dan Ns. Budi' });
    expect((await advance({ status: 'serah_terima', admitted: true })).body).toMatchObject({ error: { fields: [{ path: 'familyInformedAt' }] } });
    const future = await advance({ status: 'serah_terima', admitted: true, familyInformedAt: '2026-11-23T12:00:00+07:00' });
    expect(future.status).toBe(400);
    const done = await ok<Referral>('referrals.advance', {
      letterId: r.letterId,
      status: 'serah_terima',
      admitted: false,
      familyInformedAt: '2026-11-23T08:50:00+07:00',
    });
    expect(done.events.at(-1)).toMatchObject({ familyInformedAt: '2026-11-23T01:50:00.000Z', admitted: false });
    // Not admitted: not on the follow-up list.
    expect((await ok<Referral[]>('referrals.followUps', {})).map((f) => f.letterId)).not.toContain(r.letterId);
  });

  it('a referral refused by the hospital ends with the reason', async () => {
    const r = await ok<Referral>('letters.createReferral', referral({ diagnosisCode: 'A09', specialty: 'Anak' }));
    await ok('referrals.advance', { letterId: r.letterId, status: 'dikirim', sisruteNumber: 'SR-1' });
    const noReason = await h.call('referrals.advance', { letterId: r.letterId, status: 'ditolak' }, admin);
    expect(noReason.body).toMatchObject({ error: { fields: [{ path: 'reason' }] } });
    const refused = await ok<Referral>('referrals.advance', { letterId: r.letterId, status: 'ditolak', reason: 'Ruang rawat anak penuh' });
    expect(refused).toMatchObject({ status: 'ditolak', next: [] });
    expect(refused.events.at(-1)).toMatchObject({ reason: 'Ruang rawat anak penuh' });
    expect((await h.call('referrals.get', { letterId: 9999 }, admin)).status).toBe(404);
  });

  it('an internal slip sends the patient to the lab: the folder moves and the poli ticket joins the lab queue, in one transaction', async () => {
    const visit = (await ok<{ visit: Visit }>('visits.register', { patientId: patient.id, payer: 'umum', unitId: unit('UMUM').id })).visit;
    const { folder } = await ok<{ folder: Folder }>('folders.locate', { code: patient.rmNumber });
    await ok('folders.move', { folderId: folder.id, to: 'unit', unitId: unit('UMUM').id, method: 'scan' });
    const before = sequence('rujukan_internal');

    // A closed or unknown unit refuses the slip and takes no number.
    const bad = await h.call(
      'letters.createInternal',
      { patientId: patient.id, visitId: visit.id, signerId: doctor.id, toUnitId: 9999, request: 'Darah rutin' },
      admin,
    );
    expect(bad.status).toBe(400);
    const same = await h.call(
      'letters.createInternal',
      { patientId: patient.id, visitId: visit.id, signerId: doctor.id, toUnitId: unit('UMUM').id, request: 'x' },
      admin,
    );
    expect(same.body).toMatchObject({ error: { message: 'Pasien sudah di Poli Umum: pilih unit lain.' } });
    expect(sequence('rujukan_internal')).toBe(before);

    const slip = await ok<InternalReferral>('letters.createInternal', {
      patientId: patient.id,
      visitId: visit.id,
      signerId: doctor.id,
      toUnitId: unit('LAB').id,
      request: 'Darah rutin, GDS, kolesterol total',
      note: 'Puasa sejak malam',
    });
    expect(slip).toMatchObject({
      fromUnit: { id: unit('UMUM').id },
      toUnit: { id: unit('LAB').id },
      folderMoved: true,
      folderMessage: null,
      queueMessage: null,
    });
    expect(slip.ticketCode).not.toBeNull();
    expect(sequence('rujukan_internal')).toBe(before + 1);
    const moved = (await ok<{ folder: Folder }>('folders.locate', { code: patient.rmNumber })).folder;
    expect(moved.place).toMatchObject({ kind: 'unit', unitId: unit('LAB').id });
    const { movements } = await ok<{ movements: { kind: string; method: string; reason: string | null }[] }>('folders.history', {
      folderId: folder.id,
    });
    expect(movements[0]).toMatchObject({ kind: 'pindah_unit', method: 'sistem', reason: `Rujukan internal ${slip.number}` });
    const lab = await ok<{ waiting: QueueTicket[] }>('queue.state', { unitId: unit('LAB').id });
    expect(lab.waiting.map((t) => t.code)).toContain(slip.ticketCode);
    const letter = await ok<Letter>('letters.get', { id: slip.letterId });
    expect(letter).toMatchObject({ kind: 'rujukan_internal', data: { toUnit: 'Laboratorium', request: 'Darah rutin, GDS, kolesterol total' } });

    // Without a visit named: today's visit is taken — folder and ticket move on again, from the lab.
    const plain = await ok<InternalReferral>('letters.createInternal', {
      patientId: patient.id,
      signerId: doctor.id,
      toUnitId: unit('GIGI').id,
      fromUnitId: unit('LAB').id,
      request: 'Pemeriksaan gigi',
    });
    expect(plain).toMatchObject({ folderMoved: true, fromUnit: { id: unit('LAB').id }, queueMessage: null });
    expect(plain.ticketCode).not.toBeNull();
  });

  it('a referral made without choosing a visit belongs to the patient’s visit of today (the register counts it there)', async () => {
    const visits = await ok<{ rows: { visitId: number; rmNumber: string; referredOut: boolean }[] }>('register.daily', { date: '2026-11-23' });
    const today = visits.rows.filter((v) => v.rmNumber === patient.rmNumber);
    expect(today.length).toBeGreaterThan(0);
    const r = await ok<Referral>('letters.createReferral', referral({ diagnosisCode: 'A09', specialty: 'Anak' }));
    const letter = await ok<Letter>('letters.get', { id: r.letterId });
    expect(letter.visitId).toBe(Math.max(...today.map((v) => v.visitId)));
    const after = await ok<{ rows: { visitId: number; referredOut: boolean }[] }>('register.daily', { date: '2026-11-23' });
    expect(after.rows.find((v) => v.visitId === letter.visitId)?.referredOut).toBe(true);
  });
});
