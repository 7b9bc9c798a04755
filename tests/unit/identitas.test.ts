import { describe, expect, it } from 'vitest';
import { checkBpjsNumber, digitsOnlyReason, normalizePhone, phoneSearchForms, stripSeparators } from '../../src-main/domain/identitas';

describe('stripSeparators and digitsOnlyReason', () => {
  it('drops spaces, dots and dashes and turns full-width digits into ASCII', () => {
    expect(stripSeparators(' 0001.2345-6789\u00a00 ')).toBe('0001234567890');
    expect(stripSeparators('\uff10\uff11')).toBe('01');
  });

  it('names letters first, then other characters, and is null for digits', () => {
    expect(digitsOnlyReason('Nomor X', '12O4', 'harus angka')).toBe('Nomor X berisi huruf ("O"); harus angka');
    expect(digitsOnlyReason('Nomor X', '12#4*5😀', 'harus angka')).toBe('Nomor X berisi karakter selain angka ("#", "*", "😀"); harus angka');
    expect(digitsOnlyReason('Nomor X', 'a#b$c%d', 'harus angka')).toBe('Nomor X berisi huruf ("a", "b", "c", …); harus angka');
    expect(digitsOnlyReason('Nomor X', '1\u200b2', 'harus angka')).toBe('Nomor X berisi karakter selain angka (U+200B); harus angka');
    expect(digitsOnlyReason('Nomor X', '0123', 'harus angka')).toBeNull();
  });
});

describe('checkBpjsNumber', () => {
  it('accepts 13 digits, with the separators people type', () => {
    expect(checkBpjsNumber('0001234567890')).toEqual({ ok: true, value: '0001234567890' });
    expect(checkBpjsNumber(' 0001 2345 6789 0 ')).toEqual({ ok: true, value: '0001234567890' });
    expect(checkBpjsNumber('0001.2345.67890')).toEqual({ ok: true, value: '0001234567890' });
    expect(checkBpjsNumber('0001-2345-67890')).toEqual({ ok: true, value: '0001234567890' });
  });

  it('refuses other lengths, letters, emoji, empty and all zeros, with the reason', () => {
    expect(checkBpjsNumber('000123456789')).toEqual({ ok: false, reason: 'Nomor BPJS harus 13 angka (tertulis 12)' });
    expect(checkBpjsNumber('00012345678901')).toEqual({ ok: false, reason: 'Nomor BPJS harus 13 angka (tertulis 14)' });
    expect(checkBpjsNumber('3201051203900001')).toEqual({ ok: false, reason: 'Nomor BPJS harus 13 angka (tertulis 16)' });
    expect(checkBpjsNumber('00012345678O0')).toEqual({
      ok: false,
      reason: 'Nomor BPJS berisi huruf ("O"); nomor kartu BPJS hanya terdiri dari 13 angka',
    });
    expect(checkBpjsNumber('000123456789😀')).toEqual({
      ok: false,
      reason: 'Nomor BPJS berisi karakter selain angka ("😀"); nomor kartu BPJS hanya terdiri dari 13 angka',
    });
    expect(checkBpjsNumber('  ')).toEqual({ ok: false, reason: 'Nomor BPJS belum diisi' });
    expect(checkBpjsNumber('0000000000000')).toEqual({ ok: false, reason: 'Nomor BPJS 0000000000000 tidak sah' });
  });
});

describe('normalizePhone', () => {
  const canonical = (input: string) => {
    const r = normalizePhone(input);
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  const refusal = (input: string) => {
    const r = normalizePhone(input);
    if (r.ok) throw new Error(`accepted as ${r.value}`);
    return r.reason;
  };

  it('writes every way of typing a mobile number as 08…', () => {
    for (const typed of [
      '081234567890',
      '0812-3456-7890',
      '0812 3456 7890',
      '0812.3456.7890',
      '+6281234567890',
      '+62 812 3456 7890',
      '+62-812-3456-7890',
      '+62 (0)812 3456 7890',
      '+62 0812 3456 7890',
      '6281234567890',
      '62 812-3456-7890',
      '0062 812 3456 7890',
      '81234567890',
      '812 3456 7890',
      '\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10',
    ]) {
      expect(canonical(typed), typed).toBe('081234567890');
    }
  });

  it('keeps landlines with their area code', () => {
    expect(canonical('(0251) 8371234')).toBe('02518371234');
    expect(canonical('0251-8371234')).toBe('02518371234');
    expect(canonical('+62 251 8371234')).toBe('02518371234');
    expect(canonical('(021) 1234567')).toBe('0211234567');
    expect(canonical('(0361) 123456')).toBe('0361123456');
  });

  it('accepts 9 to 13 digits after the 0', () => {
    expect(canonical('021-123-4567')).toBe('0211234567');
    expect(canonical('0812-3456-7890-12')).toBe('08123456789012');
    expect(canonical('0812-345-678')).toBe('0812345678');
    expect(refusal('0812-345-67')).toBe('Nomor telepon terlalu pendek: 8 angka setelah 0 (harus 9–13)');
    expect(refusal('0812-3456-7890-123')).toBe('Nomor telepon terlalu panjang: 14 angka setelah 0 (harus 9–13)');
    expect(refusal('112')).toBe('Nomor telepon terlalu pendek: 3 angka setelah 0 (harus 9–13)');
    expect(refusal('+62')).toBe('Nomor telepon terlalu pendek: 0 angka setelah 0 (harus 9–13)');
  });

  it('refuses letters, emoji, several numbers, foreign and impossible prefixes, with the reason', () => {
    expect(refusal('0812-3456-789O')).toBe('Nomor telepon berisi huruf ("O"); nomor telepon hanya terdiri dari angka, boleh diawali +62');
    expect(refusal('081234567890 (WA)')).toMatch(/^Nomor telepon berisi huruf \("W", "A"\)/);
    expect(refusal('081234567890📱')).toMatch(/^Nomor telepon berisi karakter selain angka \("📱"\)/);
    expect(refusal('0812+34567890')).toMatch(/^Nomor telepon berisi karakter selain angka \("\+"\)/);
    expect(refusal('081234567890 / 081398765432')).toBe('Nomor telepon: isi satu nomor saja (nomor lain di kolom kontak darurat)');
    expect(refusal('081234567890, 081398765432')).toBe('Nomor telepon: isi satu nomor saja (nomor lain di kolom kontak darurat)');
    expect(refusal('081234567890 atau 081398765432')).toBe('Nomor telepon: isi satu nomor saja (nomor lain di kolom kontak darurat)');
    expect(refusal('+1 555 123 4567')).toBe('Nomor telepon luar negeri (+15551234567) tidak didukung: isi nomor Indonesia (+62 atau 0…)');
    expect(refusal('+60 12 345 6789')).toMatch(/^Nomor telepon luar negeri \(\+60123456789\)/);
    expect(refusal('0060123456789')).toBe('Nomor telepon diawali 00 (kode internasional): isi nomor Indonesia (+62 atau 0…)');
    expect(refusal('0123456789')).toBe('Nomor telepon diawali 01: tidak ada kode wilayah atau operator Indonesia yang diawali 01');
    expect(refusal('')).toBe('Nomor telepon belum diisi');
    expect(refusal(' () - ')).toBe('Nomor telepon belum diisi');
  });
});

describe('phoneSearchForms', () => {
  it('gives the canonical and the international form', () => {
    expect(phoneSearchForms('+62 812-3456-7890')).toEqual(['081234567890', '+6281234567890']);
    expect(phoneSearchForms('(0251) 8371234')).toEqual(['02518371234', '+622518371234']);
  });

  it('is empty for what is not a phone number', () => {
    expect(phoneSearchForms('siti 1985')).toEqual([]);
    expect(phoneSearchForms('123')).toEqual([]);
    expect(phoneSearchForms('')).toEqual([]);
  });
});
