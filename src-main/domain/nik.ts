import { isRealIsoDate } from '../contract';
import { digitsOnlyReason, stripSeparators } from './identitas';

/**
 * NIK (Nomor Induk Kependudukan, the 16-digit population number on the KTP and KK).
 *
 *   PP KK CC DDMMYY SSSS
 *   │  │  │  │      └ sequence (nomor urut) from 0001
 *   │  │  │  └ birth date; DD + 40 for women; the century is not written
 *   │  │  └ district (kecamatan) where the NIK was first issued — not the current address
 *   │  └ regency / city (kabupaten / kota)
 *   └ province
 *
 * A NIK never changes after issue, so it can disagree with the real birth date: such a
 * mismatch warns (`nikWarnings`) and never blocks. A malformed NIK is refused with a reason
 * that names what is wrong.
 */
export interface NikInfo {
  nik: string;
  /** `'32'` */
  provinceCode: string;
  /** `'32.01'` */
  regencyCode: string;
  /** `'32.01.05'` — Kemendagri dotted form, where the NIK was first issued */
  districtCode: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: 'L' | 'P';
  /** `'0001'` */
  sequence: string;
}

export type NikResult = { ok: true; info: NikInfo } | { ok: false; reason: string };

/**
 * The 38 province codes of Kemendagri (Permendagri 72/2019 and the 2022 Papua provinces).
 * Dukcapil issued NIKs only under these codes; any other pair is a typing error.
 */
export const provinceNames: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

/** `2026-11-23` → `23-11-2026`, the order people read dates in on the KTP and in messages. */
function ddmmyyyy(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}-${m}-${y}`;
}

/**
 * Checks the structure of a NIK and decodes it (region of issue, birth date, sex, sequence);
 * `today` (`YYYY-MM-DD`, local) decides the century. Refusals say exactly what is wrong.
 */
export function decodeNik(input: string, today: string): NikResult {
  if (!isRealIsoDate(today)) throw new RangeError(`decodeNik: today harus TTTT-BB-HH, bukan "${today}"`);
  const nik = stripSeparators(input);
  if (nik === '') return { ok: false, reason: 'NIK belum diisi' };
  const bad = digitsOnlyReason('NIK', nik, 'NIK hanya terdiri dari 16 angka');
  if (bad) return { ok: false, reason: bad };
  if (nik.length !== 16) return { ok: false, reason: `NIK harus 16 angka (tertulis ${nik.length})` };

  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  const dd = Number(nik.slice(6, 8));
  const mm = nik.slice(8, 10);
  const yy = nik.slice(10, 12);
  const sequence = nik.slice(12, 16);

  if (!(province in provinceNames)) return { ok: false, reason: `Kode provinsi ${province} pada NIK (angka ke-1–2) tidak dikenal` };
  if (regency === '00') return { ok: false, reason: `Kode kabupaten/kota 00 pada NIK (angka ke-3–4) tidak dikenal` };
  if (district === '00') return { ok: false, reason: `Kode kecamatan 00 pada NIK (angka ke-5–6) tidak dikenal` };

  const sex: 'L' | 'P' = dd > 40 ? 'P' : 'L';
  const day = sex === 'P' ? dd - 40 : dd;
  if (day < 1 || day > 31) {
    const written = nik.slice(6, 8);
    return { ok: false, reason: `Tanggal lahir pada NIK (angka ke-7–8) tertulis ${written}: harus 01–31 untuk laki-laki atau 41–71 untuk perempuan` };
  }
  const month = Number(mm);
  if (month < 1 || month > 12) return { ok: false, reason: `Bulan lahir pada NIK (angka ke-9–10) tertulis ${mm}: harus 01–12` };

  const monthDay = `${mm}-${String(day).padStart(2, '0')}`;
  const birthDate = inferCentury(yy, monthDay, today);
  if (birthDate === null)
    return { ok: false, reason: `Tanggal lahir dalam NIK (${String(day).padStart(2, '0')}-${mm}-${yy}) belum terjadi per ${ddmmyyyy(today)}` };
  if (!isRealIsoDate(birthDate)) return { ok: false, reason: `Tanggal lahir dalam NIK tidak ada di kalender (${ddmmyyyy(birthDate)})` };
  if (sequence === '0000') return { ok: false, reason: 'Nomor urut pada NIK (angka ke-13–16) 0000 tidak sah: nomor urut dimulai dari 0001' };

  return {
    ok: true,
    info: {
      nik,
      provinceCode: province,
      regencyCode: `${province}.${regency}`,
      districtCode: `${province}.${regency}.${district}`,
      birthDate,
      sex,
      sequence,
    },
  };
}

/**
 * The century is not written in a NIK. The birth date is the latest one that is not after
 * `today`: 20YY if that date has come, otherwise 19YY. So with today 2026-11-22, `…0112 26…`
 * (1 December) is 1926 — a 99-year-old — not refused: no NIK can carry a birth date that has
 * not happened, so 1926 is the only reading. The check is on the whole date (string order
 * works on impossible dates too); whether the date exists is checked afterwards, so
 * 29-02-00 read as 1900 is refused (1900 was not a leap year). `null` only when `today` lies
 * before 19YY (a clock set wrong).
 */
function inferCentury(yy: string, monthDay: string, today: string): string | null {
  for (const century of ['20', '19']) {
    const date = `${century}${yy}-${monthDay}`;
    if (date <= today) return date;
  }
  return null;
}

const sexWords = { L: 'laki-laki', P: 'perempuan' } as const;
const NIK_FIXED = 'NIK tidak berubah setelah terbit; periksa KTP.';

/**
 * Where the form disagrees with what the NIK encodes (birth date, sex): warnings for the
 * clerk to weigh, never a refusal. A form date that differs only in the century agrees — the
 * NIK does not record the century.
 */
export function nikWarnings(info: NikInfo, form: { birthDate?: string | null; sex?: 'L' | 'P' | null }): string[] {
  const warnings: string[] = [];
  const formDate = form.birthDate?.trim();
  if (formDate && isRealIsoDate(formDate) && formDate.slice(2) !== info.birthDate.slice(2)) {
    warnings.push(`Tanggal lahir di formulir (${ddmmyyyy(formDate)}) berbeda dengan NIK (${ddmmyyyy(info.birthDate)}). ${NIK_FIXED}`);
  }
  if (form.sex && form.sex !== info.sex) {
    const how = info.sex === 'P' ? 'tanggal lahir pada NIK ditambah 40' : 'tanggal lahir pada NIK tidak ditambah 40';
    warnings.push(`Jenis kelamin di formulir (${sexWords[form.sex]}) berbeda dengan NIK (${sexWords[info.sex]}: ${how}). ${NIK_FIXED}`);
  }
  return warnings;
}
