import { describe, expect, it } from 'vitest';
import { compareTerminalDigit, defaultRmFormat, formatRm, rmCandidates, terminalDigitKey, type RmFormat } from '../../src-main/domain/rm';

const prefixed: RmFormat = { width: 6, prefix: 'SJ-', family: false };
const family: RmFormat = { width: 6, prefix: '', family: true };
const prefixedFamily: RmFormat = { width: 6, prefix: 'SJ-', family: true };

describe('formatRm', () => {
  it('pads to the width, adds the prefix and the member suffix', () => {
    expect(defaultRmFormat).toEqual({ width: 6, prefix: '', family: false });
    expect(formatRm(123, defaultRmFormat)).toBe('000123');
    expect(formatRm(1, defaultRmFormat)).toBe('000001');
    expect(formatRm(999999, defaultRmFormat)).toBe('999999');
    expect(formatRm(123, prefixed)).toBe('SJ-000123');
    expect(formatRm(123, { width: 5, prefix: 'SJ', family: false })).toBe('SJ00123');
    expect(formatRm(123, family, 1)).toBe('000123-01');
    expect(formatRm(123, family, 0)).toBe('000123-00');
    expect(formatRm(123, family, 99)).toBe('000123-99');
    expect(formatRm(123, prefixedFamily, 2)).toBe('SJ-000123-02');
  });

  it('writes a sequence longer than the width in full', () => {
    expect(formatRm(1234567, defaultRmFormat)).toBe('1234567');
  });

  it('refuses what the allocator must never produce', () => {
    expect(() => formatRm(0, defaultRmFormat)).toThrow(RangeError);
    expect(() => formatRm(-1, defaultRmFormat)).toThrow(RangeError);
    expect(() => formatRm(1.5, defaultRmFormat)).toThrow(RangeError);
    expect(() => formatRm(123, family)).toThrow(/anggota/);
    expect(() => formatRm(123, family, 100)).toThrow(RangeError);
    expect(() => formatRm(123, defaultRmFormat, 1)).toThrow(/berkas keluarga/);
  });
});

describe('rmCandidates', () => {
  it('finds the stored form from what a clerk types: without zeros, shelf style, separators', () => {
    expect(rmCandidates('000123', defaultRmFormat)).toEqual(['000123']);
    expect(rmCandidates('123', defaultRmFormat)).toEqual(['000123', '123']);
    expect(rmCandidates('00-01-23', defaultRmFormat)).toEqual(['000123', '00-01-23']);
    expect(rmCandidates('00 01 23', defaultRmFormat)).toEqual(['000123', '00 01 23']);
    expect(rmCandidates(' 0000123 ', defaultRmFormat)).toEqual(['000123', '0000123']);
    expect(rmCandidates('12.34.56', defaultRmFormat)).toEqual(['123456', '12.34.56']);
    expect(rmCandidates('\uff11\uff12\uff13', defaultRmFormat)).toEqual(['000123', '123']);
  });

  it('takes the prefix in any case, with or without its separator, or not at all', () => {
    for (const typed of ['SJ-000123', 'sj000123', 'sj-123', 'SJ 123', 'Sj.000123', '000123', '123', 's-j-000123']) {
      expect(rmCandidates(typed, prefixed)[0], typed).toBe('SJ-000123');
    }
    expect(rmCandidates('SJ-000123', prefixed)).toEqual(['SJ-000123']);
    expect(rmCandidates('sj000123', prefixed)).toEqual(['SJ-000123', 'SJ000123']);
  });

  it('offers both readings when the prefix is made of digits', () => {
    const digits: RmFormat = { width: 6, prefix: '12-', family: false };
    expect(rmCandidates('12-000123', digits)).toEqual(['12-000123', '12-12000123']);
    expect(rmCandidates('123', digits)).toEqual(['12-000123', '12-000003', '123']);
    expect(rmCandidates('12000123', digits)).toEqual(['12-12000123', '12-000123', '12000123']);
  });

  it('reads the member of a family folder from the last group or the last two digits', () => {
    expect(rmCandidates('000123-01', family)).toEqual(['000123-01']);
    expect(rmCandidates('123-1', family)).toEqual(['000123-01', '123-1']);
    expect(rmCandidates('12301', family)).toEqual(['000123-01', '12301']);
    expect(rmCandidates('00012301', family)).toEqual(['000123-01', '00012301']);
    expect(rmCandidates('00-01-23-01', family)).toEqual(['000123-01', '00-01-23-01']);
    expect(rmCandidates('sj 123-2', prefixedFamily)).toEqual(['SJ-000123-02', 'SJ 123-2']);
    expect(rmCandidates('5', family)).toEqual([]);
  });

  it('is empty for what cannot be an RM number', () => {
    expect(rmCandidates('', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('   ', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('0', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('000000', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('siti', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('siti 1985', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('AB-000123', prefixed)).toEqual([]);
    expect(rmCandidates('SJ-000123', defaultRmFormat)).toEqual([]);
    expect(rmCandidates('123😀', defaultRmFormat)).toEqual([]);
    expect(rmCandidates("123' OR 1=1 --", defaultRmFormat)).toEqual([]);
    expect(rmCandidates('3201051203900001', defaultRmFormat)).toEqual([]); // a NIK
    expect(rmCandidates('0001234567890', defaultRmFormat)).toEqual([]); // a BPJS number
  });

  it('round-trips every format: the formatted number finds itself first', () => {
    const formats: RmFormat[] = [defaultRmFormat, prefixed, { width: 8, prefix: 'PKM', family: false }, { width: 4, prefix: '', family: false }];
    for (const format of formats) {
      for (const n of [1, 42, 123, 9999]) expect(rmCandidates(formatRm(n, format), format)[0]).toBe(formatRm(n, format));
    }
    for (const format of [family, prefixedFamily]) {
      for (const [n, m] of [
        [1, 0],
        [123, 1],
        [999999, 99],
      ] as const) {
        expect(rmCandidates(formatRm(n, format, m), format)).toEqual([formatRm(n, format, m)]);
      }
    }
  });
});

describe('terminalDigitKey', () => {
  it('files by the last two digits, then the middle two, then the first two', () => {
    expect(terminalDigitKey('465023')).toBe('23-50-46');
    expect(terminalDigitKey('46-50-23')).toBe('23-50-46');
    expect(terminalDigitKey('000123')).toBe('23-01-00');
    expect(terminalDigitKey('999999')).toBe('99-99-99');
  });

  it('skips the prefix and keeps the family member last', () => {
    expect(terminalDigitKey('SJ-465023')).toBe('23-50-46');
    expect(terminalDigitKey('SJ465023')).toBe('23-50-46');
    expect(terminalDigitKey('P32-465023')).toBe('23-50-46');
    expect(terminalDigitKey('465023-01')).toBe('23-50-46-01');
    expect(terminalDigitKey('SJ-000123-02')).toBe('23-01-00-02');
  });

  it('pads short numbers and keeps every leading digit of long ones', () => {
    expect(terminalDigitKey('123')).toBe('23-01-00');
    expect(terminalDigitKey('7')).toBe('07-00-00');
    expect(terminalDigitKey('1465023')).toBe('23-50-146');
    expect(terminalDigitKey('00465023')).toBe('23-50-0046');
    expect(terminalDigitKey('tanpa angka')).toBe('tanpa angka');
  });

  it('orders a pull list the way the shelves stand', () => {
    const rms = ['465023', '125023', '000124', '995022', '1465023', '000023', '465023-02', '465023-01'];
    const keys = rms.map((rm) => ({ rm, key: terminalDigitKey(rm) }));
    keys.sort((a, b) => compareTerminalDigit(a.key, b.key));
    expect(keys.map((k) => k.rm)).toEqual(['995022', '000023', '125023', '465023', '465023-01', '465023-02', '1465023', '000124']);
  });
});
