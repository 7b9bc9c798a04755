import type { AgeGroup, AgeUnit } from '../contract';
import { tanggalPanjang } from './waktu';

/**
 * Laporan: the periods of the monthly and yearly recaps and the LB1 age groups a visit falls in.
 * Dates are local `YYYY-MM-DD`.
 */

const bulan = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export function monthName(month: number): string {
  return bulan[month - 1] ?? String(month);
}

export interface Period {
  year: number;
  month: number | null;
  from: string;
  to: string;
  /** "November 2026" or "Tahun 2026". */
  label: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The last day of a month (1–12): 28, 29, 30 or 31. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month of a year, or the whole year: first and last date and the printed label. */
export function periodOf(year: number, month?: number | null): Period {
  if (month === undefined || month === null)
    return { year, month: null, from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31`, label: `Tahun ${year}` };
  return {
    year,
    month,
    from: `${pad(year, 4)}-${pad(month)}-01`,
    to: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    label: `${monthName(month)} ${year}`,
  };
}

/** The buckets of the time table: each month of a year (`2026-01`…), each day of a month. */
export function periodBuckets(p: Period): { key: string; label: string }[] {
  if (p.month === null) return Array.from({ length: 12 }, (_, i) => ({ key: `${pad(p.year, 4)}-${pad(i + 1)}`, label: monthName(i + 1) }));
  return Array.from({ length: daysInMonth(p.year, p.month) }, (_, i) => {
    const key = `${p.from.slice(0, 8)}${pad(i + 1)}`;
    return { key, label: tanggalPanjang(key) };
  });
}

/** "2026-11" → "November 2026". */
export function monthLabel(yyyyMm: string): string {
  return `${monthName(Number(yyyyMm.slice(5, 7)))} ${yyyyMm.slice(0, 4)}`;
}

/** A date's parts without building a Date (a year's recap classifies every visit). */
const partsOf = (iso: string): [number, number, number] => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/** Completed days, months and years between a birth date and a later date (all 0 when born on or after it). */
function ages(birthDate: string, on: string): Record<AgeUnit, number> {
  const [by, bm, bd] = partsOf(birthDate);
  const [y, m, d] = partsOf(on);
  return agesBetween(by, bm, bd, y, m, d, { hari: 0, bulan: 0, tahun: 0 });
}

/**
 * {@link ages} on dates given as year, month and day numbers, written into `out` (the recap
 * classifies a hundred thousand visits from numbers, without a string or an object each).
 */
export function agesBetween(
  by: number,
  bm: number,
  bd: number,
  y: number,
  m: number,
  d: number,
  out: Record<AgeUnit, number>,
): Record<AgeUnit, number> {
  if (y < by || (y === by && (m < bm || (m === bm && d <= bd)))) {
    out.hari = out.bulan = out.tahun = 0;
    return out;
  }
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  out.hari = dayNumber(y, m, d) - dayNumber(by, bm, bd);
  out.bulan = months;
  // Completed years are completed months ÷ 12 (the same as ageInYears: the birthday counts).
  out.tahun = Math.floor(months / 12);
  return out;
}

/** Completed days, months or years between a birth date and a later date (0 when born after it). */
export function ageIn(unit: AgeUnit, birthDate: string, on: string): number {
  return ages(birthDate, on)[unit];
}

/**
 * The index of the age group of a patient at a visit: the first group whose upper end is not
 * below the age counted in that group's unit (groups validated by `ageGroupsProblem`). A birth
 * date after the visit date (bad data) counts as age 0.
 */
export function ageGroupIndex(groups: readonly AgeGroup[], birthDate: string, visitDate: string): number {
  return ageGroupOf(groups, ages(birthDate, visitDate));
}

/** The index of the age group of an age given in completed days, months and years (see {@link ageGroupIndex}). */
export function ageGroupOf(groups: readonly AgeGroup[], age: Readonly<Record<AgeUnit, number>>): number {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (g.to === null || age[g.unit] <= g.to) return i;
  }
  return groups.length - 1;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Count, median (the mean of the middle two when even) and nearest-rank percentile of samples counted per value, as domain/antrean's `median` and `percentile` give them on the samples. */
export function histogramStats(
  histogram: readonly (readonly [number, number])[],
  p: number,
): { count: number; median: number | null; percentile: number | null } {
  const count = histogram.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return { count, median: null, percentile: null };
  /** The sample at 0-based position i of the sorted list. */
  const at = (i: number) => {
    let seen = 0;
    for (const [value, n] of histogram) if ((seen += n) > i) return value;
    return histogram[histogram.length - 1]![0];
  };
  const mid = Math.floor(count / 2);
  return {
    count,
    median: count % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2,
    percentile: at(Math.max(1, Math.ceil((p / 100) * count)) - 1),
  };
}

/** domain/berkas's `retrievalStats` on samples counted per value (minutes, one decimal). */
export function retrievalHistogramStats(
  minutes: readonly (readonly [number, number])[],
  standardMinutes: number,
): { count: number; withinStandard: number; sharePercent: number | null; medianMinutes: number | null; p90Minutes: number | null } {
  const { count, median, percentile } = histogramStats(minutes, 90);
  const within = minutes.reduce((s, [m, n]) => (m <= standardMinutes ? s + n : s), 0);
  return {
    count,
    withinStandard: within,
    sharePercent: count ? oneDecimal((within / count) * 100) : null,
    medianMinutes: median === null ? null : oneDecimal(median),
    p90Minutes: percentile === null ? null : oneDecimal(percentile),
  };
}
