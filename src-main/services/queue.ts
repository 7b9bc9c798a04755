import {
  LoketError,
  ticketStatusLabels,
  type Counter,
  type LaneSummary,
  type PriorityClass,
  type PublicTicket,
  type QueueCall,
  type queueMethods,
  type QueueStatsRow,
  type QueueTicket,
  type Service,
  type SharedSettings,
  type TicketStatus,
  type Unit,
} from '../contract';
import type { Executor } from '../db/repositories/executor';
import * as q from '../db/repositories/queue';
import { listCounters, listServices, listUnits } from '../db/repositories/reference';
import { nextNumber } from '../db/repositories/sequences';
import {
  callOrder,
  durationStats,
  estimateWaitMinutes,
  laneKey,
  placeLabel,
  secondsBetween,
  statusesFor,
  ticketCode,
  transition,
  unitClosedReason,
  unitTicketLetters,
  type QueueAction,
} from '../domain/antrean';
import { announcementClips, announcementText, type CallPlace } from '../domain/pengumuman';
import { localDate } from '../domain/waktu';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';
import { may } from './roles';
import { loadSharedSettings } from './settings';

/** Finished tickets of today that set the pace of the wait estimate: the latest ones, as the morning changes. */
const PACE_SAMPLE = 30;

/** A lane that changed, announced after the commit as `queue.changed`. */
export interface QueueChange {
  date: string;
  serviceId: number | null;
  unitId: number | null;
}

/** Where a call sends the patient: a loket, or the unit whose queue it is. */
type Place = { kind: 'loket'; counterId: number; number: number } | { kind: 'unit'; unitId: number; code: string; name: string };

const spoken = (p: Place): CallPlace => (p.kind === 'loket' ? { kind: 'loket', number: p.number } : { kind: 'unit', code: p.code, name: p.name });

function callOf(
  ticket: Pick<QueueTicket, 'id' | 'code' | 'serviceId' | 'unitId'>,
  place: Place,
  announcement: string,
  at: string,
  recall: boolean,
): QueueCall {
  return {
    ticketId: ticket.id,
    code: ticket.code,
    serviceId: ticket.serviceId,
    unitId: ticket.unitId,
    placeKind: place.kind,
    placeLabel: placeLabel(spoken(place)),
    counterId: place.kind === 'loket' ? place.counterId : null,
    counterNumber: place.kind === 'loket' ? place.number : null,
    unitCode: place.kind === 'unit' ? place.code : null,
    announcement,
    clips: announcementClips(ticket.code, spoken(place)),
    at,
    recall,
  };
}

/** A call or recall in the log, with the sentence spoken for it (the display's caption). */
async function logCall(
  trx: Executor,
  ticket: Pick<QueueTicket, 'id' | 'code'>,
  kind: 'called' | 'recalled',
  place: Place,
  at: string,
  userId: number,
): Promise<string> {
  const announcement = announcementText(ticket.code, spoken(place));
  await q.insertQueueEvent(trx, {
    ticketId: ticket.id,
    kind,
    at,
    counterId: place.kind === 'loket' ? place.counterId : null,
    unitId: place.kind === 'unit' ? place.unitId : null,
    announcement,
    userId,
  });
  return announcement;
}

function callOfRecord(r: q.CallRecord): QueueCall {
  const place: Place =
    r.counterId !== null
      ? { kind: 'loket', counterId: r.counterId, number: r.counterNumber ?? 0 }
      : { kind: 'unit', unitId: r.placeUnitId ?? 0, code: r.placeUnitCode ?? '', name: r.placeUnitName ?? '' };
  return callOf({ id: r.ticketId, code: r.code, serviceId: r.serviceId, unitId: r.unitId }, place, r.announcement, r.at, r.kind === 'recalled');
}

const changeOf = (date: string, t: Pick<QueueTicket, 'serviceId' | 'unitId'>): QueueChange => ({ date, serviceId: t.serviceId, unitId: t.unitId });

export function emitQueueChanges(ctx: ServiceContext, changes: readonly QueueChange[]): void {
  const seen = new Set<string>();
  for (const c of changes) {
    const key = `${c.date}|${c.serviceId}|${c.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ctx.events.emit('queue.changed', c);
  }
}

const laneOf = (t: Pick<QueueTicket, 'serviceId' | 'unitId'>) =>
  t.serviceId !== null ? laneKey({ serviceId: t.serviceId }) : laneKey({ unitId: t.unitId! });

function findService(services: readonly Service[], id: number, path: string): Service {
  const service = services.find((s) => s.id === id);
  if (!service) throw new LoketError('VALIDATION', 'Layanan antrean tidak ditemukan.', [{ path, message: 'Tidak ditemukan' }]);
  if (!service.active) throw new LoketError('VALIDATION', `Layanan ${service.name} sedang tidak aktif.`, [{ path, message: 'Layanan tidak aktif' }]);
  return service;
}

function findUnit(units: readonly Unit[], id: number, path: string): Unit {
  const unit = units.find((u) => u.id === id);
  if (!unit) throw new LoketError('VALIDATION', 'Unit tidak ditemukan.', [{ path, message: 'Tidak ditemukan' }]);
  return unit;
}

async function findCounter(db: Executor, id: number): Promise<Omit<Counter, 'name'>> {
  const counter = await q.counterWithServices(db, id);
  if (!counter) throw new LoketError('VALIDATION', 'Loket tidak ditemukan.', [{ path: 'counterId', message: 'Tidak ditemukan' }]);
  if (!counter.active)
    throw new LoketError('VALIDATION', `Loket ${counter.number} sedang tidak aktif.`, [{ path: 'counterId', message: 'Loket tidak aktif' }]);
  return counter;
}

/** A ticket of today, or a clear refusal (numbers restart daily: yesterday's tickets are closed). */
async function todaysTicket(db: Executor, id: number, date: string): Promise<QueueTicket> {
  const ticket = await q.getTicket(db, id);
  if (!ticket) throw new LoketError('NOT_FOUND', 'Tiket antrean tidak ditemukan.', [{ path: 'ticketId', message: 'Tidak ditemukan' }]);
  if (ticket.date !== date)
    throw new LoketError('CONFLICT', `Tiket ${ticket.code} adalah antrean tanggal ${ticket.date}; antrean sudah berganti hari.`);
  return ticket;
}

/** The code of a poli ticket: the unit's own number, or the visit's register number (setting). */
function unitCode(settings: SharedSettings, unit: Unit, number: number, visitSeq: number | null, fallback: string | null): string {
  const letters = unitTicketLetters(unit.code, settings.queue.unitPrefixes);
  if (settings.queue.poliNumbering === 'register') {
    if (visitSeq !== null) return ticketCode(letters, visitSeq, settings.queue.ticketWidth);
    // Without a visit the patient keeps the number on the paper in their hand.
    if (fallback) return fallback;
  }
  return ticketCode(letters, number, settings.queue.ticketWidth);
}

async function addTicket(
  trx: Executor,
  t: {
    date: string;
    at: string;
    lane: { serviceId: number } | { unitId: number };
    code: (number: number) => string;
    priority: PriorityClass | null;
    visitId: number | null;
    transferredFrom: number | null;
    userId: number | null;
    requestId?: string | null;
    /** A daily cap refuses the number past it (the transaction rolls the sequence back). */
    cap?: { limit: number | null; name: string };
  },
): Promise<{ id: number; number: number; code: string }> {
  const lane = laneKey(t.lane);
  const number = await nextNumber(trx, `antrean:${lane}`, t.date);
  if (t.cap?.limit != null && number > t.cap.limit) {
    throw new LoketError('CONFLICT', `Kuota antrean ${t.cap.name} hari ini (${t.cap.limit} nomor) sudah habis. Silakan tanyakan ke petugas loket.`, [
      { path: 'serviceId', message: 'Kuota harian habis' },
    ]);
  }
  const code = t.code(number);
  const id = await q.insertTicket(trx, {
    date: t.date,
    lane,
    serviceId: 'serviceId' in t.lane ? t.lane.serviceId : null,
    unitId: 'unitId' in t.lane ? t.lane.unitId : null,
    number,
    code,
    priority: t.priority,
    issuedAt: t.at,
    visitId: t.visitId,
    transferredFrom: t.transferredFrom,
    requestId: t.requestId ?? null,
  });
  await q.insertQueueEvent(trx, { ticketId: id, kind: 'issued', at: t.at, counterId: null, unitId: null, announcement: null, userId: t.userId });
  return { id, number, code };
}

/**
 * `visits.register` in its own transaction: the loket ticket that was called is linked to the
 * visit and finished, and the visit joins its unit's queue (not UGD: emergencies are not queued).
 */
export async function enqueueRegisteredVisit(
  trx: Executor,
  v: {
    visitId: number;
    unitId: number;
    emergency: boolean;
    settings: SharedSettings;
    date: string;
    at: string;
    userId: number;
    queueTicketId?: number | undefined;
  },
): Promise<QueueChange[]> {
  const changes: QueueChange[] = [];
  let priority: PriorityClass | null = null;
  if (v.queueTicketId !== undefined) {
    const path = 'queueTicketId';
    const ticket = await q.getTicket(trx, v.queueTicketId);
    if (!ticket) throw new LoketError('VALIDATION', 'Tiket antrean tidak ditemukan.', [{ path, message: 'Tidak ditemukan' }]);
    if (ticket.date !== v.date)
      throw new LoketError('VALIDATION', `Tiket ${ticket.code} bukan tiket hari ini.`, [{ path, message: 'Bukan hari ini' }]);
    if (ticket.serviceId === null)
      throw new LoketError('VALIDATION', `Tiket ${ticket.code} adalah antrean poli, bukan antrean loket.`, [{ path, message: 'Bukan tiket loket' }]);
    if (ticket.visit && ticket.visit.id !== v.visitId)
      throw new LoketError('CONFLICT', `Tiket ${ticket.code} sudah tertaut ke kunjungan lain.`, [{ path, message: 'Sudah dipakai' }]);
    if (ticket.status === 'dipanggil') {
      await q.setTicketStatus(trx, ticket.id, ['dipanggil'], 'selesai', { finishedAt: v.at, visitId: v.visitId });
      await q.insertQueueEvent(trx, {
        ticketId: ticket.id,
        kind: 'finished',
        at: v.at,
        counterId: ticket.counterId,
        unitId: null,
        announcement: null,
        userId: v.userId,
      });
    } else if (ticket.status === 'selesai') {
      await q.linkTicketVisit(trx, ticket.id, v.visitId);
    } else {
      throw new LoketError(
        'VALIDATION',
        `Tiket ${ticket.code} berstatus ${ticketStatusLabels[ticket.status].toLowerCase()}: panggil dulu sebelum mendaftarkan.`,
        [{ path, message: 'Belum dipanggil' }],
      );
    }
    priority = ticket.priority;
    changes.push(changeOf(v.date, ticket));
  }
  if (v.emergency) return changes;
  const visit = await q.visitForQueue(trx, v.visitId);
  const unit = (await listUnits(trx)).find((u) => u.id === v.unitId);
  if (!visit || !unit) throw new Error(`kunjungan ${v.visitId} atau unit ${v.unitId} hilang di tengah transaksi`);
  await addTicket(trx, {
    date: v.date,
    at: v.at,
    lane: { unitId: unit.id },
    code: (n) => unitCode(v.settings, unit, n, visit.seq, null),
    priority,
    visitId: visit.id,
    transferredFrom: null,
    userId: v.userId,
  });
  changes.push({ date: v.date, serviceId: null, unitId: unit.id });
  return changes;
}

/** The fields of a ticket that may leave for the kiosk, the printer and the display. */
export function publicTicket(t: QueueTicket): PublicTicket {
  return {
    id: t.id,
    date: t.date,
    code: t.code,
    number: t.number,
    serviceId: t.serviceId,
    unitId: t.unitId,
    laneName: t.laneName,
    priority: t.priority,
    status: t.status,
    issuedAt: t.issuedAt,
  };
}

/**
 * A waiting ticket's place in its lane under the priority policy, and the minutes until its call:
 * the people ahead × the median service time of the lane's latest finished tickets today (or
 * the default), shared by the active lokets serving the service (a poli serves its own queue).
 * A ticket no longer waiting has nobody ahead.
 */
export async function waitPosition(
  db: Executor,
  ticket: Pick<QueueTicket, 'id' | 'date' | 'serviceId' | 'unitId' | 'status'>,
  settings: SharedSettings,
): Promise<{ waitingAhead: number; estimatedWaitMinutes: number }> {
  if (ticket.status !== 'menunggu') return { waitingAhead: 0, estimatedWaitMinutes: 0 };
  const lane = laneOf(ticket);
  const waiting = await q.laneTickets(db, { date: ticket.date, lanes: [lane], statuses: ['menunggu'] });
  const ahead = Math.max(
    0,
    callOrder(waiting, settings.queue.priorityPolicy, settings.queue.priorityInterval).findIndex((t) => t.id === ticket.id),
  );
  const paces = (await q.finishedServiceTimes(db, ticket.date, lane, PACE_SAMPLE)).map((f) => secondsBetween(f.calledAt, f.finishedAt));
  const places = ticket.serviceId === null ? 1 : await q.countersServing(db, ticket.serviceId);
  return { waitingAhead: ahead, estimatedWaitMinutes: estimateWaitMinutes(ahead, paces, settings.queue.defaultServiceMinutes, places) };
}

/**
 * A ticket moved to another service or a poli's queue inside the caller's transaction: the old
 * ticket `dialihkan`, a new one at the end of the target lane. `queue.transfer` runs it alone;
 * the internal referral slip runs it with the letter it issues.
 */
export async function transferTicket(
  trx: Executor,
  m: { ticketId: number; toServiceId?: number; toUnitId?: number; settings: SharedSettings; now: Date; at: string; date: string; userId: number },
): Promise<{ from: QueueTicket; ticket: QueueTicket }> {
  const t = await todaysTicket(trx, m.ticketId, m.date);
  const next = transition('transfer', t.status, t.code);
  let lane: { serviceId: number } | { unitId: number };
  let code: (n: number) => string;
  if (m.toServiceId !== undefined) {
    const service = findService(await listServices(trx), m.toServiceId, 'toServiceId');
    if (t.serviceId === service.id)
      throw new LoketError('VALIDATION', `Tiket ${t.code} sudah berada di antrean ${service.name}.`, [
        { path: 'toServiceId', message: 'Antrean yang sama' },
      ]);
    lane = { serviceId: service.id };
    code = (n) => ticketCode(service.prefix, n, m.settings.queue.ticketWidth);
  } else {
    const unit = findUnit(await listUnits(trx), m.toUnitId!, 'toUnitId');
    const closed = unitClosedReason(unit, m.now, m.settings.timeZone);
    if (closed) throw new LoketError('VALIDATION', `Tidak bisa dialihkan: ${closed}`, [{ path: 'toUnitId', message: 'Unit tutup' }]);
    if (t.unitId === unit.id)
      throw new LoketError('VALIDATION', `Tiket ${t.code} sudah berada di antrean ${unit.name}.`, [
        { path: 'toUnitId', message: 'Antrean yang sama' },
      ]);
    lane = { unitId: unit.id };
    code = (n) => unitCode(m.settings, unit, n, t.visit?.seq ?? null, t.code);
  }
  if (!(await q.setTicketStatus(trx, t.id, statusesFor('transfer'), next.status)))
    throw new LoketError('CONFLICT', `Tiket ${t.code} baru saja diubah petugas lain; muat ulang antrean.`);
  await q.insertQueueEvent(trx, {
    ticketId: t.id,
    kind: 'transferred',
    at: m.at,
    counterId: t.counterId,
    unitId: t.unitId,
    announcement: null,
    userId: m.userId,
  });
  const { id } = await addTicket(trx, {
    date: m.date,
    at: m.at,
    lane,
    code,
    priority: t.priority,
    visitId: t.visit?.id ?? null,
    transferredFrom: t.id,
    userId: m.userId,
  });
  return { from: (await q.getTicket(trx, t.id))!, ticket: (await q.getTicket(trx, id))! };
}

export function queueHandlers(ctx: ServiceContext): Handlers<keyof typeof queueMethods> {
  const clock = async (db: Executor = ctx.db) => {
    const settings = await loadSharedSettings(db);
    const now = ctx.now();
    return { settings, now, at: now.toISOString(), date: localDate(now, settings.timeZone) };
  };

  /** Counts, cap and wait estimate of lanes on one day. */
  async function laneSummaries(db: Executor, date: string, settings: SharedSettings, wanted: (lane: string) => boolean): Promise<LaneSummary[]> {
    const [services, units, counters, counts, finished] = await Promise.all([
      listServices(db),
      listUnits(db),
      listCounters(db),
      q.laneStatusCounts(db, date),
      q.finishedServiceTimes(db, date),
    ]);
    const paces = new Map<string, number[]>();
    for (const f of finished) {
      const pace = paces.get(f.lane) ?? [];
      if (pace.length < PACE_SAMPLE) pace.push(secondsBetween(f.calledAt, f.finishedAt));
      paces.set(f.lane, pace);
    }
    const summary = (
      lane: string,
      base: Omit<LaneSummary, 'full' | 'issued' | 'waiting' | 'called' | 'held' | 'skipped' | 'finished' | 'transferred' | 'estimatedWaitMinutes'>,
      places: number,
    ): LaneSummary => {
      const c = counts.get(lane) ?? new Map<TicketStatus, number>();
      const n = (s: TicketStatus) => c.get(s) ?? 0;
      const issued = [...c.values()].reduce((a, b) => a + b, 0);
      return {
        ...base,
        full: base.dailyCap !== null && issued >= base.dailyCap,
        issued,
        waiting: n('menunggu'),
        called: n('dipanggil'),
        held: n('ditahan'),
        skipped: n('dilewati'),
        finished: n('selesai'),
        transferred: n('dialihkan'),
        estimatedWaitMinutes: estimateWaitMinutes(n('menunggu'), paces.get(lane) ?? [], settings.queue.defaultServiceMinutes, places),
      };
    };
    const lanes: LaneSummary[] = [];
    for (const s of services) {
      const lane = laneKey({ serviceId: s.id });
      if (!wanted(lane)) continue;
      const places = counters.filter((c) => c.active && c.serviceIds.includes(s.id)).length;
      lanes.push(
        summary(
          lane,
          { kind: 'service', serviceId: s.id, unitId: null, name: s.name, prefix: s.prefix, active: s.active, dailyCap: s.dailyCap },
          places,
        ),
      );
    }
    for (const u of units) {
      const lane = laneKey({ unitId: u.id });
      if (!wanted(lane)) continue;
      const prefix = unitTicketLetters(u.code, settings.queue.unitPrefixes);
      lanes.push(summary(lane, { kind: 'unit', serviceId: null, unitId: u.id, name: u.name, prefix, active: u.active, dailyCap: null }, 1));
    }
    return lanes;
  }

  /** Skip, hold, finish: one guarded status change and its event. */
  async function simpleAction(action: Extract<QueueAction, 'skip' | 'hold' | 'finish'>, ticketId: number, userId: number, visitId?: number) {
    const { at, date } = await clock();
    const ticket = await ctx.db.transaction().execute(async (trx) => {
      const t = await todaysTicket(trx, ticketId, date);
      const next = transition(action, t.status, t.code);
      if (visitId !== undefined) {
        const visit = await q.visitForQueue(trx, visitId);
        if (!visit) throw new LoketError('VALIDATION', 'Kunjungan tidak ditemukan.', [{ path: 'visitId', message: 'Tidak ditemukan' }]);
        if (t.visit && t.visit.id !== visitId)
          throw new LoketError('CONFLICT', `Tiket ${t.code} sudah tertaut ke kunjungan lain.`, [{ path: 'visitId', message: 'Sudah tertaut' }]);
      }
      const extra = { ...(action === 'finish' ? { finishedAt: at } : {}), ...(visitId !== undefined ? { visitId } : {}) };
      if (!(await q.setTicketStatus(trx, t.id, statusesFor(action), next.status, extra)))
        throw new LoketError('CONFLICT', `Tiket ${t.code} baru saja diubah petugas lain; muat ulang antrean.`);
      await q.insertQueueEvent(trx, { ticketId: t.id, kind: next.event, at, counterId: t.counterId, unitId: t.unitId, announcement: null, userId });
      return (await q.getTicket(trx, t.id))!;
    });
    emitQueueChanges(ctx, [changeOf(date, ticket)]);
    return { ticket };
  }

  return {
    'queue.issueTicket': async ({ serviceId, priority, requestId }) => {
      const { settings, at, date } = await clock();
      const result = await ctx.db.transaction().execute(async (trx) => {
        const service = findService(await listServices(trx), serviceId, 'serviceId');
        // A kiosk asking again after a lost answer gets the ticket it already has, not a second one.
        const earlier = requestId === undefined ? undefined : await q.ticketByRequest(trx, date, requestId);
        if (earlier) {
          if (earlier.serviceId !== serviceId)
            throw new LoketError('VALIDATION', 'Permintaan ini sudah dipakai untuk nomor antrean layanan lain.', [
              { path: 'requestId', message: 'Sudah dipakai' },
            ]);
          return { ticket: publicTicket(earlier), repeated: true, ...(await waitPosition(trx, earlier, settings)) };
        }
        const added = await addTicket(trx, {
          date,
          at,
          lane: { serviceId },
          code: (n) => ticketCode(service.prefix, n, settings.queue.ticketWidth),
          priority: priority ?? null,
          visitId: null,
          transferredFrom: null,
          userId: null,
          cap: { limit: service.dailyCap, name: service.name },
          requestId: requestId ?? null,
        });
        const ticket: PublicTicket = {
          ...added,
          date,
          serviceId,
          unitId: null,
          laneName: service.name,
          priority: priority ?? null,
          status: 'menunggu',
          issuedAt: at,
        };
        return { ticket, repeated: false, ...(await waitPosition(trx, ticket, settings)) };
      });
      if (!result.repeated) emitQueueChanges(ctx, [changeOf(date, result.ticket)]);
      return {
        ticket: result.ticket,
        waitingAhead: result.waitingAhead,
        estimatedWaitMinutes: result.estimatedWaitMinutes,
        puskesmasName: settings.puskesmas.name,
        timeZone: settings.timeZone,
      };
    },

    'queue.callNext': async ({ counterId, unitId }, call) => {
      const userId = actorOf(call).id;
      const { settings, at, date } = await clock();
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        let place: Place;
        let lanes: string[];
        if (counterId !== undefined) {
          const counter = await findCounter(trx, counterId);
          if (counter.serviceIds.length === 0) {
            throw new LoketError('VALIDATION', `Loket ${counter.number} belum melayani layanan apa pun: atur di Pengaturan → Loket.`, [
              { path: 'counterId', message: 'Tanpa layanan' },
            ]);
          }
          place = { kind: 'loket', counterId, number: counter.number };
          lanes = counter.serviceIds.map((id) => laneKey({ serviceId: id }));
        } else {
          const unit = findUnit(await listUnits(trx), unitId!, 'unitId');
          if (!unit.active) throw new LoketError('VALIDATION', `${unit.name} sedang tidak aktif.`, [{ path: 'unitId', message: 'Unit tidak aktif' }]);
          place = { kind: 'unit', unitId: unit.id, code: unit.code, name: unit.name };
          lanes = [laneKey({ unitId: unit.id })];
        }
        const tickets = await q.laneTickets(trx, { date, lanes, statuses: ['menunggu', 'dipanggil'] });
        const waiting = tickets.filter((t) => t.status === 'menunggu');
        // The call in progress at this place: the loket's own, or the poli's.
        const current = tickets.filter((t) => t.status === 'dipanggil' && (counterId === undefined || t.counterId === counterId));
        if (waiting.length === 0) return null;
        // "Next" means the patient at this place is done: the call in progress is finished.
        for (const t of current) {
          await q.setTicketStatus(trx, t.id, ['dipanggil'], 'selesai', { finishedAt: at });
          await q.insertQueueEvent(trx, {
            ticketId: t.id,
            kind: 'finished',
            at,
            counterId: t.counterId,
            unitId: t.unitId,
            announcement: null,
            userId,
          });
        }
        const { priorityPolicy, priorityInterval } = settings.queue;
        const recent =
          priorityPolicy === 'selang'
            ? await q.recentCallPriorities(
                trx,
                date,
                place.kind === 'loket' ? { counterId: place.counterId } : { unitId: place.unitId },
                priorityInterval,
              )
            : [];
        const next = callOrder(waiting, priorityPolicy, priorityInterval, recent)[0]!;
        const counter = place.kind === 'loket' ? place.counterId : null;
        if (!(await q.markCalled(trx, next.id, statusesFor('call'), counter, at))) throw new Error(`tiket ${next.id} berubah di tengah transaksi`);
        const ticket = (await q.getTicket(trx, next.id))!;
        const announcement = await logCall(trx, ticket, 'called', place, at, userId);
        return { ticket, call: callOf(ticket, place, announcement, at, false), finished: current };
      });
      if (!outcome) return { ticket: null, call: null, message: 'Tidak ada antrean yang menunggu.' };
      emitQueueChanges(ctx, [changeOf(date, outcome.ticket), ...outcome.finished.map((t) => changeOf(date, t))]);
      ctx.events.emit('queue.called', outcome.call);
      return { ticket: outcome.ticket, call: outcome.call, message: null };
    },

    'queue.recall': async ({ ticketId, counterId, unitId }, call) => {
      const userId = actorOf(call).id;
      const { at, date } = await clock();
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        const t = await todaysTicket(trx, ticketId, date);
        transition('recall', t.status, t.code);
        let place: Place;
        if (t.unitId !== null) {
          const unit = findUnit(await listUnits(trx), t.unitId, 'ticketId');
          if (counterId !== undefined || (unitId !== undefined && unitId !== t.unitId)) {
            throw new LoketError('VALIDATION', `Tiket ${t.code} adalah antrean ${unit.name}; panggil dari unit itu.`, [
              { path: counterId !== undefined ? 'counterId' : 'unitId', message: 'Bukan antrean tempat ini' },
            ]);
          }
          place = { kind: 'unit', unitId: unit.id, code: unit.code, name: unit.name };
        } else {
          if (unitId !== undefined) {
            throw new LoketError('VALIDATION', `Tiket ${t.code} adalah antrean loket; panggil dari loket.`, [
              { path: 'unitId', message: 'Bukan antrean unit' },
            ]);
          }
          const by = counterId ?? t.counterId;
          if (by === null) throw new LoketError('VALIDATION', 'Pilih loket yang memanggil.', [{ path: 'counterId', message: 'Wajib diisi' }]);
          const counter = await findCounter(trx, by);
          if (!counter.serviceIds.includes(t.serviceId!)) {
            throw new LoketError('VALIDATION', `Loket ${counter.number} tidak melayani layanan ${t.laneName}.`, [
              { path: 'counterId', message: 'Layanan tidak dilayani loket ini' },
            ]);
          }
          place = { kind: 'loket', counterId: counter.id, number: counter.number };
        }
        const counter = place.kind === 'loket' ? place.counterId : null;
        if (!(await q.markCalled(trx, t.id, statusesFor('recall'), counter, at)))
          throw new LoketError('CONFLICT', `Tiket ${t.code} baru saja diubah petugas lain; muat ulang antrean.`);
        const announcement = await logCall(trx, t, 'recalled', place, at, userId);
        const ticket = (await q.getTicket(trx, t.id))!;
        return { ticket, call: callOf(ticket, place, announcement, at, true) };
      });
      emitQueueChanges(ctx, [changeOf(date, outcome.ticket)]);
      ctx.events.emit('queue.called', outcome.call);
      return outcome;
    },

    'queue.skip': async ({ ticketId }, call) => simpleAction('skip', ticketId, actorOf(call).id),
    'queue.hold': async ({ ticketId }, call) => simpleAction('hold', ticketId, actorOf(call).id),
    'queue.finish': async ({ ticketId, visitId }, call) => simpleAction('finish', ticketId, actorOf(call).id, visitId),

    'queue.transfer': async ({ ticketId, toServiceId, toUnitId }, call) => {
      const userId = actorOf(call).id;
      const { settings, now, at, date } = await clock();
      const result = await ctx.db
        .transaction()
        .execute((trx) => transferTicket(trx, { ticketId, toServiceId, toUnitId, settings, now, at, date, userId }));
      emitQueueChanges(ctx, [changeOf(date, result.from), changeOf(date, result.ticket)]);
      return result;
    },

    'queue.state': async ({ counterId, unitId }) => {
      const { settings, date } = await clock();
      let lanes: string[] | undefined;
      let recent: boolean[] = [];
      const { priorityPolicy, priorityInterval } = settings.queue;
      if (counterId !== undefined) {
        lanes = (await findCounter(ctx.db, counterId)).serviceIds.map((id) => laneKey({ serviceId: id }));
        if (priorityPolicy === 'selang') recent = await q.recentCallPriorities(ctx.db, date, { counterId }, priorityInterval);
      } else if (unitId !== undefined) {
        lanes = [laneKey({ unitId: findUnit(await listUnits(ctx.db), unitId, 'unitId').id })];
        if (priorityPolicy === 'selang') recent = await q.recentCallPriorities(ctx.db, date, { unitId }, priorityInterval);
      }
      const tickets = await q.listTickets(ctx.db, { date, ...(lanes ? { lanes } : {}) });
      const having = (s: TicketStatus) => tickets.filter((t) => t.status === s);
      return {
        date,
        waiting: callOrder(having('menunggu'), priorityPolicy, priorityInterval, recent),
        inProgress: having('dipanggil'),
        held: having('ditahan'),
        skipped: having('dilewati'),
        lanes: await laneSummaries(ctx.db, date, settings, (lane) => (lanes ? lanes.includes(lane) : true)),
      };
    },

    'queue.board': async ({ limit }) => {
      const { settings, date } = await clock();
      const [calls, lastPerPlace, lanes, services] = await Promise.all([
        q.recentCalls(ctx.db, date, limit ?? 6),
        q.lastCallPerPlace(ctx.db, date),
        laneSummaries(ctx.db, date, settings, () => true),
        listServices(ctx.db),
      ]);
      const activeServices = new Set(services.filter((s) => s.active).map((s) => s.id));
      return {
        date,
        calls: calls.map(callOfRecord),
        places: lastPerPlace.map((r) => ({
          ...callOfRecord(r),
          inProgress: r.ticketStatus === 'dipanggil' && (r.counterId === null || r.ticketCounterId === r.counterId),
        })),
        services: lanes.filter((l) => l.kind === 'service' && activeServices.has(l.serviceId!)),
        units: lanes.filter((l) => l.kind === 'unit' && l.issued > 0),
      };
    },

    'queue.stats': async ({ from, to, serviceId, unitId }, call) => {
      const actor = actorOf(call);
      if (!may(actor, 'laporan:view') && !may(actor, 'antrean:view'))
        throw new LoketError('FORBIDDEN', 'Anda tidak berhak melihat statistik antrean.');
      if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000)
        throw new LoketError('VALIDATION', 'Rentang statistik paling lama satu tahun.', [{ path: 'to', message: 'Rentang terlalu panjang' }]);
      if (serviceId !== undefined && unitId !== undefined)
        throw new LoketError('VALIDATION', 'Pilih paling banyak satu: layanan atau unit.', [{ path: 'serviceId', message: 'Pilih satu' }]);
      const lane = serviceId !== undefined ? laneKey({ serviceId }) : unitId !== undefined ? laneKey({ unitId }) : undefined;
      const [times, services, units] = await Promise.all([q.ticketTimes(ctx.db, from, to, lane), listServices(ctx.db), listUnits(ctx.db)]);
      const groups = new Map<string, q.TicketTimes[]>();
      for (const t of times) {
        const key = `${t.date}|${laneOf(t)}`;
        groups.set(key, [...(groups.get(key) ?? []), t]);
      }
      const rows: QueueStatsRow[] = [];
      for (const group of groups.values()) {
        const first = group[0]!;
        const name =
          first.serviceId !== null
            ? (services.find((s) => s.id === first.serviceId)?.name ?? '')
            : (units.find((u) => u.id === first.unitId)?.name ?? '');
        const served = group.filter((t) => t.status === 'selesai');
        rows.push({
          date: first.date,
          kind: first.serviceId !== null ? 'service' : 'unit',
          serviceId: first.serviceId,
          unitId: first.unitId,
          name,
          issued: group.length,
          served: served.length,
          skipped: group.filter((t) => t.status === 'dilewati').length,
          waitSeconds: durationStats(group.filter((t) => t.calledAt !== null).map((t) => secondsBetween(t.issuedAt, t.calledAt!))),
          serviceSeconds: durationStats(
            served.filter((t) => t.lastCalledAt !== null && t.finishedAt !== null).map((t) => secondsBetween(t.lastCalledAt!, t.finishedAt!)),
          ),
        });
      }
      // Per day, loket lanes before poli lanes, then by name.
      return rows.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
    },
  };
}
