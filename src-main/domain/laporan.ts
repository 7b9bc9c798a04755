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
  return agesBetween(partsOf(birthDate), partsOf(on));
}

/** {@link ages} on dates given as [year, month, day] (the recap reads them as numbers). */
export function agesBetween([by, bm, bd]: readonly [number, number, number], [y, m, d]: readonly [number, number, number]): Record<AgeUnit, number> {
  if (y < by || (y === by && (m < bm || (m === bm && d <= bd)))) return { hari: 0, bulan: 0, tahun: 0 };
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  return {
    hari: dayNumber(y, m, d) - dayNumber(by, bm, bd),
    bulan: months,
    // Completed years are completed months ÷ 12 (the same as ageInYears: the birthday counts).
    tahun: Math.floor(months / 12),
  };
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

/** Samples counted per value (`[value, count]`, ascending) back into the sorted list of samples, each value mapped once. */
export function expandHistogram(histogram: readonly (readonly [number, number])[], map: (value: number) => number = (v) => v): number[] {
  const out: number[] = [];
  for (const [value, count] of histogram) {
    const v = map(value);
    for (let i = 0; i < count; i++) out.push(v);
  }
  return out;
}
