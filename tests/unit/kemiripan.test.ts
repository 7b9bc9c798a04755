import { describe, expect, it } from 'vitest';
import { nameSimilarity, shiftDate, SIMILAR_NAME_THRESHOLD } from '../../src-main/domain/kemiripan';
import { nameKey } from '../../src-main/domain/nama';

const alike = (a: string, b: string) => nameSimilarity(nameKey(a), nameKey(b));

describe('name similarity for duplicate warnings', () => {
  it('is 1 for the same name and symmetric', () => {
    expect(alike('Siti Aminah', 'siti aminah')).toBe(1);
    expect(alike('Siti Aminah', 'Siti Aminah Lubis')).toBeCloseTo(alike('Siti Aminah Lubis', 'Siti Aminah'));
  });

  it('flags typos and added family names, not different people', () => {
    expect(alike('Siti Aminah', 'Siti Aminh')).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(alike('Budi Santoso', 'Budi Santosa')).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(alike('Siti Aminah', 'Siti Aminah Lubis')).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(alike('Siti Aminah', 'Budi Santoso')).toBeLessThan(0.2);
    expect(alike('Siti Aminah', 'Siti Rahayu')).toBeLessThan(SIMILAR_NAME_THRESHOLD);
    expect(nameSimilarity('', 'siti')).toBe(0);
  });

  it('shifts dates across months and leap days', () => {
    expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
    expect(shiftDate('2026-12-30', 3)).toBe('2027-01-02');
  });
});
