import { describe, expect, it } from 'vitest';
import { letterSettingsPatchSchema } from '../../src-main/contract';
import {
  checkLetterPattern,
  daysInWords,
  leaveDays,
  leaveEndDate,
  makeVerifyCode,
  nameInitials,
  parseVerifyCode,
  renderLetterNumber,
  rmTail,
  romanMonth,
  verifyCodeMatches,
} from '../../src-main/domain/surat';

describe('letter number patterns', () => {
  it('renders the tokens: padded and plain sequence, unit code, roman and numeric month, year', () => {
    const p = { seq: 12, unitCode: 'PKM-SJ', date: '2026-11-23' };
    expect(renderLetterNumber('445/{seq:3}/{unitCode}/{romanMonth}/{year}', p)).toBe('445/012/PKM-SJ/XI/2026');
    expect(renderLetterNumber('SK-{seq}/{month}/{year}', p)).toBe('SK-12/11/2026');
    expect(renderLetterNumber('{seq:3}/{year}', { ...p, seq: 1234 })).toBe('1234/2026');
    expect(renderLetterNumber(' RI/{seq:6}/{year} ', { ...p, seq: 7 })).toBe('RI/000007/2026');
  });

  it('writes the new year and January after the turn of the year', () => {
    expect(renderLetterNumber('445/{seq:3}/{romanMonth}/{year}', { seq: 1, unitCode: '', date: '2027-01-01' })).toBe('445/001/I/2027');
    expect(renderLetterNumber('445/{seq:3}/{romanMonth}/{year}', { seq: 230, unitCode: '', date: '2026-12-31' })).toBe('445/230/XII/2026');
  });

  it('writes every month in Roman numerals', () => {
    expect(Array.from({ length: 12 }, (_v, i) => romanMonth(i + 1))).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
    ]);
    expect(() => romanMonth(13)).toThrow(RangeError);
  });

  it('refuses patterns that could repeat a number or that it cannot read', () => {
    expect(checkLetterPattern('445/{seq:3}/{unitCode}/{romanMonth}/{year}')).toEqual({ ok: true });
    const reason = (p: string) => {
      const c = checkLetterPattern(p);
      return c.ok ? '' : c.reason;
    };
    expect(reason('445/{unitCode}/{year}')).toMatch(/tepat satu \{seq\}/);
    expect(reason('{seq}/{seq:2}/{year}')).toMatch(/tepat satu \{seq\}/);
    expect(reason('445/{seq:3}')).toMatch(/\{year\}/);
    expect(reason('{seq:9}/{year}')).toMatch(/1–6/);
    expect(reason('{seq}/{tahun}')).toMatch(/Token \{tahun\} tidak dikenal/);
    expect(reason('{seq}/{year:2}')).toMatch(/hanya \{seq\}/);
    expect(reason('{seq}/{year')).toMatch(/Kurung kurawal/);
    expect(reason('  ')).toMatch(/wajib/);
  });

  it('refuses a bad pattern already in the settings patch, in Indonesian', () => {
    const r = letterSettingsPatchSchema.safeParse({
      patterns: { sakit: 'SKS/{seq}', sehat: '{seq}/{year}', rujukan: '{seq}/{year}', rujukan_internal: '{seq}/{year}' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/\{year\}/);
  });
});

describe('days of leave', () => {
  it('counts the first and the last day', () => {
    expect(leaveEndDate('2026-11-23', 3)).toBe('2026-11-25');
    expect(leaveEndDate('2026-11-23', 1)).toBe('2026-11-23');
    expect(leaveDays('2026-11-23', '2026-11-25')).toBe(3);
    expect(leaveDays('2026-11-23', '2026-11-23')).toBe(1);
    expect(leaveDays('2026-11-23', '2026-11-22')).toBe(0);
  });

  it('crosses months, years and 29 February', () => {
    expect(leaveEndDate('2026-11-29', 3)).toBe('2026-12-01');
    expect(leaveEndDate('2026-12-30', 4)).toBe('2027-01-02');
    expect(leaveDays('2028-02-27', '2028-03-01')).toBe(4);
  });

  it('writes days in digits and words', () => {
    expect(daysInWords(3)).toBe('3 (tiga) hari');
    expect(daysInWords(1)).toBe('1 (satu) hari');
    expect(daysInWords(11)).toBe('11 (sebelas) hari');
    expect(daysInWords(14)).toBe('14 (empat belas) hari');
    expect(daysInWords(30)).toBe('30 (tiga puluh) hari');
  });
});

describe('verification codes', () => {
  const secret = 'rahasia-host-untuk-uji';
  const facts = { id: 1234, kind: 'sakit', number: '445/012/SKS/PKM-SJ/XI/2026', patientId: 77, issuedAt: '2026-11-23T02:00:00.000Z', signerId: 3 };

  it('is short, typeable and carries the letter id', () => {
    const code = makeVerifyCode(secret, facts);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]+-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(code.length).toBeLessThanOrEqual(16);
    expect(parseVerifyCode(code)).toEqual({ code, id: 1234 });
    expect(makeVerifyCode(secret, facts)).toBe(code);
  });

  it('reads a code typed in lower case, with O for 0 and I/L for 1, or pasted as the verify URL', () => {
    const code = makeVerifyCode(secret, facts);
    const sloppy = code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseVerifyCode(sloppy)?.code).toBe(code);
    expect(parseVerifyCode(`http://192.168.1.10:5180/verify/${code}`)?.code).toBe(code);
    expect(parseVerifyCode(` ${code.slice(0, 4)} ${code.slice(4)} `)?.code).toBe(code);
    expect(parseVerifyCode('bukan-kode')).toBeNull();
    expect(parseVerifyCode('')).toBeNull();
  });

  it('rejects a tampered code, other facts and another secret', () => {
    const code = makeVerifyCode(secret, facts);
    expect(verifyCodeMatches(secret, facts, code)).toBe(true);
    const flipped = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(verifyCodeMatches(secret, facts, flipped)).toBe(false);
    expect(verifyCodeMatches(secret, { ...facts, number: '445/013/SKS/PKM-SJ/XI/2026' }, code)).toBe(false);
    expect(verifyCodeMatches(secret, { ...facts, patientId: 78 }, code)).toBe(false);
    expect(verifyCodeMatches(secret, { ...facts, id: 1235 }, code)).toBe(false);
    expect(verifyCodeMatches('kunci-lain', facts, code)).toBe(false);
  });

  it('shows a verifier only initials and the last digits of the RM number', () => {
    expect(nameInitials('Siti Nurhaliza binti Ahmad')).toBe('S. N. B. A.');
    expect(nameInitials("Nur'aini, S.Pd.")).toBe('N. S. P.');
    expect(rmTail('000123')).toBe('•••123');
    expect(rmTail('12')).toBe('12');
  });
});
