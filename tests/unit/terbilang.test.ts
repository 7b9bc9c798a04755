import { describe, expect, it } from 'vitest';
import { numberWords } from '../../src-main/domain/pengumuman';
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

  it('reads every number from 0 to 9,999 back to itself, with only the words the voice has clips for', () => {
    // An independent reading of the words (the way a listener adds them up), not a second copy of terbilang.
    const unit: Record<string, number> = { nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };
    const fixed: Record<string, number> = { sepuluh: 10, sebelas: 11, seratus: 100, seribu: 1000 };
    const scale: Record<string, number> = { belas: 10, puluh: 10, ratus: 100, ribu: 1000 };
    const read = (words: string[]): number => {
      let total = 0;
      let group = 0;
      for (const w of words) {
        if (w in unit) group += unit[w]!;
        else if (w in fixed) group += fixed[w]!;
        else if (w === 'belas')
          group += 10; // "dua belas" = 2 + 10
        else if (w === 'ribu') {
          total += group * 1000;
          group = 0;
        } else if (w in scale) {
          // "dua ratus" / "tiga puluh": the digit just read is multiplied
          const digit = group % 10;
          group = group - digit + digit * scale[w]!;
        } else throw new Error(`kata tak dikenal: ${w}`);
      }
      return total + group;
    };
    const vocabulary = new Set<string>(numberWords);
    const seen = new Set<string>();
    for (let n = 0; n <= 9999; n++) {
      const text = terbilang(n);
      const words = text.split(' ');
      for (const w of words) expect(vocabulary.has(w), `${n}: ${w}`).toBe(true);
      expect(read(words), `${n}: ${text}`).toBe(n);
      expect(text, String(n)).not.toMatch(/\bsatu (belas|puluh|ratus|ribu)\b/);
      expect(seen.has(text), text).toBe(false);
      seen.add(text);
    }
  });

  it('refuses fractions', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });

  it('formats rupiah for receipts', () => {
    expect(rupiah(10000)).toBe('Rp 10.000');
    expect(rupiahWords(15000)).toBe('Lima belas ribu rupiah');
  });
});
