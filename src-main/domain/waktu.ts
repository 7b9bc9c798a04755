/** Building an Intl formatter costs far more than using one (it loads the zone's rules): one per use and zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(use: 'date' | 'clock', timeZone: string): Intl.DateTimeFormat {
  const key = `${use}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      use === 'date'
        ? // en-CA formats as YYYY-MM-DD.
          new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(key, format);
  }
  return format;
}

/**
 * Calendar dates in the puskesmas's own time zone (WIB/WITA/WIT): the register's day and the
 * queue's daily reset follow local midnight, not UTC.
 */
export function localDate(instant: Date, timeZone: string): string {
  return formatIn('date', timeZone).format(instant);
}

/** Local wall-clock time `HH:MM` (a unit's closing time is compared with it). */
export function localClock(instant: Date, timeZone: string): string {
  return formatIn('clock', timeZone).format(instant);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
/** Minutes the zone is ahead of UTC on that date (Indonesian zones have no DST; cached per date). */
export function zoneOffsetMinutes(date: string, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    let format = offsetFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      offsetFormats.set(timeZone, format);
    }
    const noon = Date.parse(`${date}T12:00:00Z`);
    const parts = format.formatToParts(noon);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    offset = Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - noon) / 60_000);
    offsetCache.set(key, offset);
  }
  return offset;
}

/** ISO-8601 UTC instant of a local clock time (minutes after midnight) on a local date. */
export function zonedInstant(date: string, minuteOfDay: number, timeZone: string, second = 0): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + (minuteOfDay - zoneOffsetMinutes(date, timeZone)) * 60_000 + second * 1000;
  return new Date(ms).toISOString();
}

const bulan = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "23 November 2026" from `2026-11-23`. */
export function tanggalPanjang(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${bulan[(m ?? 1) - 1]} ${y}`;
}

const hari = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const zonaSingkat: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "Senin, 23 November 2026 08.15 WIB": an instant as a printed ticket or letter states it. */
export function hariTanggalJam(instant: Date, timeZone: string): string {
  const date = localDate(instant, timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = hari[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  // Indonesian writes the time with a dot: 08.15.
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant).replace(':', '.');
  return `${day}, ${tanggalPanjang(date)} ${time}${zonaSingkat[timeZone] ? ` ${zonaSingkat[timeZone]}` : ''}`;
}

/** A calendar date `n` days later (or earlier): `addDays('2026-11-30', 1)` → `2026-12-01`. */
export function addDays(isoDate: string, n: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole years between a birth date and a date, both `YYYY-MM-DD`. */
export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
