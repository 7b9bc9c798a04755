/**
 * Dates and numbers as an Indonesian office writes them. Calendar dates (`YYYY-MM-DD`) are
 * already local to the puskesmas; instants (ISO with time) are shown in its time zone.
 */
const bulan = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const bulanPendek = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const hari = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

function parts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** "Senin, 23 November 2026" for an instant, in the given time zone. */
export function hariTanggal(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "07.45" (Indonesian uses a dot between hours and minutes). */
export function jam(instant: Date | string, timeZone: string, seconds = false): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(d);
}

/** Today's calendar date `YYYY-MM-DD` in the puskesmas's time zone. */
export function hariIni(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "23 November 2026" from `2026-11-23`. */
export function tanggalPanjang(iso: string): string {
  const p = parts(iso);
  return p ? `${p[2]} ${bulan[p[1] - 1] ?? ''} ${p[0]}` : iso;
}

/** "Senin, 23 November 2026" from `2026-11-23`. */
export function hariTanggalDari(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  const day = new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay();
  return `${hari[day] ?? ''}, ${tanggalPanjang(iso)}`;
}

/** "23 Nov 2026" from `2026-11-23`. */
export function tanggalPendek(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return p ? `${String(p[2]).padStart(2, '0')} ${bulanPendek[p[1] - 1] ?? ''} ${p[0]}` : iso;
}

/** "23 Nov 2026" for an instant (ISO with time), as a date in the given time zone. */
export function tanggalPendekWaktu(instant: string, timeZone: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : tanggalPendek(hariIni(timeZone, d));
}

/** "WIB", "WITA" or "WIT". */
export function zonaSingkat(timeZone: string): string {
  return { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' }[timeZone] ?? '';
}

/** Moves a calendar date by whole days. */
export function geserTanggal(iso: string, days: number): string {
  const p = parts(iso);
  if (!p) return iso;
  const d = new Date(Date.UTC(p[0], p[1] - 1, p[2] + days));
  return d.toISOString().slice(0, 10);
}

/** Age on a date: "34 th" from one year on, "7 bln" below, "12 hr" for newborns. */
export function umur(birthDate: string, on: string): string {
  const b = parts(birthDate);
  const t = parts(on);
  if (!b || !t) return '—';
  let months = (t[0] - b[0]) * 12 + (t[1] - b[1]);
  if (t[2] < b[2]) months--;
  if (months < 0) return '—';
  if (months >= 12) return `${Math.floor(months / 12)} th`;
  if (months >= 1) return `${months} bln`;
  const days = Math.round((Date.UTC(t[0], t[1] - 1, t[2]) - Date.UTC(b[0], b[1] - 1, b[2])) / 86_400_000);
  return `${days} hr`;
}

export function angka(n: number): string {
  return new Intl.NumberFormat('id-ID').format(n);
}
