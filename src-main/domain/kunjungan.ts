import { isRealIsoDate } from '../contract';

/**
 * Kunjungan baru / lama (new or returning visit) as puskesmas reporting counts it: a visit is
 * baru when it is the patient's first of the calendar year. Only visits on earlier dates count
 * as previous, so every visit on that first day is baru, whatever order the counters
 * registered them in, and the answer does not change when the list also holds the visit itself
 * or later ones (a visit entered afterwards). Dates are local `YYYY-MM-DD`.
 */
export function isKunjunganBaru(previousVisitDates: readonly string[], visitDate: string): boolean {
  if (!isRealIsoDate(visitDate)) throw new RangeError(`isKunjunganBaru: tanggal kunjungan harus TTTT-BB-HH, bukan "${visitDate}"`);
  const yearStart = `${visitDate.slice(0, 4)}-01-01`;
  for (const date of previousVisitDates) {
    if (!isRealIsoDate(date)) throw new RangeError(`isKunjunganBaru: tanggal kunjungan sebelumnya harus TTTT-BB-HH, bukan "${date}"`);
    if (date >= yearStart && date < visitDate) return false;
  }
  return true;
}
