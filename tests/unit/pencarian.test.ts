import { describe, expect, it } from 'vitest';
import { trigramMatch, typoPieces, typoWordMatch, wordMatch } from '../../src-main/db/repositories/patient-search';
import { MUHAMMAD } from '../../src-main/domain/nama';
import { editDistance, extractBirth, parseSearchQuery, scoreCandidate, type SearchQuery } from '../../src-main/domain/pencarian';
import { defaultRmFormat, type RmFormat } from '../../src-main/domain/rm';

const YEAR = 2026;
const parse = (q: string, format: RmFormat = defaultRmFormat) => parseSearchQuery(q, format, YEAR);

describe('reading the search field', () => {
  it('takes RM numbers with or without zeros, separators or prefix, and scanned cards', () => {
    expect(parse('123').identifier?.rm).toContain('000123');
    expect(parse('000123').identifier?.rm[0]).toBe('000123');
    expect(parse('00-01-23').identifier?.rm[0]).toBe('000123');
    expect(parse('*000123*').identifier?.rm[0]).toBe('000123');
    const sj: RmFormat = { width: 6, prefix: 'SJ-', family: false };
    expect(parse('sj 123', sj).identifier?.rm[0]).toBe('SJ-000123');
    expect(parse('SJ-000123', sj).identifier?.rm[0]).toBe('SJ-000123');
    // a bare year is an RM number too (a year alone finds nobody)
    expect(parse('1985').identifier?.rm[0]).toBe('001985');
    // shelf pairs look like a date with a two-digit year: without letters they are an RM
    expect(parse('12-03-23').identifier?.rm[0]).toBe('120323');
  });

  it('takes NIK, BPJS and phone numbers', () => {
    expect(parse('3201 0152 0390 0001').identifier).toMatchObject({ nik: '3201015203900001', bpjs: null });
    expect(parse('0001234567890').identifier).toMatchObject({ bpjs: '0001234567890', nik: null });
    expect(parse('0812-3456-7890').identifier?.phone).toEqual(['081234567890', '+6281234567890']);
    expect(parse('+62 812 3456 7890').identifier?.phone).toEqual(['081234567890', '+6281234567890']);
  });

  it('reads a name with a birth date, month or year and village words', () => {
    expect(parse('budi 12-03-1990 sukamaju')).toMatchObject({
      identifier: null,
      birth: { prefix: '1990-03-12', kind: 'date' },
      terms: [
        { word: 'budi', plain: 'budi', last: false },
        { word: 'sukamaju', plain: 'sukamaju', last: true },
      ],
    });
    expect(parse('siti 1985')).toMatchObject({ birth: { prefix: '1985', kind: 'year' }, terms: [{ word: 'siti' }] });
    expect(parse('1990-03-12 budi').birth).toEqual({ prefix: '1990-03-12', kind: 'date' });
    expect(parse('budi 12/03/1990').birth).toEqual({ prefix: '1990-03-12', kind: 'date' });
    expect(parse('budi 12.03.90').birth).toEqual({ prefix: '1990-03-12', kind: 'date' });
    expect(parse('budi 12.03.05').birth).toEqual({ prefix: '2005-03-12', kind: 'date' });
    expect(parse('budi 12 maret 1990').birth).toEqual({ prefix: '1990-03-12', kind: 'date' });
    expect(parse('budi 12 Agt 1990').birth).toEqual({ prefix: '1990-08-12', kind: 'date' });
    expect(parse('budi maret 1990').birth).toEqual({ prefix: '1990-03', kind: 'month' });
    expect(parse('budi 03-1990').birth).toEqual({ prefix: '1990-03', kind: 'month' });
    // a date alone searches by birth date
    expect(parse('12-03-1990')).toMatchObject({ identifier: null, terms: [], birth: { prefix: '1990-03-12' } });
  });

  it('does not take impossible dates or future years as birth dates', () => {
    expect(parse('budi 31-02-1990').birth).toBeNull();
    expect(parse('budi 2031').birth).toBeNull();
    expect(extractBirth('budi 1889', YEAR).birth).toBeNull();
  });

  it('folds the name words and marks a half-typed Muhammad', () => {
    expect(parse('H. Mochammad Rizky').terms.map((t) => t.word)).toEqual([MUHAMMAD, 'riski']);
    expect(parse('moch').terms).toEqual([{ word: 'moh', plain: 'moch', last: true, muhammad: true }]);
    expect(parse('m rizky').terms.map((t) => t.word)).toEqual([MUHAMMAD, 'riski']);
  });

  it('leaves nothing to search in noise, and never fails on it', () => {
    for (const q of ['', '   ', '%_', '🙂', '***', '--']) expect(parse(q)).toEqual({ identifier: null, terms: [], birth: null });
    expect(parse("'; DROP TABLE patient;--").terms.map((t) => t.word)).toEqual(['drop', 'table', 'patient']);
  });
});

describe('index expressions', () => {
  const q = parse('budi santo 1985');
  it('asks the word index for whole words, then the last word as a beginning, with the birth year', () => {
    expect(wordMatch(q.terms, '1985', 'kata')).toBe('(name : "budi" OR place : "qbudi") AND (name : "santo" OR place : "qsanto") AND born : "y1985"');
    expect(wordMatch(q.terms, null, 'awal')).toBe('(name : "budi" OR place : "qbudi") AND (name : "santo" * OR place : "qsanto" OR place : "qsa" *)');
    expect(wordMatch(parse('santo').terms, null, 'awal')).toBe('(name : "santo" * OR place : "qsanto")');
  });

  it('asks the trigram index for parts and for either half of a word', () => {
    expect(trigramMatch(q.terms, '1985', 'bagian')).toBe('name : "budi" AND name : "santo" AND born : "985"');
    expect(trigramMatch(parse('hidayt').terms, null, 'mirip')).toBe('(name : "hid" OR name : "ait" OR name : " hi")');
    expect(trigramMatch(parse('budi a').terms, null, 'mirip')).toBe('(name : " bu" OR name : "di ")');
    // a word that exists stays whole while the unknown one is cut into pieces
    expect(trigramMatch(parse('ridwan hadmani').terms, null, 'mirip', new Set(['ridwan']))).toBe(
      'name : "idwa" AND (name : "had" OR name : "mani" OR name : " ha" OR name : "ani")',
    );
    // after the first three letters were tried on the word index, the rest after four letters
    expect(trigramMatch(parse('ridwan hadmani').terms, null, 'mirip', new Set(['ridwan']), { prefixTried: true })).toBe(
      'name : "idwa" AND name : "ani"',
    );
    expect(typoWordMatch(parse('ridwan hadmani 2004').terms, '2004', { name: new Set(['ridwan']), place: new Set() })).toBe(
      'name : "ridwan" AND name : "had" * AND born : "y2004"',
    );
  });

  it('cuts a word so that one piece survives a changed, added, dropped or swapped letter', () => {
    const survives = (typed: string, stored: string, complete = true) => typoPieces(typed, complete).some((p) => ` ${stored} `.includes(p));
    for (const [typed, stored] of [
      ['hadmani', 'hamdani'],
      ['hamdni', 'hamdani'],
      ['hamdaani', 'hamdani'],
      ['hamdano', 'hamdani'],
      ['aimna', 'amina'],
      ['buid', 'budi'],
      ['budj', 'budi'],
      ['sulaemna', 'sulaeman'],
    ] as [string, string][])
      expect(survives(typed, stored), `${typed} → ${stored}`).toBe(true);
    // four letters with the middle two swapped leave no piece of three: not found as a typo
    expect(survives('bdui', 'budi')).toBe(false);
  });

  it('leaves a half-typed initial to the ranking and looks for Muhammad behind Moch…', () => {
    expect(wordMatch(parse('siti a').terms, null, 'awal')).toBe('(name : "siti" OR place : "qsiti")');
    expect(wordMatch(parse('moch').terms, null, 'awal')).toBe(`(name : "moh" * OR place : "qmoch" OR name : "${MUHAMMAD}")`);
    expect(wordMatch(parse('a').terms, null, 'awal')).toBeNull();
  });
});

describe('ranking', () => {
  const score = (q: SearchQuery, nameKey: string, birthDate = '1990-03-12', place = 'Sukamaju Kp. Cibogo', strict = true) =>
    scoreCandidate(q, { nameKey, birthDate, place }, strict)?.score ?? null;

  it('puts whole words before beginnings, beginnings before parts, parts before typing errors', () => {
    const q = parse('siti amin');
    const exact = score(parse('siti aminah'), 'siti amina')!;
    const prefix = score(q, 'siti amina')!;
    const inside = score(parse('siti mina'), 'siti amina')!;
    const typo = score(parse('siti aimna'), 'siti amina')!;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(typo);
    expect(score(parse('siti budi'), 'siti amina')).toBeNull();
  });

  it('prefers the name with fewer extra words and the words in order', () => {
    const q = parse('siti aminah');
    expect(score(q, 'siti amina')!).toBeGreaterThan(score(q, 'siti amina lubis')!);
    expect(score(q, 'siti amina')!).toBeGreaterThan(score(q, 'amina siti')!);
  });

  it('counts village and street words, and the birth date', () => {
    expect(scoreCandidate(parse('budi cibogo'), { nameKey: 'budi', birthDate: '1990-03-12', place: 'Sukamaju Kp. Cibogo' })?.matchedBy).toBe('nama');
    expect(scoreCandidate(parse('cibogo'), { nameKey: 'budi', birthDate: '1990-03-12', place: 'Sukamaju Kp. Cibogo' })?.matchedBy).toBe('alamat');
    const q = parse('budi 12-03-1990');
    expect(score(q, 'budi', '1990-03-12')!).toBeGreaterThan(score(q, 'budi', '1990-12-03', '', false)!);
    expect(score(q, 'budi', '1990-12-03', '', false)!).toBeGreaterThan(score(q, 'budi', '1991-01-01', '', false)!);
    expect(score(q, 'budi', '1991-01-01', '', true)!).toBeLessThan(score(q, 'budi', '1990-03-12')!);
  });

  it('measures typing errors with transpositions', () => {
    expect(editDistance('amina', 'aimna', 2)).toBe(1);
    expect(editDistance('hidayat', 'hidayt', 2)).toBe(1);
    expect(editDistance('budi', 'santoso', 1)).toBe(2);
  });
});
