import { useSyncExternalStore } from 'react';
import { Cell } from '../api/client';

/**
 * The queue ticket this loket is serving right now, handed from the counter console to the
 * Pendaftaran flow: the visit registered next is linked to it (`visits.register` with
 * `queueTicketId`), and the host finishes the ticket in the same transaction.
 *
 * The console (Antrean screen, and its bar on Pendaftaran) publishes the ticket the host says
 * is called at this loket; Pendaftaran only reads it. A clerk who registers someone else (a
 * walk-in without a ticket) unlinks it for that one ticket.
 */
export interface ServedTicket {
  id: number;
  code: string;
  laneName: string;
  /** "Loket 2". */
  placeLabel: string;
}

const served = new Cell<ServedTicket | null>(null);
/** Ticket ids the clerk chose not to link (kept for the page's life; ids are never reused). */
const unlinked = new Set<number>();
const linkable = new Cell<ServedTicket | null>(null);

function refresh(): void {
  const t = served.get();
  linkable.set(t && !unlinked.has(t.id) ? t : null);
}

/** Called by the console whenever the host's state says which ticket is called here. */
export function publishServedTicket(ticket: ServedTicket | null): void {
  const now = served.get();
  // Same ticket, same object: listeners are not woken for nothing.
  if (ticket && now && ticket.id === now.id && ticket.code === now.code && ticket.placeLabel === now.placeLabel) return;
  served.set(ticket);
  refresh();
}

/** The next registration is not for this ticket's patient. */
export function unlinkServedTicket(): void {
  const t = served.get();
  if (t) unlinked.add(t.id);
  refresh();
}

/** Link it again (the clerk changed their mind). */
export function relinkServedTicket(): void {
  const t = served.get();
  if (t) unlinked.delete(t.id);
  refresh();
}

/** The ticket the next visit registration links to, or null. */
export function useServedTicket(): ServedTicket | null {
  return useSyncExternalStore(linkable.subscribe, linkable.get);
}

/** The `visits.register` field for the served ticket (nothing when there is none). */
export function queueTicketField(ticket: ServedTicket | null): { queueTicketId?: number } {
  return ticket ? { queueTicketId: ticket.id } : {};
}
