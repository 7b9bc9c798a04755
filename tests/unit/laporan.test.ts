import { describe, expect, it } from 'vitest';
import { ageGroupsProblem, ageGroupsSchema, reportSettingsPatchSchema, type AgeGroup } from '../../src-main/contract';
import { defaultSharedSettings } from '../../src-main/domain/defaults';
import { ageInYears } from '../../src-main/domain/waktu';
import { ageGroupIndex, ageIn, daysInMonth, periodBuckets, periodOf } from '../../src-main/domain/laporan';

const lb1 = defaultSharedSettings.reports.ageGroups;
const groupAt = (birth: string, visit: string) => lb1[ageGroupIndex(lb1, birth, visit)]!.label;

describe('LB1 age groups: the age at the visit date, at every boundary', () => {
  it('the default groups are the LB1 ones and valid', () => {
    expect(lb1.map((g) => g.label)).toEqual([
      '0–7 hari',
      '8–28 hari',
      '1–11 bulan',
      '1–4 tahun',
      '5–9 tahun',
      '10–14 tahun',
      '15–19 tahun',
      '20–44 tahun',
      '45–54 tahun',
      '55–59 tahun',
      '60–69 tahun',
      '70+ tahun',
    ]);
    expect(ageGroupsProblem(lb1)).toBeNull();
  });

  it('neonates by days: 0 and 7 days → 0–7, 8 and 28 days → 8–28, 29 days → 1–11 bulan', () => {
    expect(groupAt('2026-11-30', '2026-11-30')).toBe('0–7 hari'); // born today
    expect(groupAt('2026-11-23', '2026-11-30')).toBe('0–7 hari'); // 7 days (the brief's example)
    expect(groupAt('2026-11-22', '2026-11-30')).toBe('8–28 hari'); // 8 days
    expect(groupAt('2026-11-02', '2026-11-30')).toBe('8–28 hari'); // 28 days
    expect(groupAt('2026-11-01', '2026-11-30')).toBe('1–11 bulan'); // 29 days: 0 whole months, past the neonatal period
    // Across a month end and February.
    expect(groupAt('2026-12-28', '2027-01-04')).toBe('0–7 hari'); // 7 days over the new year
    expect(groupAt('2027-02-01', '2027-03-01')).toBe('8–28 hari'); // 28 days in February
    expect(groupAt('2027-01-31', '2027-03-01')).toBe('1–11 bulan'); // 29 days
  });

  it('infants by months: 11 months and 30 days → 1–11 bulan, the first birthday → 1–4 tahun', () => {
    expect(groupAt('2025-11-30', '2026-11-29')).toBe('1–11 bulan');
    expect(groupAt('2025-11-30', '2026-11-30')).toBe('1–4 tahun');
    expect(groupAt('2024-02-29', '2025-02-28')).toBe('1–11 bulan'); // leap-day baby, not yet one
    expect(groupAt('2024-02-29', '2025-03-01')).toBe('1–4 tahun');
  });

  it('years: the day before each birthday stays in the lower group, the birthday moves up', () => {
    const bounds: [number, string, string][] = [
      [5, '1–4 tahun', '5–9 tahun'],
      [10, '5–9 tahun', '10–14 tahun'],
      [15, '10–14 tahun', '15–19 tahun'],
      [20, '15–19 tahun', '20–44 tahun'],
      [45, '20–44 tahun', '45–54 tahun'],
      [55, '45–54 tahun', '55–59 tahun'],
      [60, '55–59 tahun', '60–69 tahun'],
      [70, '60–69 tahun', '70+ tahun'],
    ];
    for (const [age, below, at] of bounds) {
      const birth = `${2026 - age}-11-30`;
      expect(groupAt(birth, '2026-11-29'), `${age} − 1 day`).toBe(below);
      expect(groupAt(birth, '2026-11-30'), `${age}`).toBe(at);
    }
    expect(groupAt('1901-01-01', '2026-11-30')).toBe('70+ tahun');
  });

  it('a birth date after the visit (bad data) counts as a newborn', () => {
    expect(groupAt('2026-12-01', '2026-11-30')).toBe('0–7 hari');
  });

  it('completed years agree with ageInYears (the register’s age) for every birthday of four years against a leap-year span', () => {
    for (let b = Date.UTC(2019, 0, 1); b < Date.UTC(2023, 0, 1); b += 86_400_000 * 3) {
      const birth = new Date(b).toISOString().slice(0, 10);
      for (const on of ['2024-02-28', '2024-02-29', '2024-03-01', '2025-02-28', '2026-11-30', '2026-12-31'])
        expect(ageIn('tahun', birth, on), `${birth} → ${on}`).toBe(Math.max(0, ageInYears(birth, on)));
    }
  });

  it('counts completed days, months and years', () => {
    expect(ageIn('hari', '2026-01-31', '2026-03-01')).toBe(29);
    expect(ageIn('bulan', '2026-01-31', '2026-02-28')).toBe(0);
    expect(ageIn('bulan', '2026-01-31', '2026-03-31')).toBe(2);
    expect(ageIn('bulan', '2025-12-15', '2026-01-15')).toBe(1);
    expect(ageIn('tahun', '2000-11-30', '2026-11-29')).toBe(25);
  });
});

describe('age group settings: contiguous and non-overlapping', () => {
  const g = (label: string, from: number, to: number | null, unit: AgeGroup['unit']): AgeGroup => ({ label, from, to, unit });
  const message = (groups: AgeGroup[]) => {
    const r = ageGroupsSchema.safeParse(groups);
    return r.success ? null : r.error.issues[0]!.message;
  };

  it('accepts the LB1 groups and a simple yearly split', () => {
    expect(message(lb1)).toBeNull();
    expect(message([g('Anak', 0, 17, 'tahun'), g('Dewasa', 18, 59, 'tahun'), g('Lansia', 60, null, 'tahun')])).toBeNull();
    expect(message([g('Bayi', 0, 11, 'bulan'), g('Lainnya', 1, null, 'tahun')])).toBeNull();
  });

  it('refuses a gap, an overlap, a wrong start, an open group before the end and a closed last group', () => {
    expect(message([g('A', 0, 4, 'tahun'), g('B', 6, null, 'tahun')])).toMatch(/celah antara "A" dan "B".*mulai dari 5/);
    expect(message([g('A', 0, 4, 'tahun'), g('B', 4, null, 'tahun')])).toMatch(/"B" tumpang tindih dengan "A"/);
    expect(message([g('A', 1, 4, 'tahun'), g('B', 5, null, 'tahun')])).toMatch(/mulai dari umur 0/);
    expect(message([g('A', 0, null, 'tahun'), g('B', 5, null, 'tahun')])).toMatch(/hanya kelompok terakhir/);
    expect(message([g('A', 0, 4, 'tahun'), g('B', 5, 90, 'tahun')])).toMatch(/terakhir harus tanpa batas atas/);
    expect(message([g('A', 0, 9, 'tahun'), g('B', 5, 1, 'tahun')])).toMatch(/tumpang tindih|lebih kecil/);
    expect(message([g('A', 0, 4, 'tahun'), g('a', 5, null, 'tahun')])).toMatch(/dua kali/);
    expect(message([])).toMatch(/Minimal satu/);
  });

  it('where the unit changes: days end at a whole month, months at 11, the next starts at 1; units never shrink', () => {
    expect(message([g('A', 0, 20, 'hari'), g('B', 1, 11, 'bulan'), g('C', 1, null, 'tahun')])).toMatch(/genap satu bulan/);
    expect(message([g('A', 0, 28, 'hari'), g('B', 2, 11, 'bulan'), g('C', 1, null, 'tahun')])).toMatch(/mulai dari 1 bulan/);
    expect(message([g('A', 0, 28, 'hari'), g('B', 1, 10, 'bulan'), g('C', 1, null, 'tahun')])).toMatch(/celah atau tumpang tindih/);
    expect(message([g('A', 0, 365, 'hari'), g('B', 1, null, 'tahun')])).toBeNull();
    expect(message([g('A', 0, 4, 'tahun'), g('B', 60, null, 'bulan')])).toMatch(/tidak boleh mengecil/);
  });

  it('the settings patch validates age groups and pustu (a village belongs to one pustu)', () => {
    expect(reportSettingsPatchSchema.safeParse({ ageGroups: lb1 }).success).toBe(true);
    const bad = reportSettingsPatchSchema.safeParse({
      pustu: [
        { name: 'Karangrau', villages: ['33.02.12.2002'] },
        { name: 'Sokaraja', villages: ['33.02.12.2001', '33.02.12.2002'] },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('Kelurahan/desa 33.02.12.2002 sudah masuk wilayah pustu "Karangrau".');
    expect(reportSettingsPatchSchema.safeParse({ pustu: [{ name: 'X', villages: ['3302122001'] }] }).error!.issues[0]!.message).toMatch(/berformat/);
  });
});

describe('periods', () => {
  it('months and years with their first and last day and the label', () => {
    expect(periodOf(2026, 11)).toEqual({ year: 2026, month: 11, from: '2026-11-01', to: '2026-11-30', label: 'November 2026' });
    expect(periodOf(2028, 2)).toMatchObject({ from: '2028-02-01', to: '2028-02-29', label: 'Februari 2028' });
    expect(periodOf(2026)).toEqual({ year: 2026, month: null, from: '2026-01-01', to: '2026-12-31', label: 'Tahun 2026' });
    expect(daysInMonth(2027, 2)).toBe(28);
  });

  it('buckets: twelve months of a year, every day of a month', () => {
    expect(periodBuckets(periodOf(2026)).map((b) => b.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const days = periodBuckets(periodOf(2026, 2));
    expect(days).toHaveLength(28);
    expect(days[0]).toEqual({ key: '2026-02-01', label: '1 Februari 2026' });
  });
});
