import {
  clusterLabels,
  LoketError,
  payerLabels,
  payers,
  REGISTER_MAX_DAYS,
  type Register,
  type RegisterFilter,
  type RegisterRow,
  type RegisterTotals,
  type registerMethods,
  type Unit,
} from '../contract';
import { listUnits } from '../db/repositories/reference';
import { registerVisits } from '../db/repositories/register';
import { ageParts, ageText } from '../domain/klaster';
import { localDate, tanggalPanjang } from '../domain/waktu';
import type { ServiceContext } from './context';
import type { Handlers } from './handler';
import { loadSharedSettings } from './settings';

/** Days from one `YYYY-MM-DD` to another, both counted: 2026-11-01..2026-11-01 is 1. */
function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** "23 November 2026", or "1 November 2026 s.d. 7 November 2026"; then the filters in words. */
function describe(from: string, to: string, unit: Unit | undefined, filter: RegisterFilter): string {
  const period = from === to ? tanggalPanjang(from) : `${tanggalPanjang(from)} s.d. ${tanggalPanjang(to)}`;
  const parts = [
    unit ? `Unit ${unit.name}` : 'semua unit',
    filter.cluster ? clusterLabels[filter.cluster] : 'semua klaster',
    filter.payer ? `penjamin ${payerLabels[filter.payer]}` : 'semua penjamin',
  ];
  return `${period} · ${parts.join(' · ')}`;
}

function totalsOf(rows: readonly RegisterRow[], units: readonly Unit[]): RegisterTotals {
  const t: RegisterTotals = {
    visits: rows.length,
    male: 0,
    female: 0,
    kunjunganBaru: 0,
    kunjunganLama: 0,
    pasienBaru: 0,
    pasienLama: 0,
    referredOut: 0,
    byPayer: payers.map((p) => ({ key: p, label: payerLabels[p], count: 0 })),
    byUnit: [],
    feeBilled: 0,
    feePaid: 0,
  };
  const perUnit = new Map<number, number>();
  for (const r of rows) {
    if (r.sex === 'L') t.male++;
    else t.female++;
    if (r.kunjunganBaru) t.kunjunganBaru++;
    else t.kunjunganLama++;
    if (r.pasienBaru) t.pasienBaru++;
    else t.pasienLama++;
    if (r.referredOut) t.referredOut++;
    t.byPayer.find((p) => p.key === r.payer)!.count++;
    perUnit.set(r.unitId, (perUnit.get(r.unitId) ?? 0) + 1);
    if (r.payer === 'umum') {
      t.feeBilled += r.fee;
      if (r.paid) t.feePaid += r.fee;
    }
  }
  // Units in their configured order; only those with visits in this register.
  t.byUnit = units.filter((u) => perUnit.has(u.id)).map((u) => ({ key: String(u.id), label: u.name, count: perUnit.get(u.id)! }));
  return t;
}

/**
 * The register for a filter: checked (period, unit), read in one query, ages on the visit
 * date, totals at the foot. The print layer and the Excel export build on it.
 */
export async function buildRegister(ctx: ServiceContext, filter: RegisterFilter): Promise<Register> {
  const settings = await loadSharedSettings(ctx.db);
  const from = filter.date ?? localDate(ctx.now(), settings.timeZone);
  const to = filter.dateTo ?? from;
  if (to < from)
    throw new LoketError('VALIDATION', `Tanggal akhir (${tanggalPanjang(to)}) sebelum tanggal awal (${tanggalPanjang(from)}).`, [
      { path: 'dateTo', message: 'Sebelum tanggal awal' },
    ]);
  const days = daysInclusive(from, to);
  if (days > REGISTER_MAX_DAYS)
    throw new LoketError('VALIDATION', `Rentang register paling panjang ${REGISTER_MAX_DAYS} hari; yang diminta ${days} hari.`, [
      { path: 'dateTo', message: `Paling lama ${REGISTER_MAX_DAYS} hari` },
    ]);
  const units = await listUnits(ctx.db);
  const unit = filter.unitId === undefined ? undefined : units.find((u) => u.id === filter.unitId);
  if (filter.unitId !== undefined && !unit)
    throw new LoketError('VALIDATION', `Unit dengan id ${filter.unitId} tidak ditemukan.`, [{ path: 'unitId', message: 'Tidak ditemukan' }]);

  const visits = await registerVisits(ctx.db, { from, to, unitId: filter.unitId, cluster: filter.cluster, payer: filter.payer });
  const rows: RegisterRow[] = visits.map((v) => {
    // A birth date after the visit is a data error: shown as unknown rather than a negative age.
    const valid = v.birthDate <= v.visitDate;
    const parts = valid ? ageParts(v.birthDate, v.visitDate) : null;
    return {
      ...v,
      age: parts && { value: parts.n, unit: parts.unit },
      ageText: valid ? ageText(v.birthDate, v.visitDate) : '—',
    };
  });
  return {
    date: from,
    dateTo: to,
    unitId: unit?.id ?? null,
    cluster: filter.cluster ?? null,
    payer: filter.payer ?? null,
    description: describe(from, to, unit, filter),
    rows,
    totals: totalsOf(rows, units),
  };
}

export function registerHandlers(ctx: ServiceContext): Handlers<keyof typeof registerMethods> {
  return {
    'register.daily': (input) => buildRegister(ctx, input),
  };
}
