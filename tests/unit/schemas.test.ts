import { describe, expect, it } from 'vitest';
import { clockTimeSchema, isRealIsoDate, text } from '../../src-main/contract';
import { ageInYears, localDate, tanggalPanjang } from '../../src-main/domain/waktu';
import { nameKey } from '../../src-main/domain/nama';

describe('shared schemas', () => {
  it('accepts only real calendar dates', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2023-02-29')).toBe(false);
    expect(isRealIsoDate('2026-02-31')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
    expect(isRealIsoDate('23-11-2026')).toBe(false);
  });

  it('bounds and cleans free text, with messages in Bahasa Indonesia', () => {
    const name = text(100);
    expect(name.parse('  Siti Aminah  ')).toBe('Siti Aminah');
    expect(name.safeParse('').error?.issues[0]?.message).toBe('Wajib diisi');
    expect(name.safeParse('x'.repeat(101)).error?.issues[0]?.message).toBe('Maksimal 100 karakter');
    expect(name.safeParse('a\u0000b').success).toBe(false);
    expect(name.parse("Robert'); DROP TABLE patient;--")).toBe("Robert'); DROP TABLE patient;--");
    expect(clockTimeSchema.safeParse('24:00').success).toBe(false);
    expect(clockTimeSchema.safeParse('07:30').success).toBe(true);
  });

  it('speaks Bahasa Indonesia for zod’s own messages', () => {
    const issue = text(10).safeParse(42).error?.issues[0];
    expect(issue?.message).toMatch(/Input tidak valid|diharapkan/i);
  });
});

describe('dates of the puskesmas', () => {
  it('follows local midnight in WIB, WITA and WIT', () => {
    const instant = new Date('2026-11-22T16:30:00Z'); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    expect(localDate(instant, 'Asia/Jakarta')).toBe('2026-11-22');
    expect(localDate(instant, 'Asia/Makassar')).toBe('2026-11-23');
    expect(localDate(instant, 'Asia/Jayapura')).toBe('2026-11-23');
  });

  it('writes dates the Indonesian way and counts whole years', () => {
    expect(tanggalPanjang('2026-11-23')).toBe('23 November 2026');
    expect(tanggalPanjang('2026-01-05')).toBe('5 Januari 2026');
    expect(ageInYears('1990-11-24', '2026-11-23')).toBe(35);
    expect(ageInYears('1990-11-23', '2026-11-23')).toBe(36);
  });

  it('folds names for search (rules in tests/unit/nama.test.ts): case, spaces, degrees and accents do not matter', () => {
    expect(nameKey('  SITI   Aminah, S.Pd ')).toBe(nameKey('Siti Aminah'));
    expect(nameKey('Ahmad Dahlan Çelik')).toBe(nameKey('ahmad dahlan celik'));
  });
});
