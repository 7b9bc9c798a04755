import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecord, Recap, Unit, Visit } from '../../src-main/contract';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/**
 * Referrals out by destination and the hospital's refusal: a refused letter (`ditolak`) is not
 * counted for the hospital that refused; the new letter to another hospital is. One referral is
 * counted once, and the note says how many letters were refused.
 */
describe('reports.recap: referrals refused by the hospital', () => {
  let h: HttpHost;
  let admin: string;

  async function ok<T>(method: string, input: unknown): Promise<T> {
    const r = await h.call<T>(method, input, admin);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }

  beforeAll(async () => {
    // 30 Nov 2026, 09:00 WIB.
    h = await httpHost({ now: () => new Date('2026-11-30T02:00:00Z') });
    admin = await adminToken(h);
  });
  afterAll(async () => h?.cleanup());

  it('counts the new letter, not the refused one, and says how many were refused', async () => {
    const units = new Map((await ok<Unit[]>('units.list', {})).map((u) => [u.code, u]));
    const visitOf = async (name: string, sex: 'L' | 'P', unit: string) => {
      const { patient } = await ok<{ patient: PatientRecord }>('patients.create', {
        ignoreSimilar: true,
        name,
        sex,
        birthDate: '1970-05-05',
        motherName: 'Sumiati',
        addressStreet: 'Jl. Mawar 1',
      });
      return (await ok<{ visit: Visit }>('visits.register', { patientId: patient.id, payer: 'umum', unitId: units.get(unit)!.id })).visit;
    };
    const doctor = await ok<{ id: number }>('practitioners.save', { name: 'dr. Rina', profession: 'dokter', nip: null, sip: null, str: null });
    const facility = async (name: string) =>
      (await ok<{ id: number }>('facilities.save', { name, kind: 'rs', code: null, address: null, phone: null })).id;
    const rsud = await facility('RSUD Margono');
    const bunda = await facility('RS Bunda');
    const refer = (visit: Visit, facilityId: number) =>
      ok<{ letterId: number }>('letters.createReferral', {
        patientId: visit.patient.id,
        visitId: visit.id,
        signerId: doctor.id,
        facilityId,
        specialty: 'Penyakit Dalam',
        emergency: false,
        anamnesis: 'Keluhan menetap.',
        diagnosisText: 'Hipertensi',
        reason: 'Perlu penanganan spesialis.',
      });

    const budi = await visitOf('Budi Santoso', 'L', 'LANSIA');
    const sari = await visitOf('Sari Wulan', 'P', 'KIA');
    // Budi: RSUD refuses (full bed), the new letter goes to RS Bunda.
    const first = await refer(budi, rsud);
    await ok('referrals.advance', { letterId: first.letterId, status: 'dikirim', sisruteNumber: 'SR-3302-2611-0001' });
    await ok('referrals.advance', { letterId: first.letterId, status: 'ditolak', reason: 'Tempat tidur penuh' });
    await refer(budi, bunda);
    // Sari: RSUD accepts.
    const hers = await refer(sari, rsud);
    await ok('referrals.advance', { letterId: hers.letterId, status: 'dikirim', sisruteNumber: 'SR-3302-2611-0002' });
    await ok('referrals.advance', { letterId: hers.letterId, status: 'diterima' });

    const r = await ok<Recap>('reports.recap', { year: 2026, month: 11 });
    expect(r.referrals.byDestination.rows.map((x) => [x.label, x.l, x.p, x.total])).toEqual([
      ['RS Bunda', 1, 0, 1],
      ['RSUD Margono', 0, 1, 1],
    ]);
    expect(r.referrals.byDestination.total.total).toBe(2);
    expect(r.referrals.note).toBe(
      'Surat rujukan yang terbit pada periode ini (yang dibatalkan tidak dihitung); 1 surat yang ditolak RS tidak dihitung untuk tujuannya (pasien dirujuk ulang dengan surat baru).',
    );
    const lansia = await ok<Recap>('reports.recap', { year: 2026, month: 11, unitId: units.get('LANSIA')!.id });
    expect(lansia.referrals.byDestination.rows.map((x) => [x.label, x.total])).toEqual([['RS Bunda', 1]]);
    expect(lansia.referrals.note).toMatch(/^Surat rujukan dari kunjungan ke unit ini; 1 surat yang ditolak RS/);
    const kia = await ok<Recap>('reports.recap', { year: 2026, month: 11, unitId: units.get('KIA')!.id });
    expect(kia.referrals.note).toBe('Surat rujukan dari kunjungan ke unit ini.');
  });
});
