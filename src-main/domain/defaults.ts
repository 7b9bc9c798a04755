import type { Cluster, SharedSettings } from '../contract';

/**
 * What a new installation starts with, taken from the units named in the SOPs
 * (seed 004 §8, seed 001, seed 003): the puskesmas edits them in Pengaturan.
 */
export const defaultUnits: { code: string; name: string; cluster: Cluster; closingTime: string }[] = [
  { code: 'UMUM', name: 'Poli Umum', cluster: 'klaster3', closingTime: '14:00' },
  { code: 'LANSIA', name: 'Poli Lansia', cluster: 'klaster3', closingTime: '14:00' },
  { code: 'GIGI', name: 'Poli Gigi dan Mulut', cluster: 'lintas', closingTime: '14:00' },
  { code: 'KIA', name: 'Poli KIA / KB', cluster: 'klaster2', closingTime: '14:00' },
  { code: 'MTBS', name: 'MTBS', cluster: 'klaster2', closingTime: '14:00' },
  { code: 'IMUN', name: 'Imunisasi', cluster: 'klaster2', closingTime: '12:00' },
  { code: 'TB', name: 'Poli TB / P2M', cluster: 'klaster4', closingTime: '14:00' },
  { code: 'GIZI', name: 'Gizi', cluster: 'klaster2', closingTime: '14:00' },
  { code: 'UGD', name: 'Unit Gawat Darurat', cluster: 'lintas', closingTime: '23:59' },
  { code: 'PERSALINAN', name: 'Persalinan', cluster: 'lintas', closingTime: '23:59' },
  { code: 'LAB', name: 'Laboratorium', cluster: 'lintas', closingTime: '14:00' },
  { code: 'FARMASI', name: 'Farmasi', cluster: 'lintas', closingTime: '14:30' },
];

export const defaultServices = [
  { code: 'UMUM', name: 'Umum / BPJS', prefix: 'A' },
  { code: 'PRIORITAS', name: 'Lansia, Disabilitas, Ibu Hamil', prefix: 'B' },
  { code: 'KIA', name: 'Ibu dan Anak', prefix: 'C' },
];

/** Loket 1 and 2 serve every service; loket 3 the KIA line. */
export const defaultCounters = [
  { number: 1, name: 'Loket 1', serviceCodes: ['UMUM', 'PRIORITAS', 'KIA'] },
  { number: 2, name: 'Loket 2', serviceCodes: ['UMUM', 'PRIORITAS', 'KIA'] },
  { number: 3, name: 'Loket 3', serviceCodes: ['KIA'] },
];

/**
 * One placeholder tariff so pasien umum can be registered on day one; every puskesmas replaces
 * it with the items and amounts of its own Perda/Perwali (Pengaturan → Tarif).
 */
export const defaultTariffs = [{ code: 'KARCIS', name: 'Karcis rawat jalan (pendaftaran dan pemeriksaan umum)', amount: 10_000 }];

export const defaultSharedSettings: SharedSettings = {
  puskesmas: {
    name: 'Puskesmas',
    code: '',
    pemerintah: '',
    dinas: '',
    address: '',
    phone: '',
    email: '',
    headName: '',
    headNip: '',
  },
  timeZone: 'Asia/Jakarta',
  runningText: 'Selamat datang. Siapkan kartu berobat, KTP atau kartu BPJS Anda sebelum dipanggil.',
  rmFormat: { width: 6, prefix: '', family: false },
  // Under 18: anak/remaja (klaster 2); 60 and over: lansia (Permenkes 25/2016).
  lifeStage: { childMaxAgeYears: 18, elderlyMinAgeYears: 60 },
  queue: {
    ticketWidth: 3,
    priorityPolicy: 'dahulukan',
    priorityInterval: 3,
    poliNumbering: 'unit',
    defaultServiceMinutes: 5,
    // One letter per default unit, distinct from each other and from the loket prefixes A–C.
    unitPrefixes: {
      UMUM: 'U',
      LANSIA: 'L',
      GIGI: 'G',
      KIA: 'K',
      MTBS: 'M',
      IMUN: 'I',
      TB: 'T',
      GIZI: 'Z',
      UGD: 'D',
      PERSALINAN: 'P',
      LAB: 'R',
      FARMASI: 'F',
    },
  },
  folders: {
    filingOrder: 'terminal',
    // Terminal digit: the last two digits choose the shelf; four runs of 25.
    sections: [
      { name: 'Rak A', from: 0, to: 24 },
      { name: 'Rak B', from: 25, to: 49 },
      { name: 'Rak C', from: 50, to: 74 },
      { name: 'Rak D', from: 75, to: 99 },
    ],
    // KLPCM: what every visit's sheet must carry (Permenkes 24/2022).
    completenessItems: ['Identitas pasien', 'Tanggal', 'Anamnesis', 'Diagnosis', 'Terapi', 'Nama dan tanda tangan dokter', 'Tulisan terbaca'],
    inactiveAfterYears: 5,
  },
  reports: {
    // The LB1 age groups (Laporan Bulanan 1, SP2TP): neonates by days, infants by months.
    ageGroups: [
      { label: '0–7 hari', from: 0, to: 7, unit: 'hari' },
      { label: '8–28 hari', from: 8, to: 28, unit: 'hari' },
      { label: '1–11 bulan', from: 1, to: 11, unit: 'bulan' },
      { label: '1–4 tahun', from: 1, to: 4, unit: 'tahun' },
      { label: '5–9 tahun', from: 5, to: 9, unit: 'tahun' },
      { label: '10–14 tahun', from: 10, to: 14, unit: 'tahun' },
      { label: '15–19 tahun', from: 15, to: 19, unit: 'tahun' },
      { label: '20–44 tahun', from: 20, to: 44, unit: 'tahun' },
      { label: '45–54 tahun', from: 45, to: 54, unit: 'tahun' },
      { label: '55–59 tahun', from: 55, to: 59, unit: 'tahun' },
      { label: '60–69 tahun', from: 60, to: 69, unit: 'tahun' },
      { label: '70+ tahun', from: 70, to: null, unit: 'tahun' },
    ],
    // No pustu until the puskesmas names them: follow-ups are then listed by village.
    pustu: [],
  },
  letters: {
    logoDataUrl: '',
    unitCode: 'PKM',
    place: '',
    // 445 is the archive code for health matters (Permendagri 78/2012, klasifikasi arsip).
    patterns: {
      sakit: '445/{seq:3}/SKS/{unitCode}/{romanMonth}/{year}',
      sehat: '445/{seq:3}/SKBS/{unitCode}/{romanMonth}/{year}',
      rujukan: '445/{seq:3}/RJK/{unitCode}/{romanMonth}/{year}',
      rujukan_internal: 'RI/{seq:4}/{unitCode}/{year}',
    },
    paper: 'A4',
    // Seed 000 step 7: at most 3 days; longer, the patient comes back on day 4 for a re-examination.
    sickLeaveMaxDays: 3,
    sickLeaveMessage:
      'Surat keterangan sakit paling lama 3 (tiga) hari. Bila masih sakit, pasien datang kembali pada hari ke-4 untuk pemeriksaan ulang.',
  },
  // A counter PC left alone locks after ten minutes (#8): patient data is not left on the screen.
  idleLockMinutes: 10,
};

/** RM numbers are zero-padded to this width unless the puskesmas sets its own format. */
export const DEFAULT_RM_WIDTH = 6;
