import {
  LoketError,
  type Folder,
  type FolderMovement,
  type CompletenessReview,
  type PullList,
  type PullListItem,
  type SharedSettings,
  type Unit,
  type folderMethods,
} from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as repo from '../db/repositories/folders';
import { listPractitioners, listUnits } from '../db/repositories/reference';
import { localClock } from '../domain/antrean';
import {
  compareShelfKeys,
  describePlace,
  klpcmRate,
  minutesBetween,
  missingRefusal,
  movementLabels,
  planMove,
  RETRIEVAL_STANDARD_MINUTES,
  retrievalStats,
  reviewRefusal,
  sectionOf,
  sectionOrder,
  shelfKey,
  type FolderState,
  type Place,
} from '../domain/berkas';
import { rmCandidates } from '../domain/rm';
import { addDays, localDate } from '../domain/waktu';
import { auditView } from './audit';
import type { Call, ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { loadSharedSettings } from './settings';

/**
 * Every view of a folder's place or history goes to the audit trail (who, which folder and its
 * patient, when); the actor comes from the call's audit context.
 */
export async function auditFolderView(ctx: ServiceContext, _actor: Call['actor'], folderId: number): Promise<void> {
  await auditView(ctx, 'folder', folderId);
}

type UnitNames = (id: number) => string;
const unitNamesOf = (units: readonly Unit[]): UnitNames => {
  const names = new Map(units.map((u) => [u.id, u.name]));
  return (id) => names.get(id) ?? `unit ${id}`;
};

const placeOf = (f: Pick<repo.FolderRecord, 'locationKind' | 'locationUnitId'>): Place =>
  f.locationKind === 'unit' ? { kind: 'unit', unitId: f.locationUnitId! } : { kind: f.locationKind };

const stateOf = (f: repo.FolderRecord): FolderState => ({ status: f.status, place: placeOf(f), awaitingReview: f.lastUnitId !== null });

function folderOut(f: repo.FolderRecord, settings: SharedSettings, unitName: UnitNames): Folder {
  const place = placeOf(f);
  const { filingOrder, sections } = settings.folders;
  return {
    id: f.id,
    rmNumber: f.rmBase,
    volume: f.volume,
    temporaryFor: f.temporaryFor,
    status: f.status,
    place: { kind: place.kind, unitId: place.kind === 'unit' ? place.unitId : null, label: describePlace(place, unitName) },
    outSince: f.outSince,
    borrower: f.borrower,
    dueDate: f.dueDate,
    awaitingReview: f.lastUnitId !== null,
    openReviewId: f.openReviewId,
    shelfKey: shelfKey(f.rmBase, filingOrder),
    section: sectionOf(f.rmBase, filingOrder, sections),
    patients: f.patients,
    createdAt: f.createdAt,
    combinedInto: f.combinedInto && { id: f.combinedInto.id, rmNumber: f.combinedInto.rmBase },
    volumes: f.volumes,
  };
}

function movementOut(m: repo.MovementRecord, unitName: UnitNames): FolderMovement {
  const label = (kind: repo.MovementRecord['toKind'] | null, unitId: number | null) =>
    kind === null ? null : describePlace(kind === 'unit' ? { kind, unitId: unitId! } : { kind }, unitName);
  return {
    id: m.id,
    at: m.at,
    kind: m.kind,
    label: movementLabels[m.kind],
    from: label(m.fromKind, m.fromUnitId),
    to: label(m.toKind, m.toUnitId)!,
    userName: m.userName,
    method: m.method,
    requestId: m.requestId,
    visitId: m.visitId,
    reason: m.reason,
    borrower: m.borrower,
    dueDate: m.dueDate,
  };
}

function reviewOut(r: repo.ReviewRecord): CompletenessReview {
  const { rmBase, ...rest } = r;
  return { ...rest, rmNumber: rmBase };
}

async function requireFolder(db: Executor, id: number): Promise<repo.FolderRecord> {
  const folder = await repo.getFolder(db, id);
  if (!folder) throw new LoketError('NOT_FOUND', `Berkas dengan id ${id} tidak ditemukan.`, [{ path: 'folderId', message: 'Tidak ditemukan' }]);
  return folder;
}

/** The folder of a scanned or typed RM number; a clear message when there is none. */
export async function folderByCode(db: Executor, code: string, settings: SharedSettings): Promise<repo.FolderRecord> {
  // An older volume's label carries "/J<n>" after the RM; the RM alone is the current volume.
  const volume = /^(.+?)\s*\/\s*J(\d{1,2})$/i.exec(code.trim());
  const rm = volume ? volume[1]! : code;
  // Family format: a patient's RM (with member) or the family folder's own number (without).
  const candidates = [
    ...rmCandidates(rm, settings.rmFormat),
    ...(settings.rmFormat.family ? rmCandidates(rm, { ...settings.rmFormat, family: false }) : []),
  ];
  const id = volume ? await repo.volumeIdByRm(db, candidates, Number(volume[2])) : await repo.folderIdByRm(db, candidates);
  if (id === undefined)
    throw new LoketError('NOT_FOUND', `No. RM "${code.trim().slice(0, 40)}" tidak ditemukan. Periksa angkanya atau pindai ulang label berkas.`, [
      { path: 'code', message: 'Tidak ditemukan' },
    ]);
  return requireFolder(db, id);
}

/** The pull list (also printed on A4 by the print layer). */
export async function buildPullList(ctx: ServiceContext, options: { includeDone?: boolean; unitId?: number } = {}): Promise<PullList> {
  const settings = await loadSharedSettings(ctx.db);
  const now = ctx.now();
  const day = localDate(now, settings.timeZone);
  const tomorrow = addDays(day, 1);
  const { filingOrder, sections } = settings.folders;
  const units = unitNamesOf(await listUnits(ctx.db));
  const rows = [
    ...(await repo.requestsOfDay(ctx.db, day, options.includeDone ?? false, options.unitId)),
    ...(await repo.appointmentsOfDay(ctx.db, tomorrow, options.unitId)),
  ];
  const items = rows.map((r): PullListItem & { section: string } => {
    const rm = r.folderRm ?? r.rmNumber;
    return {
      source: r.requestId !== null ? 'kunjungan' : 'jadwal',
      requestId: r.requestId,
      visitId: r.visitId,
      appointmentId: r.appointmentId,
      date: r.date,
      patient: { id: r.patientId, rmNumber: r.rmNumber, name: r.name, birthYear: r.birthDate.slice(0, 4) },
      folder:
        r.folderId === null
          ? null
          : {
              id: r.folderId,
              rmNumber: r.folderRm!,
              status: r.folderStatus!,
              placeLabel: describePlace(placeOf({ locationKind: r.folderLocationKind!, locationUnitId: r.folderUnitId }), units),
            },
      shelfKey: shelfKey(rm, filingOrder),
      unitId: r.unitId,
      unitName: r.unitName,
      requestedAt: r.requestedAt,
      minutesWaiting: r.requestedAt === null ? null : Math.floor(minutesBetween(r.requestedAt, now.toISOString())),
      requestStatus: r.requestStatus,
      section: sectionOf(rm, filingOrder, sections),
    };
  });
  // Shelf order; the same folder for two units stays together, the earlier registration first.
  items.sort(
    (a, b) =>
      compareShelfKeys(a.shelfKey, b.shelfKey) ||
      a.date.localeCompare(b.date) ||
      (a.requestedAt ?? '').localeCompare(b.requestedAt ?? '') ||
      (a.requestId ?? 0) - (b.requestId ?? 0),
  );
  const grouped = new Map<string, PullListItem[]>(sectionOrder(sections).map((name) => [name, []]));
  for (const { section, ...item } of items) grouped.get(section)!.push(item);
  return {
    date: day,
    tomorrow,
    generatedAt: now.toISOString(),
    count: items.length,
    sections: [...grouped].filter(([, list]) => list.length > 0).map(([name, list]) => ({ name, items: list })),
  };
}

/** The overdue list (also printed per unit). */
export async function buildOverdue(ctx: ServiceContext, unitId?: number) {
  const settings = await loadSharedSettings(ctx.db);
  const now = ctx.now();
  const day = localDate(now, settings.timeZone);
  const clock = localClock(now, settings.timeZone);
  const rows = await repo.foldersOut(ctx.db, unitId);
  const names = await repo.namesOfFolders(
    ctx.db,
    rows.map((r) => r.folderId),
  );
  const items = rows
    .filter((r) => {
      if (r.status === 'dipinjam') return r.dueDate !== null && r.dueDate < day;
      const outDay = localDate(new Date(r.outSince), settings.timeZone);
      // Not back by the unit's closing time on the day it went out (no closing time: by the end of that day).
      return outDay < day || (r.closingTime !== null && clock >= r.closingTime);
    })
    .map((r) => ({
      folderId: r.folderId,
      rmNumber: r.rmBase,
      names: names.get(r.folderId) ?? [],
      kind: r.status === 'dipinjam' ? ('dipinjam' as const) : ('unit' as const),
      unitId: r.unitId,
      unitName: r.unitName,
      closingTime: r.closingTime,
      borrower: r.borrower,
      dueDate: r.dueDate,
      outSince: r.outSince,
      minutesOut: Math.floor(minutesBetween(r.outSince, now.toISOString())),
      sentBack: r.sentBack,
    }))
    .sort((a, b) => (a.unitName ?? '~').localeCompare(b.unitName ?? '~') || a.outSince.localeCompare(b.outSince));
  const byUnit = new Map<string, { unitId: number | null; unitName: string; count: number }>();
  for (const i of items) {
    const key = i.unitName ?? 'Dipinjam';
    const line = byUnit.get(key) ?? { unitId: i.unitId, unitName: key, count: 0 };
    line.count++;
    byUnit.set(key, line);
  }
  return { generatedAt: now.toISOString(), items, byUnit: [...byUnit.values()] };
}

/** One folder as the contract shows it (for the print layer). */
export async function folderView(db: Executor, id: number): Promise<Folder> {
  const settings = await loadSharedSettings(db);
  return folderOut(await requireFolder(db, id), settings, unitNamesOf(await listUnits(db)));
}

/** What the tracer of a folder says: the request it is pulled for, else its last move out. */
export async function tracerFacts(ctx: ServiceContext, folderId: number, requestId?: number) {
  const settings = await loadSharedSettings(ctx.db);
  const folder = await folderView(ctx.db, folderId);
  const day = localDate(ctx.now(), settings.timeZone);
  const id = requestId ?? (await repo.openRequestsOfFolder(ctx.db, folderId, day))[0]?.id;
  if (id !== undefined) {
    const request = await repo.requestForTracer(ctx.db, id);
    if (!request || !folder.patients.some((p) => p.id === request.patientId))
      throw new LoketError('VALIDATION', 'Permintaan berkas itu bukan untuk berkas ini.', [{ path: 'requestId', message: 'Tidak sesuai' }]);
    return {
      folder,
      date: ctx.now().toISOString(),
      destination: request.unitName,
      requestedBy: request.registeredBy ? `${request.registeredBy} (pendaftaran)` : 'Pendaftaran',
      reason: null,
    };
  }
  const [last] = await repo.movementsOf(ctx.db, folderId, 1);
  if (!last || (folder.place.kind !== 'unit' && folder.place.kind !== 'peminjam'))
    throw new LoketError('CONFLICT', `Berkas ${folder.rmNumber} tidak sedang diminta atau keluar: tracer dicetak saat berkas diambil dari rak.`);
  const units = unitNamesOf(await listUnits(ctx.db));
  return {
    folder,
    date: last.at,
    destination: folder.place.kind === 'peminjam' ? `Peminjam: ${folder.borrower ?? '-'}` : movementOut(last, units).to,
    requestedBy: folder.borrower ?? last.userName ?? '-',
    reason: last.reason,
  };
}

export async function reviewsByIds(db: Executor, ids: number[]): Promise<CompletenessReview[]> {
  return (await repo.listReviews(db, { ids })).map(reviewOut);
}

/**
 * One move inside the caller's transaction: the plan from the state machine, the movement record,
 * the folder's place, and the request it serves (pulled, or delivered with its arrival time).
 * `folders.move` runs it alone; the internal referral slip runs it with the letter it issues.
 */
export async function recordFolderMove(
  trx: Executor,
  m: {
    folderId: number;
    to: Place;
    intent: 'move' | 'return';
    at: string;
    /** The local day (today's open requests). */
    day: string;
    actor: { id: number; fullName: string };
    settings: SharedSettings;
    options: { method: 'scan' | 'ketik' | 'sistem'; requestId?: number; reason?: string | null; borrower?: string; dueDate?: string };
  },
): Promise<{ folder: Folder; movement: FolderMovement }> {
  const { to } = m;
  const folder = await requireFolder(trx, m.folderId);
  const units = await listUnits(trx);
  const unitName = unitNamesOf(units);
  if (to.kind === 'unit') {
    const unit = units.find((u) => u.id === to.unitId);
    if (!unit) throw new LoketError('VALIDATION', 'Unit tujuan tidak ditemukan.', [{ path: 'unitId', message: 'Tidak ditemukan' }]);
    if (!unit.active) throw new LoketError('VALIDATION', `Unit ${unit.name} sedang tidak aktif.`, [{ path: 'unitId', message: 'Unit tidak aktif' }]);
  }
  const plan = planMove(stateOf(folder), to, m.intent, unitName);
  if (!plan.ok) throw new LoketError('CONFLICT', `Berkas ${folder.rmBase}: ${plan.message}`);

  let request: repo.RequestRecord | undefined;
  if (plan.kind === 'ambil' || plan.kind === 'kirim' || plan.kind === 'pindah_unit' || plan.kind === 'aktif') {
    const open = await repo.openRequestsOfFolder(trx, folder.id, m.day);
    if (m.options.requestId !== undefined) {
      request = open.find((r) => r.id === m.options.requestId);
      if (!request)
        throw new LoketError('VALIDATION', 'Permintaan berkas itu bukan milik berkas ini hari ini, atau sudah dipenuhi.', [
          { path: 'requestId', message: 'Tidak berlaku' },
        ]);
      if (to.kind === 'unit' && request.unitId !== to.unitId)
        throw new LoketError('VALIDATION', `Permintaan itu untuk ${request.unitName}, bukan ${unitName(to.unitId)}.`, [
          { path: 'unitId', message: 'Tidak sesuai permintaan' },
        ]);
    } else request = to.kind === 'unit' ? open.find((r) => r.unitId === to.unitId) : open[0];
  }
  const from = placeOf(folder);
  const movement: repo.NewMovement = {
    folderId: folder.id,
    at: m.at,
    kind: plan.kind,
    fromKind: from.kind,
    fromUnitId: from.kind === 'unit' ? from.unitId : null,
    toKind: to.kind,
    toUnitId: to.kind === 'unit' ? to.unitId : null,
    userId: m.actor.id,
    method: m.options.method,
    requestId: request?.id ?? null,
    visitId: request?.visitId ?? null,
    reason: m.options.reason ?? null,
    borrower: m.options.borrower ?? null,
    dueDate: m.options.dueDate ?? null,
  };
  const id = await repo.insertMovement(trx, movement);
  const onShelf = plan.status === 'di_rak' || plan.status === 'inaktif';
  const place = {
    status: plan.status,
    locationKind: to.kind,
    locationUnitId: to.kind === 'unit' ? to.unitId : null,
    borrower: m.options.borrower ?? null,
    dueDate: m.options.dueDate ?? null,
    outSince: onShelf ? null : (folder.outSince ?? m.at),
    // Back from a unit: checked before filing. Filing clears it.
    lastUnitId: plan.kind === 'kembali' && from.kind === 'unit' ? from.unitId : plan.kind === 'simpan' ? null : folder.lastUnitId,
  };
  await repo.updateFolder(trx, folder.id, { ...place, at: m.at });
  if (request) await repo.setRequestStatus(trx, request.id, to.kind === 'unit' ? 'diterima_unit' : 'diambil', to.kind === 'unit' ? m.at : null);
  // The reply is built from what was written: a move stays a handful of statements (target ≤ 5 ms).
  const after: repo.FolderRecord = { ...folder, ...place };
  const written: repo.MovementRecord = {
    ...movement,
    id,
    userName: m.actor.fullName,
    requestId: movement.requestId ?? null,
    visitId: movement.visitId ?? null,
    reason: movement.reason ?? null,
    borrower: movement.borrower ?? null,
    dueDate: movement.dueDate ?? null,
    method: m.options.method,
  };
  return { folder: folderOut(after, m.settings, unitName), movement: movementOut(written, unitName) };
}

export function folderHandlers(ctx: ServiceContext): Handlers<keyof typeof folderMethods> {
  async function view(db: Executor, id: number) {
    const settings = await loadSharedSettings(db);
    return folderOut(await requireFolder(db, id), settings, unitNamesOf(await listUnits(db)));
  }

  /** One move in one transaction (see recordFolderMove). */
  async function record(
    call: Call,
    folderId: number,
    to: Place,
    intent: 'move' | 'return',
    options: { method: 'scan' | 'ketik'; requestId?: number; reason?: string | null; borrower?: string; dueDate?: string },
  ) {
    const settings = await loadSharedSettings(ctx.db);
    const at = ctx.now().toISOString();
    const day = localDate(ctx.now(), settings.timeZone);
    const actor = actorOf(call);
    const done = await ctx.db
      .transaction()
      .execute((trx) =>
        recordFolderMove(trx, { folderId, to, intent, at, day, actor: { id: actor.id, fullName: actor.fullName }, settings, options }),
      );
    ctx.events.emit('folders.changed', { folderId, change: 'moved' });
    return done;
  }

  return {
    'folders.pullList': async (input) => buildPullList(ctx, input),

    'folders.scan': async ({ code }, call) => {
      const settings = await loadSharedSettings(ctx.db);
      const day = localDate(ctx.now(), settings.timeZone);
      const folder = await folderByCode(ctx.db, code, settings);
      await auditFolderView(ctx, call.actor, folder.id);
      const unitName = unitNamesOf(await listUnits(ctx.db));
      const out = folderOut(folder, settings, unitName);
      const open = await repo.openRequestsOfFolder(ctx.db, folder.id, day);
      const place = placeOf(folder);
      const first = open[0];
      const move = (kind: 'rak' | 'ruang_rm' | 'unit' | 'rak_inaktif', unitId: number | null, label: string) => ({
        action: 'move' as const,
        to: { kind, unitId },
        label,
      });
      let proposal: Awaited<ReturnType<Handlers<'folders.scan'>['folders.scan']>>['proposal'];
      if (folder.status === 'hilang')
        proposal = { action: 'none', to: null, label: 'Berkas ditandai hilang: tandai ditemukan bila sudah ada di tangan.' };
      else if (folder.status === 'digabung')
        proposal = {
          action: 'none',
          to: null,
          label: folder.combinedInto
            ? `Berkas ini sudah digabung ke berkas RM ${folder.combinedInto.rmBase}.`
            : 'Berkas sementara ini sudah digabung ke berkas aslinya.',
        };
      else if (place.kind === 'ruang_rm' && folder.lastUnitId !== null)
        proposal = { action: 'review', to: null, label: 'Periksa kelengkapan (KLPCM), lalu simpan atau kembalikan ke unit.' };
      else if ((place.kind === 'rak' || place.kind === 'ruang_rm') && first) proposal = move('unit', first.unitId, `Kirim ke ${first.unitName}`);
      else if (place.kind === 'ruang_rm') proposal = move('rak', null, `Simpan di rak (${out.section}, ${out.shelfKey})`);
      else if (place.kind === 'unit') {
        const elsewhere = open.find((r) => r.unitId !== place.unitId);
        proposal = elsewhere
          ? move('unit', elsewhere.unitId, `Pindahkan ke ${elsewhere.unitName} (lintas klaster)`)
          : { action: 'return', to: { kind: 'ruang_rm', unitId: null }, label: `Terima kembali dari ${unitName(place.unitId)}` };
      } else if (place.kind === 'peminjam')
        proposal = { action: 'return', to: { kind: 'ruang_rm', unitId: null }, label: `Terima kembali dari peminjam (${folder.borrower ?? '-'})` };
      else if (place.kind === 'rak_inaktif' && first) proposal = move('ruang_rm', null, `Aktifkan: ambil dari rak inaktif untuk ${first.unitName}`);
      else proposal = { action: 'none', to: null, label: 'Tidak ada permintaan berkas ini hari ini.' };
      return {
        folder: out,
        request: first ? { ...first } : null,
        proposal,
      };
    },

    'folders.move': async ({ folderId, to, unitId, method, requestId, reason }, call) => {
      if (to === 'unit' && unitId === undefined)
        throw new LoketError('VALIDATION', 'Pilih unit tujuan.', [{ path: 'unitId', message: 'Wajib diisi' }]);
      const place: Place = to === 'unit' ? { kind: 'unit', unitId: unitId! } : { kind: to };
      return record(call, folderId, place, 'move', { method, requestId, reason: reason || null });
    },

    'folders.return': async ({ folderId, method }, call) => record(call, folderId, { kind: 'ruang_rm' }, 'return', { method }),

    'folders.borrow': async ({ folderId, borrower, reason, dueDate, method }, call) => {
      const settings = await loadSharedSettings(ctx.db);
      if (dueDate < localDate(ctx.now(), settings.timeZone))
        throw new LoketError('VALIDATION', 'Batas kembali tidak boleh sebelum hari ini.', [{ path: 'dueDate', message: 'Sudah lewat' }]);
      return record(call, folderId, { kind: 'peminjam' }, 'move', { method, reason, borrower, dueDate });
    },

    'folders.markMissing': async ({ folderId, note, temporaryFolder }, call) => {
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      const tempId = await ctx.db.transaction().execute(async (trx) => {
        const folder = await requireFolder(trx, folderId);
        const refusal = missingRefusal(folder.status);
        if (refusal) throw new LoketError('CONFLICT', `Berkas ${folder.rmBase}: ${refusal}`);
        const from = placeOf(folder);
        await repo.insertMovement(trx, {
          folderId,
          at,
          kind: 'hilang',
          fromKind: from.kind,
          fromUnitId: from.kind === 'unit' ? from.unitId : null,
          toKind: 'hilang',
          toUnitId: null,
          userId,
          method: 'sistem',
          reason: note || null,
        });
        await repo.updateFolder(trx, folderId, {
          status: 'hilang',
          locationKind: 'hilang',
          locationUnitId: null,
          outSince: folder.outSince ?? at,
          at,
        });
        if (!temporaryFolder) return null;
        // The stand-in takes the patients' new sheets until the original is found.
        const temp = await repo.insertTemporaryFolder(trx, folder, at);
        await repo.relinkPatients(trx, folderId, temp);
        await repo.insertMovement(trx, {
          folderId: temp,
          at,
          kind: 'sementara',
          fromKind: null,
          fromUnitId: null,
          toKind: 'ruang_rm',
          toUnitId: null,
          userId,
          method: 'sistem',
          reason: `Pengganti sementara berkas ${folder.rmBase} yang hilang`,
        });
        return temp;
      });
      ctx.events.emit('folders.changed', { folderId, change: 'missing' });
      return { folder: await view(ctx.db, folderId), temporaryFolder: tempId === null ? null : await view(ctx.db, tempId) };
    },

    'folders.markFound': async ({ folderId, note }, call) => {
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        const folder = await requireFolder(trx, folderId);
        if (folder.status !== 'hilang') throw new LoketError('CONFLICT', `Berkas ${folder.rmBase} tidak ditandai hilang.`);
        const tempId = await repo.temporaryFolderOf(trx, folderId);
        if (tempId !== undefined) {
          const temp = await requireFolder(trx, tempId);
          if (temp.locationKind !== 'ruang_rm' && temp.locationKind !== 'rak') {
            const units = unitNamesOf(await listUnits(trx));
            throw new LoketError(
              'CONFLICT',
              `Berkas sementara ${temp.rmBase} sedang di ${describePlace(placeOf(temp), units)}: kembalikan dulu agar isinya bisa digabung ke berkas asli.`,
            );
          }
          await repo.relinkPatients(trx, tempId, folderId);
          await repo.insertMovement(trx, {
            folderId: tempId,
            at,
            kind: 'digabung',
            fromKind: temp.locationKind,
            fromUnitId: null,
            toKind: 'ruang_rm',
            toUnitId: null,
            userId,
            method: 'sistem',
            reason: `Digabung ke berkas asli (id ${folderId})`,
          });
          await repo.updateFolder(trx, tempId, { status: 'digabung', locationKind: 'ruang_rm', locationUnitId: null, outSince: null, at });
        }
        await repo.insertMovement(trx, {
          folderId,
          at,
          kind: 'ditemukan',
          fromKind: 'hilang',
          fromUnitId: null,
          toKind: 'ruang_rm',
          toUnitId: null,
          userId,
          method: 'sistem',
          reason: note || null,
        });
        // Found: brought to the records room desk, from where it is filed (or sent where it is wanted).
        await repo.updateFolder(trx, folderId, {
          status: 'keluar',
          locationKind: 'ruang_rm',
          locationUnitId: null,
          outSince: folder.outSince ?? at,
          at,
        });
      });
      ctx.events.emit('folders.changed', { folderId, change: 'found' });
      return { folder: await view(ctx.db, folderId) };
    },

    'folders.locate': async (input, call) => {
      const settings = await loadSharedSettings(ctx.db);
      const folder = 'folderId' in input ? await requireFolder(ctx.db, input.folderId) : await folderByCode(ctx.db, input.code, settings);
      await auditFolderView(ctx, call.actor, folder.id);
      const units = unitNamesOf(await listUnits(ctx.db));
      const [last] = await repo.movementsOf(ctx.db, folder.id, 1);
      return { folder: folderOut(folder, settings, units), lastMovement: last ? movementOut(last, units) : null };
    },

    'folders.history': async ({ folderId }, call) => {
      const settings = await loadSharedSettings(ctx.db);
      const folder = await requireFolder(ctx.db, folderId);
      await auditFolderView(ctx, call.actor, folderId);
      const units = unitNamesOf(await listUnits(ctx.db));
      return {
        folder: folderOut(folder, settings, units),
        movements: (await repo.movementsOf(ctx.db, folderId)).map((m) => movementOut(m, units)),
        reviews: (await repo.listReviews(ctx.db, { folderId })).map(reviewOut),
      };
    },

    'folders.review': async ({ folderId, items, practitionerId, method }, call) => {
      const settings = await loadSharedSettings(ctx.db);
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      const period = localDate(ctx.now(), settings.timeZone).slice(0, 7);
      const given = new Map(items.map((i) => [i.item, i.present]));
      const unanswered = settings.folders.completenessItems.filter((i) => !given.has(i));
      if (unanswered.length > 0)
        throw new LoketError('VALIDATION', `Butir periksa belum diisi: ${unanswered.join(', ')}.`, [
          { path: 'items', message: 'Belum lengkap diisi' },
        ]);
      if (given.size !== items.length)
        throw new LoketError('VALIDATION', 'Ada butir periksa yang diisi dua kali.', [{ path: 'items', message: 'Ganda' }]);
      if (practitionerId !== undefined && !(await listPractitioners(ctx.db)).some((p) => p.id === practitionerId))
        throw new LoketError('VALIDATION', 'Tenaga kesehatan tidak ditemukan.', [{ path: 'practitionerId', message: 'Tidak ditemukan' }]);
      const complete = items.every((i) => i.present);
      const { reviewId, movementId } = await ctx.db.transaction().execute(async (trx) => {
        const folder = await requireFolder(trx, folderId);
        const refusal = reviewRefusal(stateOf(folder));
        if (refusal) throw new LoketError('CONFLICT', `Berkas ${folder.rmBase}: ${refusal}`);
        const unitId = folder.lastUnitId!;
        const reviewId = await repo.insertReview(trx, {
          folderId,
          unitId,
          visitId: await repo.lastVisitAtUnit(trx, folderId, unitId),
          practitionerId: practitionerId ?? null,
          period,
          at,
          userId,
          complete,
          resolvesReviewId: folder.openReviewId,
          items,
        });
        const missing = items.filter((i) => !i.present).map((i) => i.item);
        // Complete → filed on its shelf; incomplete → back to the unit with the list of what is missing.
        const to: Place = complete ? { kind: 'rak' } : { kind: 'unit', unitId };
        const movementId = await repo.insertMovement(trx, {
          folderId,
          at,
          kind: complete ? 'simpan' : 'kembalikan_lengkapi',
          fromKind: 'ruang_rm',
          fromUnitId: null,
          toKind: to.kind,
          toUnitId: complete ? null : unitId,
          userId,
          method: method ?? 'ketik',
          reason: complete ? 'Lengkap' : `Belum lengkap: ${missing.join(', ')}`,
        });
        await repo.updateFolder(trx, folderId, {
          status: complete ? 'di_rak' : 'keluar',
          locationKind: to.kind,
          locationUnitId: complete ? null : unitId,
          outSince: complete ? null : folder.outSince,
          lastUnitId: null,
          at,
        });
        return { reviewId, movementId };
      });
      ctx.events.emit('folders.changed', { folderId, change: complete ? 'filed' : 'sent_back' });
      const units = unitNamesOf(await listUnits(ctx.db));
      return {
        review: (await reviewsByIds(ctx.db, [reviewId]))[0]!,
        folder: folderOut(await requireFolder(ctx.db, folderId), settings, units),
        movement: movementOut(await repo.getMovement(ctx.db, folderId, movementId), units),
      };
    },

    'folders.incomplete': async ({ unitId }) => (await repo.listReviews(ctx.db, { openOnly: true, unitId })).map(reviewOut),

    'folders.overdue': async ({ unitId }) => buildOverdue(ctx, unitId),

    'folders.indicators': async ({ from, to }) => {
      if (to < from) throw new LoketError('VALIDATION', 'Tanggal akhir sebelum tanggal awal.', [{ path: 'to', message: 'Sebelum tanggal awal' }]);
      if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000)
        throw new LoketError('VALIDATION', 'Rentang indikator paling lama 400 hari.', [{ path: 'to', message: 'Terlalu panjang' }]);
      const rows = await repo.retrievalRows(ctx.db, from, to);
      const all: number[] = [];
      const groups = new Map<string, { date: string; unitId: number; unitName: string; minutes: number[] }>();
      let notDelivered = 0;
      for (const r of rows) {
        if (r.deliveredAt === null) {
          notDelivered++;
          continue;
        }
        const minutes = minutesBetween(r.requestedAt, r.deliveredAt);
        all.push(minutes);
        const key = `${r.date}|${r.unitId}`;
        const g = groups.get(key) ?? { date: r.date, unitId: r.unitId, unitName: r.unitName, minutes: [] };
        g.minutes.push(minutes);
        groups.set(key, g);
      }
      const klpcm = await repo.klpcmRows(ctx.db, from.slice(0, 7), to.slice(0, 7));
      const sum = <K extends string>(keyOf: (r: repo.KlpcmRow) => K, init: (r: repo.KlpcmRow) => object) => {
        const map = new Map<K, { checked: number; incomplete: number } & Record<string, unknown>>();
        for (const r of klpcm) {
          const k = keyOf(r);
          const line = map.get(k) ?? { ...init(r), checked: 0, incomplete: 0 };
          line.checked += r.checked;
          line.incomplete += r.incomplete;
          map.set(k, line);
        }
        return [...map.values()].map((l) => ({ ...l, ratePercent: klpcmRate(l.checked, l.incomplete) }));
      };
      return {
        from,
        to,
        standardMinutes: RETRIEVAL_STANDARD_MINUTES,
        retrieval: {
          overall: retrievalStats(all),
          byDayUnit: [...groups.values()].map(({ minutes, ...g }) => ({ ...g, ...retrievalStats(minutes) })),
          notDelivered,
        },
        klpcm: {
          byUnit: sum(
            (r) => `${r.period}|${r.unitId}`,
            (r) => ({ period: r.period, unitId: r.unitId, unitName: r.unitName }),
          ) as never,
          byPractitioner: sum(
            (r) => `${r.period}|${r.practitionerId ?? '-'}`,
            (r) => ({ period: r.period, practitionerId: r.practitionerId, practitionerName: r.practitionerName ?? 'Tidak tercatat' }),
          ) as never,
          byMonth: sum(
            (r) => r.period,
            (r) => ({ period: r.period }),
          ) as never,
        },
      };
    },

    'folders.moveInactive': async ({ folderIds, method }, call) => {
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      const ids = [...new Set(folderIds)];
      await ctx.db.transaction().execute(async (trx) => {
        const folders = await repo.getFolders(trx, ids);
        const missing = ids.find((id) => !folders.some((f) => f.id === id));
        if (missing !== undefined)
          throw new LoketError('NOT_FOUND', `Berkas dengan id ${missing} tidak ditemukan; tidak ada berkas yang dipindah.`, [
            { path: 'folderIds', message: 'Tidak ditemukan' },
          ]);
        const unitName = unitNamesOf(await listUnits(trx));
        for (const folder of folders) {
          const plan = planMove(stateOf(folder), { kind: 'rak_inaktif' }, 'move', unitName);
          if (!plan.ok) throw new LoketError('CONFLICT', `Berkas ${folder.rmBase}: ${plan.message} Tidak ada berkas yang dipindah.`);
          const from = placeOf(folder);
          await repo.insertMovement(trx, {
            folderId: folder.id,
            at,
            kind: plan.kind,
            fromKind: from.kind,
            fromUnitId: from.kind === 'unit' ? from.unitId : null,
            toKind: 'rak_inaktif',
            toUnitId: null,
            userId,
            method,
          });
          await repo.updateFolder(trx, folder.id, { status: plan.status, locationKind: 'rak_inaktif', locationUnitId: null, outSince: null, at });
        }
      });
      ctx.events.emit('folders.changed', { folderId: ids[0]!, change: 'inactive' });
      return { moved: ids.length };
    },

    'folders.newVolume': async ({ folderId, oldVolumeTo }, call) => {
      const settings = await loadSharedSettings(ctx.db);
      const userId = actorOf(call).id;
      const at = ctx.now().toISOString();
      const newId = await ctx.db.transaction().execute(async (trx) => {
        const folder = await requireFolder(trx, folderId);
        const refuse = (why: string) => {
          throw new LoketError('CONFLICT', `Berkas ${folder.rmBase}: ${why}`);
        };
        if (folder.temporaryFor !== null) refuse('berkas sementara tidak dibuatkan jilid baru; tandai berkas aslinya ditemukan.');
        if (folder.status === 'digabung' || folder.status === 'hilang') refuse(`berkas berstatus ${folder.status}, tidak bisa dibuatkan jilid baru.`);
        const latest = await repo.latestVolume(trx, folder.rmBase);
        if (latest !== folder.volume) refuse(`jilid ${folder.volume} bukan jilid terakhir (jilid terakhir: ${latest}).`);
        if (folder.locationKind !== 'rak' && folder.locationKind !== 'ruang_rm')
          refuse('jilid baru dibuka di ruang rekam medis: terima kembali berkasnya dulu.');
        const unitName = unitNamesOf(await listUnits(trx));
        const from = placeOf(folder);
        const target: Place = { kind: oldVolumeTo };
        const plan = from.kind === target.kind ? null : planMove(stateOf(folder), target, 'move', unitName);
        if (plan && !plan.ok) refuse(plan.message);
        const id = await repo.insertVolume(trx, folder, at);
        await repo.relinkPatients(trx, folder.id, id);
        await repo.insertMovement(trx, {
          folderId: id,
          at,
          kind: 'jilid_baru',
          fromKind: null,
          fromUnitId: null,
          toKind: folder.locationKind === 'rak' ? 'rak' : 'ruang_rm',
          toUnitId: null,
          userId,
          method: 'sistem',
          reason: `Jilid ${folder.volume + 1} dibuka; jilid ${folder.volume} ${oldVolumeTo === 'rak_inaktif' ? 'ke rak inaktif' : 'tetap di rak'}`,
        });
        if (plan?.ok) {
          await repo.insertMovement(trx, {
            folderId: folder.id,
            at,
            kind: plan.kind,
            fromKind: from.kind,
            fromUnitId: null,
            toKind: target.kind,
            toUnitId: null,
            userId,
            method: 'sistem',
            reason: `Jilid ${folder.volume + 1} dibuka`,
          });
          await repo.updateFolder(trx, folder.id, {
            status: plan.status,
            locationKind: target.kind,
            locationUnitId: null,
            outSince: null,
            at,
          });
        }
        return id;
      });
      ctx.events.emit('folders.changed', { folderId: newId, change: 'volume' });
      const units = unitNamesOf(await listUnits(ctx.db));
      const [folder, previous] = await repo.getFolders(ctx.db, [newId, folderId]);
      return { folder: folderOut(folder!, settings, units), previous: folderOut(previous!, settings, units) };
    },

    'folders.inactive': async ({ years, limit }) => {
      const settings = await loadSharedSettings(ctx.db);
      const day = localDate(ctx.now(), settings.timeZone);
      const n = years ?? settings.folders.inactiveAfterYears;
      const cutoffDate = `${String(Number(day.slice(0, 4)) - n).padStart(4, '0')}${day.slice(4)}`.replace(/-02-29$/, '-02-28');
      const { count, rows } = await repo.inactiveFolders(ctx.db, cutoffDate, limit ?? 500);
      const names = await repo.namesOfFolders(
        ctx.db,
        rows.map((r) => r.folderId),
      );
      return {
        cutoffDate,
        count,
        items: rows.map((r) => ({
          folderId: r.folderId,
          rmNumber: r.rmBase,
          names: names.get(r.folderId) ?? [],
          lastVisitDate: r.lastVisit,
          shelfKey: shelfKey(r.rmBase, settings.folders.filingOrder),
        })),
      };
    },
  };
}
