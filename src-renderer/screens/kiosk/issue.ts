import type { OutputOf, PriorityClass } from '../../../src-main/contract';
import { ClientError, type LoketClient } from '../../api/client';

export type Issued = OutputOf<'queue.issueTicket'>;

/** What the kiosk shows while it works: taking the number, or waiting for the host to come back. */
export type IssuePhase = 'mengambil' | 'menyambung';

const RETRY_MS = 1000;
export const GIVE_UP_MS = 90_000;

export const HOST_AWAY_MESSAGE = 'Host Loket belum dapat dihubungi. Silakan langsung menuju loket pendaftaran.';

const isNetwork = (e: unknown) => e instanceof ClientError && e.code === 'NETWORK';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One id per tap: 128 random bits, so two kiosks never share one. (`crypto.randomUUID` exists
 * only on https or localhost; a kiosk on the LAN opens http://host:port.)
 */
export function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Takes one number, surviving a host restart without ever taking two: every attempt of one tap
 * carries the same request id, and the host answers a repeated id with the ticket it already
 * made. While the host cannot be reached (a restart takes a few seconds) the kiosk keeps trying
 * and `onPhase('menyambung')` tells the patient; after `giveUpMs` it sends them to the counter.
 */
export async function issueTicketSafely(
  client: LoketClient,
  input: { serviceId: number; priority: PriorityClass | null },
  onPhase: (p: IssuePhase) => void,
  giveUpMs = GIVE_UP_MS,
  requestId = newRequestId(),
): Promise<Issued> {
  const deadline = Date.now() + giveUpMs;
  onPhase('mengambil');
  for (;;) {
    try {
      return await client.call('queue.issueTicket', { serviceId: input.serviceId, priority: input.priority, requestId });
    } catch (e) {
      if (!isNetwork(e)) throw e;
      if (Date.now() > deadline) throw new ClientError('NETWORK', HOST_AWAY_MESSAGE);
      onPhase('menyambung');
      await sleep(RETRY_MS);
    }
  }
}
