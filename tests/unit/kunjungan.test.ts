import { describe, expect, it } from 'vitest';
import { isKunjunganBaru } from '../../src-main/domain/kunjungan';

describe('isKunjunganBaru', () => {
  it('is baru for the first visit ever', () => {
    expect(isKunjunganBaru([], '2026-05-04')).toBe(true);
  });

  it('starts again at the turn of the year', () => {
    expect(isKunjunganBaru(['2025-12-31'], '2026-01-01')).toBe(true);
    expect(isKunjunganBaru(['2025-01-02', '2025-06-30', '2025-12-31'], '2026-01-02')).toBe(true);
    expect(isKunjunganBaru(['2026-01-01'], '2026-01-02')).toBe(false);
    expect(isKunjunganBaru(['2026-01-01'], '2026-12-31')).toBe(false);
  });

  it('is lama after an earlier visit in the same year', () => {
    expect(isKunjunganBaru(['2025-06-01', '2026-03-10'], '2026-11-22')).toBe(false);
    expect(isKunjunganBaru(['2026-11-21'], '2026-11-22')).toBe(false);
  });

  it('counts only earlier dates: every visit on the first day is baru, later visits do not matter', () => {
    expect(isKunjunganBaru(['2026-01-05'], '2026-01-05')).toBe(true);
    expect(isKunjunganBaru(['2026-01-05', '2026-01-05'], '2026-01-05')).toBe(true);
    expect(isKunjunganBaru(['2026-03-01', '2026-07-01'], '2026-02-01')).toBe(true);
    expect(isKunjunganBaru(['2027-01-01'], '2026-12-31')).toBe(true);
  });

  it('refuses dates that are not YYYY-MM-DD on the calendar', () => {
    expect(() => isKunjunganBaru([], '2026-02-30')).toThrow(RangeError);
    expect(() => isKunjunganBaru(['2026-01-05T08:00:00Z'], '2026-02-01')).toThrow(/sebelumnya/);
  });
});
