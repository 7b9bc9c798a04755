/**
 * Demo and benchmark data for one fictional puskesmas: pure functions of a seed (no database,
 * no clock unless `today` is omitted). `seedDemo` (demo.ts) writes them; the benchmarks build
 * their 100,000-patient databases from the same generator.
 *
 * The puskesmas sits in Kecamatan Megamendung, Kabupaten Bogor (Kemendagri 32.01.26); its
 * patients live there and in the neighbouring kecamatan. NIKs follow DESIGN.md §4.
 */
import { Faker, base, en, generateMersenne32Randomizer, id_ID, type Randomizer } from '@faker-js/faker';
import type { SharedSettings } from '../contract';
import type { NewPatient, NewVisit } from '../db/schema';
import { nameKey } from '../domain/nama';
import { localDate, zonedInstant, zoneOffsetMinutes } from '../domain/waktu';

/** Bump when the generator's output changes, so cached benchmark databases are rebuilt. */
export const DEMO_DATA_VERSION = 2;
export const DEFAULT_DEMO_SEED = 20_261_123;
export const DEMO_TIME_ZONE = 'Asia/Jakarta';

/** Kecamatan Megamendung and its neighbours (Kemendagri codes, as stored in `region`). */
export const DEMO_HOME_DISTRICT = '32.01.26';
export const DEMO_NEIGHBOUR_DISTRICTS = ['32.01.24', '32.01.25', '32.01.04', '32.01.05', '32.01.09'] as const;
/** Where NIKs of people who moved in were first issued (Kota Bogor, Jakarta Selatan, Cianjur, Sukabumi, Brebes, Depok). */
const MIGRANT_DISTRICTS = ['32.71.01', '32.71.02', '32.71.06', '31.74.01', '31.74.04', '32.03.01', '32.03.03', '32.02.01', '33.29.03', '32.76.02'];

// ---------------------------------------------------------------------------------------------
// Randomness and calendar helpers

/** `'a b c'` → `['a', 'b', 'c']`: long word lists stay readable. */
const words = (list: string): readonly string[] => list.split(' ');

class Rng {
  readonly faker: Faker;
  private readonly randomizer: Randomizer;

  constructor(seed: number) {
    this.randomizer = generateMersenne32Randomizer(seed);
    this.faker = new Faker({ locale: [id_ID, en, base], randomizer: this.randomizer });
  }

  /** [0, 1) */
  next(): number {
    return this.randomizer.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return items[items.length - 1]![0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** `YYYY-MM-DD` of a day number, without a Date (civil-from-days, H. Hinnant): the generator calls it per row. */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday

/** Opening time (07:30) and the end of a demo morning (11:00), in minutes after local midnight. */
export const OPENING_MINUTE = 450;
export const MORNING_END_MINUTE = 660;

/** Minutes after local midnight of an instant. */
export function localMinuteOf(instant: Date, timeZone: string): number {
  const iso = instant.toISOString();
  const local = Date.parse(iso) + zoneOffsetMinutes(iso.slice(0, 10), timeZone) * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/**
 * Where this morning's registrations stop: at `now` when the demo is seeded during the morning
 * rush (08:00–11:00), so nothing is registered in the future; otherwise a whole morning.
 */
export function morningEndFor(instant: Date, timeZone: string): number {
  const minute = localMinuteOf(instant, timeZone);
  return minute >= OPENING_MINUTE + 30 && minute < MORNING_END_MINUTE ? minute : MORNING_END_MINUTE;
}

/** The local calendar day (day number) of an ISO instant. */
export function localDayOf(instant: string, timeZone: string): number {
  const ms = Date.parse(instant);
  return Math.floor((ms + zoneOffsetMinutes(instant.slice(0, 10), timeZone) * 60_000) / DAY_MS);
}

/** Whole years from a birth date to a date (both `YYYY-MM-DD`); string slices, called per row. */
function ageOn(birthDate: string, on: string): number {
  return Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** DDMMYY with DD + 40 for women (DESIGN.md §4). */
function nikDate(birthDate: string, sex: 'L' | 'P'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return `${pad(Number(d) + (sex === 'P' ? 40 : 0), 2)}${m}${y.slice(2)}`;
}

/** NIKs unique per 12-digit prefix (district + DDMMYY): the last four digits count from 0001. */
class NikIssuer {
  private readonly next = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  issue(district: string, birthDate: string, sex: 'L' | 'P'): string {
    const prefix = district.replace(/\./g, '') + nikDate(birthDate, sex);
    const seq = (this.next.get(prefix) ?? 0) + this.rng.int(1, 3);
    this.next.set(prefix, seq);
    return prefix + pad(seq, 4);
  }
}

// ---------------------------------------------------------------------------------------------
// The puskesmas, its staff and its referral network

export const demoPuskesmas: Pick<SharedSettings, 'puskesmas' | 'timeZone' | 'runningText'> = {
  puskesmas: {
    name: 'UPT Puskesmas Sukamaju',
    code: 'P3201260201',
    pemerintah: 'Pemerintah Kabupaten Bogor',
    dinas: 'Dinas Kesehatan',
    address: 'Jl. Raya Puncak Km. 78 No. 12, Desa Sukamaju, Kecamatan Megamendung, Kabupaten Bogor, Jawa Barat 16770',
    phone: '(0251) 8254 371',
    email: 'uptpkm.sukamaju@gmail.com',
    headName: 'dr. Hj. Neneng Rohmawati, M.K.M.',
    headNip: '197805122006042015',
  },
  timeZone: DEMO_TIME_ZONE,
  runningText:
    'Selamat datang di UPT Puskesmas Sukamaju. Jam pelayanan: Senin–Kamis 07.30–14.00, Jumat 07.30–11.00, Sabtu 07.30–12.30. ' +
    'Siapkan kartu berobat, KTP atau kartu BPJS Anda. Lansia, penyandang disabilitas dan ibu hamil silakan mengambil antrean B. ' +
    'Posyandu balita setiap Selasa di desa masing-masing.',
};

export interface DemoPractitioner {
  name: string;
  profession: 'dokter' | 'dokter_gigi' | 'bidan' | 'perawat' | 'perawat_gigi' | 'analis' | 'apoteker';
  nip: string | null;
  sip: string | null;
  str: string | null;
  /** Unit code (resolved to an id when seeding). */
  unitCode: string | null;
}

/**
 * NIP (PNS): birth date YYYYMMDD, appointment YYYYMM, sex 1 (male) / 2 (female), 3-digit sequence.
 */
export function nip(birthDate: string, appointed: string, sex: 'L' | 'P', seq: number): string {
  return `${birthDate.replace(/-/g, '')}${appointed.replace(/-/g, '').slice(0, 6)}${sex === 'L' ? 1 : 2}${pad(seq, 3)}`;
}

const staff: { name: string; sex: 'L' | 'P'; profession: DemoPractitioner['profession']; sipCode: string; unitCode: string | null; pns: boolean }[] =
  [
    { name: 'dr. Rina Safitri', sex: 'P', profession: 'dokter', sipCode: 'DU', unitCode: 'UMUM', pns: true },
    { name: 'dr. Andri Firmansyah', sex: 'L', profession: 'dokter', sipCode: 'DU', unitCode: 'UGD', pns: true },
    { name: 'dr. Nurul Hidayah', sex: 'P', profession: 'dokter', sipCode: 'DU', unitCode: 'LANSIA', pns: false },
    { name: 'drg. Yudi Permana', sex: 'L', profession: 'dokter_gigi', sipCode: 'DG', unitCode: 'GIGI', pns: true },
    { name: 'Bd. Euis Nurhayati, S.Tr.Keb.', sex: 'P', profession: 'bidan', sipCode: 'BD', unitCode: 'KIA', pns: true },
    { name: 'Bd. Siti Maryam, A.Md.Keb.', sex: 'P', profession: 'bidan', sipCode: 'BD', unitCode: 'IMUN', pns: true },
    { name: 'Bd. Lilis Suryani, A.Md.Keb.', sex: 'P', profession: 'bidan', sipCode: 'BD', unitCode: 'PERSALINAN', pns: false },
    { name: 'Ns. Dadang Hidayat, S.Kep.', sex: 'L', profession: 'perawat', sipCode: 'PR', unitCode: 'UGD', pns: true },
    { name: 'Ns. Imas Komalasari, S.Kep.', sex: 'P', profession: 'perawat', sipCode: 'PR', unitCode: 'MTBS', pns: true },
    { name: 'Asep Saepudin, A.Md.Kep.', sex: 'L', profession: 'perawat', sipCode: 'PR', unitCode: 'TB', pns: false },
    { name: 'Rini Anggraeni, A.Md.Kep.', sex: 'P', profession: 'perawat', sipCode: 'PR', unitCode: 'UMUM', pns: false },
    { name: 'Tati Rohaeti, A.Md.Kes.', sex: 'P', profession: 'perawat_gigi', sipCode: 'TGM', unitCode: 'GIGI', pns: true },
    { name: 'Dede Kurniawan, A.Md.AK.', sex: 'L', profession: 'analis', sipCode: 'ATLM', unitCode: 'LAB', pns: false },
    { name: 'apt. Nining Kartika, S.Farm.', sex: 'P', profession: 'apoteker', sipCode: 'APT', unitCode: 'FARMASI', pns: true },
  ];

export function generatePractitioners(seed: number = DEFAULT_DEMO_SEED): DemoPractitioner[] {
  const rng = new Rng(seed ^ 0x5a17);
  return staff.map((s, i) => {
    const born = dateOfDay(dayNumber('1970-01-01') + rng.int(0, 25 * 365));
    const appointedYear = Number(born.slice(0, 4)) + rng.int(25, 32);
    const appointed = `${Math.min(appointedYear, 2024)}-${pad(rng.pick([1, 2, 3, 4, 10, 12]), 2)}`;
    const sipYear = rng.int(2021, 2025);
    return {
      name: s.name,
      profession: s.profession,
      nip: s.pns ? nip(born, appointed, s.sex, rng.int(1, 40)) : null,
      sip: `503.446/${pad(rng.int(100, 2999), 4)}/SIP-${s.sipCode}/DPMPTSP/${sipYear}`,
      str: rng.digits(16).replace(/^0/, String(i + 1)),
      unitCode: s.unitCode,
    };
  });
}

export interface DemoFacility {
  code: string;
  name: string;
  kind: 'rs' | 'rs_khusus' | 'klinik_utama' | 'puskesmas' | 'laboratorium';
  address: string;
  phone: string;
}

/** Referral destinations (fictional names, BPJS-style faskes codes). */
export const demoFacilities: DemoFacility[] = [
  {
    code: '0120R001',
    name: 'RSUD Megamendung',
    kind: 'rs',
    address: 'Jl. Raya Puncak Km. 74, Megamendung, Kabupaten Bogor',
    phone: '(0251) 824 1010',
  },
  { code: '0120R014', name: 'RS Harapan Puncak', kind: 'rs', address: 'Jl. Raya Ciawi No. 45, Ciawi, Kabupaten Bogor', phone: '(0251) 824 5577' },
  { code: '0120R027', name: 'RS Medika Citra Bogor', kind: 'rs', address: 'Jl. Raya Tajur No. 188, Kota Bogor', phone: '(0251) 837 2211' },
  {
    code: '0120R031',
    name: 'RSIA Bunda Sukamaju',
    kind: 'rs_khusus',
    address: 'Jl. Gadog Raya No. 9, Megamendung, Kabupaten Bogor',
    phone: '(0251) 825 3939',
  },
  {
    code: '0120R042',
    name: 'RS Paru Cisarua',
    kind: 'rs_khusus',
    address: 'Jl. Raya Puncak Km. 83, Cisarua, Kabupaten Bogor',
    phone: '(0251) 825 7070',
  },
  {
    code: '0120K008',
    name: 'Klinik Utama Mata Sehat Ciawi',
    kind: 'klinik_utama',
    address: 'Jl. Veteran No. 21, Ciawi, Kabupaten Bogor',
    phone: '(0251) 824 6060',
  },
  {
    code: '0120L003',
    name: 'Laboratorium Klinik Prima Medika',
    kind: 'laboratorium',
    address: 'Jl. Raya Ciawi No. 112, Ciawi, Kabupaten Bogor',
    phone: '(0251) 824 8181',
  },
  {
    code: '10230201',
    name: 'UPT Puskesmas Ciawi (PONED)',
    kind: 'puskesmas',
    address: 'Jl. Raya Ciawi No. 3, Ciawi, Kabupaten Bogor',
    phone: '(0251) 824 0303',
  },
];

// ---------------------------------------------------------------------------------------------
// Patients

/** Indonesia's population pyramid in 5-year bands (BPS, Sensus Penduduk 2020, rounded %). */
const pyramid: readonly (readonly [number, number])[] = [
  [0, 8.3],
  [5, 8.5],
  [10, 8.4],
  [15, 8.2],
  [20, 8.1],
  [25, 7.9],
  [30, 7.7],
  [35, 7.6],
  [40, 7.2],
  [45, 6.5],
  [50, 5.7],
  [55, 4.8],
  [60, 3.8],
  [65, 2.7],
  [70, 1.7],
  [75, 1.0],
  [80, 0.6],
  [85, 0.3],
];

/** Sundanese and common Muslim given names, by generation, to sit beside faker's (mostly Javanese) ones. */
const names = {
  L: {
    old: words(
      'Ujang Asep Dadang Encep Engkos Tatang Didin Dadan Ocid Endang Maman Oman Usep Yayat Entis Jajang Ade Aep Udin Rohmat Nanang Iwan Cecep Mamat Apep Agus Dede Sutisna Wawan Yusuf Hendra Dodi Ruslan Sarip Komar Ikin Amin Hasan Makmun Edi Cahya Rahmat Odih',
    ),
    young: words(
      'Rizky Fajar Gilang Rafi Alif Fadil Raka Arkan Daffa Haikal Rayyan Zidan Azka Rendi Ilham Yoga Dimas Bayu Galih Rangga Reza Farhan Akbar Naufal Abdullah Fikri Arya Satria Bagas Rasya Kenzie Aditya Fathan Hafiz Fauzan Rizal Wildan Dafa Syahrul Iqbal Ridwan Akmal Raffi',
    ),
    prefix: ['Muhammad', 'Muhamad', 'Mochamad', 'Moh.', 'Ahmad', 'Abdul'],
    last: words(
      'Hidayat Saputra Permana Kurniawan Firmansyah Suryana Sopian Ramdani Nugraha Hermawan Setiawan Gunawan Sulaeman Mulyana Supriatna Ruhiyat Saepudin Sukmana Hamdani Rahman',
    ),
  },
  P: {
    old: words(
      'Euis Neneng Iis Enok Imas Onah Enah Cucu Yati Lilis Dedeh Entin Nining Tuti Popon Ai Eti Yuyun Nia Ika Elis Kokom Oom Titin Nani Aas Eha Iyah Iah Mimin Ani Yeni Rohimah Aisah Juju Ratnasari Elah Cicih Eneng Tini Hayati Omah',
    ),
    young: words(
      'Zahra Aqila Nabila Salsabila Alya Nayla Keisha Syifa Aisyah Khansa Fitri Rahma Putri Wulan Intan Ratna Dewi Sri Anisa Rina Tiara Amelia Fauziah Silvi Najwa Hana Kayla Almira Shakila Nadia Safira Aurel Mutiara Sinta Lia Meli Desi Yulia Rosa Ayu Anggi Nisa',
    ),
    prefix: ['Siti', 'Nur', 'Nurul', 'Hj.'],
    last: words(
      'Nurhayati Rohmawati Komalasari Suryani Maryam Rahayu Anggraeni Kartika Fitriani Herlina Rosita Rohaeti Mulyani Aminah Solihah Sumiati Fatimah Jubaedah Nurjanah Apriliani',
    ),
  },
} as const;

function personName(rng: Rng, sex: 'L' | 'P', age: number): string {
  const list = names[sex];
  const given = rng.chance(0.3) ? rng.faker.person.firstName(sex === 'L' ? 'male' : 'female') : rng.pick(age >= 35 ? list.old : list.young);
  const parts: string[] = [];
  if (rng.chance(age >= 18 ? 0.15 : 0.25)) {
    const prefix = rng.pick(list.prefix);
    if (prefix !== 'Hj.' || age >= 45) parts.push(prefix);
  }
  parts.push(given);
  // Older villagers often carry one name; younger ones two or three.
  const surname = age >= 55 ? 0.45 : 0.85;
  if (rng.chance(surname)) parts.push(rng.chance(0.5) ? rng.faker.person.lastName(sex === 'L' ? 'male' : 'female') : rng.pick(list.last));
  return parts.join(' ');
}

const operatorPrefixes = words(
  '0811 0812 0813 0821 0822 0823 0852 0853 0851 0856 0857 0858 0815 0817 0818 0819 0859 0877 0878 0831 0838 0895 0896 0897 0898 0881 0882 0887',
);
const phone = (rng: Rng) => rng.pick(operatorPrefixes) + rng.digits(rng.chance(0.7) ? 8 : 7);

const kampung =
  'Kp. Cibogo|Kp. Babakan|Kp. Pasir Angin|Kp. Cipayung|Kp. Sukagalih|Kp. Cibeureum|Kp. Sindangsari|Kp. Cilember|Kp. Pasekon|Kp. Gadog|Kp. Sukatani|Kp. Kebon Kopi|Kp. Cijulang|Kp. Bojong|Kp. Ciburial|Kp. Legok|Kp. Tugu|Kp. Panyairan|Kp. Cisampay|Kp. Leuwimalang|Kp. Pangkalan|Kp. Citeko|Kp. Sirnagalih|Kp. Cikoneng|Kp. Neglasari'.split(
    '|',
  );
const roads = ['Jl. Raya Puncak', 'Jl. Gadog Raya', 'Jl. Raya Ciawi', 'Jl. Sukamaju', 'Jl. Pasir Angin', 'Jl. Cipayung Girang'];
const housing = ['Perum Villa Sukamaju', 'Perum Griya Megamendung', 'Perum Puncak Asri', 'Komplek Gadog Indah'];

function street(rng: Rng): string {
  const r = rng.next();
  if (r < 0.62) return rng.pick(kampung);
  if (r < 0.85)
    return `${rng.pick(roads)} ${rng.chance(0.5) ? `Km. ${rng.int(70, 86)}` : `Gg. ${rng.pick(['H. Ucup', 'Mesjid', 'Kenanga', 'Melati', 'Swadaya', 'Bakti', 'Haji Amin'])}`} No. ${rng.int(1, 120)}`;
  return `${rng.pick(housing)} Blok ${rng.pick(['A', 'B', 'C', 'D', 'E', 'F'])}${rng.int(1, 12)} No. ${rng.int(1, 30)}`;
}

const birthPlaces: readonly (readonly [string, number])[] = [
  ['Bogor', 70],
  ['Jakarta', 7],
  ['Sukabumi', 4],
  ['Cianjur', 4],
  ['Bandung', 3],
  ['Depok', 2],
  ['Garut', 2],
  ['Tasikmalaya', 1.5],
  ['Brebes', 1.5],
  ['Kuningan', 1],
  ['Tegal', 1],
  ['Serang', 1],
  ['Padang', 0.5],
  ['Medan', 0.5],
  ['Surabaya', 0.5],
  ['Palembang', 0.5],
];

function occupationOf(rng: Rng, sex: 'L' | 'P', age: number): string {
  if (age < 5) return 'Belum/Tidak Bekerja';
  if (age < 19) return 'Pelajar/Mahasiswa';
  if (age >= 65)
    return rng.weighted([
      ['Tidak Bekerja', 5],
      ['Pensiunan', 1],
      ['Petani/Pekebun', 2],
      ['Mengurus Rumah Tangga', sex === 'P' ? 5 : 0],
    ]);
  return rng.weighted([
    ['Mengurus Rumah Tangga', sex === 'P' ? 30 : 0],
    ['Karyawan Swasta', 14],
    ['Wiraswasta', 12],
    ['Buruh Harian Lepas', 12],
    ['Petani/Pekebun', 8],
    ['Pedagang', 8],
    ['Sopir', sex === 'L' ? 4 : 0],
    ['Pelajar/Mahasiswa', age < 24 ? 10 : 0],
    ['Guru', 2],
    ['Pegawai Negeri Sipil', 2],
    ['Belum/Tidak Bekerja', 4],
  ]);
}

function educationOf(rng: Rng, age: number): string {
  if (age < 7) return 'Tidak/Belum Sekolah';
  if (age < 13) return 'Belum Tamat SD/Sederajat';
  if (age < 16) return 'Tamat SD/Sederajat';
  if (age < 19) return 'SLTP/Sederajat';
  const older = age >= 50;
  return rng.weighted([
    ['Tidak/Belum Sekolah', older ? 8 : 1],
    ['Tamat SD/Sederajat', older ? 45 : 20],
    ['SLTP/Sederajat', older ? 20 : 22],
    ['SLTA/Sederajat', older ? 18 : 40],
    ['Diploma III', 4],
    ['Diploma IV/Strata I', older ? 4 : 12],
    ['Strata II', 1],
  ]);
}

function maritalOf(rng: Rng, sex: 'L' | 'P', age: number): string {
  if (age < 17) return 'Belum Kawin';
  if (age < 25) return rng.chance(sex === 'P' ? 0.45 : 0.25) ? 'Kawin' : 'Belum Kawin';
  if (age >= 60)
    return rng.weighted([
      ['Kawin', sex === 'L' ? 80 : 50],
      ['Cerai Mati', sex === 'L' ? 15 : 45],
      ['Cerai Hidup', 5],
    ]);
  return rng.weighted([
    ['Kawin', 85],
    ['Belum Kawin', 8],
    ['Cerai Hidup', 5],
    ['Cerai Mati', 2],
  ]);
}

export interface GeneratePatientsOptions {
  /** The local date the data is "as of" (default: today in Asia/Jakarta). */
  today?: string;
  timeZone?: string;
  /** How many of the last patients were registered today (default 3–5 when count ≥ 100). */
  createdToday?: number;
  /** RM numbers count from here (default 1). */
  firstRmNumber?: number;
  /** Today's registrations happen between 07:30 and this minute of the day (default 11:00). */
  morningEnd?: number;
}

interface Draft {
  row: NewPatient;
  createdDay: number;
  /** Seconds after local midnight. */
  createdSecond: number;
}

/**
 * `count` patients, deterministic for `seed`, `villageCodes` and `today`. Rows are in RM order
 * (RM numbers allocated in registration order). Villages of {@link DEMO_HOME_DISTRICT} are
 * preferred; an empty `villageCodes` leaves `village_code` null.
 */
export function generatePatients(
  count: number,
  seed: number = DEFAULT_DEMO_SEED,
  villageCodes: readonly string[] = [],
  options: GeneratePatientsOptions = {},
): NewPatient[] {
  const timeZone = options.timeZone ?? DEMO_TIME_ZONE;
  const today = options.today ?? localDate(new Date(), timeZone);
  const todayDay = dayNumber(today);
  const rng = new Rng(seed);
  const niks = new NikIssuer(rng);
  const bpjsNumbers = new Set<string>();
  const home = villageCodes.filter((c) => c.startsWith(`${DEMO_HOME_DISTRICT}.`));
  const away = villageCodes.filter((c) => !c.startsWith(`${DEMO_HOME_DISTRICT}.`));
  const newToday = Math.min(count, options.createdToday ?? (count >= 100 ? rng.int(3, 5) : 0));
  const morningEnd = options.morningEnd ?? MORNING_END_MINUTE;
  // The RM sequence began about ten years ago.
  const firstDay = todayDay - 3650;

  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const isNewToday = i >= count - newToday;
    const sex: 'L' | 'P' = rng.chance(0.505) ? 'L' : 'P';
    // New registrations today are mostly babies and young families; the rest follow the pyramid.
    const band = isNewToday ? rng.pick([0, 0, 20, 25, 30, 60]) : rng.weighted(pyramid);
    const bandYears = band === 85 ? 10 : 5;
    const birthDay = Math.min(todayDay - 1, todayDay - band * 365 - rng.int(0, bandYears * 365 - 1) - (band === 0 ? 1 : 0));
    const birthDate = dateOfDay(birthDay);
    const age = ageOn(birthDate, today);
    let createdDay = isNewToday ? todayDay : rng.int(Math.max(firstDay, birthDay), todayDay - 1);
    if (weekday(createdDay) === 0 && createdDay - 1 >= birthDay && !isNewToday) createdDay -= 1; // closed on Sundays
    const createdDate = dateOfDay(createdDay);
    const slot = (morningEnd - OPENING_MINUTE) / Math.max(1, newToday);
    const createdMinute = isNewToday
      ? OPENING_MINUTE + Math.floor((i - (count - newToday)) * slot + rng.next() * slot)
      : rng.int(OPENING_MINUTE, 780);

    const infant = age < 1;
    const withoutNik = infant && rng.chance(0.1);
    const district = rng.weighted<string>([
      [DEMO_HOME_DISTRICT, 72],
      [rng.pick(DEMO_NEIGHBOUR_DISTRICTS), 20],
      [rng.pick(MIGRANT_DISTRICTS), age >= 18 ? 8 : 2],
    ]);
    const name = personName(rng, sex, age);
    let motherName: string | null = null;
    let motherNik: string | null = null;
    if (age < 18 && (withoutNik || rng.chance(age < 5 ? 0.85 : 0.4))) {
      const motherAge = age + rng.int(19, 40);
      motherName = personName(rng, 'P', motherAge);
      if (withoutNik || (age < 5 && rng.chance(0.5))) {
        const motherBirth = dateOfDay(birthDay - motherAge * 365 - rng.int(0, 364));
        motherNik = niks.issue(age < 5 ? district : DEMO_HOME_DISTRICT, motherBirth, 'P');
      }
    }
    const nik = withoutNik ? null : niks.issue(district, birthDate, sex);

    let bpjs: string | null = null;
    if (rng.chance(0.65)) {
      do {
        bpjs = rng.chance(0.8) ? `0001${rng.digits(9)}` : `000${rng.digits(10)}`;
      } while (bpjsNumbers.has(bpjs));
      bpjsNumbers.add(bpjs);
    }
    const adult = age >= 18;
    const hasPhone = rng.chance(age >= 70 ? 0.6 : adult ? 0.9 : 0.8);
    const married = maritalOf(rng, sex, age);
    const village = home.length > 0 && (away.length === 0 || rng.chance(0.75)) ? rng.pick(home) : away.length > 0 ? rng.pick(away) : null;
    const familyHead =
      adult && sex === 'L' && married === 'Kawin' ? name : personName(rng, 'L', adult ? age + rng.int(-5, 5) : age + rng.int(22, 45));
    const createdSecond = rng.int(0, 59);
    const createdAt = zonedInstant(createdDate, createdMinute, timeZone, createdSecond);
    const emergency = adult && rng.chance(0.55);

    drafts.push({
      createdDay,
      createdSecond: createdMinute * 60 + createdSecond,
      row: {
        rm_number: '',
        name,
        name_key: nameKey(name),
        sex,
        birth_place: rng.chance(0.95) ? rng.weighted(birthPlaces) : null,
        birth_date: birthDate,
        nik,
        bpjs_number: bpjs,
        bpjs_class: bpjs
          ? rng.weighted([
              [3, 70],
              [2, 20],
              [1, 10],
            ])
          : null,
        payer_default: bpjs ? 'bpjs' : 'umum',
        phone: hasPhone ? phone(rng) : null,
        address_street: street(rng),
        rt: pad(rng.int(1, 8), 3),
        rw: pad(rng.int(1, 12), 3),
        village_code: village,
        occupation: occupationOf(rng, sex, age),
        education: educationOf(rng, age),
        religion: rng.weighted([
          ['Islam', 96],
          ['Kristen', 2.2],
          ['Katolik', 1.2],
          ['Buddha', 0.3],
          ['Hindu', 0.2],
          ['Khonghucu', 0.1],
        ]),
        marital_status: married,
        blood_type: rng.chance(0.35)
          ? rng.weighted([
              ['O', 37],
              ['A', 26],
              ['B', 29],
              ['AB', 8],
            ])
          : null,
        mother_name: motherName,
        mother_nik: motherNik,
        kk_number: rng.chance(0.85) ? district.replace(/\./g, '') + nikDate(dateOfDay(createdDay - rng.int(0, 3000)), 'L') + rng.digits(4) : null,
        family_head: familyHead,
        emergency_name: emergency ? personName(rng, rng.chance(0.5) ? 'L' : 'P', age + rng.int(-10, 10)) : null,
        emergency_relation: emergency ? rng.pick(married === 'Kawin' ? ['Suami/Istri', 'Anak', 'Saudara'] : ['Orang tua', 'Saudara', 'Anak']) : null,
        emergency_phone: emergency ? phone(rng) : null,
        created_at: createdAt,
        updated_at: createdAt,
        merged_into: null,
      },
    });
  }
  // RM numbers in registration order; the stable sort keeps generation order within a second.
  drafts.sort((a, b) => a.createdDay - b.createdDay || a.createdSecond - b.createdSecond);
  const first = options.firstRmNumber ?? 1;
  return drafts.map((d, i) => {
    d.row.rm_number = pad(first + i, 6);
    return d.row;
  });
}

// ---------------------------------------------------------------------------------------------
// Visits

export interface DemoPatientRef {
  id: number;
  sex: string;
  birth_date: string;
  created_at: string;
  payer_default: string;
}

export interface GenerateVisitsOptions {
  today: string;
  timeZone?: string;
  /** Visits registered this morning (default 60–80). */
  todayCount?: number;
  /** This morning's registrations stop at this minute of the day (default 11:00). */
  morningEnd?: number;
  /** Earlier visits over the past ~13 months (default true). */
  history?: boolean;
  registeredBy?: number | null;
}

interface VisitDraft {
  day: number;
  minute: number;
  second: number;
  patient: DemoPatientRef;
  unitCode: string;
  cluster: string;
  emergency: boolean;
  pasienBaru: boolean;
}

/** Unit and ILP cluster by life stage (DESIGN.md §1.3, §4): the cluster follows the person, not the room. */
function route(rng: Rng, sex: string, age: number): { unitCode: string; cluster: string; emergency: boolean } {
  if (rng.chance(0.03)) return { unitCode: 'UGD', cluster: 'lintas', emergency: true };
  if (age < 1)
    return {
      unitCode: rng.weighted([
        ['IMUN', 50],
        ['MTBS', 40],
        ['GIZI', 10],
      ]),
      cluster: 'klaster2',
      emergency: false,
    };
  if (age < 5)
    return {
      unitCode: rng.weighted([
        ['MTBS', 62],
        ['IMUN', 14],
        ['GIZI', 10],
        ['GIGI', 6],
        ['UMUM', 8],
      ]),
      cluster: 'klaster2',
      emergency: false,
    };
  if (sex === 'P' && age >= 15 && age < 50 && rng.chance(0.35)) return { unitCode: 'KIA', cluster: 'klaster2', emergency: false };
  const stage = age < 18 ? 'klaster2' : 'klaster3';
  const unitCode =
    age >= 60
      ? rng.weighted([
          ['LANSIA', 75],
          ['UMUM', 10],
          ['GIGI', 10],
          ['TB', 5],
        ])
      : rng.weighted([
          ['UMUM', 80],
          ['GIGI', 14],
          ['TB', 6],
        ]);
  return { unitCode, cluster: unitCode === 'TB' ? 'klaster4' : stage, emergency: false };
}

/** Who comes to a puskesmas on a morning: small children, the elderly and women of child-bearing age most. */
function visitWeight(sex: string, age: number): number {
  if (age < 5) return 1;
  if (age < 15) return 0.35;
  if (age < 50) return sex === 'P' ? 0.55 : 0.3;
  if (age < 60) return 0.5;
  return 0.9;
}

/** Morning arrivals: most in the first two hours after opening at 07:30. */
const morningMinute = (rng: Rng, span: number) => OPENING_MINUTE + Math.floor(span * Math.pow(rng.next(), 1.5));

/**
 * This morning's visits (seq 1..n from 07:30) and, unless turned off, earlier visits; patients
 * created today get their first visit today with `pasien_baru`. `unit_id` is left 0: the caller
 * maps `unitCode` to its units.
 */
export function generateVisits(
  patients: readonly DemoPatientRef[],
  seed: number,
  options: GenerateVisitsOptions,
): (Omit<NewVisit, 'unit_id'> & { unitCode: string })[] {
  const timeZone = options.timeZone ?? DEMO_TIME_ZONE;
  const today = options.today;
  const todayDay = dayNumber(today);
  const rng = new Rng(seed ^ 0x71517);
  const drafts: VisitDraft[] = [];
  const createdDay = (p: DemoPatientRef) => localDayOf(p.created_at, timeZone);
  const add = (p: DemoPatientRef, day: number, minute: number, pasienBaru: boolean) => {
    const age = ageOn(p.birth_date, dateOfDay(day));
    drafts.push({ day, minute, second: rng.int(0, 59), patient: p, pasienBaru, ...route(rng, p.sex, age) });
  };

  // Earlier visits: a first visit on the day of registration within the window, then return visits.
  if (options.history ?? true) {
    const windowStart = todayDay - 400;
    for (const p of patients) {
      const created = createdDay(p);
      if (created >= todayDay) continue;
      if (created >= windowStart) add(p, created, morningMinute(rng, 300), true);
      const age = ageOn(p.birth_date, today);
      const returns = rng.chance(age < 5 || age >= 60 ? 0.65 : 0.35)
        ? rng.weighted([
            [1, 45],
            [2, 30],
            [3, 15],
            [4, 10],
          ])
        : 0;
      const from = Math.max(windowStart, created + 1);
      for (let k = 0; k < returns && from < todayDay; k++) {
        let day = rng.int(from, todayDay - 1);
        if (weekday(day) === 0) day = day + 1 < todayDay ? day + 1 : day - 1; // closed on Sundays
        if (day < from) continue;
        add(p, day, morningMinute(rng, 300), false);
      }
    }
  }

  // This morning.
  const newToday = patients.filter((p) => createdDay(p) === todayDay);
  const target = Math.max(options.todayCount ?? rng.int(60, 80), newToday.length);
  const span = (options.morningEnd ?? MORNING_END_MINUTE) - OPENING_MINUTE;
  const midnight = Date.parse(zonedInstant(today, 0, timeZone));
  // A new patient's first visit is registered the minute their RM number is made.
  for (const p of newToday) add(p, todayDay, Math.max(OPENING_MINUTE, Math.floor((Date.parse(p.created_at) - midnight) / 60_000)), true);
  const earlier = patients.filter((p) => createdDay(p) < todayDay);
  const chosen = new Set<number>();
  for (let guard = 0; chosen.size < target - newToday.length && guard < 1_000_000 && earlier.length > chosen.size; guard++) {
    const p = earlier[Math.floor(rng.next() * earlier.length)]!;
    if (chosen.has(p.id) || !rng.chance(visitWeight(p.sex, ageOn(p.birth_date, today)))) continue;
    chosen.add(p.id);
    add(p, todayDay, morningMinute(rng, span), false);
  }

  // Register order: seq per day by time; kunjungan baru = first visit of the patient in that calendar year.
  drafts.sort((a, b) => a.day - b.day || a.minute - b.minute || a.second - b.second || a.patient.id - b.patient.id);
  const seqOfDay = new Map<number, number>();
  const seenInYear = new Set<string>();
  return drafts.map((d) => {
    const date = dateOfDay(d.day);
    const seq = (seqOfDay.get(d.day) ?? 0) + 1;
    seqOfDay.set(d.day, seq);
    const yearKey = `${d.patient.id}|${date.slice(0, 4)}`;
    const kunjunganBaru = !seenInYear.has(yearKey);
    seenInYear.add(yearKey);
    return {
      visit_date: date,
      seq,
      registered_at: zonedInstant(date, d.minute, timeZone, d.second),
      patient_id: d.patient.id,
      payer: d.patient.payer_default,
      unitCode: d.unitCode,
      cluster: d.cluster,
      emergency: d.emergency ? 1 : 0,
      kunjungan_baru: kunjunganBaru ? 1 : 0,
      pasien_baru: d.pasienBaru ? 1 : 0,
      registered_by: options.registeredBy ?? null,
    };
  });
}
