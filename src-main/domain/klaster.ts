import { isRealIsoDate, type Cluster } from '../contract';
import { ageInYears } from './waktu';

/**
 * Routing by life stage under ILP (Integrasi Layanan Primer, KMK HK.01.07/MENKES/2015/2023):
 * klaster 2 serves mothers (pregnant, in labour, postpartum), infants, children and
 * adolescents; klaster 3 adults and the elderly. Dental and general treatment exist in both,
 * so the patient's life stage decides, not the room.
 *
 * Life stages (siklus hidup), from the Kemenkes groups:
 * - bayi: under 1 year (0–11 months; Permenkes 25/2014);
 * - balita: 1–4 years (anak balita, 12–59 months);
 * - anak: 5–9 years (anak prasekolah 5–6 and the first school years);
 * - remaja: 10 years to the child limit − 1 (Permenkes 25/2014: remaja 10–18; ILP puts
 *   everyone under 18 in klaster 2, so by default 10–17);
 * - dewasa: the child limit to the elderly limit − 1 (ILP: usia dewasa 18–59);
 * - lansia: the elderly limit and older (Permenkes 67/2015: lanjut usia ≥ 60).
 * The two limits are settings; the bounds 1, 5 and 10 are fixed. A child limit of 10 or less
 * leaves no remaja: ages from the limit on are dewasa.
 */
export interface LifeStagePolicy {
  /** default 18: younger → anak/remaja, klaster 2 */
  childMaxAgeYears: number;
  /** default 60 */
  elderlyMinAgeYears: number;
}

/** ILP's limits: klaster 2 under 18, lansia from 60. */
export const defaultLifeStagePolicy: LifeStagePolicy = { childMaxAgeYears: 18, elderlyMinAgeYears: 60 };

export type LifeStage = 'bayi' | 'balita' | 'anak' | 'remaja' | 'dewasa' | 'lansia';

const clusterWords = {
  klaster2: 'klaster 2 (ibu, anak dan remaja)',
  klaster3: 'klaster 3 (dewasa dan lansia)',
} as const;

/** Refuses dates that are not `YYYY-MM-DD` on the calendar and a birth after `on`: the caller validates these first. */
function checkDates(fn: string, birthDate: string, on: string): void {
  if (!isRealIsoDate(birthDate)) throw new RangeError(`${fn}: tanggal lahir harus TTTT-BB-HH yang ada di kalender, bukan "${birthDate}"`);
  if (!isRealIsoDate(on)) throw new RangeError(`${fn}: tanggal harus TTTT-BB-HH yang ada di kalender, bukan "${on}"`);
  if (birthDate > on) throw new RangeError(`${fn}: tanggal lahir ${birthDate} sesudah tanggal ${on}`);
}

function checkPolicy(policy: LifeStagePolicy): void {
  const { childMaxAgeYears: child, elderlyMinAgeYears: elderly } = policy;
  if (!Number.isInteger(child) || !Number.isInteger(elderly) || child < 1 || elderly <= child) {
    throw new RangeError(`Batas usia tidak masuk akal: anak di bawah ${child} tahun, lansia mulai ${elderly} tahun`);
  }
}

/** The patient's life stage on a date (ages in completed years, as `ageInYears` counts them). */
export function lifeStage(birthDate: string, on: string, policy: LifeStagePolicy = defaultLifeStagePolicy): LifeStage {
  checkDates('lifeStage', birthDate, on);
  checkPolicy(policy);
  const age = ageInYears(birthDate, on);
  if (age >= policy.elderlyMinAgeYears) return 'lansia';
  if (age >= policy.childMaxAgeYears) return 'dewasa';
  if (age < 1) return 'bayi';
  if (age < 5) return 'balita';
  if (age < 10) return 'anak';
  return 'remaja';
}

/**
 * The cluster the clerk is offered for a visit, with the reason shown beside it (the clerk
 * may override it with a reason of their own). Pregnant and postpartum women go to klaster 2
 * at any age; the flag is ignored for men (a data slip, not a pregnancy).
 */
export function proposeCluster(
  p: { birthDate: string; sex: 'L' | 'P'; pregnantOrPostpartum?: boolean },
  on: string,
  policy: LifeStagePolicy = defaultLifeStagePolicy,
): { cluster: 'klaster2' | 'klaster3'; lifeStage: LifeStage; reason: string } {
  const stage = lifeStage(p.birthDate, on, policy);
  const age = ageWords(p.birthDate, on);
  if (p.pregnantOrPostpartum && p.sex === 'P') {
    return { cluster: 'klaster2', lifeStage: stage, reason: `Ibu hamil atau nifas (usia ${age}) — ${clusterWords.klaster2}` };
  }
  const cluster = stage === 'dewasa' || stage === 'lansia' ? 'klaster3' : 'klaster2';
  return { cluster, lifeStage: stage, reason: `Usia ${age}: ${stage} — ${clusterWords[cluster]}` };
}

/** Completed months between two dates, counted like `ageInYears` (the month turns on the same day of the month). */
function ageInMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

function ageInDays(birthDate: string, on: string): number {
  return Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${birthDate}T00:00:00Z`)) / 86_400_000);
}

/** Age in the largest unit that is at least 1: years, else months, else days. */
export function ageParts(birthDate: string, on: string): { n: number; unit: 'th' | 'bln' | 'hr' } {
  const years = ageInYears(birthDate, on);
  if (years >= 1) return { n: years, unit: 'th' };
  const months = ageInMonths(birthDate, on);
  if (months >= 1) return { n: months, unit: 'bln' };
  return { n: ageInDays(birthDate, on), unit: 'hr' };
}

const unitWords = { th: 'tahun', bln: 'bulan', hr: 'hari' } as const;

function ageWords(birthDate: string, on: string): string {
  const { n, unit } = ageParts(birthDate, on);
  return `${n} ${unitWords[unit]}`;
}

/** Age as the register writes it: `35 th`, `7 bln` under a year, `12 hr` under a month (`0 hr` on the day of birth). */
export function ageText(birthDate: string, on: string): string {
  checkDates('ageText', birthDate, on);
  const { n, unit } = ageParts(birthDate, on);
  return `${n} ${unit}`;
}

/** Units whose cluster is the room's own (management, communicable disease control): the visit keeps it. */
const roomClusters: readonly Cluster[] = ['klaster1', 'klaster4'];

/**
 * The cluster a visit is routed to unless the clerk overrides it (with a reason): emergencies
 * are lintas klaster (UGD); a klaster 1 or 4 room keeps its own; everywhere else — Poli Umum,
 * Gigi, KIA, lab — the patient's life stage decides (ILP: route by the person, not the room).
 */
export function routedCluster(p: { emergency: boolean; unitCluster: Cluster | undefined; proposed: 'klaster2' | 'klaster3' }): Cluster {
  if (p.emergency) return 'lintas';
  if (p.unitCluster && roomClusters.includes(p.unitCluster)) return p.unitCluster;
  return p.proposed;
}

export interface RoutableUnit {
  id: number;
  code: string;
  name: string;
  cluster: Cluster;
  active: boolean;
}

/** A unit by its code (as Pengaturan → Unit names it), else by words in its name; active units only. */
function findUnit(units: readonly RoutableUnit[], code: string, name: RegExp): RoutableUnit | undefined {
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
 *   cluster follows the life stage (klaster 2 under the child limit, else 3);
 * - otherwise the first active unit of the proposed cluster, then the first active unit.
 */
export function defaultUnit(
  units: readonly RoutableUnit[],
  p: { lifeStage: LifeStage; pregnant: boolean; cluster: 'klaster2' | 'klaster3'; appointmentUnitId?: number | null },
): number | null {
  const active = units.filter((u) => u.active);
  if (p.appointmentUnitId && active.some((u) => u.id === p.appointmentUnitId)) return p.appointmentUnitId;
  let unit: RoutableUnit | undefined;
  if (p.pregnant) unit = findUnit(units, 'KIA', /\bKIA\b|ibu dan anak/i);
  else if (p.lifeStage === 'bayi' || p.lifeStage === 'balita') unit = findUnit(units, 'MTBS', /\bMTBS\b|balita/i);
  else if (p.lifeStage === 'lansia') unit = findUnit(units, 'LANSIA', /\blansia\b/i);
  unit ??= findUnit(units, 'UMUM', /\bumum\b/i) ?? active.find((u) => u.cluster === p.cluster) ?? active[0];
  return unit?.id ?? null;
}
