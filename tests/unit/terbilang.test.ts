import { describe, expect, it } from 'vitest';
import { rupiah, rupiahWords, terbilang } from '../../src-main/domain/terbilang';

describe('terbilang', () => {
  it('writes the edge cases the way Indonesians say them', () => {
    const cases: [number, string][] = [
      [0, 'nol'],
      [1, 'satu'],
      [10, 'sepuluh'],
      [11, 'sebelas'],
      [12, 'dua belas'],
      [19, 'sembilan belas'],
      [20, 'dua puluh'],
      [21, 'dua puluh satu'],
      [100, 'seratus'],
      [101, 'seratus satu'],
      [111, 'seratus sebelas'],
      [200, 'dua ratus'],
      [999, 'sembilan ratus sembilan puluh sembilan'],
      [1000, 'seribu'],
      [1001, 'seribu satu'],
      [1111, 'seribu seratus sebelas'],
      [2000, 'dua ribu'],
      [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
      [10_000, 'sepuluh ribu'],
      [11_000, 'sebelas ribu'],
      [100_000, 'seratus ribu'],
      [101_000, 'seratus satu ribu'],
      [1_000_000, 'satu juta'],
      [1_001_000, 'satu juta seribu'],
      [2_500_000_000, 'dua miliar lima ratus juta'],
      [1_000_000_000_000, 'satu triliun'],
      [-5, 'minus lima'],
    ];
    for (const [n, words] of cases) expect(terbilang(n), String(n)).toBe(words);
  });

  it('refuses fractions', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });

  it('formats rupiah for receipts', () => {
    expect(rupiah(10000)).toBe('Rp 10.000');
    expect(rupiahWords(15000)).toBe('Lima belas ribu rupiah');
  });
});
