import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  IMPORT_MAX_ROWS,
  IMPORT_REPORT_LIMIT,
  importFieldLabels,
  LoketError,
  patientCreateSchema,
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type patientImportMethods,
  type SharedSettings,
} from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as imports from '../db/repositories/patient-import';
import type { PatientColumns } from '../db/repositories/patient-records';
import { raiseSequence } from '../db/repositories/sequences';
import type { NewPatient } from '../db/schema';
import { nameSimilarity, SIMILAR_NAME_THRESHOLD } from '../domain/kemiripan';
import { decodeNik } from '../domain/nik';
import { formatRm, rmCandidates, type RmFormat } from '../domain/rm';
import { localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { checkPatientFields } from './patient-records';
import { loadSharedSettings } from './settings';
import { createMissingFolders } from '../db/repositories/folders';

/*
 * Patient import (CSV/XLSX from SIMPUS, ePuskesmas or a register kept in Excel).
 *
 * 1. The file is read into rows of text cells: CSV in UTF-8 (with or without BOM), UTF-16 (Excel's
 *    "Unicode text") or, failing UTF-8, Windows-1252, delimiter `,` `;` tab or `|` taken from the
 *    first lines; XLSX: the first sheet, Excel dates as dates, numbers without exponent.
 * 2. The header row is the first of the first ten filled rows naming at least two known columns
 *    (title lines above it are skipped), or the first filled row.
 * 3. Each data row is turned into the patient form's input (dates `dd-mm-yyyy`, `dd/mm/yyyy`,
 *    `yyyy-mm-dd`, `12 Maret 1990` and Excel serials; L/P, Laki-laki/Perempuan; "RT/RW" split)
 *    and checked by the same code as the form: `patientCreateSchema`, then `checkPatientFields`.
 *    Any problem rejects the row, naming the field, the column and the reason. Choice fields the
 *    form offers as a list (religion, education, marital status, blood type, class, payer) that
 *    cannot be read are left empty with a warning instead.
 * 4. Identity against the file and the database (see `classify`): a row whose RM number or NIK is
 *    already in Loket with the same identity is "sudah ada" (not added again: importing the same
 *    file twice adds nothing); the same RM for another person or the same NIK under another RM
 *    is a likely duplicate (not added); a second row with an RM/NIK seen earlier in the file is a
 *    duplicate of that row (the first one is added).
 * 5. The write is one transaction: identifiers re-checked, the RM sequence raised past the kept
 *    numbers, new numbers allocated, rows inserted 500 per statement. Any failure rolls it all back.
 *
 * RM numbers from the file: a number in the puskesmas's format — digits with or without zeros,
 * separators or the prefix (`123`, `00-01-23`, `SJ 123`; family folders with the member after a
 * separator, `123-01`) — is stored in the canonical form (`000123`) and raises the `rm`
 * sequence; anything else an old system used (`A-123/2019`) is kept as written (upper case;
 * letters, digits, space and `. - / _` only, at most 30 characters) and does not touch the
 * sequence. A row without RM number gets a new one (family format: the next member of the
 * KK's folder when the KK already has one, in Loket or earlier in the file).
 *
 * Villages: a Kemendagri code (`32.01.26.2001` or `3201262001`) is used when it exists; a name is
 * matched (case, spaces, punctuation and a leading "Desa"/"Kel." ignored) among the villages of
 * the puskesmas's area — the regencies where its patients already live, plus the regencies of
 * village codes in the file and of the NIKs of at least 5% of the file's rows — and used only
 * when exactly one village matches (a "Kecamatan" column narrows it down). With no area known
 * the whole country is searched, again only an unambiguous match counts. Otherwise the village
 * is left empty and the row carries a warning.
 */

type Field = ImportField;
type FileInput = { name: string; contentBase64: string };

const PREVIEW_ROWS = 10;
const HEADER_SCAN_ROWS = 10;
const CELL_PREVIEW_CHARS = 100;
const VALUE_CHARS = 60;
/** Rows converted between two yields to the event loop, so other counters' requests get through. */
const YIELD_EVERY = 2000;
/** A region of issue counts as part of the area when at least this share of the file's NIKs carry it. */
const NIK_AREA_SHARE = 0.05;
/** RM numbers kept as written (not in the puskesmas's format). */
const FREE_RM = /^[A-Z0-9][A-Z0-9 ./_-]{0,29}$/;
const UNMATCHED_VILLAGES_LIMIT = 100;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

// ---------------------------------------------------------------------------------------------
// Reading the file

export interface SheetRow {
  /** 1-based, as a spreadsheet shows it. */
  row: number;
  cells: string[];
}

export interface ReadFile {
  kind: 'csv' | 'xlsx';
  delimiter: string | null;
  sheetName: string | null;
  /** Rows with at least one filled cell. */
  rows: SheetRow[];
  notes: string[];
}

const invalid = (message: string, path = 'file') => new LoketError('VALIDATION', message, [{ path, message }]);

export async function readImportFile(file: FileInput): Promise<ReadFile> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw invalid('Berkas kosong.');
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (extension === 'xls' || isOle) throw invalid('Format .xls (Excel 97–2003) tidak didukung: buka di Excel lalu simpan sebagai .xlsx atau CSV.');
  if (extension === 'xlsx' || (isZip && extension !== 'csv' && extension !== 'txt')) {
    if (!isZip) throw invalid('Berkas .xlsx ini rusak atau bukan berkas Excel (.xlsx).');
    return readXlsx(bytes);
  }
  if (extension !== 'csv' && extension !== 'txt' && extension !== 'tsv')
    throw invalid(`Jenis berkas ".${extension || file.name}" tidak didukung: pilih berkas .csv atau .xlsx.`);
  return readCsv(bytes);
}

function decodeText(bytes: Buffer, notes: string[]): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notes.push('Berkas bukan UTF-8: dibaca sebagai Windows-1252 (ANSI). Periksa huruf beraksen pada nama.');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter used most often in the first filled lines, outside quotes: `,` `;` tab or `|`. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let lines = 0;
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (filled) lines++;
      filled = false;
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, counts.get(ch)! + 1);
      filled = true;
    } else if (ch.trim() !== '') filled = true;
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function readCsv(bytes: Buffer): ReadFile {
  const notes: string[] = [];
  const text = decodeText(bytes, notes);
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  for (const e of parsed.errors.slice(0, 3)) {
    notes.push(
      `Baris ${(e.row ?? 0) + 1}: ${e.code === 'MissingQuotes' ? 'tanda petik (") tidak ditutup' : e.code === 'InvalidQuotes' ? 'tanda petik (") tidak pada tempatnya' : 'format CSV tidak biasa'}.`,
    );
  }
  const rows: SheetRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells: cells.map((c) => c.trim()) });
  });
  return { kind: 'csv', delimiter, sheetName: null, rows, notes };
}

/** A date cell as `YYYY-MM-DD` (Excel dates carry no zone: exceljs gives them as UTC). */
const isoOf = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'number') {
    // A NIK beyond 2^53 cannot be held exactly by a number cell: the exponent form makes the row say so.
    if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : value.toExponential();
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return xlsxCellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return String(value.text ?? '');
  return '';
}

async function readXlsx(bytes: Buffer): Promise<ReadFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid('Berkas .xlsx tidak dapat dibaca (rusak, terkunci kata sandi, atau bukan berkas Excel).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('Berkas Excel tidak berisi lembar kerja.');
  const notes: string[] = [];
  if (workbook.worksheets.length > 1)
    notes.push(`Hanya lembar pertama ("${sheet.name}") yang dibaca; berkas berisi ${workbook.worksheets.length} lembar.`);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = xlsxCellText(cell.value).trim();
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  return { kind: 'xlsx', delimiter: null, sheetName: sheet.name, rows, notes };
}

// ---------------------------------------------------------------------------------------------
// Headers

/** `No. Rekam Medis (lama)` → `no rekam medis`: lower case, bracketed notes and punctuation gone. */
function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Column names seen in SIMPUS/ePuskesmas/P-Care exports and hand-kept registers (after `headerKey`). */
const headerSynonyms: Record<Field, string[]> = {
  rmNumber: [
    'no rm',
    'nomor rm',
    'norm',
    'rm',
    'no rekam medis',
    'nomor rekam medis',
    'no rekam medik',
    'nomor rekam medik',
    'no mr',
    'mr',
    'no cm',
    'no rm lama',
    'no pasien',
    'nomor pasien',
    'no rekmed',
    'rekam medis',
    'no index',
    'no indeks',
    'medical record number',
    'mrn',
  ],
  nik: [
    'nik',
    'no nik',
    'nomor nik',
    'nik pasien',
    'no ktp',
    'nomor ktp',
    'ktp',
    'no induk kependudukan',
    'nomor induk kependudukan',
    'nik ktp',
    'national id',
  ],
  name: ['nama', 'nama pasien', 'nama lengkap', 'nm pasien', 'nama pasien lengkap', 'name', 'patient name', 'full name', 'nama peserta'],
  birthPlace: ['tempat lahir', 'tmp lahir', 'tmpt lahir', 'tempat lhr', 'kota lahir', 'birth place', 'place of birth', 'birthplace'],
  birthDate: [
    'tgl lahir',
    'tanggal lahir',
    'tgllahir',
    'tanggal lhr',
    'tgl lhr',
    'tgl lahir pasien',
    'dob',
    'date of birth',
    'birth date',
    'birthdate',
    'tanggal kelahiran',
  ],
  birthPlaceDate: ['ttl', 'tempat tanggal lahir', 'tempat tgl lahir', 'tempat dan tanggal lahir', 'tmp tgl lahir'],
  sex: ['jk', 'jenis kelamin', 'kelamin', 'l p', 'lp', 'jns kelamin', 'jenis kel', 'sex', 'gender'],
  addressStreet: ['alamat', 'alamat lengkap', 'alamat pasien', 'jalan', 'alamat jalan', 'dusun', 'kampung', 'address', 'street'],
  rt: ['rt'],
  rw: ['rw'],
  rtRw: ['rt rw', 'rtrw'],
  village: [
    'desa',
    'kelurahan',
    'desa kelurahan',
    'kelurahan desa',
    'kel desa',
    'desa kel',
    'kel',
    'kode desa',
    'kode kelurahan',
    'kode desa kelurahan',
    'nama desa',
    'village',
  ],
  district: ['kecamatan', 'kec', 'nama kecamatan', 'district'],
  phone: [
    'no hp',
    'hp',
    'nomor hp',
    'no telp',
    'no telepon',
    'nomor telepon',
    'telepon',
    'telp',
    'no handphone',
    'handphone',
    'no wa',
    'whatsapp',
    'no hp pasien',
    'kontak',
    'phone',
    'mobile',
  ],
  bpjsNumber: [
    'no bpjs',
    'nomor bpjs',
    'bpjs',
    'no kartu',
    'nomor kartu',
    'no kartu bpjs',
    'no jkn',
    'no kis',
    'no kartu jkn',
    'no peserta',
    'nomor peserta',
    'noka',
    'no asuransi',
    'no kartu asuransi',
  ],
  bpjsClass: ['kelas', 'kelas bpjs', 'kelas rawat', 'hak kelas', 'kls'],
  payerDefault: ['cara bayar', 'jenis pasien', 'penjamin', 'jenis bayar', 'pembayaran', 'jaminan', 'jenis jaminan', 'kepesertaan', 'payer'],
  occupation: ['pekerjaan', 'occupation', 'job'],
  education: ['pendidikan', 'pendidikan terakhir', 'education'],
  religion: ['agama', 'religion'],
  maritalStatus: ['status perkawinan', 'status kawin', 'perkawinan', 'status nikah', 'status pernikahan', 'marital status'],
  bloodType: ['golongan darah', 'gol darah', 'goldar', 'gol dar', 'blood type'],
  motherName: ['nama ibu', 'nama ibu kandung', 'ibu kandung', 'ibu', 'mother name'],
  motherNik: ['nik ibu', 'nik ibu kandung', 'no nik ibu'],
  kkNumber: ['no kk', 'nomor kk', 'kk', 'no kartu keluarga', 'nomor kartu keluarga', 'nkk'],
  familyHead: ['kepala keluarga', 'nama kepala keluarga', 'nama kk', 'kk nama'],
  emergencyName: ['penanggung jawab', 'nama penanggung jawab', 'nama pj', 'pj', 'kontak darurat', 'nama keluarga', 'nama wali', 'wali'],
  emergencyRelation: ['hubungan', 'hubungan keluarga', 'hubungan pj', 'hubungan penanggung jawab', 'hubungan dengan pasien'],
  emergencyPhone: [
    'telp pj',
    'no hp pj',
    'hp pj',
    'telepon pj',
    'no hp penanggung jawab',
    'telepon penanggung jawab',
    'no telp keluarga',
    'no hp keluarga',
    'telepon keluarga',
    'no hp wali',
  ],
};
const synonymIndex = new Map<string, Field>(
  Object.entries(headerSynonyms).flatMap(([field, names]) => names.map((n) => [n, field as Field] as const)),
);

function fieldOfHeader(header: string): Field | null {
  return synonymIndex.get(headerKey(header)) ?? null;
}

/** A field per column from the headers; the first column wins a field named twice. */
function suggestMapping(headers: readonly string[]): (Field | null)[] {
  const used = new Set<Field>();
  return headers.map((h) => {
    const field = fieldOfHeader(h);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

interface Table {
  headerRow: number;
  headers: string[];
  data: SheetRow[];
  notes: string[];
}

function tableOf(file: ReadFile, headerRow: number | undefined): Table {
  if (file.rows.length === 0) throw invalid('Berkas tidak berisi data.');
  let index: number;
  const notes = [...file.notes];
  if (headerRow !== undefined) {
    index = file.rows.findIndex((r) => r.row === headerRow);
    if (index < 0) throw invalid(`Baris judul ${headerRow} kosong atau tidak ada di berkas.`, 'headerRow');
  } else {
    index = file.rows.slice(0, HEADER_SCAN_ROWS).findIndex((r) => r.cells.filter((c) => fieldOfHeader(c) !== null).length >= 2);
    if (index < 0) index = 0;
    else if (index > 0)
      notes.push(`Baris 1–${file.rows[index]!.row - 1} dilewati (judul di atas tabel); nama kolom dibaca dari baris ${file.rows[index]!.row}.`);
  }
  const data = file.rows.slice(index + 1);
  if (data.length > IMPORT_MAX_ROWS)
    throw invalid(
      `Berkas berisi ${data.length.toLocaleString('id-ID')} baris data; maksimal ${IMPORT_MAX_ROWS.toLocaleString('id-ID')} per impor. Bagi berkas menjadi beberapa bagian.`,
    );
  // A loop, not Math.max(...rows): 250,000 arguments would overflow the stack.
  let width = file.rows[index]!.cells.length;
  for (const r of data) if (r.cells.length > width) width = r.cells.length;
  const headers = Array.from({ length: width }, (_, i) => file.rows[index]!.cells[i] || `Kolom ${i + 1}`);
  return { headerRow: file.rows[index]!.row, headers, data, notes };
}

// ---------------------------------------------------------------------------------------------
// Values

/** What old exports write for "nothing". */
const EMPTY_WORDS = new Set([
  '-',
  '--',
  '---',
  '–',
  '—',
  '.',
  '?',
  'n/a',
  'na',
  'null',
  'nil',
  'none',
  '#n/a',
  'tidak ada',
  'tdk ada',
  'belum ada',
  'kosong',
  'tidak diketahui',
  'tidak tahu',
]);
const EMPTY_WORD_MAX = Math.max(...[...EMPTY_WORDS].map((w) => w.length));
const isBlank = (v: string) => v === '' || (v.length <= EMPTY_WORD_MAX && EMPTY_WORDS.has(v.toLowerCase()));
/** Identifiers: also `0`, `000…` (a number column left at zero). */
const isBlankNumber = (v: string) => isBlank(v) || /^0+$/.test(v);
const shorten = (v: string, max = VALUE_CHARS) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);
const pad2 = (n: number) => String(n).padStart(2, '0');
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  pebruari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agus: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nop: 11,
  november: 11,
  nopember: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};
const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A birth date as written by another system → `YYYY-MM-DD`, or why it cannot be read. */
function parseDate(raw: string): Parsed<string> {
  const s = raw
    .trim()
    .replace(/[T ]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?\s*(Z|[AP]M|WIB|WITA|WIT)?$/i, '')
    .trim();
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/. ]+([A-Za-z]+)\.?[-/. ,]+(\d{4})$/.exec(s))) {
    const month = MONTHS[match[2]!.toLowerCase()];
    if (month === undefined) return { ok: false, reason: `Nama bulan "${match[2]}" tidak dikenali` };
    [d, m, y] = [Number(match[1]), month, Number(match[3])];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})$/.exec(s)))
    return { ok: false, reason: `Tahun "${match[3]}" harus ditulis 4 angka (mis. 17-08-1990)` };
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s)) && Number(match[1]) >= 1880 && Number(match[1]) <= 2100)
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if (/^\d{4,5}(\.\d+)?$/.test(s) && Number(s) >= 61) {
    // An Excel serial day number that lost its date format (1 = 1900-01-01, with Excel's 29 Feb 1900).
    return { ok: true, value: new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000).toISOString().slice(0, 10) };
  } else return { ok: false, reason: `"${shorten(raw)}" tidak dikenali sebagai tanggal; tulis HH-BB-TTTT (mis. 17-08-1990) atau TTTT-BB-HH` };
  if (m < 1 || m > 12) return { ok: false, reason: `"${shorten(raw)}": bulan ${m} tidak ada (urutan yang dibaca: hari-bulan-tahun)` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || date.getUTCMonth() !== m - 1) return { ok: false, reason: `Tanggal ${d} ${MONTH_NAMES[m - 1]} ${y} tidak ada di kalender` };
  return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
}

const choiceKey = (v: string) =>
  v
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function parseSex(raw: string): 'L' | 'P' | null {
  const k = choiceKey(raw).replace(/\s+/g, '');
  if (['l', 'lk', 'lakilaki', 'laki', 'lelaki', 'pria', 'male', 'm', '1', 'cowok'].includes(k)) return 'L';
  if (['p', 'pr', 'perempuan', 'wanita', 'female', 'f', 'w', '2', 'cewek'].includes(k)) return 'P';
  return null;
}

/** Patterns tried in order; the first match gives the form's value. Values repeat a lot in a file: each is read once. */
const choiceCache = new WeakMap<object, Map<string, unknown>>();
function choice<T extends string | number>(raw: string, table: readonly (readonly [RegExp, T])[]): T | null {
  let cache = choiceCache.get(table);
  if (!cache) choiceCache.set(table, (cache = new Map<string, unknown>()));
  if (cache.has(raw)) return cache.get(raw) as T | null;
  const k = choiceKey(raw);
  let found: T | null = null;
  for (const [pattern, value] of table) {
    if (pattern.test(k)) {
      found = value;
      break;
    }
  }
  if (cache.size < 10_000) cache.set(raw, found);
  return found;
}

const religionTable = [
  [/katolik|katholik|catholic/, 'katolik'],
  [/islam|muslim|moslem/, 'islam'],
  [/kristen|protestan|christian/, 'kristen'],
  [/hindu/, 'hindu'],
  [/budha|buddha|buddhis/, 'buddha'],
  [/kong ?hu ?cu|khong ?hu ?cu|confucian/, 'konghucu'],
  [/kepercayaan|penghayat/, 'kepercayaan'],
] as const;
const educationTable = [
  [/^(tidak|belum) tamat sd|^tidak sekolah|^tidak belum sekolah|^tidak pernah sekolah|^tdk sekolah/, 'tidak_sekolah'],
  [/^belum sekolah|^blm sekolah|^tk$|^paud$|^belum$/, 'belum_sekolah'],
  [/^(tamat )?(sd|mi|sekolah dasar)\b/, 'sd'],
  [/^(tamat )?(smp|sltp|mts)\b/, 'smp'],
  [/^(tamat )?(sma|slta|smk|ma|stm|smea|aliyah)\b/, 'sma'],
  [/^(d ?4|d iv|diploma iv|strata i$|strata i |s ?1|sarjana$|sarjana )/, 's1'],
  [/^(d ?[123]|d i{1,3}\b|diploma|akademi)/, 'diploma'],
  [/^(s ?2|strata ii\b|magister|pasca ?sarjana)/, 's2'],
  [/^(s ?3|strata iii|doktor)/, 's3'],
] as const;
const maritalTable = [
  [/^(belum|blm|tidak) (kawin|menikah|nikah)|^lajang|^single/, 'belum_kawin'],
  [/^cerai mati/, 'cerai_mati'],
  [/^cerai/, 'cerai_hidup'],
  [/^(kawin|menikah|nikah|married)/, 'kawin'],
] as const;
const bloodTable = [
  [/^ab\b/, 'AB'],
  [/^a\b/, 'A'],
  [/^b\b/, 'B'],
  [/^(o|0)\b/, 'O'],
] as const;
const classTable = [
  [/^(kelas |kls )?(1|i)$/, 1],
  [/^(kelas |kls )?(2|ii)$/, 2],
  [/^(kelas |kls )?(3|iii)$/, 3],
] as const;
const payerTable = [
  [/bpjs|jkn|kis|askes|pbi|jamkesmas|jamkesda/, 'bpjs'],
  [/^(umum|tunai|bayar sendiri|pribadi|cash|mandiri bayar)/, 'umum'],
  [/asuransi|lain/, 'asuransi_lain'],
] as const;

/** A number column that Excel wrote in exponent form (`3,20126E+15`): the digits are lost. */
const scientific = /^\d([.,]\d+)?e\+?\d+$/i;

// ---------------------------------------------------------------------------------------------
// One row → the patient form

type FormInput = Record<string, unknown>;

interface Converted {
  input: FormInput;
  /** Which column a form field came from (for the report). */
  source: Map<string, number>;
  issues: Issue[];
  warnings: string[];
  rmRaw: string | null;
  village: string | null;
  district: string | null;
}

interface Issue {
  field: string;
  column: number | null;
  message: string;
}

function convertRow(cells: readonly string[], mapping: readonly (Field | null)[], today: string): Converted {
  const out: Converted = { input: {}, source: new Map(), issues: [], warnings: [], rmRaw: null, village: null, district: null };
  const cellOf = new Map<Field, { value: string; column: number }>();
  mapping.forEach((field, column) => {
    if (field) cellOf.set(field, { value: (cells[column] ?? '').trim(), column });
  });
  const set = (formField: string, value: unknown, column: number | null) => {
    out.input[formField] = value;
    if (column !== null) out.source.set(formField, column);
  };
  const issue = (field: string, column: number | null, message: string) => out.issues.push({ field, column, message });

  for (const [field, { value, column }] of cellOf) {
    switch (field) {
      case 'rmNumber':
        if (!isBlankNumber(value)) out.rmRaw = value;
        break;
      case 'nik':
      case 'motherNik':
      case 'kkNumber':
        if (isBlankNumber(value)) break;
        if (scientific.test(value))
          issue(
            field,
            column,
            `${importFieldLabels[field]} tertulis dalam bentuk eksponen (${shorten(value, 20)}): angka aslinya hilang saat berkas dibuka di Excel. Format kolom sebagai Teks lalu ekspor ulang`,
          );
        else set(field, value, column);
        break;
      case 'bpjsNumber': {
        if (isBlankNumber(value)) break;
        if (scientific.test(value)) {
          issue(field, column, `No. BPJS tertulis dalam bentuk eksponen (${shorten(value, 20)}): angka aslinya hilang saat berkas dibuka di Excel`);
          break;
        }
        const digits = value.replace(/[\s.-]/g, '');
        if (/^\d{10,12}$/.test(digits)) {
          // Excel drops the leading zeros of a number column; BPJS card numbers start with 000.
          set(field, digits.padStart(13, '0'), column);
          out.warnings.push(`No. BPJS ${digits} dilengkapi nol di depan menjadi ${digits.padStart(13, '0')}`);
        } else set(field, value, column);
        break;
      }
      case 'phone':
      case 'emergencyPhone':
        if (!isBlankNumber(value)) set(field, value, column);
        break;
      case 'name':
      case 'motherName':
      case 'familyHead':
      case 'emergencyName':
      case 'birthPlace':
      case 'addressStreet':
      case 'occupation':
      case 'emergencyRelation':
        if (!isBlank(value)) set(field, value, column);
        break;
      case 'birthDate':
        if (isBlank(value)) break;
        {
          const date = parseDate(value);
          if (date.ok) set('birthDate', date.value, column);
          else issue('birthDate', column, date.reason);
        }
        break;
      case 'birthPlaceDate': {
        if (isBlank(value)) break;
        const comma = value.lastIndexOf(',');
        const [place, datePart] =
          comma >= 0 ? [value.slice(0, comma), value.slice(comma + 1)] : [value.replace(/\s*\S+$/, ''), value.replace(/^.*\s/, '')];
        const date = parseDate(datePart.trim());
        if (date.ok) set('birthDate', date.value, column);
        else issue('birthDate', column, date.reason);
        if (place.trim() !== '' && !isBlank(place.trim())) set('birthPlace', place.trim(), column);
        break;
      }
      case 'sex': {
        if (isBlank(value)) break;
        const sex = parseSex(value);
        if (sex) set('sex', sex, column);
        else issue('sex', column, `Jenis kelamin "${shorten(value, 20)}" tidak dikenali: tulis L/P atau Laki-laki/Perempuan`);
        break;
      }
      case 'rt':
      case 'rw': {
        const v = value.replace(/^(rt|rw)[\s.:]*/i, '');
        if (!isBlankNumber(v)) set(field, v, column);
        break;
      }
      case 'rtRw': {
        if (isBlank(value)) break;
        const m = /^(?:rt)?[\s.:]*(\d{1,3})\s*(?:[/\\.-]|\s+)\s*(?:rw)?[\s.:]*(\d{1,3})$/i.exec(value);
        if (!m) issue('rt', column, `RT/RW "${shorten(value, 20)}" tidak dikenali: tulis mis. 003/005`);
        else {
          if (!/^0+$/.test(m[1]!)) set('rt', m[1], column);
          if (!/^0+$/.test(m[2]!)) set('rw', m[2], column);
        }
        break;
      }
      case 'village':
        if (!isBlank(value)) out.village = value;
        break;
      case 'district':
        if (!isBlank(value)) out.district = value;
        break;
      case 'religion':
      case 'education':
      case 'maritalStatus':
      case 'bloodType':
      case 'bpjsClass':
      case 'payerDefault': {
        if (isBlank(value)) break;
        const table = {
          religion: religionTable,
          education: educationTable,
          maritalStatus: maritalTable,
          bloodType: bloodTable,
          bpjsClass: classTable,
          payerDefault: payerTable,
        }[field];
        const picked = choice<string | number>(value, table);
        if (picked === null) out.warnings.push(`${importFieldLabels[field]} "${shorten(value, 30)}" tidak dikenali; dikosongkan`);
        else set(field, picked, column);
        break;
      }
    }
  }

  // Required fields, named plainly (zod would say "diharapkan string").
  if (!cellOf.has('name') || out.input.name === undefined) issue('name', cellOf.get('name')?.column ?? null, 'Nama wajib diisi');
  // Birth date and sex may come from the NIK, as the form fills them in.
  if (
    (out.input.birthDate === undefined && !out.issues.some((i) => i.field === 'birthDate')) ||
    (out.input.sex === undefined && !out.issues.some((i) => i.field === 'sex'))
  ) {
    const decoded = typeof out.input.nik === 'string' ? decodeNik(out.input.nik, today) : null;
    for (const [field, label] of [
      ['birthDate', 'Tanggal lahir'],
      ['sex', 'Jenis kelamin'],
    ] as const) {
      if (out.input[field] !== undefined || out.issues.some((i) => i.field === field)) continue;
      if (decoded?.ok) {
        set(field, decoded.info[field], out.source.get('nik') ?? null);
        out.warnings.push(`${label} diisi dari NIK (${field === 'birthDate' ? ddmmyyyy(decoded.info.birthDate) : decoded.info.sex})`);
      } else
        issue(
          field,
          cellOf.get(field === 'birthDate' ? (cellOf.has('birthPlaceDate') ? 'birthPlaceDate' : 'birthDate') : 'sex')?.column ?? null,
          `${label} wajib diisi`,
        );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RM numbers from the file

interface KeptRm {
  value: string;
  /** Sequence number when the RM is in the puskesmas's format (raises the `rm` sequence). */
  sequence: number | null;
}

/** See the header comment: canonical form for numbers in the puskesmas's format, else kept as written. */
function readRm(raw: string, format: RmFormat): Parsed<KeptRm> {
  const typed = raw.normalize('NFKC').trim().toUpperCase();
  if (/^[\s0.\-/]+$/.test(typed)) return { ok: false, reason: `No. RM "${shorten(raw, 20)}" tidak sah (hanya nol)` };
  const [canonical] = rmCandidates(typed, format);
  // Family folders: only a member written after a separator counts (`123-01`), never the last two digits of `12301`.
  const familyWithoutSeparator = format.family && !/\d[\s.\-/]+\d{1,2}$/.test(typed);
  if (canonical !== undefined && !familyWithoutSeparator) return { ok: true, value: { value: canonical, sequence: sequenceOf(canonical, format) } };
  if (!FREE_RM.test(typed))
    return {
      ok: false,
      reason: `No. RM "${shorten(raw, 20)}" berisi karakter yang tidak diizinkan atau lebih dari 30 karakter: hanya huruf, angka, spasi dan . - / _`,
    };
  return { ok: true, value: { value: typed, sequence: null } };
}

/** `SJ-000123` / `000123-01` → 123 in the given format. */
function sequenceOf(rm: string, format: RmFormat): number | null {
  let body = rm.startsWith(format.prefix) ? rm.slice(format.prefix.length) : rm;
  if (format.family) body = body.replace(/-\d{2}$/, '');
  return /^\d+$/.test(body) ? Number(body) : null;
}

// ---------------------------------------------------------------------------------------------
// Villages

const villageKey = (v: string) =>
  v
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^(desa|kelurahan|kel|ds|dsn|kampung)\b\.?\s*/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
const districtKey = (v: string) =>
  v
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^(kecamatan|kec)\b\.?\s*/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');

type VillageMatch = { code: string } | { code: null; reason: string };

class VillageMatcher {
  private readonly byCode = new Map<string, imports.VillageRow>();
  private readonly byKey = new Map<string, imports.VillageRow[]>();
  private readonly cache = new Map<string, VillageMatch>();

  constructor(
    villages: readonly imports.VillageRow[],
    private readonly area: ReadonlySet<string>,
  ) {
    for (const v of villages) {
      this.byCode.set(v.code, v);
      const k = villageKey(v.name);
      const list = this.byKey.get(k);
      if (list) list.push(v);
      else this.byKey.set(k, [v]);
    }
  }

  /** `32.01.26.2001` from `32.01.26.2001` or `3201262001`, else null. */
  static codeOf(value: string): string | null {
    const digits = value.replace(/[\s.]/g, '');
    return /^\d{10}$/.test(digits) ? `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}` : null;
  }

  match(value: string, district: string | null): VillageMatch {
    const cacheKey = `${value}\u0000${district ?? ''}`;
    let found = this.cache.get(cacheKey);
    if (!found) {
      found = this.find(value, district);
      this.cache.set(cacheKey, found);
    }
    return found;
  }

  private find(value: string, district: string | null): VillageMatch {
    if (this.byCode.size === 0) return { code: null, reason: 'daftar wilayah Kemendagri belum dimuat di Loket' };
    const code = VillageMatcher.codeOf(value);
    if (code) return this.byCode.has(code) ? { code } : { code: null, reason: `kode ${code} tidak ada di daftar wilayah Kemendagri` };
    let candidates = this.byKey.get(villageKey(value)) ?? [];
    if (district) {
      const dk = districtKey(district);
      const inDistrict = candidates.filter((c) => districtKey(c.district_name) === dk);
      if (candidates.length > 0 && inDistrict.length === 0)
        return { code: null, reason: `tidak ada desa/kelurahan bernama itu di Kecamatan ${shorten(district, 40)}` };
      candidates = inDistrict;
    }
    if (this.area.size > 0) {
      const inArea = candidates.filter((c) => this.area.has(c.code.slice(0, 5)));
      if (inArea.length === 0)
        return {
          code: null,
          reason: candidates.length > 0 ? 'hanya ada di luar wilayah puskesmas (kabupaten/kota pasien lain)' : 'tidak ditemukan di daftar wilayah',
        };
      candidates = inArea;
    }
    if (candidates.length === 0) return { code: null, reason: 'tidak ditemukan di daftar wilayah' };
    if (candidates.length > 1) {
      const where = candidates
        .slice(0, 4)
        .map((c) => `Kec. ${c.district_name}`)
        .join(', ');
      return {
        code: null,
        reason: `ada ${candidates.length} desa/kelurahan bernama itu (${where}${candidates.length > 4 ? ', …' : ''}); petakan kolom Kecamatan atau pakai kode desa`,
      };
    }
    return { code: candidates[0]!.code };
  }
}

/** Regencies (`NN.NN`) of the puskesmas's area: where patients live, codes in the file, common NIK regions. */
async function areaOf(db: Executor, table: Table, mapping: readonly (Field | null)[]): Promise<Set<string>> {
  const area = new Set(await imports.patientRegencies(db));
  const villageColumn = mapping.indexOf('village');
  const nikColumn = mapping.indexOf('nik');
  const nikRegions = new Map<string, number>();
  let niks = 0;
  for (const r of table.data) {
    if (villageColumn >= 0) {
      const code = VillageMatcher.codeOf(r.cells[villageColumn] ?? '');
      if (code) area.add(code.slice(0, 5));
    }
    if (nikColumn >= 0) {
      const nik = (r.cells[nikColumn] ?? '').replace(/[\s.-]/g, '');
      if (/^\d{16}$/.test(nik)) {
        niks++;
        const regency = `${nik.slice(0, 2)}.${nik.slice(2, 4)}`;
        nikRegions.set(regency, (nikRegions.get(regency) ?? 0) + 1);
      }
    }
  }
  for (const [regency, n] of nikRegions) if (n >= NIK_AREA_SHARE * niks) area.add(regency);
  return area;
}

// ---------------------------------------------------------------------------------------------
// The analysis

interface Candidate {
  row: number;
  name: string;
  nameKey: string;
  birthDate: string;
  nik: string | null;
  rm: KeptRm | null;
  columns: Omit<NewPatient, 'rm_number' | 'created_at' | 'updated_at'>;
  warnings: string[];
}

type Report = ImportResult;
type PatientRef = NonNullable<Report['duplicates'][number]['patient']>;

const refOf = (p: imports.ExistingPatient): PatientRef => ({ id: p.id, rmNumber: p.rm_number, name: p.name, birthDate: p.birth_date });
const describe = (p: imports.ExistingPatient) => `${p.name} (No. RM ${p.rm_number}, lahir ${ddmmyyyy(p.birth_date)})`;

/** The form's fields (as `checkPatientFields` names them) that an import column can fill, with their label. */
const fieldLabel = (field: string): string =>
  field === 'villageCode' ? importFieldLabels.village : ((importFieldLabels as Record<string, string>)[field] ?? field);

/** Every column of the patient table, so multi-row INSERTs all name the same columns. */
function fullColumns(c: Partial<PatientColumns>): Omit<NewPatient, 'rm_number' | 'created_at' | 'updated_at'> {
  return {
    name: c.name!,
    name_key: c.name_key!,
    sex: c.sex!,
    birth_place: c.birth_place ?? null,
    birth_date: c.birth_date!,
    nik: c.nik ?? null,
    bpjs_number: c.bpjs_number ?? null,
    bpjs_class: c.bpjs_class ?? null,
    payer_default: c.payer_default ?? (c.bpjs_number ? 'bpjs' : 'umum'),
    phone: c.phone ?? null,
    address_street: c.address_street ?? null,
    rt: c.rt ?? null,
    rw: c.rw ?? null,
    village_code: c.village_code ?? null,
    occupation: c.occupation ?? null,
    education: c.education ?? null,
    religion: c.religion ?? null,
    marital_status: c.marital_status ?? null,
    blood_type: c.blood_type ?? null,
    mother_name: c.mother_name ?? null,
    mother_nik: c.mother_nik ?? null,
    kk_number: c.kk_number ?? null,
    family_head: c.family_head ?? null,
    emergency_name: c.emergency_name ?? null,
    emergency_relation: c.emergency_relation ?? null,
    emergency_phone: c.emergency_phone ?? null,
    merged_into: null,
  };
}

const partialPatientSchema = patientCreateSchema.partial();

interface Analysis {
  report: Report;
  toAdd: Candidate[];
}

async function analyse(
  db: Executor,
  settings: SharedSettings,
  today: string,
  table: Table,
  mapping: readonly (Field | null)[],
  dryRun: boolean,
): Promise<Analysis> {
  if (mapping.length > table.headers.length)
    throw invalid(`Pemetaan berisi ${mapping.length} kolom, sedangkan berkas hanya ${table.headers.length} kolom.`, 'mapping');
  const report: Report = {
    dryRun,
    headerRow: table.headerRow,
    counts: { rows: table.data.length, added: 0, existing: 0, duplicates: 0, rejected: 0, withWarnings: 0 },
    rejected: [],
    duplicates: [],
    existing: [],
    warnings: [],
    rm: { kept: 0, allocated: 0, sequenceBefore: await imports.sequenceValue(db, 'rm'), sequenceAfter: 0, highestImported: null },
    unmatchedVillages: [],
    durationMs: 0,
  };
  report.rm.sequenceAfter = report.rm.sequenceBefore;
  const villages = mapping.includes('village') ? new VillageMatcher(await imports.villagesWithDistrict(db), await areaOf(db, table, mapping)) : null;
  const unmatched = new Map<string, { rows: number; reason: string }>();
  const nameColumn = mapping.indexOf('name');

  const candidates: Candidate[] = [];
  let processed = 0;
  for (const { row, cells } of table.data) {
    if (++processed % YIELD_EVERY === 0) await yieldToEventLoop();
    const converted = convertRow(cells, mapping, today);
    const issues = new Map<string, Issue>();
    const addIssue = (i: Issue) => {
      if (!issues.has(i.field)) issues.set(i.field, i);
    };
    converted.issues.forEach(addIssue);

    let rm: KeptRm | null = null;
    if (converted.rmRaw !== null) {
      const read = readRm(converted.rmRaw, settings.rmFormat);
      if (read.ok) rm = read.value;
      else addIssue({ field: 'rmNumber', column: mapping.indexOf('rmNumber'), message: read.reason });
    }

    // The form's own checks: zod first, then what zod cannot know (NIK rules, phones, infants).
    const sourceOf = (field: string) => converted.source.get(field) ?? null;
    const full = patientCreateSchema.safeParse(converted.input);
    let input: Record<string, unknown> | null = full.success ? full.data : null;
    if (!full.success) {
      const bad = new Set<string>();
      for (const zi of full.error.issues) {
        const field = String(zi.path[0] ?? 'name');
        bad.add(field);
        addIssue({ field, column: sourceOf(field), message: zi.message });
      }
      const rest = Object.fromEntries(Object.entries(converted.input).filter(([k]) => !bad.has(k)));
      const partial = partialPatientSchema.safeParse(rest);
      input = partial.success ? partial.data : null;
    }
    let columns: Partial<PatientColumns> | null = null;
    const warnings = [...converted.warnings];
    if (input) {
      try {
        const checked = await checkPatientFields(db, input, today);
        columns = checked.columns;
        warnings.push(...checked.warnings);
      } catch (error) {
        if (!(error instanceof LoketError)) throw error;
        for (const f of error.fields ?? []) addIssue({ field: f.path, column: sourceOf(f.path), message: f.message });
      }
    }

    if (issues.size > 0 || !columns) {
      report.counts.rejected++;
      if (report.rejected.length < IMPORT_REPORT_LIMIT) {
        const rawName = nameColumn >= 0 ? (cells[nameColumn] ?? '').trim() : '';
        report.rejected.push({
          row,
          name: rawName === '' ? null : shorten(rawName, 100),
          rmNumber: converted.rmRaw === null ? null : shorten(converted.rmRaw, 30),
          issues: [...issues.values()].map((i) => ({
            field: i.field,
            label: fieldLabel(i.field),
            column: i.column === null || i.column < 0 ? null : (table.headers[i.column] ?? null),
            value: i.column === null || i.column < 0 ? null : shorten(cells[i.column] ?? ''),
            message: i.message,
          })),
        });
      }
      continue;
    }

    // The village is resolved from the region table here (code or unambiguous name), so it is not re-checked per row.
    if (villages && converted.village !== null) {
      const found = villages.match(converted.village, converted.district);
      if (found.code !== null) columns.village_code = found.code;
      else {
        warnings.push(`Desa/kelurahan "${shorten(converted.village, 40)}" tidak dicocokkan (${found.reason}); dikosongkan`);
        const key = converted.village.trim();
        const seen = unmatched.get(key);
        if (seen) seen.rows++;
        else unmatched.set(key, { rows: 1, reason: found.reason });
      }
    }
    const complete = fullColumns(columns);
    candidates.push({
      row,
      name: complete.name,
      nameKey: complete.name_key,
      birthDate: complete.birth_date,
      nik: complete.nik ?? null,
      rm,
      columns: complete,
      warnings,
    });
  }

  report.unmatchedVillages = [...unmatched.entries()]
    .sort((a, b) => b[1].rows - a[1].rows)
    .slice(0, UNMATCHED_VILLAGES_LIMIT)
    .map(([value, v]) => ({ value: shorten(value, 60), rows: v.rows, reason: v.reason }));

  const toAdd = await classify(db, candidates, report);
  for (const c of toAdd) {
    if (c.rm) {
      report.rm.kept++;
      if (c.rm.sequence !== null) report.rm.highestImported = Math.max(report.rm.highestImported ?? 0, c.rm.sequence);
    } else report.rm.allocated++;
    if (c.warnings.length > 0) {
      report.counts.withWarnings++;
      if (report.warnings.length < IMPORT_REPORT_LIMIT) report.warnings.push({ row: c.row, name: c.name, messages: c.warnings });
    }
  }
  report.counts.added = toAdd.length;
  return { report, toAdd };
}

/** Same person as far as name and birth date tell: the same birth date and a name alike enough (a later spelling correction still matches). */
function samePerson(p: imports.ExistingPatient, c: Candidate): boolean {
  return p.birth_date === c.birthDate && (p.name_key === c.nameKey || nameSimilarity(p.name_key, c.nameKey) >= SIMILAR_NAME_THRESHOLD);
}

const identityKey = (c: Candidate) => `${c.nameKey}|${c.birthDate}|${c.columns.sex}`;

/** Sorts the valid rows into added, "sudah ada" and likely duplicates (against the file, then the database). */
async function classify(db: Executor, candidates: readonly Candidate[], report: Report): Promise<Candidate[]> {
  const byRm = new Map(
    (
      await imports.patientsByRm(
        db,
        candidates.flatMap((c) => (c.rm ? [c.rm.value] : [])),
      )
    ).map((p) => [p.rm_number, p]),
  );
  const byNik = new Map(
    (
      await imports.patientsByNik(
        db,
        candidates.flatMap((c) => (c.nik ? [c.nik] : [])),
      )
    ).map((p) => [p.nik!, p]),
  );
  const anonymous = candidates.filter((c) => !c.rm && !c.nik);
  const byIdentity = new Map<string, imports.ExistingPatient>();
  for (const p of await imports.patientsByNameKey(
    db,
    anonymous.map((c) => c.nameKey),
  )) {
    const key = `${p.name_key}|${p.birth_date}|${p.sex}`;
    if (!byIdentity.has(key)) byIdentity.set(key, p);
  }

  const seenRm = new Map<string, number>();
  const seenNik = new Map<string, number>();
  const seenIdentity = new Map<string, number>();
  const toAdd: Candidate[] = [];
  const duplicate = (
    c: Candidate,
    kind: Report['duplicates'][number]['kind'],
    message: string,
    otherRow: number | null,
    patient: imports.ExistingPatient | null,
  ) => {
    report.counts.duplicates++;
    if (report.duplicates.length < IMPORT_REPORT_LIMIT)
      report.duplicates.push({ row: c.row, name: c.name, kind, message, otherRow, patient: patient ? refOf(patient) : null });
  };
  const existing = (c: Candidate, matchedBy: 'rm' | 'nik' | 'identitas', patient: imports.ExistingPatient) => {
    report.counts.existing++;
    if (report.existing.length < IMPORT_REPORT_LIMIT) report.existing.push({ row: c.row, name: c.name, matchedBy, patient: refOf(patient) });
  };

  for (const c of candidates) {
    // Within the file: the first row with an identifier stands, later ones are reported against it.
    const rmRow = c.rm ? seenRm.get(c.rm.value) : undefined;
    const nikRow = c.nik ? seenNik.get(c.nik) : undefined;
    const idKey = !c.rm && !c.nik ? identityKey(c) : null;
    const idRow = idKey ? seenIdentity.get(idKey) : undefined;
    if (c.rm && rmRow === undefined) seenRm.set(c.rm.value, c.row);
    if (c.nik && nikRow === undefined) seenNik.set(c.nik, c.row);
    if (idKey && idRow === undefined) seenIdentity.set(idKey, c.row);
    if (rmRow !== undefined) {
      duplicate(c, 'rm_berkas', `No. RM ${c.rm!.value} sudah dipakai baris ${rmRow} di berkas ini`, rmRow, null);
      continue;
    }
    if (nikRow !== undefined) {
      duplicate(c, 'nik_berkas', `NIK ${c.nik} sudah ada di baris ${nikRow} berkas ini`, nikRow, null);
      continue;
    }
    if (idRow !== undefined) {
      duplicate(
        c,
        'identitas_berkas',
        `Nama, tanggal lahir dan jenis kelamin sama dengan baris ${idRow} (keduanya tanpa No. RM dan NIK)`,
        idRow,
        null,
      );
      continue;
    }

    // Against Loket.
    const rmHolder = c.rm ? byRm.get(c.rm.value) : undefined;
    const nikHolder = c.nik ? byNik.get(c.nik) : undefined;
    // The same RM number is the same folder when the person matches (by name and birth date, or by NIK).
    if (rmHolder && !samePerson(rmHolder, c) && !(c.nik !== null && rmHolder.nik === c.nik)) {
      duplicate(c, 'rm_terdaftar', `No. RM ${c.rm!.value} sudah dipakai pasien lain: ${describe(rmHolder)}`, null, rmHolder);
      continue;
    }
    if (nikHolder) {
      const holderIsRmHolder = rmHolder !== undefined && (rmHolder.id === nikHolder.id || rmHolder.merged_into === nikHolder.id);
      // The same NIK under another name or birth date, or under another RM number, is a conflict to look at.
      if (holderIsRmHolder || (!c.rm && samePerson(nikHolder, c))) existing(c, holderIsRmHolder ? 'rm' : 'nik', nikHolder);
      else duplicate(c, 'nik_terdaftar', `NIK ${c.nik} sudah terdaftar atas ${describe(nikHolder)}`, null, nikHolder);
      continue;
    }
    if (rmHolder) {
      existing(c, 'rm', rmHolder);
      continue;
    }
    const idHolder = idKey ? byIdentity.get(idKey) : undefined;
    if (idHolder) {
      existing(c, 'identitas', idHolder);
      continue;
    }
    toAdd.push(c);
  }
  return toAdd;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** New RM numbers from the sequence, skipping any already taken (by an earlier import or this file). */
class RmAllocator {
  private buffer: string[] = [];
  private sequence: number;
  constructor(
    private readonly trx: Executor,
    private readonly format: RmFormat,
    start: number,
    private readonly reserved: ReadonlySet<string>,
  ) {
    this.sequence = start;
  }

  get last(): number {
    return this.sequence;
  }

  async next(): Promise<string> {
    while (this.buffer.length === 0) {
      const batch = Array.from({ length: 500 }, (_, i) => this.sequence + 1 + i);
      const rms = batch.map((n) => (this.format.family ? formatRm(n, this.format, 1) : formatRm(n, this.format)));
      const taken = await imports.takenRmNumbers(this.trx, rms);
      this.buffer = rms.filter((rm) => !taken.has(rm) && !this.reserved.has(rm)).reverse();
      if (this.buffer.length === 0) this.sequence += batch.length;
    }
    const rm = this.buffer.pop()!;
    this.sequence = sequenceOf(rm, this.format) ?? this.sequence + 1;
    return rm;
  }
}

/** Writes the rows in one transaction; returns the id of the last patient added. */
async function write(ctx: ServiceContext, settings: SharedSettings, toAdd: readonly Candidate[], report: Report): Promise<number> {
  const at = ctx.now().toISOString();
  const format = settings.rmFormat;
  return ctx.db.transaction().execute(async (trx) => {
    // Another counter may have registered one of these people since the check.
    const kept = toAdd.flatMap((c) => (c.rm ? [c.rm.value] : []));
    const raced = [
      ...(await imports.patientsByRm(trx, kept)),
      ...(await imports.patientsByNik(
        trx,
        toAdd.flatMap((c) => (c.nik ? [c.nik] : [])),
      )),
    ];
    if (raced.length > 0)
      throw new LoketError(
        'CONFLICT',
        `Selama pemeriksaan, ${raced.length} pasien dengan No. RM/NIK yang sama didaftarkan di loket lain. Tidak ada yang disimpan; jalankan impor lagi.`,
      );

    if (report.rm.highestImported !== null) await raiseSequence(trx, 'rm', report.rm.highestImported);
    const start = await imports.sequenceValue(trx, 'rm');
    const allocator = new RmAllocator(trx, format, start, new Set(kept));

    // Family folders: the next member of the KK's folder, in Loket or earlier in this file.
    const families = new Map<string, { base: string; last: number }>();
    const noteFamily = (kk: string | null | undefined, rm: string) => {
      const m = /^(.*)-(\d{2})$/.exec(rm);
      if (!kk || !m) return;
      const family = families.get(kk);
      if (!family) families.set(kk, { base: m[1]!, last: Number(m[2]) });
      else if (family.base === m[1]) family.last = Math.max(family.last, Number(m[2]));
    };
    if (format.family) {
      for (const r of await imports.rmNumbersByKk(
        trx,
        toAdd.flatMap((c) => (c.columns.kk_number ? [c.columns.kk_number] : [])),
      ))
        noteFamily(r.kk_number, r.rm_number);
      for (const c of toAdd) if (c.rm) noteFamily(c.columns.kk_number, c.rm.value);
    }

    const rows: NewPatient[] = [];
    for (const c of toAdd) {
      let rm = c.rm?.value;
      if (!rm) {
        const family = format.family && c.columns.kk_number ? families.get(c.columns.kk_number) : undefined;
        if (family && family.last < 99) {
          family.last++;
          rm = `${family.base}-${pad2(family.last)}`;
        } else {
          rm = await allocator.next();
          if (format.family) noteFamily(c.columns.kk_number, rm);
        }
      }
      rows.push({ ...c.columns, rm_number: rm, created_at: at, updated_at: at });
    }
    const firstNewId = (await imports.lastPatientId(trx)) + 1;
    await imports.insertPatientRows(trx, rows);
    // Every imported patient gets a folder (or joins the family's) in the same transaction.
    await createMissingFolders(trx, format.family, at, firstNewId);
    if (allocator.last > start) await raiseSequence(trx, 'rm', allocator.last);
    report.rm.sequenceAfter = await imports.sequenceValue(trx, 'rm');
    return imports.lastPatientId(trx);
  });
}

// ---------------------------------------------------------------------------------------------
// Handlers

export function patientImportHandlers(ctx: ServiceContext): Handlers<keyof typeof patientImportMethods> {
  return {
    'patients.importPreview': async ({ file, headerRow }): Promise<ImportPreview> => {
      const read = await readImportFile(file);
      const table = tableOf(read, headerRow);
      const mapping = suggestMapping(table.headers);
      return {
        fileKind: read.kind,
        delimiter: read.delimiter,
        sheetName: read.sheetName,
        headerRow: table.headerRow,
        columns: table.headers.map((header, index) => {
          const samples: string[] = [];
          for (const r of table.data) {
            const v = r.cells[index] ?? '';
            if (v !== '') samples.push(shorten(v, 40));
            if (samples.length >= 5) break;
          }
          return { index, header, samples, suggested: mapping[index] ?? null };
        }),
        mapping,
        rows: table.data
          .slice(0, PREVIEW_ROWS)
          .map((r) => ({ row: r.row, cells: table.headers.map((_, i) => shorten(r.cells[i] ?? '', CELL_PREVIEW_CHARS)) })),
        totalRows: table.data.length,
        notes: table.notes,
      };
    },

    'patients.import': async ({ file, mapping, dryRun, headerRow }) => {
      const started = performance.now();
      const settings = await loadSharedSettings(ctx.db);
      const today = localDate(ctx.now(), settings.timeZone);
      const table = tableOf(await readImportFile(file), headerRow);
      const read = performance.now();
      const { report, toAdd } = await analyse(ctx.db, settings, today, table, mapping, dryRun);
      const checked = performance.now();
      if (!dryRun && toAdd.length > 0) {
        let lastId: number;
        try {
          lastId = await write(ctx, settings, toAdd, report);
        } catch (error) {
          if (error instanceof LoketError) throw error;
          ctx.log.error(`impor pasien gagal, semua baris dibatalkan (${toAdd.length} baris)`, error);
          throw new LoketError(
            'INTERNAL',
            'Impor gagal di tengah jalan dan dibatalkan seluruhnya: tidak ada pasien yang tersimpan. Kejadian ini sudah dicatat; silakan coba lagi.',
          );
        }
        // One event for the whole import: screens showing patients reload once, not once per row.
        ctx.events.emit('patients.imported', { count: toAdd.length, lastPatientId: lastId });
      }
      const ms = (from: number, to: number) => Math.round(to - from);
      const done = performance.now();
      report.durationMs = ms(started, done);
      const c = report.counts;
      ctx.log.info(
        `impor pasien${dryRun ? ' (uji coba)' : ''}: ${c.rows} baris, ${c.added} ${dryRun ? 'akan ditambahkan' : 'ditambahkan'}, ${c.existing} sudah ada, ${c.duplicates} duplikat, ${c.rejected} ditolak; ` +
          `baca ${ms(started, read)} ms, periksa ${ms(read, checked)} ms, tulis ${ms(checked, done)} ms`,
      );
      return report;
    },
  };
}

/** The file reader alone (the benchmark's parse-only case). */
export async function readImportTable(file: FileInput): Promise<{ headers: string[]; rows: number }> {
  const table = tableOf(await readImportFile(file), undefined);
  return { headers: table.headers, rows: table.data.length };
}
