import {
  LoketError,
  ticketStatusLabels,
  type DurationStats,
  type PriorityClass,
  type PriorityPolicy,
  type QueueEventKind,
  type TicketStatus,
} from '../contract';
import type { CallPlace } from './pengumuman';
import { localClock } from './waktu';

/** Kept here too: callers that compare closing times import it with the queue rules. */
export { localClock };

/**
 * Antrean (queue) rules without a database: ticket codes, the ticket's state machine, the
 * priority policy's calling order, the wait estimate and the statistics of durations.
 */

/** `A` + 12 at width 3 → `A012`; a number wider than the width is written whole. */
export function ticketCode(letters: string, number: number, width: number): string {
  return `${letters}${String(number).padStart(width, '0')}`;
}

/**
 * Ticket letters of a poli queue: the puskesmas's choice for the unit code, else the first
 * three letters of the code (`FISIO` → `FIS`), `P` (poli) for a code without letters.
 */
export function unitTicketLetters(unitCode: string, chosen: Readonly<Record<string, string>>): string {
  const own = chosen[unitCode.toUpperCase()];
  if (own) return own;
  const letters = unitCode
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 3);
  return letters || 'P';
}

/** Lane key stored with each ticket: one number sequence per lane per local day. */
export function laneKey(lane: { serviceId: number } | { unitId: number }): string {
  return 'serviceId' in lane ? `S${lane.serviceId}` : `U${lane.unitId}`;
}

/** "Loket 1" or the unit's name: the same place the voice names. */
export function placeLabel(place: CallPlace): string {
  return place.kind === 'loket' ? `Loket ${place.number}` : place.name;
}

export type QueueAction = 'call' | 'recall' | 'skip' | 'hold' | 'finish' | 'transfer';

/** Which statuses each action starts from, and where it leads. */
const transitions: Record<QueueAction, { from: readonly TicketStatus[]; to: TicketStatus; event: QueueEventKind; verb: string }> = {
  call: { from: ['menunggu'], to: 'dipanggil', event: 'called', verb: 'dipanggil' },
  recall: { from: ['dipanggil', 'dilewati', 'ditahan'], to: 'dipanggil', event: 'recalled', verb: 'dipanggil ulang' },
  skip: { from: ['dipanggil'], to: 'dilewati', event: 'skipped', verb: 'dilewati' },
  hold: { from: ['dipanggil'], to: 'ditahan', event: 'held', verb: 'ditahan' },
  finish: { from: ['dipanggil'], to: 'selesai', event: 'finished', verb: 'diselesaikan' },
  transfer: { from: ['menunggu', 'dipanggil', 'dilewati', 'ditahan'], to: 'dialihkan', event: 'transferred', verb: 'dialihkan' },
};

export function canTransition(action: QueueAction, status: TicketStatus): boolean {
  return transitions[action].from.includes(status);
}

/** The statuses an action may start from (for the guarded UPDATE that applies it). */
export function statusesFor(action: QueueAction): readonly TicketStatus[] {
  return transitions[action].from;
}

/** The status after the action and the event it logs; a refusal says why in plain words. */
export function transition(action: QueueAction, status: TicketStatus, code: string): { status: TicketStatus; event: QueueEventKind } {
  const t = transitions[action];
  if (t.from.includes(status)) return { status: t.to, event: t.event };
  if (status === 'selesai') throw new LoketError('CONFLICT', `Tiket ${code} sudah selesai dilayani; tidak bisa ${t.verb} lagi.`);
  if (status === 'dialihkan') throw new LoketError('CONFLICT', `Tiket ${code} sudah dialihkan ke antrean lain; tidak bisa ${t.verb}.`);
  if (status === 'menunggu') throw new LoketError('CONFLICT', `Tiket ${code} belum dipanggil; tidak bisa ${t.verb}.`);
  throw new LoketError('CONFLICT', `Tiket ${code} berstatus ${ticketStatusLabels[status].toLowerCase()}; tidak bisa ${t.verb}. Panggil ulang dulu.`);
}

export interface Waiting {
  id: number;
  priority: PriorityClass | null;
  issuedAt: string;
}

const byArrival = (a: Waiting, b: Waiting) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : a.id - b.id);

/**
 * The order in which waiting tickets will be called at one place. `recentCalls` are the
 * place's latest calls today, newest first (true = a priority ticket); only `selang` uses them.
 *
 * - `dahulukan`: every waiting priority ticket before every regular one, each in arrival order.
 * - `selang` (interval N): when both kinds wait, one priority call then N−1 regular calls.
 * - `urut`: arrival order.
 */
export function callOrder<T extends Waiting>(
  waiting: readonly T[],
  policy: PriorityPolicy,
  interval: number,
  recentCalls: readonly boolean[] = [],
): T[] {
  const sorted = [...waiting].sort(byArrival);
  if (policy === 'urut') return sorted;
  const priority = sorted.filter((t) => t.priority !== null);
  const regular = sorted.filter((t) => t.priority === null);
  if (policy === 'dahulukan') return [...priority, ...regular];
  const lastPriority = recentCalls.indexOf(true);
  // Regular calls since the last priority call; no priority call yet counts as "due".
  let regularSince = lastPriority === -1 ? Number.POSITIVE_INFINITY : lastPriority;
  const order: T[] = [];
  let p = 0;
  let r = 0;
  while (p < priority.length || r < regular.length) {
    const takePriority = r >= regular.length || (p < priority.length && regularSince >= interval - 1);
    if (takePriority) {
      order.push(priority[p++]!);
      regularSince = 0;
    } else {
      order.push(regular[r++]!);
      regularSince++;
    }
  }
  return order;
}

/** Tickets needed to judge today's pace; fewer and the configured default is used. */
export const MIN_SERVICE_SAMPLES = 3;

/**
 * Minutes until a ticket with `ahead` tickets before it is called: the median service time of
 * today (once there are enough finished tickets) or the default, times the people ahead,
 * shared by the places serving the lane.
 */
export function estimateWaitMinutes(ahead: number, serviceSecondsToday: readonly number[], defaultMinutes: number, places: number): number {
  if (ahead <= 0) return 0;
  const perPatient = serviceSecondsToday.length >= MIN_SERVICE_SAMPLES ? median(serviceSecondsToday)! / 60 : defaultMinutes;
  return Math.ceil((ahead * perPatient) / Math.max(1, places));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100): the value at or below which p% of the samples lie. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Count, median and 90th percentile in whole seconds. */
export function durationStats(seconds: readonly number[]): DurationStats {
  const m = median(seconds);
  const p90 = percentile(seconds, 90);
  return { count: seconds.length, median: m === null ? null : Math.round(m), p90: p90 === null ? null : Math.round(p90) };
}

/** Whole seconds between two ISO instants (never negative: a clock step back counts as 0). */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/** Why a unit cannot take patients now (inactive, or past its closing time), or null when it can. */
export function unitClosedReason(
  unit: { name: string; active: boolean; closingTime: string | null },
  instant: Date,
  timeZone: string,
): string | null {
  if (!unit.active) return `${unit.name} sedang tidak aktif.`;
  if (unit.closingTime && localClock(instant, timeZone) >= unit.closingTime)
    return `${unit.name} sudah tutup (layanan sampai pukul ${unit.closingTime}).`;
  return null;
}
