import { describe, expect, it } from 'vitest';
import {
  ageText,
  defaultLifeStagePolicy,
  defaultUnit,
  lifeStage,
  proposeCluster,
  routedCluster,
  type LifeStagePolicy,
  type RoutableUnit,
} from '../../src-main/domain/klaster';

const ON = '2026-11-22';

describe('lifeStage', () => {
  it('defaults to ILP: under 18 in klaster 2, lansia from 60', () => {
    expect(defaultLifeStagePolicy).toEqual({ childMaxAgeYears: 18, elderlyMinAgeYears: 60 });
  });

  it('changes stage on the birthday itself, not the day before', () => {
    const cases: [string, string][] = [
      ['2026-11-22', 'bayi'], // born today
      ['2025-11-23', 'bayi'], // 11 months, the day before the first birthday
      ['2025-11-22', 'balita'],
      ['2021-11-23', 'balita'], // 4 years
      ['2021-11-22', 'anak'],
      ['2016-11-23', 'anak'], // 9 years
      ['2016-11-22', 'remaja'],
      ['2008-11-23', 'remaja'], // the day before the 18th birthday
      ['2008-11-22', 'dewasa'],
      ['1966-11-23', 'dewasa'], // 59 years
      ['1966-11-22', 'lansia'],
      ['1920-01-01', 'lansia'],
    ];
    for (const [birth, stage] of cases) expect(lifeStage(birth, ON), birth).toBe(stage);
  });

  it('counts a 29 February birthday as passed on 1 March in a common year', () => {
    expect(lifeStage('2008-02-29', '2026-02-28')).toBe('remaja');
    expect(lifeStage('2008-02-29', '2026-03-01')).toBe('dewasa');
  });

  it('follows the puskesmas’s own limits', () => {
    const policy: LifeStagePolicy = { childMaxAgeYears: 21, elderlyMinAgeYears: 65 };
    expect(lifeStage('2005-11-23', ON, policy)).toBe('remaja'); // 20
    expect(lifeStage('2005-11-22', ON, policy)).toBe('dewasa'); // 21
    expect(lifeStage('1961-11-23', ON, policy)).toBe('dewasa'); // 64
    expect(lifeStage('1961-11-22', ON, policy)).toBe('lansia'); // 65
    const young: LifeStagePolicy = { childMaxAgeYears: 12, elderlyMinAgeYears: 60 };
    expect(lifeStage('2015-11-23', ON, young)).toBe('remaja'); // 10
    expect(lifeStage('2014-11-22', ON, young)).toBe('dewasa'); // 12
    // A child limit of 10: no remaja at all.
    expect(lifeStage('2016-11-22', ON, { childMaxAgeYears: 10, elderlyMinAgeYears: 60 })).toBe('dewasa');
  });

  it('refuses limits that make no sense, and dates that are not dates or lie after the day', () => {
    expect(() => lifeStage('1990-01-01', ON, { childMaxAgeYears: 60, elderlyMinAgeYears: 60 })).toThrow(/Batas usia/);
    expect(() => lifeStage('1990-01-01', ON, { childMaxAgeYears: 0, elderlyMinAgeYears: 60 })).toThrow(RangeError);
    expect(() => lifeStage('1990-01-01', ON, { childMaxAgeYears: 17.5, elderlyMinAgeYears: 60 })).toThrow(RangeError);
    expect(() => lifeStage('2026-11-23', ON)).toThrow(/sesudah tanggal/);
    expect(() => lifeStage('1990-02-30', ON)).toThrow(RangeError);
    expect(() => lifeStage('1990-01-01', '22-11-2026')).toThrow(RangeError);
  });
});

describe('proposeCluster', () => {
  it('routes children and adolescents to klaster 2, adults and the elderly to klaster 3, with the reason', () => {
    expect(proposeCluster({ birthDate: '2019-05-01', sex: 'L' }, ON)).toEqual({
      cluster: 'klaster2',
      lifeStage: 'anak',
      reason: 'Usia 7 tahun: anak — klaster 2 (ibu, anak dan remaja)',
    });
    expect(proposeCluster({ birthDate: '2026-04-10', sex: 'P' }, ON)).toEqual({
      cluster: 'klaster2',
      lifeStage: 'bayi',
      reason: 'Usia 7 bulan: bayi — klaster 2 (ibu, anak dan remaja)',
    });
    expect(proposeCluster({ birthDate: '2026-11-10', sex: 'L' }, ON).reason).toBe('Usia 12 hari: bayi — klaster 2 (ibu, anak dan remaja)');
    expect(proposeCluster({ birthDate: '2008-11-23', sex: 'L' }, ON).reason).toBe('Usia 17 tahun: remaja — klaster 2 (ibu, anak dan remaja)');
    expect(proposeCluster({ birthDate: '2008-11-22', sex: 'L' }, ON)).toEqual({
      cluster: 'klaster3',
      lifeStage: 'dewasa',
      reason: 'Usia 18 tahun: dewasa — klaster 3 (dewasa dan lansia)',
    });
    expect(proposeCluster({ birthDate: '1956-01-01', sex: 'P' }, ON)).toEqual({
      cluster: 'klaster3',
      lifeStage: 'lansia',
      reason: 'Usia 70 tahun: lansia — klaster 3 (dewasa dan lansia)',
    });
  });

  it('sends pregnant and postpartum women to klaster 2 at any age', () => {
    expect(proposeCluster({ birthDate: '1991-03-12', sex: 'P', pregnantOrPostpartum: true }, ON)).toEqual({
      cluster: 'klaster2',
      lifeStage: 'dewasa',
      reason: 'Ibu hamil atau nifas (usia 35 tahun) — klaster 2 (ibu, anak dan remaja)',
    });
    expect(proposeCluster({ birthDate: '1980-01-01', sex: 'P', pregnantOrPostpartum: true }, ON).cluster).toBe('klaster2');
    expect(proposeCluster({ birthDate: '2010-01-01', sex: 'P', pregnantOrPostpartum: true }, ON)).toMatchObject({
      cluster: 'klaster2',
      lifeStage: 'remaja',
    });
    expect(proposeCluster({ birthDate: '1991-03-12', sex: 'P', pregnantOrPostpartum: false }, ON).cluster).toBe('klaster3');
  });

  it('ignores the pregnancy flag for a man: the life stage decides', () => {
    expect(proposeCluster({ birthDate: '1991-03-12', sex: 'L', pregnantOrPostpartum: true }, ON)).toMatchObject({
      cluster: 'klaster3',
      lifeStage: 'dewasa',
    });
  });

  it('uses the puskesmas’s limits', () => {
    const policy: LifeStagePolicy = { childMaxAgeYears: 21, elderlyMinAgeYears: 65 };
    expect(proposeCluster({ birthDate: '2006-01-01', sex: 'L' }, ON, policy)).toMatchObject({ cluster: 'klaster2', lifeStage: 'remaja' });
  });
});

describe('ageText', () => {
  it('writes years, months under a year and days under a month', () => {
    expect(ageText('1991-03-12', ON)).toBe('35 th');
    expect(ageText('2025-11-22', ON)).toBe('1 th');
    expect(ageText('2025-11-23', ON)).toBe('11 bln');
    expect(ageText('2026-04-22', ON)).toBe('7 bln');
    expect(ageText('2026-10-22', ON)).toBe('1 bln');
    expect(ageText('2026-10-23', ON)).toBe('30 hr');
    expect(ageText('2026-11-10', ON)).toBe('12 hr');
    expect(ageText('2026-11-21', ON)).toBe('1 hr');
    expect(ageText('2026-11-22', ON)).toBe('0 hr');
  });

  it('counts months from the same day of the month, across the end of a month and of a year', () => {
    expect(ageText('2026-01-31', '2026-02-28')).toBe('28 hr');
    expect(ageText('2026-01-31', '2026-03-01')).toBe('1 bln');
    expect(ageText('2025-12-15', '2026-01-14')).toBe('30 hr');
    expect(ageText('2025-12-15', '2026-01-15')).toBe('1 bln');
    expect(ageText('2024-02-29', '2025-02-28')).toBe('11 bln');
    expect(ageText('2024-02-29', '2025-03-01')).toBe('1 th');
  });

  it('refuses a birth after the day and dates that are not dates', () => {
    expect(() => ageText('2026-11-23', ON)).toThrow(RangeError);
    expect(() => ageText('kemarin', ON)).toThrow(RangeError);
  });
});

describe('routing a visit to a unit and a cluster', () => {
  const unit = (id: number, code: string, name: string, cluster: RoutableUnit['cluster'], active = true): RoutableUnit => ({
    id,
    code,
    name,
    cluster,
    active,
  });
  const units = [
    unit(1, 'UMUM', 'Poli Umum', 'klaster3'),
    unit(2, 'LANSIA', 'Poli Lansia', 'klaster3'),
    unit(3, 'KIA', 'Poli KIA / KB', 'klaster2'),
    unit(4, 'MTBS', 'MTBS', 'klaster2'),
    unit(5, 'TB', 'Poli TB / P2M', 'klaster4'),
    unit(6, 'GIGI', 'Poli Gigi', 'lintas'),
  ];

  it('routes by the person, except emergencies and the rooms of klaster 1 and 4', () => {
    expect(routedCluster({ emergency: true, unitCluster: 'klaster4', proposed: 'klaster3' })).toBe('lintas');
    expect(routedCluster({ emergency: false, unitCluster: 'klaster4', proposed: 'klaster2' })).toBe('klaster4');
    expect(routedCluster({ emergency: false, unitCluster: 'klaster1', proposed: 'klaster2' })).toBe('klaster1');
    expect(routedCluster({ emergency: false, unitCluster: 'lintas', proposed: 'klaster2' })).toBe('klaster2');
    expect(routedCluster({ emergency: false, unitCluster: 'klaster3', proposed: 'klaster2' })).toBe('klaster2');
    expect(routedCluster({ emergency: false, unitCluster: undefined, proposed: 'klaster3' })).toBe('klaster3');
  });

  it('offers the appointment unit, KIA, MTBS, Poli Lansia, then Poli Umum', () => {
    const base = { pregnant: false, cluster: 'klaster3' as const };
    expect(defaultUnit(units, { ...base, lifeStage: 'dewasa', appointmentUnitId: 6 })).toBe(6);
    expect(defaultUnit(units, { ...base, lifeStage: 'dewasa', pregnant: true, cluster: 'klaster2' })).toBe(3);
    expect(defaultUnit(units, { ...base, lifeStage: 'balita', cluster: 'klaster2' })).toBe(4);
    expect(defaultUnit(units, { ...base, lifeStage: 'lansia' })).toBe(2);
    expect(defaultUnit(units, { ...base, lifeStage: 'remaja', cluster: 'klaster2' })).toBe(1);
    expect(defaultUnit(units, { ...base, lifeStage: 'dewasa' })).toBe(1);
  });

  it('falls back on names, inactive units and empty lists', () => {
    const renamed = [unit(7, 'P-UMUM', 'Pemeriksaan Umum', 'klaster3'), unit(8, 'X', 'Ruang Lansia Sehat', 'klaster3')];
    expect(defaultUnit(renamed, { lifeStage: 'lansia', pregnant: false, cluster: 'klaster3' })).toBe(8);
    expect(defaultUnit(renamed, { lifeStage: 'dewasa', pregnant: false, cluster: 'klaster3' })).toBe(7);
    // An inactive appointment unit or Poli Lansia is not offered.
    const closed = [unit(1, 'UMUM', 'Poli Umum', 'klaster3'), unit(2, 'LANSIA', 'Poli Lansia', 'klaster3', false)];
    expect(defaultUnit(closed, { lifeStage: 'lansia', pregnant: false, cluster: 'klaster3', appointmentUnitId: 2 })).toBe(1);
    expect(defaultUnit([unit(9, 'GIZI', 'Gizi', 'klaster2')], { lifeStage: 'dewasa', pregnant: false, cluster: 'klaster3' })).toBe(9);
    expect(defaultUnit([], { lifeStage: 'dewasa', pregnant: false, cluster: 'klaster3' })).toBeNull();
  });
});
