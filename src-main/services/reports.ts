import {
  clusterLabels,
  clusters,
  LoketError,
  payerLabels,
  payers,
  type AgeGroup,
  type CountTable,
  type FollowUp,
  type FollowUpList,
  type Recap,
  type RecapInput,
  type SharedSettings,
  type reportMethods,
} from '../contract';
import type { Executor } from '../db/repositories/executor';
import { klpcmRows } from '../db/repositories/folders';
import { listServices, listUnits } from '../db/repositories/reference';
import * as repo from '../db/repositories/reports';
import { laneKey } from '../domain/antrean';
import { klpcmRate, RETRIEVAL_STANDARD_MINUTES } from '../domain/berkas';
import {
  ageGroupOf,
  agesBetween,
  histogramStats,
  monthLabel,
  periodBuckets,
  periodOf,
  retrievalHistogramStats,
  type Period,
} from '../domain/laporan';
import { localDate } from '../domain/waktu';
import type { Call, ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { may } from './roles';
import { loadSharedSettings } from './settings';

/** Visits counted by one dimension, split by sex. */
class Tally {
  private counts = new Map<string, { l: number; p: number }>();
  add(key: string, sex: string, n = 1): void {
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = { l: 0, p: 0 }));
    if (sex === 'L') c.l += n;
    else c.p += n;
  }
  /**
   * Rows in the given order (`all`: every listed key even at 0; otherwise only keys counted),
   * then keys counted but not listed, labelled by `other`.
   */
  table(order: readonly { key: string; label: string }[], all: boolean, other: (key: string) => string = (k) => k): CountTable {
    const listed = new Set(order.map((o) => o.key));
    const rows = [
      ...order.filter((o) => all || this.counts.has(o.key)),
      ...[...this.counts.keys()].filter((k) => !listed.has(k)).map((k) => ({ key: k, label: other(k) })),
    ].map(({ key, label }) => {
      const c = this.counts.get(key) ?? { l: 0, p: 0 };
      return { key, label, l: c.l, p: c.p, total: c.l + c.p };
    });
    const l = rows.reduce((s, r) => s + r.l, 0);
    const p = rows.reduce((s, r) => s + r.p, 0);
    return { rows, total: { key: 'jumlah', label: 'Jumlah', l, p, total: l + p } };
  }
}

const NO_VILLAGE = 'Tidak tercatat';

type Tallies = Record<'time' | 'unit' | 'cluster' | 'payer' | 'sex' | 'age' | 'kunjungan' | 'pasien' | 'village', Tally> & { villageCodes: string[] };

/**
 * Counts the period's visits by every dimension of the recap. SQLite hands over one number per
 * visit (visit code and birth code, migration 0018), grouped by village and sex
 * (repo.recapCounts); the fields are counted here in arrays by index — the age with the domain's
 * own arithmetic — and turned into keyed tallies once.
 */
async function tallyVisits(
  db: Executor,
  range: { from: string; to: string; unitId: number | undefined },
  period: Period,
  groups: readonly AgeGroup[],
  units: readonly { id: number }[],
): Promise<Tallies> {
  const V = repo.VISIT_CODE;
  if (units.some((u) => u.id > repo.MAX_RECAP_UNIT_ID))
    throw new LoketError('INTERNAL', `Rekap tidak dapat menghitung unit dengan id di atas ${repo.MAX_RECAP_UNIT_ID}.`);
  const rows = await repo.recapCounts(db, range);
  const t: Tallies = {
    time: new Tally(),
    unit: new Tally(),
    cluster: new Tally(),
    payer: new Tally(),
    sex: new Tally(),
    age: new Tally(),
    kunjungan: new Tally(),
    pasien: new Tally(),
    village: new Tally(),
    villageCodes: [],
  };
  // counts.x[value × 2 + (0 for L, 1 otherwise)]
  const count = (size: number) => new Float64Array(size * 2);
  const c = {
    unit: count(repo.MAX_RECAP_UNIT_ID + 1),
    bucket: count(V.month * V.day),
    cluster: count(V.cluster),
    payer: count(V.payer),
    age: count(groups.length),
    flags: count(V.flags),
  };
  const year = period.year;
  const yearly = period.month === null;
  const age = { hari: 0, bulan: 0, tahun: 0 };
  for (const row of rows) {
    const s = row.sex === 'L' ? 0 : 1;
    t.sex.add(row.sex, row.sex, row.count);
    t.village.add(row.villageCode ?? '-', row.sex, row.count);
    if (row.villageCode !== null) t.villageCodes.push(row.villageCode);
    for (const packed of row.visits) {
      // Peel the fields off from the least significant end (migration 0018 writes them).
      const birth = packed % repo.BIRTH_CODES;
      let k = (packed - birth) / repo.BIRTH_CODES;
      const birthDay = birth % 32;
      const birthMonths = (birth - birthDay) / 32;
      const birthYear = Math.floor((birthMonths - 1) / 12);
      c.flags[(k % V.flags) * 2 + s]! += 1;
      k = Math.floor(k / V.flags);
      c.payer[(k % V.payer) * 2 + s]! += 1;
      k = Math.floor(k / V.payer);
      c.cluster[(k % V.cluster) * 2 + s]! += 1;
      k = Math.floor(k / V.cluster);
      const day = k % V.day;
      k = Math.floor(k / V.day);
      const month = k % V.month;
      c.bucket[(yearly ? month : month * V.day + day) * 2 + s]! += 1;
      c.unit[Math.floor(k / V.month) * 2 + s]! += 1;
      agesBetween(birthYear, birthMonths - birthYear * 12, birthDay, year, month, day, age);
      c.age[ageGroupOf(groups, age) * 2 + s]! += 1;
    }
  }
  const put = (tally: Tally, counts: Float64Array, key: (i: number) => string) => {
    for (let i = 0; i < counts.length / 2; i++) {
      if (counts[i * 2]) tally.add(key(i), 'L', counts[i * 2]);
      if (counts[i * 2 + 1]) tally.add(key(i), 'P', counts[i * 2 + 1]);
    }
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  put(t.time, c.bucket, (i) => (yearly ? `${year}-${pad(i)}` : `${year}-${pad(Math.floor(i / V.day))}-${pad(i % V.day)}`));
  put(t.unit, c.unit, String);
  put(t.age, c.age, String);
  // flags = kunjungan baru × 2 + pasien baru
  const kunjungan = count(2);
  const pasien = count(2);
  c.flags.forEach((n, i) => {
    const flags = i >> 1;
    kunjungan[(flags >> 1) * 2 + (i & 1)]! += n;
    pasien[(flags & 1) * 2 + (i & 1)]! += n;
  });
  put(t.kunjungan, kunjungan, (i) => (i ? 'baru' : 'lama'));
  put(t.pasien, pasien, (i) => (i ? 'baru' : 'lama'));
  // A cluster or payer outside the index's lists (coded as the list's length) is counted by name from the visits themselves.
  const known = async (tally: Tally, counts: Float64Array, list: readonly string[], column: 'cluster' | 'payer') => {
    put(tally, counts.subarray(0, list.length * 2), (i) => list[i]!);
    if (counts.subarray(list.length * 2).some((n) => n > 0))
      for (const r of await repo.otherValues(db, range, column, list)) tally.add(r.value, r.sex, r.count);
  };
  await known(t.cluster, c.cluster, repo.RECAP_CLUSTERS, 'cluster');
  await known(t.payer, c.payer, repo.RECAP_PAYERS, 'payer');
  return t;
}

/** The monthly or yearly recap (also printed and exported by the print layer). */
export async function buildRecap(ctx: ServiceContext, input: RecapInput): Promise<Recap> {
  const settings = await loadSharedSettings(ctx.db);
  const period = periodOf(input.year, input.month);
  const units = await listUnits(ctx.db);
  const unit = input.unitId === undefined ? null : units.find((u) => u.id === input.unitId);
  if (unit === undefined)
    throw new LoketError('VALIDATION', `Unit dengan id ${input.unitId} tidak dikenal. Pilih unit dari daftar.`, [
      { path: 'unitId', message: 'Unit tidak dikenal' },
    ]);
  const groups = settings.reports.ageGroups;
  const t = await tallyVisits(ctx.db, { from: period.from, to: period.to, unitId: input.unitId }, period, groups, units);
  const villageNames = await repo.regionNames(ctx.db, [...new Set(t.villageCodes)]);
  const byVillage = t.village.table([], false, (code) => (code === '-' ? NO_VILLAGE : (villageNames.get(code) ?? code)));
  // Most visits first; "not recorded" last.
  byVillage.rows.sort((a, b) => Number(a.key === '-') - Number(b.key === '-') || b.total - a.total || a.label.localeCompare(b.label, 'id'));

  return {
    period,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    generatedAt: ctx.now().toISOString(),
    ageGroups: groups,
    byTime: t.time.table(periodBuckets(period), true),
    byUnit: t.unit.table(
      units.map((u) => ({ key: String(u.id), label: u.name })),
      false,
    ),
    byCluster: t.cluster.table(
      clusters.map((c) => ({ key: c, label: clusterLabels[c] })),
      true,
    ),
    byPayer: t.payer.table(
      payers.map((p) => ({ key: p, label: payerLabels[p] })),
      true,
    ),
    bySex: t.sex.table(
      [
        { key: 'L', label: 'Laki-laki' },
        { key: 'P', label: 'Perempuan' },
      ],
      true,
    ),
    byAgeGroup: t.age.table(
      groups.map((g, i) => ({ key: String(i), label: g.label })),
      true,
    ),
    byKunjungan: t.kunjungan.table(
      [
        { key: 'baru', label: 'Kunjungan baru' },
        { key: 'lama', label: 'Kunjungan lama' },
      ],
      true,
    ),
    byPasien: t.pasien.table(
      [
        { key: 'baru', label: 'Pasien baru' },
        { key: 'lama', label: 'Pasien lama' },
      ],
      true,
    ),
    byVillage,
    referrals: await referralRecap(ctx.db, period.from, period.to, input.unitId),
    queueWaits: await queueWaits(ctx.db, period.from, period.to, unit?.id),
    ...(await folderIndicators(ctx.db, period.from, period.to, unit?.id)),
  };
}

/**
 * Referrals out by destination: surat rujukan issued in the period (cancelled letters not
 * counted). A letter the hospital refused (`ditolak`) is not counted for its destination: the
 * patient gets a new letter to another hospital (domain/rujukan), which is counted, so one
 * referral is not counted twice; the note says how many were refused.
 */
async function referralRecap(db: Executor, from: string, to: string, unitId: number | undefined): Promise<Recap['referrals']> {
  const t = new Tally();
  const names = new Map<string, string>();
  let refused = 0;
  for (const r of await repo.referralsByDestination(db, from, to, unitId)) {
    if (r.refused) {
      refused += r.count;
      continue;
    }
    names.set(String(r.facilityId), r.facilityName);
    t.add(String(r.facilityId), r.sex, r.count);
  }
  const byDestination = t.table([], false, (key) => names.get(key) ?? key);
  // Most referrals first.
  byDestination.rows.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'id'));
  const which =
    unitId === undefined ? 'Surat rujukan yang terbit pada periode ini (yang dibatalkan tidak dihitung)' : 'Surat rujukan dari kunjungan ke unit ini';
  return {
    available: true,
    note: refused
      ? `${which}; ${refused} surat yang ditolak RS tidak dihitung untuk tujuannya (pasien dirujuk ulang dengan surat baru).`
      : `${which}.`,
    byDestination,
  };
}

/** Ticket issued → first call per queue (loket service or poli unit) and month: count, median and P90 in whole seconds as queue.stats' durationStats gives them. */
async function queueWaits(db: Executor, from: string, to: string, unitId: number | undefined): Promise<Recap['queueWaits']> {
  const [groups, services, units] = await Promise.all([
    repo.queueWaitHistograms(db, from, to, unitId === undefined ? undefined : laneKey({ unitId })),
    listServices(db),
    listUnits(db),
  ]);
  return groups
    .map((g) => {
      const id = Number(g.lane.slice(1));
      const kind = g.lane.startsWith('S') ? ('service' as const) : ('unit' as const);
      const lane =
        kind === 'service' ? `Loket: ${services.find((s) => s.id === id)?.name ?? id}` : (units.find((u) => u.id === id)?.name ?? String(id));
      const w = histogramStats(g.waits, 90);
      const wait = {
        count: w.count,
        median: w.median === null ? null : Math.round(w.median),
        p90: w.percentile === null ? null : Math.round(w.percentile),
      };
      return { month: g.month, lane, kind, issued: g.issued, wait };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind) || a.lane.localeCompare(b.lane, 'id'))
    .map((w) => ({ ...w, month: monthLabel(w.month) }));
}

/** Histograms added together, ascending by value. */
function mergeHistograms(histograms: readonly (readonly (readonly [number, number])[])[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const h of histograms) for (const [value, n] of h) counts.set(value, (counts.get(value) ?? 0) + n);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** Folder retrieval times and KLPCM per unit with the records room's own indicator functions (domain/berkas). */
async function folderIndicators(db: Executor, from: string, to: string, unitId: number | undefined): Promise<Pick<Recap, 'retrieval' | 'klpcm'>> {
  const [requests, units] = await Promise.all([repo.retrievalHistograms(db, from, to, unitId), listUnits(db)]);
  const order = new Map(units.map((u, i) => [u.id, i]));
  const name = (id: number) => units.find((u) => u.id === id)?.name ?? `unit ${id}`;
  const perUnit = requests
    .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0))
    .map((r) => ({
      unitId: r.unitId,
      unitName: name(r.unitId),
      minutes: r.tenths.map(([tenths, n]) => [tenths / 10, n] as const),
      notDelivered: r.notDelivered,
    }));
  const checks = (await klpcmRows(db, from.slice(0, 7), to.slice(0, 7))).filter((r) => unitId === undefined || r.unitId === unitId);
  const klpcm = new Map<number, { unitId: number; unitName: string; checked: number; incomplete: number }>();
  for (const r of checks) {
    let u = klpcm.get(r.unitId);
    if (!u) klpcm.set(r.unitId, (u = { unitId: r.unitId, unitName: r.unitName, checked: 0, incomplete: 0 }));
    u.checked += r.checked;
    u.incomplete += r.incomplete;
  }
  const byUnit = [...klpcm.values()].map((u) => ({ ...u, ratePercent: klpcmRate(u.checked, u.incomplete) }));
  const checked = byUnit.reduce((s, u) => s + u.checked, 0);
  const incomplete = byUnit.reduce((s, u) => s + u.incomplete, 0);
  return {
    retrieval: {
      standardMinutes: RETRIEVAL_STANDARD_MINUTES,
      overall: retrievalHistogramStats(mergeHistograms(perUnit.map((u) => u.minutes)), RETRIEVAL_STANDARD_MINUTES),
      byUnit: perUnit
        .filter((u) => u.minutes.length > 0)
        .map(({ minutes, notDelivered: _n, ...u }) => ({ ...u, ...retrievalHistogramStats(minutes, RETRIEVAL_STANDARD_MINUTES) })),
      notDelivered: perUnit.reduce((s, u) => s + u.notDelivered, 0),
    },
    klpcm: { byUnit, total: { checked, incomplete, ratePercent: klpcmRate(checked, incomplete) } },
  };
}

// ---------------------------------------------------------------------------------------------
// Follow-up for the pustu

/** Marking is for the registration clerk (kunjungan:input) and the cluster's staff who write letters (surat:input). */
function requireMarker(call: Call): NonNullable<Call['actor']> {
  const actor = actorOf(call);
  if (!may(actor, 'kunjungan:input') && !may(actor, 'surat:input'))
    throw new LoketError('FORBIDDEN', 'Anda tidak berhak menandai kunjungan untuk tindak lanjut pustu.');
  return actor;
}

const NO_VILLAGE_ADDRESS = 'Alamat tanpa kelurahan/desa';

function pustuOf(settings: SharedSettings, villageCode: string | null): string | null {
  if (villageCode === null) return null;
  return settings.reports.pustu.find((p) => p.villages.includes(villageCode))?.name ?? null;
}

function followUpOut(r: repo.FollowUpRecord, settings: SharedSettings): FollowUp {
  const rtRw = r.rt || r.rw ? `RT ${r.rt ?? '-'}/RW ${r.rw ?? '-'}` : null;
  return {
    id: r.id,
    visitId: r.visitId,
    visitDate: r.visitDate,
    unitName: r.unitName,
    patient: {
      id: r.patientId,
      rmNumber: r.rmNumber,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      phone: r.phone,
      address: [r.street, rtRw].filter(Boolean).join(', '),
    },
    villageCode: r.villageCode,
    villageName: r.villageName ?? r.villageCode ?? NO_VILLAGE_ADDRESS,
    pustu: pustuOf(settings, r.villageCode),
    reason: r.reason,
    note: r.note,
    markedAt: r.markedAt,
    markedBy: r.markedBy,
    status: r.status as FollowUp['status'],
    doneAt: r.doneAt,
    doneBy: r.doneBy,
    doneNote: r.doneNote,
  };
}

type ListInput = { from: string; to: string; pustu?: string | undefined; villageCode?: string | undefined; status?: FollowUp['status'] | undefined };

/** The follow-up list: one section per pustu (settings order), then villages without a pustu; inside, by village. */
export async function buildFollowUpList(ctx: ServiceContext, input: ListInput): Promise<FollowUpList> {
  const settings = await loadSharedSettings(ctx.db);
  if (Date.parse(input.to) - Date.parse(input.from) > 366 * 86_400_000)
    throw new LoketError('VALIDATION', 'Rentang tanggal paling lama satu tahun.', [{ path: 'to', message: 'Rentang terlalu panjang' }]);
  if (input.pustu !== undefined && input.pustu !== '-' && !settings.reports.pustu.some((p) => p.name === input.pustu))
    throw new LoketError('VALIDATION', `Pustu "${input.pustu}" tidak ada di Pengaturan → Laporan.`, [
      { path: 'pustu', message: 'Pustu tidak dikenal' },
    ]);
  const items = (await repo.listFollowUps(ctx.db, { from: input.from, to: input.to, status: input.status }))
    .map((r) => followUpOut(r, settings))
    .filter(
      (f) =>
        (input.villageCode === undefined || f.villageCode === input.villageCode) && (input.pustu === undefined || (f.pustu ?? '-') === input.pustu),
    );
  const sections = [...settings.reports.pustu.map((p) => p.name as string | null), null];
  const groups = sections
    .map((pustu) => {
      const mine = items.filter((f) => f.pustu === pustu);
      const villages = new Map<string, FollowUpList['groups'][number]['villages'][number]>();
      for (const f of mine) {
        const key = f.villageCode ?? '-';
        let v = villages.get(key);
        if (!v) villages.set(key, (v = { code: f.villageCode, name: f.villageName, items: [] }));
        v.items.push(f);
      }
      return {
        pustu,
        label: pustu === null ? (settings.reports.pustu.length ? 'Kelurahan/desa tanpa pustu' : 'Per kelurahan/desa') : `Pustu ${pustu}`,
        villages: [...villages.values()].sort((a, b) => Number(a.code === null) - Number(b.code === null) || a.name.localeCompare(b.name, 'id')),
      };
    })
    .filter((g) => g.villages.length > 0);
  return { from: input.from, to: input.to, generatedAt: ctx.now().toISOString(), count: items.length, groups };
}

async function requireFollowUp(db: Executor, id: number, settings: SharedSettings): Promise<FollowUp> {
  const r = await repo.getFollowUp(db, id);
  if (!r) throw new LoketError('NOT_FOUND', `Tindak lanjut dengan id ${id} tidak ditemukan.`, [{ path: 'id', message: 'Tidak ditemukan' }]);
  return followUpOut(r, settings);
}

export function reportHandlers(ctx: ServiceContext): Handlers<keyof typeof reportMethods> {
  return {
    'reports.recap': async (input) => buildRecap(ctx, input),

    'followUps.visitsOfDay': async ({ date, query }, call) => {
      requireMarker(call);
      const settings = await loadSharedSettings(ctx.db);
      const day = date ?? localDate(ctx.now(), settings.timeZone);
      return { date: day, visits: await repo.visitsOfDay(ctx.db, day, query || undefined, 200) };
    },

    'followUps.mark': async ({ visitId, reason, note }, call) => {
      const actor = requireMarker(call);
      const at = ctx.now().toISOString();
      const id = await ctx.db.transaction().execute(async (trx) => {
        const visit = await repo.visitForFollowUp(trx, visitId);
        if (!visit)
          throw new LoketError('NOT_FOUND', `Kunjungan dengan id ${visitId} tidak ditemukan.`, [{ path: 'visitId', message: 'Tidak ditemukan' }]);
        if (visit.status === 'batal') throw new LoketError('CONFLICT', 'Kunjungan ini dibatalkan: tidak dapat ditandai untuk tindak lanjut.');
        const existing = await repo.followUpOfVisit(trx, visitId);
        if (existing)
          throw new LoketError(
            'CONFLICT',
            `Kunjungan ini sudah ditandai untuk tindak lanjut (${existing.reason}). Ubah statusnya di daftar tindak lanjut.`,
          );
        return repo.insertFollowUp(trx, { visitId, villageCode: visit.villageCode, reason, note: note || null, at, userId: actor.id });
      });
      return requireFollowUp(ctx.db, id, await loadSharedSettings(ctx.db));
    },

    'followUps.setStatus': async ({ id, status, note }, call) => {
      const actor = requireMarker(call);
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        const current = await repo.getFollowUp(trx, id);
        if (!current)
          throw new LoketError('NOT_FOUND', `Tindak lanjut dengan id ${id} tidak ditemukan.`, [{ path: 'id', message: 'Tidak ditemukan' }]);
        if (current.status === status)
          throw new LoketError('CONFLICT', status === 'selesai' ? 'Tindak lanjut ini sudah selesai.' : 'Tindak lanjut ini sudah berstatus dikirim.');
        await repo.setFollowUpStatus(trx, id, status, note || null, at, actor.id);
      });
      return requireFollowUp(ctx.db, id, await loadSharedSettings(ctx.db));
    },

    'followUps.list': async (input) => buildFollowUpList(ctx, input),
  };
}
