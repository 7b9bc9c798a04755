import { LoketError, type PublicTicket, type SharedSettings } from '../contract';
import type { Executor } from '../db/repositories/executor';
import { finishedServiceTimes, getTicket, listTickets } from '../db/repositories/queue';
import { listCounters } from '../db/repositories/reference';
import { callOrder, estimateWaitMinutes, laneKey, secondsBetween } from '../domain/antrean';
import { localDate, tanggalPanjang } from '../domain/waktu';

export interface TicketPosition {
  ticket: PublicTicket;
  /** Tickets the queue will call before this one (0 once it has been called). */
  waitingAhead: number;
  /** Minutes until its call; null once it has been called. */
  estimatedWaitMinutes: number | null;
}

/**
 * A ticket of today as a printed karcis states it — code, lane, time taken, its place in line —
 * computed the way queue.issueTicket does, so a reprint says what the first print said, updated.
 * Only public fields leave: the visit and the patient behind a ticket never do.
 */
export async function ticketWaitingPosition(db: Executor, ticketId: number, settings: SharedSettings, now: Date): Promise<TicketPosition> {
  const found = await getTicket(db, ticketId);
  if (!found) throw new LoketError('NOT_FOUND', 'Tiket antrean tidak ditemukan.', [{ path: 'ticketId', message: 'Tidak ditemukan' }]);
  const today = localDate(now, settings.timeZone);
  if (found.date !== today) {
    throw new LoketError(
      'CONFLICT',
      `Tiket ${found.code} adalah antrean tanggal ${tanggalPanjang(found.date)}: nomor antrean sudah berganti hari, karcisnya tidak dicetak lagi.`,
    );
  }
  const ticket: PublicTicket = {
    id: found.id,
    date: found.date,
    code: found.code,
    number: found.number,
    serviceId: found.serviceId,
    unitId: found.unitId,
    laneName: found.laneName,
    priority: found.priority,
    status: found.status,
    issuedAt: found.issuedAt,
  };
  if (found.status !== 'menunggu') return { ticket, waitingAhead: 0, estimatedWaitMinutes: null };
  const lane = laneKey(found.serviceId !== null ? { serviceId: found.serviceId } : { unitId: found.unitId! });
  const waiting = await listTickets(db, { date: today, lanes: [lane], statuses: ['menunggu'] });
  const ahead = Math.max(
    0,
    callOrder(waiting, settings.queue.priorityPolicy, settings.queue.priorityInterval).findIndex((t) => t.id === found.id),
  );
  const paces = (await finishedServiceTimes(db, today)).filter((f) => f.lane === lane).map((f) => secondsBetween(f.calledAt, f.finishedAt));
  // A loket lane is served by its active counters; a poli by its own room.
  const places = found.serviceId === null ? 1 : (await listCounters(db)).filter((c) => c.active && c.serviceIds.includes(found.serviceId!)).length;
  return { ticket, waitingAhead: ahead, estimatedWaitMinutes: estimateWaitMinutes(ahead, paces, settings.queue.defaultServiceMinutes, places) };
}
