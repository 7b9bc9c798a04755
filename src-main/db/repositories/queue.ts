import { sql } from 'kysely';
import type { PriorityClass, QueueEventKind, QueueTicket, TicketStatus } from '../../contract';
import type { Executor } from './executor';

/** Antrean tickets and their event log. Times are ISO-8601 UTC; `date` is the local service date. */

export interface TicketFilter {
  date: string;
  lanes?: readonly string[];
  statuses?: readonly TicketStatus[];
  ids?: readonly number[];
  /** Tickets last called by this loket. */
  counterId?: number;
}

function ticketQuery(db: Executor) {
  return db
    .selectFrom('queue_ticket as t')
    .leftJoin('service as s', 's.id', 't.service_id')
    .leftJoin('unit as u', 'u.id', 't.unit_id')
    .leftJoin('counter as c', 'c.id', 't.counter_id')
    .leftJoin('queue_ticket as f', 'f.id', 't.transferred_from')
    .leftJoin('visit as v', 'v.id', 't.visit_id')
    .leftJoin('patient as p', 'p.id', 'v.patient_id')
    .selectAll('t')
    .select([
      's.name as service_name',
      'u.name as unit_name',
      'c.number as counter_number',
      'f.code as from_code',
      'v.seq as visit_seq',
      'p.name as patient_name',
      'p.rm_number as rm_number',
    ]);
}

type TicketJoinRow = Awaited<ReturnType<ReturnType<typeof ticketQuery>['execute']>>[number];

const ticketOf = (r: TicketJoinRow): QueueTicket => ({
  id: r.id,
  date: r.service_date,
  code: r.code,
  number: r.number,
  serviceId: r.service_id,
  unitId: r.unit_id,
  laneName: r.service_name ?? r.unit_name ?? '',
  priority: r.priority as PriorityClass | null,
  status: r.status as TicketStatus,
  issuedAt: r.issued_at,
  calledAt: r.called_at,
  lastCalledAt: r.last_called_at,
  finishedAt: r.finished_at,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  transferredFromId: r.transferred_from,
  transferredFromCode: r.from_code,
  visit:
    r.visit_id !== null && r.visit_seq !== null
      ? { id: r.visit_id, seq: r.visit_seq, patientName: r.patient_name ?? '', rmNumber: r.rm_number ?? '' }
      : null,
});

/** Tickets of one day in arrival order. */
export async function listTickets(db: Executor, f: TicketFilter): Promise<QueueTicket[]> {
  let q = ticketQuery(db).where('t.service_date', '=', f.date);
  if (f.lanes) q = f.lanes.length ? q.where('t.lane', 'in', [...f.lanes]) : q.where(sql<boolean>`0`);
  if (f.statuses) q = q.where('t.status', 'in', [...f.statuses]);
  if (f.ids) q = f.ids.length ? q.where('t.id', 'in', [...f.ids]) : q.where(sql<boolean>`0`);
  if (f.counterId !== undefined) q = q.where('t.counter_id', '=', f.counterId);
  const rows = await q.orderBy('t.issued_at').orderBy('t.id').execute();
  return rows.map(ticketOf);
}

export interface LaneTicket {
  id: number;
  status: TicketStatus;
  priority: PriorityClass | null;
  issuedAt: string;
  serviceId: number | null;
  unitId: number | null;
  counterId: number | null;
}

/**
 * Tickets of some lanes in one status, without the joins: what calling needs (the waiting order,
 * the call in progress); the full row is read only for the ticket that is called.
 */
export async function laneTickets(
  db: Executor,
  f: { date: string; lanes: readonly string[]; statuses: readonly TicketStatus[] },
): Promise<LaneTicket[]> {
  if (f.lanes.length === 0) return [];
  const rows = await db
    .selectFrom('queue_ticket')
    .select(['id', 'status', 'priority', 'issued_at', 'service_id', 'unit_id', 'counter_id'])
    .where('service_date', '=', f.date)
    .where('status', 'in', [...f.statuses])
    .where('lane', 'in', [...f.lanes])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status as TicketStatus,
    priority: r.priority as PriorityClass | null,
    issuedAt: r.issued_at,
    serviceId: r.service_id,
    unitId: r.unit_id,
    counterId: r.counter_id,
  }));
}

export async function getTicket(db: Executor, id: number): Promise<QueueTicket | undefined> {
  const r = await ticketQuery(db).where('t.id', '=', id).executeTakeFirst();
  return r ? ticketOf(r) : undefined;
}

/** The ticket a kiosk's request already made today, if any. */
export async function ticketByRequest(db: Executor, date: string, requestId: string): Promise<QueueTicket | undefined> {
  const r = await ticketQuery(db).where('t.service_date', '=', date).where('t.request_id', '=', requestId).executeTakeFirst();
  return r ? ticketOf(r) : undefined;
}

/** The ticket that continues a transferred one. */
export async function transferredTo(db: Executor, id: number): Promise<QueueTicket | undefined> {
  const r = await ticketQuery(db).where('t.transferred_from', '=', id).executeTakeFirst();
  return r ? ticketOf(r) : undefined;
}

export async function insertTicket(
  trx: Executor,
  t: {
    date: string;
    lane: string;
    serviceId: number | null;
    unitId: number | null;
    number: number;
    code: string;
    priority: PriorityClass | null;
    issuedAt: string;
    visitId: number | null;
    transferredFrom: number | null;
    requestId?: string | null;
  },
): Promise<number> {
  const row = await trx
    .insertInto('queue_ticket')
    .values({
      service_date: t.date,
      lane: t.lane,
      service_id: t.serviceId,
      unit_id: t.unitId,
      number: t.number,
      code: t.code,
      priority: t.priority,
      counter_id: null,
      visit_id: t.visitId,
      issued_at: t.issuedAt,
      called_at: null,
      last_called_at: null,
      finished_at: null,
      transferred_from: t.transferredFrom,
      request_id: t.requestId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertQueueEvent(
  trx: Executor,
  e: {
    ticketId: number;
    kind: QueueEventKind;
    at: string;
    counterId: number | null;
    unitId: number | null;
    announcement: string | null;
    userId: number | null;
  },
): Promise<void> {
  await trx
    .insertInto('queue_event')
    .values({
      ticket_id: e.ticketId,
      kind: e.kind,
      at: e.at,
      counter_id: e.counterId,
      unit_id: e.unitId,
      announcement: e.announcement,
      user_id: e.userId,
    })
    .execute();
}

/**
 * A call or recall: the first call's time stays (waiting time), the latest is kept apart
 * (service time). Guarded by the expected statuses, so a ticket changed meanwhile is not touched.
 */
export async function markCalled(trx: Executor, id: number, from: readonly TicketStatus[], counterId: number | null, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('queue_ticket')
    .set({ status: 'dipanggil', counter_id: counterId, called_at: sql<string>`coalesce(called_at, ${at})`, last_called_at: at })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setTicketStatus(
  trx: Executor,
  id: number,
  from: readonly TicketStatus[],
  to: TicketStatus,
  extra: { finishedAt?: string; visitId?: number } = {},
): Promise<boolean> {
  const result = await trx
    .updateTable('queue_ticket')
    .set({
      status: to,
      ...(extra.finishedAt !== undefined ? { finished_at: extra.finishedAt } : {}),
      ...(extra.visitId !== undefined ? { visit_id: extra.visitId } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function linkTicketVisit(trx: Executor, id: number, visitId: number): Promise<void> {
  await trx.updateTable('queue_ticket').set({ visit_id: visitId }).where('id', '=', id).execute();
}

/** Tickets per lane and status on one day. */
export async function laneStatusCounts(db: Executor, date: string): Promise<Map<string, Map<TicketStatus, number>>> {
  const rows = await db
    .selectFrom('queue_ticket')
    .select(['lane', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('service_date', '=', date)
    .groupBy(['lane', 'status'])
    .execute();
  const counts = new Map<string, Map<TicketStatus, number>>();
  for (const r of rows) {
    const lane = counts.get(r.lane) ?? new Map<TicketStatus, number>();
    lane.set(r.status as TicketStatus, Number(r.n));
    counts.set(r.lane, lane);
  }
  return counts;
}

/**
 * Last call and finish of a day's finished tickets, per lane, newest first (the pace of service
 * for the wait estimate); `limit` keeps only the latest ones.
 */
export async function finishedServiceTimes(
  db: Executor,
  date: string,
  lane?: string,
  limit?: number,
): Promise<{ lane: string; calledAt: string; finishedAt: string }[]> {
  let q = db
    .selectFrom('queue_ticket')
    .select(['lane', 'last_called_at', 'finished_at'])
    .where('service_date', '=', date)
    .where('status', '=', 'selesai')
    .where('last_called_at', 'is not', null)
    .where('finished_at', 'is not', null);
  if (lane) q = q.where('lane', '=', lane);
  if (limit) q = q.limit(limit);
  const rows = await q.orderBy('finished_at', 'desc').execute();
  return rows.map((r) => ({ lane: r.lane, calledAt: r.last_called_at!, finishedAt: r.finished_at! }));
}

export interface CallRecord {
  eventId: number;
  ticketId: number;
  code: string;
  serviceId: number | null;
  unitId: number | null;
  kind: 'called' | 'recalled';
  at: string;
  counterId: number | null;
  counterNumber: number | null;
  placeUnitId: number | null;
  placeUnitCode: string | null;
  placeUnitName: string | null;
  announcement: string;
  ticketStatus: TicketStatus;
  ticketCounterId: number | null;
}

function callQuery(db: Executor, date: string) {
  return db
    .selectFrom('queue_event as e')
    .innerJoin('queue_ticket as t', 't.id', 'e.ticket_id')
    .leftJoin('counter as c', 'c.id', 'e.counter_id')
    .leftJoin('unit as u', 'u.id', 'e.unit_id')
    .select([
      'e.id as event_id',
      'e.ticket_id',
      'e.kind',
      'e.at',
      'e.counter_id',
      'e.unit_id as place_unit_id',
      'e.announcement',
      't.code',
      't.service_id',
      't.unit_id',
      't.status',
      't.counter_id as ticket_counter_id',
      'c.number as counter_number',
      'u.code as place_unit_code',
      'u.name as place_unit_name',
    ])
    .where('t.service_date', '=', date)
    .where('e.kind', 'in', ['called', 'recalled']);
}

type CallRow = Awaited<ReturnType<ReturnType<typeof callQuery>['execute']>>[number];

const callOf = (r: CallRow): CallRecord => ({
  eventId: r.event_id,
  ticketId: r.ticket_id,
  code: r.code,
  serviceId: r.service_id,
  unitId: r.unit_id,
  kind: r.kind as CallRecord['kind'],
  at: r.at,
  counterId: r.counter_id,
  counterNumber: r.counter_number,
  placeUnitId: r.place_unit_id,
  placeUnitCode: r.place_unit_code,
  placeUnitName: r.place_unit_name,
  announcement: r.announcement ?? '',
  ticketStatus: r.status as TicketStatus,
  ticketCounterId: r.ticket_counter_id,
});

/** The day's latest calls, newest first. */
export async function recentCalls(db: Executor, date: string, limit: number): Promise<CallRecord[]> {
  const rows = await callQuery(db, date).orderBy('e.id', 'desc').limit(limit).execute();
  return rows.map(callOf);
}

/** The latest call of each place (loket or unit) on a day. */
export async function lastCallPerPlace(db: Executor, date: string): Promise<CallRecord[]> {
  const latest = db
    .selectFrom('queue_event as e')
    .innerJoin('queue_ticket as t', 't.id', 'e.ticket_id')
    .select((eb) => eb.fn.max('e.id').as('id'))
    .where('t.service_date', '=', date)
    .where('e.kind', 'in', ['called', 'recalled'])
    .groupBy(['e.counter_id', 'e.unit_id']);
  const rows = await callQuery(db, date).where('e.id', 'in', latest).orderBy('e.id', 'desc').execute();
  return rows.map(callOf);
}

/** Whether each of a place's latest first calls today was a priority ticket, newest first. */
export async function recentCallPriorities(
  db: Executor,
  date: string,
  place: { counterId: number } | { unitId: number },
  n: number,
): Promise<boolean[]> {
  let q = db
    .selectFrom('queue_event as e')
    .innerJoin('queue_ticket as t', 't.id', 'e.ticket_id')
    .select('t.priority')
    .where('t.service_date', '=', date)
    .where('e.kind', '=', 'called');
  q =
    'counterId' in place ? q.where('e.counter_id', '=', place.counterId) : q.where('e.unit_id', '=', place.unitId).where('e.counter_id', 'is', null);
  const rows = await q.orderBy('e.id', 'desc').limit(n).execute();
  return rows.map((r) => r.priority !== null);
}

export interface TicketTimes {
  date: string;
  serviceId: number | null;
  unitId: number | null;
  status: TicketStatus;
  issuedAt: string;
  calledAt: string | null;
  lastCalledAt: string | null;
  finishedAt: string | null;
}

/** Every ticket of a date range with its times (the statistics). */
export async function ticketTimes(db: Executor, from: string, to: string, lane?: string): Promise<TicketTimes[]> {
  let q = db
    .selectFrom('queue_ticket')
    .select(['service_date', 'service_id', 'unit_id', 'status', 'issued_at', 'called_at', 'last_called_at', 'finished_at'])
    .where('service_date', '>=', from)
    .where('service_date', '<=', to);
  if (lane) q = q.where('lane', '=', lane);
  const rows = await q.orderBy('service_date').orderBy('id').execute();
  return rows.map((r) => ({
    date: r.service_date,
    serviceId: r.service_id,
    unitId: r.unit_id,
    status: r.status as TicketStatus,
    issuedAt: r.issued_at,
    calledAt: r.called_at,
    lastCalledAt: r.last_called_at,
    finishedAt: r.finished_at,
  }));
}

/** What a poli queue needs of a visit. */
export async function visitForQueue(
  db: Executor,
  visitId: number,
): Promise<{ id: number; seq: number; unitId: number; emergency: boolean } | undefined> {
  const r = await db.selectFrom('visit').select(['id', 'seq', 'unit_id', 'emergency']).where('id', '=', visitId).executeTakeFirst();
  return r ? { id: r.id, seq: r.seq, unitId: r.unit_id, emergency: r.emergency === 1 } : undefined;
}

/** A day's visits in register order, as the demo's queue needs them. */
export async function visitsOfDay(
  db: Executor,
  date: string,
): Promise<{ id: number; seq: number; unitId: number; registeredAt: string; cluster: string; lifeStage: string | null; emergency: boolean }[]> {
  const rows = await db
    .selectFrom('visit')
    .select(['id', 'seq', 'unit_id', 'registered_at', 'cluster', 'life_stage', 'emergency'])
    .where('visit_date', '=', date)
    .orderBy('registered_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    unitId: r.unit_id,
    registeredAt: r.registered_at,
    cluster: r.cluster,
    lifeStage: r.life_stage,
    emergency: r.emergency === 1,
  }));
}

/** One loket and the services it serves (calling needs only the one pressing the button). */
export async function counterWithServices(
  db: Executor,
  id: number,
): Promise<{ id: number; number: number; name: string; active: boolean; serviceIds: number[] } | undefined> {
  const row = await db.selectFrom('counter').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const links = await db.selectFrom('counter_service').select('service_id').where('counter_id', '=', id).orderBy('service_id').execute();
  return { id: row.id, number: row.number, name: row.name, active: row.active === 1, serviceIds: links.map((l) => l.service_id) };
}

/** Active lokets serving a service: the places sharing its line. */
export async function countersServing(db: Executor, serviceId: number): Promise<number> {
  const row = await db
    .selectFrom('counter_service as cs')
    .innerJoin('counter as c', 'c.id', 'cs.counter_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cs.service_id', '=', serviceId)
    .where('c.active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
