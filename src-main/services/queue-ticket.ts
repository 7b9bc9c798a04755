import { LoketError, type PublicTicket, type SharedSettings } from '../contract';
import type { Executor } from '../db/repositories/executor';
import { getTicket } from '../db/repositories/queue';
import { localDate, tanggalPanjang } from '../domain/waktu';
import { publicTicket, waitPosition } from './queue';

export interface TicketPosition {
  ticket: PublicTicket;
  /** Tickets the queue will call before this one (0 once it has been called). */
  waitingAhead: number;
  /** Minutes until its call; null once it has been called. */
  estimatedWaitMinutes: number | null;
}

/**
 * A ticket of today as a printed karcis states it — code, lane, time taken, its place in line by
 * the rule queue.issueTicket uses — so a reprint says what the first print said, updated. Only
 * public fields leave: the visit and the patient behind a ticket never do.
 */
export async function ticketWaitingPosition(db: Executor, ticketId: number, settings: SharedSettings, now: Date): Promise<TicketPosition> {
  const found = await getTicket(db, ticketId);
  if (!found) throw new LoketError('NOT_FOUND', 'Tiket antrean tidak ditemukan.', [{ path: 'ticketId', message: 'Tidak ditemukan' }]);
  if (found.date !== localDate(now, settings.timeZone)) {
    throw new LoketError(
      'CONFLICT',
      `Tiket ${found.code} adalah antrean tanggal ${tanggalPanjang(found.date)}: nomor antrean sudah berganti hari, karcisnya tidak dicetak lagi.`,
    );
  }
  const position = await waitPosition(db, found, settings);
  return {
    ticket: publicTicket(found),
    waitingAhead: position.waitingAhead,
    estimatedWaitMinutes: found.status === 'menunggu' ? position.estimatedWaitMinutes : null,
  };
}
