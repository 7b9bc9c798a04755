import type { FilingOrder, ShelfSection } from '../contract';
import { median, percentile } from './antrean';
import { compareTerminalDigit, terminalDigitKey } from './rm';

/**
 * Berkas rekam medis: how paper folders stand on the shelves (filing order), where a folder may
 * go from where it is (the state machine of its journey), and the records room's indicators.
 */

// ---------------------------------------------------------------------------------------------
// Filing order

/** The number part of an RM (the last run of 3+ digits, or all digits), zero-padded to 6, and a family member suffix. */
function rmParts(rm: string): { digits: string; member: string } | null {
  const key = terminalDigitKey(rm);
  if (key === rm && !/\d/.test(rm)) return null;
  const [terminal, secondary, primary, member] = key.split('-') as [string, string, string, string | undefined];
  return { digits: `${primary}${secondary}${terminal}`, member: member ?? '' };
}

/**
 * The shelf key of an RM in the filing order: terminal digit `46-50-23` → `23-50-46`; middle
 * digit → `50-46-23` (the middle pair first, then the first digits, then the last pair);
 * straight numeric → `465023`. A family member suffix stays last. Compare keys with
 * {@link compareShelfKeys}: part by part, numerically.
 */
export function shelfKey(rm: string, order: FilingOrder): string {
  if (order === 'terminal') return terminalDigitKey(rm);
  const parts = rmParts(rm);
  if (!parts) return rm;
  const { digits, member } = parts;
  const suffix = member ? `-${member}` : '';
  if (order === 'straight') return `${digits}${suffix}`;
  return `${digits.slice(-4, -2)}-${digits.slice(0, -4)}-${digits.slice(-2)}${suffix}`;
}

/** Orders shelf keys as the folders stand (numerically part by part; `23-50-46` before `23-50-146`). */
export const compareShelfKeys = compareTerminalDigit;

/**
 * The number that picks a shelf section: the last two digits (terminal), the middle two
 * (middle digit), or the whole number (straight numeric).
 */
export function sectionNumber(rm: string, order: FilingOrder): number | null {
  const parts = rmParts(rm);
  if (!parts) return null;
  if (order === 'terminal') return Number(parts.digits.slice(-2));
  if (order === 'middle') return Number(parts.digits.slice(-4, -2));
  return Number(parts.digits);
}

export const NO_SECTION = 'Di luar bagian rak';

/** The named shelf section of an RM (the first section whose range holds its section number). */
export function sectionOf(rm: string, order: FilingOrder, sections: readonly ShelfSection[]): string {
  const n = sectionNumber(rm, order);
  if (n === null) return NO_SECTION;
  return sections.find((s) => n >= s.from && n <= s.to)?.name ?? NO_SECTION;
}

/** Sections in shelf order (by their start), the unnamed rest last. */
export function sectionOrder(sections: readonly ShelfSection[]): string[] {
  return [...new Set([...[...sections].sort((a, b) => a.from - b.from).map((s) => s.name), NO_SECTION])];
}

// ---------------------------------------------------------------------------------------------
// The journey: statuses, places, allowed moves

export const folderStatuses = ['di_rak', 'keluar', 'dipinjam', 'hilang', 'inaktif', 'digabung'] as const;
export type FolderStatus = (typeof folderStatuses)[number];

export const locationKinds = ['rak', 'ruang_rm', 'unit', 'peminjam', 'hilang', 'rak_inaktif'] as const;
export type LocationKind = (typeof locationKinds)[number];

export const movementKinds = [
  'ambil',
  'kirim',
  'pindah_unit',
  'kembali',
  'simpan',
  'pinjam',
  'kembalikan_lengkapi',
  'hilang',
  'ditemukan',
  'inaktif',
  'aktif',
  'digabung',
  'sementara',
  'dipisah',
  'jilid_baru',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export const movementLabels: Record<MovementKind, string> = {
  ambil: 'Diambil dari rak',
  kirim: 'Dikirim ke unit',
  pindah_unit: 'Pindah unit (lintas klaster)',
  kembali: 'Kembali ke ruang rekam medis',
  simpan: 'Disimpan di rak',
  pinjam: 'Dipinjam',
  kembalikan_lengkapi: 'Dikembalikan ke unit untuk dilengkapi',
  hilang: 'Ditandai hilang',
  ditemukan: 'Ditemukan',
  inaktif: 'Dipindah ke rak inaktif',
  aktif: 'Diaktifkan kembali',
  digabung: 'Digabung ke berkas lain',
  sementara: 'Berkas sementara dibuat',
  dipisah: 'Dipisah kembali (penggabungan pasien dibatalkan)',
  jilid_baru: 'Jilid baru dibuka',
};

export type Place = { kind: Exclude<LocationKind, 'unit'> } | { kind: 'unit'; unitId: number };

export interface FolderState {
  status: FolderStatus;
  place: Place;
  /** Came back from a unit and not yet checked (KLPCM): it is checked before it is filed. */
  awaitingReview: boolean;
}

export type MovePlan = { ok: true; kind: MovementKind; status: FolderStatus } | { ok: false; message: string };

const placeLabel = (p: Place, unitName: (id: number) => string): string =>
  p.kind === 'unit'
    ? unitName(p.unitId)
    : { rak: 'rak penyimpanan', ruang_rm: 'ruang rekam medis', peminjam: 'peminjam', hilang: 'tempat tidak diketahui', rak_inaktif: 'rak inaktif' }[
        p.kind
      ];

export function describePlace(p: Place, unitName: (id: number) => string): string {
  return placeLabel(p, unitName);
}

const refuse = (message: string): MovePlan => ({ ok: false, message });

/**
 * Where a folder may go from where it is. `return` is the records room taking a folder back
 * (from a unit or a borrower): refused for a folder that never left. A missing folder does not
 * move until it is found; a folder back from a unit is checked (KLPCM) before it is filed.
 */
export function planMove(state: FolderState, to: Place, intent: 'move' | 'return', unitName: (id: number) => string): MovePlan {
  const from = state.place;
  if (state.status === 'hilang') return refuse('Berkas ini ditandai hilang: tandai ditemukan dulu sebelum dipindahkan.');
  if (state.status === 'digabung') return refuse('Berkas sementara ini sudah digabung ke berkas aslinya dan tidak dipakai lagi.');
  if (intent === 'return') {
    if (from.kind === 'rak' || from.kind === 'rak_inaktif')
      return refuse(`Berkas ini masih di ${placeLabel(from, unitName)}: belum pernah keluar, jadi tidak bisa dikembalikan.`);
    if (from.kind === 'ruang_rm') return refuse('Berkas ini sudah berada di ruang rekam medis.');
    if (to.kind !== 'ruang_rm') return refuse('Berkas dikembalikan ke ruang rekam medis.');
  }
  if (from.kind === to.kind && (from.kind !== 'unit' || (to.kind === 'unit' && from.unitId === to.unitId)))
    return refuse(`Berkas sudah berada di ${placeLabel(from, unitName)}.`);
  const ok = (kind: MovementKind, status: FolderStatus): MovePlan => ({ ok: true, kind, status });
  switch (from.kind) {
    case 'rak':
    case 'ruang_rm': {
      if (to.kind === 'ruang_rm') return ok('ambil', 'keluar');
      if (to.kind === 'unit') return ok('kirim', 'keluar');
      if (to.kind === 'peminjam') return ok('pinjam', 'dipinjam');
      if (to.kind === 'rak_inaktif') return ok('inaktif', 'inaktif');
      if (to.kind === 'rak') {
        if (state.awaitingReview)
          return refuse('Berkas ini baru kembali dari unit: isi dulu daftar periksa kelengkapan (KLPCM); berkas lengkap langsung disimpan di rak.');
        return ok('simpan', 'di_rak');
      }
      break;
    }
    case 'unit': {
      if (to.kind === 'unit') return ok('pindah_unit', 'keluar');
      if (to.kind === 'ruang_rm') return ok('kembali', 'keluar');
      return refuse('Berkas dari unit dikembalikan dulu ke ruang rekam medis untuk diperiksa kelengkapannya.');
    }
    case 'peminjam': {
      if (to.kind === 'ruang_rm') return ok('kembali', 'keluar');
      if (to.kind === 'rak') return ok('simpan', 'di_rak');
      return refuse('Berkas sedang dipinjam: catat dulu pengembaliannya.');
    }
    case 'rak_inaktif': {
      if (to.kind === 'ruang_rm') return ok('aktif', 'keluar');
      if (to.kind === 'rak') return ok('aktif', 'di_rak');
      return refuse('Berkas inaktif diaktifkan dulu (ke ruang rekam medis atau rak aktif).');
    }
    case 'hilang':
      break;
  }
  return refuse(`Berkas tidak bisa dipindah dari ${placeLabel(from, unitName)} ke ${placeLabel(to, unitName)}.`);
}

/** Why a folder cannot be marked missing (null when it can). */
export function missingRefusal(status: FolderStatus): string | null {
  if (status === 'hilang') return 'Berkas ini sudah ditandai hilang.';
  if (status === 'digabung') return 'Berkas sementara ini sudah digabung ke berkas aslinya.';
  return null;
}

/** Why a completeness checklist cannot be recorded now (null when it can). */
export function reviewRefusal(state: FolderState): string | null {
  if (state.place.kind === 'ruang_rm' && state.awaitingReview) return null;
  return 'Berkas ini belum kembali dari unit ke ruang rekam medis: daftar periksa kelengkapan diisi setelah berkas diterima kembali.';
}

// ---------------------------------------------------------------------------------------------
// Indicators

/** The national standard for retrieving a folder to the unit (registration → arrival): 10 minutes. */
export const RETRIEVAL_STANDARD_MINUTES = 10;

export interface RetrievalStats {
  count: number;
  withinStandard: number;
  /** Percent within the standard, one decimal; null without samples. */
  sharePercent: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Retrieval times in minutes → share within ≤ 10 minutes, median and 90th percentile. */
export function retrievalStats(minutes: readonly number[]): RetrievalStats {
  const within = minutes.filter((m) => m <= RETRIEVAL_STANDARD_MINUTES).length;
  const m = median(minutes);
  const p90 = percentile(minutes, 90);
  return {
    count: minutes.length,
    withinStandard: within,
    sharePercent: minutes.length ? oneDecimal((within / minutes.length) * 100) : null,
    medianMinutes: m === null ? null : oneDecimal(m),
    p90Minutes: p90 === null ? null : oneDecimal(p90),
  };
}

/**
 * KLPCM rate (ketidaklengkapan pengisian catatan medis): incomplete first checks as a
 * percentage of folders checked, one decimal; null when nothing was checked.
 */
export function klpcmRate(checked: number, incomplete: number): number | null {
  return checked === 0 ? null : oneDecimal((incomplete / checked) * 100);
}

/** Minutes between two ISO instants, one decimal (never negative). */
export function minutesBetween(from: string, to: string): number {
  return Math.max(0, oneDecimal((Date.parse(to) - Date.parse(from)) / 60_000));
}
