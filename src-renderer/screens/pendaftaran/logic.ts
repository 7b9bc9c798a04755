/**
 * Small rules of the registration screens that need no React: which search result a scanned
 * card means, which unit a visit goes to by default, and the cluster the host will route to.
 */
import type { Cluster, PatientSummary, Unit } from '../../../src-main/contract';

type LifeStage = 'bayi' | 'balita' | 'anak' | 'remaja' | 'dewasa' | 'lansia';

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

/** A unit by its code (as Pengaturan → Unit names it), else by words in its name; active units only. */
function findUnit(units: readonly Unit[], code: string, name: RegExp): Unit | undefined {
  const active = units.filter((u) => u.active);
  return active.find((u) => u.code.toUpperCase() === code) ?? active.find((u) => name.test(u.name));
}

/**
 * The destination unit offered first (the clerk may change it):
 * - a control appointment waiting today → its unit;
 * - pregnant or postpartum → KIA;
 * - bayi and balita (under 5) → MTBS (manajemen terpadu balita sakit);
 * - lansia → Poli Lansia where the puskesmas has one;
 * - everyone else (anak, remaja, dewasa, lansia without a Poli Lansia) → Poli Umum, whose
 *   cluster the host sets from the life stage (klaster 2 under the child limit, else 3);
 * - otherwise the first active unit of the proposed cluster, then the first active unit.
 */
export function defaultUnitId(
  units: readonly Unit[],
  p: { lifeStage: LifeStage; pregnant: boolean; cluster: 'klaster2' | 'klaster3'; appointmentUnitId?: number | null },
): number | null {
  const active = units.filter((u) => u.active);
  if (p.appointmentUnitId && active.some((u) => u.id === p.appointmentUnitId)) return p.appointmentUnitId;
  const umum = findUnit(units, 'UMUM', /\bumum\b/i);
  let unit: Unit | undefined;
  if (p.pregnant) unit = findUnit(units, 'KIA', /\bKIA\b|ibu dan anak/i);
  else if (p.lifeStage === 'bayi' || p.lifeStage === 'balita') unit = findUnit(units, 'MTBS', /\bMTBS\b|balita/i);
  else if (p.lifeStage === 'lansia') unit = findUnit(units, 'LANSIA', /\blansia\b/i);
  unit ??= umum ?? active.find((u) => u.cluster === p.cluster) ?? active[0];
  return unit?.id ?? null;
}

/** Units whose cluster is the room's own (management, communicable disease control): the host keeps it. */
const FIXED: readonly Cluster[] = ['klaster1', 'klaster4'];

/** The cluster the host routes the visit to when the clerk does not override it (mirrors visits.register). */
export function routedCluster(p: { emergency: boolean; unit: Unit | undefined; proposed: 'klaster2' | 'klaster3' }): Cluster {
  if (p.emergency) return 'lintas';
  if (p.unit && FIXED.includes(p.unit.cluster)) return p.unit.cluster;
  return p.proposed;
}

/** The NIK's digits when the clerk typed separators (`3302 1254 …`). */
export function nikDigits(s: string): string {
  return s.replace(/[\s.-]/g, '');
}

/** "Rp 10.000". */
export function rupiah(n: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;
}
