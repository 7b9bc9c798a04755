import { describe, expect, it } from 'vitest';
import { referralStatuses, type ReferralStatus } from '../../src-main/contract';
import {
  checkAdvance,
  diagnosisCodeRefusal,
  isClosedStatus,
  looksLikeCode,
  nextStatuses,
  normalizeDiagnosisCode,
  stepFields,
  type TrailFacts,
} from '../../src-main/domain/rujukan';

const now = new Date('2026-11-23T03:00:00.000Z');
const facts = (status: ReferralStatus, emergency = false, more: Partial<TrailFacts> = {}): TrailFacts => ({
  status,
  emergency,
  sisruteNumber: null,
  familyInformedAt: null,
  ...more,
});

describe('referral status machine', () => {
  it('follows seed 002: dibuat → dikirim → diterima/ditolak → berangkat → serah terima', () => {
    expect(nextStatuses('dibuat', false)).toEqual(['dikirim']);
    expect(nextStatuses('dikirim', false)).toEqual(['diterima', 'ditolak']);
    expect(nextStatuses('diterima', false)).toEqual(['berangkat']);
    expect(nextStatuses('berangkat', false)).toEqual(['serah_terima']);
    expect(nextStatuses('ditolak', false)).toEqual([]);
    expect(nextStatuses('serah_terima', false)).toEqual([]);
    expect(referralStatuses.filter(isClosedStatus)).toEqual(['ditolak', 'serah_terima']);
  });

  it('lets an emergency leave before the hospital answers (seed 000 step 8)', () => {
    expect(nextStatuses('dibuat', true)).toEqual(['dikirim', 'berangkat']);
    expect(nextStatuses('dikirim', true)).toEqual(['diterima', 'ditolak', 'berangkat']);
    expect(checkAdvance(facts('dibuat', true), { status: 'berangkat', transport: 'ambulans', escortName: 'Ns. Rina' }, now)).toEqual({ ok: true });
    const regular = checkAdvance(facts('dibuat'), { status: 'berangkat', transport: 'ambulans' }, now);
    expect(regular).toMatchObject({ ok: false, field: 'status' });
    expect(regular.ok || regular.message).toMatch(/hanya dapat menjadi dikirim.*menunggu persetujuan RS/);
  });

  it('refuses skipped, repeated and closed steps with a sentence naming the allowed ones', () => {
    const skip = checkAdvance(facts('dibuat'), { status: 'diterima' }, now);
    expect(skip).toEqual({ ok: false, field: 'status', message: 'Dari status dibuat rujukan hanya dapat menjadi dikirim.' });
    const again = checkAdvance(facts('dikirim'), { status: 'dikirim', sisruteNumber: 'X' }, now);
    expect(again).toMatchObject({ ok: false, message: 'Rujukan sudah berstatus dikirim.' });
    const closed = checkAdvance(facts('serah_terima'), { status: 'berangkat', transport: 'ambulans' }, now);
    expect(closed).toMatchObject({ ok: false, message: expect.stringMatching(/sudah selesai \(serah terima\)/) as string });
    const back = checkAdvance(facts('diterima'), { status: 'dikirim', sisruteNumber: 'X' }, now);
    expect(back).toMatchObject({ ok: false, field: 'status' });
  });

  it('asks for each step’s own fields', () => {
    expect(checkAdvance(facts('dibuat'), { status: 'dikirim' }, now)).toMatchObject({ ok: false, field: 'sisruteNumber' });
    expect(checkAdvance(facts('dibuat'), { status: 'dikirim', sisruteNumber: 'SR-2026-0001' }, now)).toEqual({ ok: true });
    expect(checkAdvance(facts('dikirim'), { status: 'ditolak' }, now)).toMatchObject({ ok: false, field: 'reason' });
    expect(checkAdvance(facts('dikirim'), { status: 'ditolak', reason: 'Ruang ICU penuh' }, now)).toEqual({ ok: true });
    expect(checkAdvance(facts('diterima'), { status: 'berangkat' }, now)).toMatchObject({ ok: false, field: 'transport' });
    // A regular referral may travel without an escort (the family takes the patient).
    expect(checkAdvance(facts('diterima'), { status: 'berangkat', transport: 'pribadi' }, now)).toEqual({ ok: true });
    expect(checkAdvance(facts('berangkat'), { status: 'serah_terima' }, now)).toMatchObject({ ok: false, field: 'admitted' });
    expect(checkAdvance(facts('berangkat'), { status: 'serah_terima', admitted: false }, now)).toEqual({ ok: true });
  });

  it('emergency: escort at departure, the family told at the latest at hand-over (seed 000 steps 8–9)', () => {
    const noEscort = checkAdvance(facts('diterima', true), { status: 'berangkat', transport: 'ambulans' }, now);
    expect(noEscort).toEqual({ ok: false, field: 'escortName', message: 'Rujukan gawat darurat: isi nama petugas pendamping.' });
    const noFamily = checkAdvance(facts('berangkat', true), { status: 'serah_terima', admitted: true }, now);
    expect(noFamily).toMatchObject({ ok: false, field: 'familyInformedAt' });
    const toldAtHandOver = checkAdvance(
      facts('berangkat', true),
      { status: 'serah_terima', admitted: true, familyInformedAt: '2026-11-23T09:40:00+07:00' },
      now,
    );
    expect(toldAtHandOver).toEqual({ ok: true });
    const toldEarlier = checkAdvance(
      facts('berangkat', true, { familyInformedAt: '2026-11-23T02:10:00.000Z' }),
      { status: 'serah_terima', admitted: true },
      now,
    );
    expect(toldEarlier).toEqual({ ok: true });
    const future = checkAdvance(
      facts('diterima', true),
      { status: 'berangkat', transport: 'ambulans', escortName: 'Ns. Rina', familyInformedAt: '2026-11-23T12:00:00+07:00' },
      now,
    );
    expect(future).toMatchObject({ ok: false, field: 'familyInformedAt', message: expect.stringMatching(/masa depan/) as string });
  });

  it('keeps only the fields that belong to the step', () => {
    const kept = stepFields({ status: 'dikirim', sisruteNumber: 'SR-1', transport: 'ambulans', escortName: 'X', note: '' });
    expect(kept).toEqual({
      sisruteNumber: 'SR-1',
      reason: null,
      transport: null,
      escortName: null,
      familyInformedAt: null,
      receivedBy: null,
      admitted: null,
      note: null,
    });
    expect(stepFields({ status: 'serah_terima', admitted: true, receivedBy: 'dr. Yudi (IGD)', note: 'stabil' })).toMatchObject({
      admitted: true,
      receivedBy: 'dr. Yudi (IGD)',
      note: 'stabil',
    });
  });
});

describe('diagnosis codes', () => {
  it('are stored upper case without spaces and refused when malformed', () => {
    expect(normalizeDiagnosisCode(' j06. 9 ')).toBe('J06.9');
    expect(diagnosisCodeRefusal('J06.9')).toBeNull();
    expect(diagnosisCodeRefusal('A15.0+')).toBeNull();
    expect(diagnosisCodeRefusal('')).toBe('Kode kosong');
    expect(diagnosisCodeRefusal('J06;9')).toMatch(/huruf, angka/);
    expect(diagnosisCodeRefusal('X'.repeat(21))).toMatch(/20 karakter/);
  });

  it('tells a code being typed from words', () => {
    expect(looksLikeCode('J06')).toBe(true);
    expect(looksLikeCode('a09.')).toBe(true);
    expect(looksLikeCode('J')).toBe(false);
    expect(looksLikeCode('ispa')).toBe(false);
    expect(looksLikeCode('diare akut')).toBe(false);
  });
});
