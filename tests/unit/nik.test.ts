import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeNik, nikWarnings, provinceNames, type NikInfo, type NikResult } from '../../src-main/domain/nik';

const TODAY = '2026-11-22';

function info(result: NikResult): NikInfo {
  if (!result.ok) throw new Error(`expected a valid NIK, got: ${result.reason}`);
  return result.info;
}

function reason(result: NikResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.info)}`);
  return result.reason;
}

describe('decodeNik: structure and decoding', () => {
  it('decodes region of issue, birth date, sex and sequence of a man', () => {
    expect(decodeNik('3201051203900001', TODAY)).toEqual({
      ok: true,
      info: {
        nik: '3201051203900001',
        provinceCode: '32',
        regencyCode: '32.01',
        districtCode: '32.01.05',
        birthDate: '1990-03-12',
        sex: 'L',
        sequence: '0001',
      },
    });
  });

  it('reads DD + 40 as a woman (41–71)', () => {
    expect(info(decodeNik('3201055203900002', TODAY))).toMatchObject({ birthDate: '1990-03-12', sex: 'P', sequence: '0002' });
    expect(info(decodeNik('3201054101850001', TODAY))).toMatchObject({ birthDate: '1985-01-01', sex: 'P' });
    expect(info(decodeNik('3201057101900001', TODAY))).toMatchObject({ birthDate: '1990-01-31', sex: 'P' });
    expect(info(decodeNik('3201053101900001', TODAY))).toMatchObject({ birthDate: '1990-01-31', sex: 'L' });
  });

  it('strips the spaces, dots and dashes a clerk types, and full-width digits', () => {
    const expected = info(decodeNik('3201051203900001', TODAY));
    expect(info(decodeNik(' 3201 0512 0390 0001 ', TODAY))).toEqual(expected);
    expect(info(decodeNik('32.01.05.120390.0001', TODAY))).toEqual(expected);
    expect(info(decodeNik('3201-051203-900001', TODAY))).toEqual(expected);
    expect(info(decodeNik('3201\u2013051203\u2013900001', TODAY))).toEqual(expected);
    expect(info(decodeNik('\uff13\uff12\uff10\uff11051203900001', TODAY))).toEqual(expected);
  });

  it('refuses the wrong number of digits and says how many were written', () => {
    expect(reason(decodeNik('320105120390001', TODAY))).toBe('NIK harus 16 angka (tertulis 15)');
    expect(reason(decodeNik('32010512039000011', TODAY))).toBe('NIK harus 16 angka (tertulis 17)');
    expect(reason(decodeNik('3'.repeat(500), TODAY))).toBe('NIK harus 16 angka (tertulis 500)');
    expect(reason(decodeNik('', TODAY))).toBe('NIK belum diisi');
    expect(reason(decodeNik('  - . ', TODAY))).toBe('NIK belum diisi');
  });

  it('refuses letters and names them (O for 0, I for 1)', () => {
    expect(reason(decodeNik('320105120390OOO1', TODAY))).toBe('NIK berisi huruf ("O"); NIK hanya terdiri dari 16 angka');
    expect(reason(decodeNik('320105I20390000l', TODAY))).toBe('NIK berisi huruf ("I", "l"); NIK hanya terdiri dari 16 angka');
    expect(reason(decodeNik("3201'; DROP TABLE patient;--", TODAY))).toMatch(/^NIK berisi huruf/);
  });

  it('refuses emoji and other characters, naming them', () => {
    expect(reason(decodeNik('3201051203900001😀', TODAY))).toBe('NIK berisi karakter selain angka ("😀"); NIK hanya terdiri dari 16 angka');
    expect(reason(decodeNik('3201051203/900001', TODAY))).toBe('NIK berisi karakter selain angka ("/"); NIK hanya terdiri dari 16 angka');
    expect(reason(decodeNik('320105120390\u0000001', TODAY))).toBe('NIK berisi karakter selain angka (U+0000); NIK hanya terdiri dari 16 angka');
    expect(reason(decodeNik('320105120390000\u0661', TODAY))).toMatch(/^NIK berisi karakter selain angka \("\u0661"\)/);
  });

  it('refuses province codes that do not exist (00, 20, 97, 99)', () => {
    expect(reason(decodeNik('0001051203900001', TODAY))).toBe('Kode provinsi 00 pada NIK (angka ke-1–2) tidak dikenal');
    expect(reason(decodeNik('2001051203900001', TODAY))).toBe('Kode provinsi 20 pada NIK (angka ke-1–2) tidak dikenal');
    expect(reason(decodeNik('9701051203900001', TODAY))).toBe('Kode provinsi 97 pada NIK (angka ke-1–2) tidak dikenal');
    expect(reason(decodeNik('1001051203900001', TODAY))).toMatch(/^Kode provinsi 10 /);
    expect(info(decodeNik('1101051203900001', TODAY)).provinceCode).toBe('11');
    expect(info(decodeNik('9601051203900001', TODAY)).provinceCode).toBe('96');
  });

  it('knows exactly the province codes of the Kemendagri region data', () => {
    const pkg = dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json'));
    const codes = readFileSync(join(pkg, 'data', 'provinces.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(Object.keys(provinceNames).sort()).toEqual(codes.sort());
  });

  it('refuses regency 00 and district 00', () => {
    expect(reason(decodeNik('3200051203900001', TODAY))).toBe('Kode kabupaten/kota 00 pada NIK (angka ke-3–4) tidak dikenal');
    expect(reason(decodeNik('3201001203900001', TODAY))).toBe('Kode kecamatan 00 pada NIK (angka ke-5–6) tidak dikenal');
    expect(info(decodeNik('3271011203900001', TODAY)).districtCode).toBe('32.71.01');
  });

  it('refuses a day that is neither 01–31 nor 41–71', () => {
    for (const dd of ['00', '32', '40', '72', '99']) {
      expect(reason(decodeNik(`320105${dd}03900001`, TODAY))).toBe(
        `Tanggal lahir pada NIK (angka ke-7–8) tertulis ${dd}: harus 01–31 untuk laki-laki atau 41–71 untuk perempuan`,
      );
    }
  });

  it('refuses a month outside 01–12', () => {
    expect(reason(decodeNik('3201051200900001', TODAY))).toBe('Bulan lahir pada NIK (angka ke-9–10) tertulis 00: harus 01–12');
    expect(reason(decodeNik('3201051213900001', TODAY))).toBe('Bulan lahir pada NIK (angka ke-9–10) tertulis 13: harus 01–12');
  });

  it('refuses dates that are not on the calendar (31 February, 31 April), for women too', () => {
    expect(reason(decodeNik('3201053102900001', TODAY))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (31-02-1990)');
    expect(reason(decodeNik('3201057102900001', TODAY))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (31-02-1990)');
    expect(reason(decodeNik('3201053104900001', TODAY))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (31-04-1990)');
    expect(reason(decodeNik('3201053002880001', TODAY))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (30-02-1988)');
  });

  it('refuses sequence 0000', () => {
    expect(reason(decodeNik('3201051203900000', TODAY))).toBe('Nomor urut pada NIK (angka ke-13–16) 0000 tidak sah: nomor urut dimulai dari 0001');
    expect(info(decodeNik('3201051203909999', TODAY)).sequence).toBe('9999');
  });

  it('needs a real today', () => {
    expect(() => decodeNik('3201051203900001', '22-11-2026')).toThrow(RangeError);
    expect(() => decodeNik('3201051203900001', '2026-02-30')).toThrow(RangeError);
  });
});

describe('decodeNik: century (today = 2026-11-22)', () => {
  const birth = (ddmmyy: string, today = TODAY) => info(decodeNik(`320105${ddmmyy}0001`, today)).birthDate;

  it('reads YY up to this year as 20YY and later years as 19YY', () => {
    expect(birth('010100')).toBe('2000-01-01');
    expect(birth('150825')).toBe('2025-08-15');
    expect(birth('010127')).toBe('1927-01-01');
    expect(birth('311299')).toBe('1999-12-31');
    expect(birth('170845')).toBe('1945-08-17');
  });

  it('reads this year up to today as 2026 (a newborn)', () => {
    expect(birth('010126')).toBe('2026-01-01');
    expect(birth('221126')).toBe('2026-11-22');
    expect(info(decodeNik('3201056211260001', TODAY))).toMatchObject({ birthDate: '2026-11-22', sex: 'P' });
  });

  it('reads a date later this year as 1926, never a birth in the future', () => {
    // Decision: no NIK can carry a birth that has not happened, so 23-11-26 can only be 1926
    // (a 99-year-old). Refusing would lock that patient out; a typo is caught by nikWarnings
    // against the form and by the age the form then shows.
    expect(birth('231126')).toBe('1926-11-23');
    expect(birth('011226')).toBe('1926-12-01');
    expect(birth('311226')).toBe('1926-12-31');
    expect(info(decodeNik('3201056312260001', TODAY))).toMatchObject({ birthDate: '1926-12-23', sex: 'P' });
  });

  it('follows today: the same NIK date moves century with the year it is read in', () => {
    expect(birth('150827', '2026-11-22')).toBe('1927-08-15');
    expect(birth('150827', '2027-08-15')).toBe('2027-08-15');
    expect(birth('150827', '2027-08-14')).toBe('1927-08-15');
  });

  it('leap years: 29-02-00 is 2000 (a leap year), refused when 1900 is the reading', () => {
    expect(birth('290200')).toBe('2000-02-29');
    expect(info(decodeNik('3201056902000001', TODAY))).toMatchObject({ birthDate: '2000-02-29', sex: 'P' });
    expect(birth('290296')).toBe('1996-02-29');
    expect(birth('290224')).toBe('2024-02-29');
    expect(reason(decodeNik('3201052902010001', TODAY))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (29-02-2001)');
    expect(reason(decodeNik('3201052902270001', TODAY))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (29-02-1927)');
    // Read on 15 January 2000, 29-02-00 has not come yet: 1900, which had no 29 February.
    expect(reason(decodeNik('3201052902000001', '2000-01-15'))).toBe('Tanggal lahir dalam NIK tidak ada di kalender (29-02-1900)');
    expect(birth('290200', '2000-02-29')).toBe('2000-02-29');
  });

  it('refuses a birth date that has not happened in either century (a clock set wrong)', () => {
    expect(reason(decodeNik('3201051203900001', '1950-06-01'))).toBe('Tanggal lahir dalam NIK (12-03-90) belum terjadi per 01-06-1950');
  });
});

describe('nikWarnings', () => {
  const man = info(decodeNik('3201051203910001', TODAY));
  const woman = info(decodeNik('3201055203910001', TODAY));

  it('is silent when the form agrees or is still empty', () => {
    expect(nikWarnings(man, { birthDate: '1991-03-12', sex: 'L' })).toEqual([]);
    expect(nikWarnings(man, {})).toEqual([]);
    expect(nikWarnings(man, { birthDate: null, sex: null })).toEqual([]);
    expect(nikWarnings(man, { birthDate: '' })).toEqual([]);
  });

  it('warns when the birth date differs, naming both dates', () => {
    expect(nikWarnings(man, { birthDate: '1990-03-12' })).toEqual([
      'Tanggal lahir di formulir (12-03-1990) berbeda dengan NIK (12-03-1991). NIK tidak berubah setelah terbit; periksa KTP.',
    ]);
  });

  it('accepts a form date that differs only in the century: the NIK does not record it', () => {
    const old = info(decodeNik('3201051203250001', TODAY));
    expect(old.birthDate).toBe('2025-03-12');
    expect(nikWarnings(old, { birthDate: '1925-03-12' })).toEqual([]);
  });

  it('warns when the sex differs, saying how the NIK encodes it', () => {
    expect(nikWarnings(man, { sex: 'P' })).toEqual([
      'Jenis kelamin di formulir (perempuan) berbeda dengan NIK (laki-laki: tanggal lahir pada NIK tidak ditambah 40). NIK tidak berubah setelah terbit; periksa KTP.',
    ]);
    expect(nikWarnings(woman, { sex: 'L' })).toEqual([
      'Jenis kelamin di formulir (laki-laki) berbeda dengan NIK (perempuan: tanggal lahir pada NIK ditambah 40). NIK tidak berubah setelah terbit; periksa KTP.',
    ]);
  });

  it('gives both warnings at once, and ignores a form date that is not a date yet', () => {
    expect(nikWarnings(woman, { birthDate: '1991-03-13', sex: 'L' })).toHaveLength(2);
    expect(nikWarnings(man, { birthDate: '1991-02-31' })).toEqual([]);
    expect(nikWarnings(man, { birthDate: '12-03-1990' })).toEqual([]);
  });
});
