/**
 * Small rules of the registration screens that need no React: which search result a scanned
 * card means. (The default unit and the cluster routing come from the host: visits.propose.)
 */
import type { PatientSummary } from '../../../src-main/contract';

/** Letters and digits only, upper case: `sj-000 123` → `SJ000123`. */
function compact(s: string): string {
  return s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether a typed or scanned text is this RM number: separators, case and leading zeros do
 * not matter, and the puskesmas prefix may be left out (`123`, `000123`, `SJ-000123`).
 */
export function isExactRm(query: string, rmNumber: string): boolean {
  const q = compact(query);
  const rm = compact(rmNumber);
  if (q === '' || rm === '') return false;
  if (q === rm) return true;
  const digitsOfRm = /^\p{L}*(\d+)$/u.exec(rm)?.[1];
  if (!/^\d+$/.test(q) || !digitsOfRm) return false;
  return q.replace(/^0+/, '') === digitsOfRm.replace(/^0+/, '');
}

/**
 * The patient a search answer names without doubt: the one row whose RM number is exactly the
 * query, or the only row of a query made of digits (NIK, BPJS number, phone, RM).
 */
export function uniqueMatch(query: string, rows: readonly PatientSummary[]): PatientSummary | null {
  const exact = rows.filter((r) => isExactRm(query, r.rmNumber));
  if (exact.length === 1) return exact[0]!;
  if (exact.length === 0 && rows.length === 1 && /^[\d\s.+-]+$/.test(query.trim())) return rows[0]!;
  return null;
}

/** The NIK's digits when the clerk typed separators (`3302 1254 …`). */
export function nikDigits(s: string): string {
  return s.replace(/[\s.-]/g, '');
}

/** "Rp 10.000". */
export function rupiah(n: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;
}
