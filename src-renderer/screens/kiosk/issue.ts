import type { OutputOf, PriorityClass } from '../../../src-main/contract';
import { ClientError, type LoketClient } from '../../api/client';

export type Issued = OutputOf<'queue.issueTicket'>;

/** What the kiosk shows while it works: taking the number, or waiting for the host to come back. */
export type IssuePhase = 'mengambil' | 'menyambung';

const RETRY_MS = 1000;
export const GIVE_UP_MS = 90_000;

export const HOST_AWAY_MESSAGE = 'Host Loket belum dapat dihubungi. Silakan langsung menuju loket pendaftaran.';
export const UNCERTAIN_MESSAGE =
  'Sambungan ke host terputus tepat saat nomor dibuat, sehingga nomor Anda belum pasti. Mohon tanyakan petugas loket; jangan mengambil nomor lagi.';

const isNetwork = (e: unknown) => e instanceof ClientError && e.code === 'NETWORK';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How many tickets the lane has issued today, asked again and again while the host cannot be
 * reached (a restart takes a few seconds): `onPhase('menyambung')` tells the patient meanwhile.
 */
async function issuedSoFar(client: LoketClient, serviceId: number, deadline: number, onPhase: (p: IssuePhase) => void): Promise<number> {
  for (;;) {
    try {
      const board = await client.call('queue.board', { limit: 1 });
      return board.services.find((s) => s.serviceId === serviceId)?.issued ?? 0;
    } catch (e) {
      if (!isNetwork(e)) throw e;
      if (Date.now() > deadline) throw new ClientError('NETWORK', HOST_AWAY_MESSAGE);
      onPhase('menyambung');
      await sleep(RETRY_MS);
    }
  }
}

/**
 * Takes one number, surviving a host restart without ever taking two. `queue.issueTicket` has
 * no request id, so a request that failed on the network may or may not have created a ticket:
 * the lane's issued count, read before and after, decides. Unchanged → nothing was created and
 * the kiosk tries again; changed → the outcome is unknown and the patient is sent to the
 * counter rather than handed a second number.
 */
export async function issueTicketSafely(
  client: LoketClient,
  input: { serviceId: number; priority: PriorityClass | null },
  onPhase: (p: IssuePhase) => void,
  giveUpMs = GIVE_UP_MS,
): Promise<Issued> {
  const deadline = Date.now() + giveUpMs;
  for (;;) {
    const before = await issuedSoFar(client, input.serviceId, deadline, onPhase);
    onPhase('mengambil');
    try {
      return await client.call('queue.issueTicket', { serviceId: input.serviceId, priority: input.priority });
    } catch (e) {
      if (!isNetwork(e)) throw e;
    }
    onPhase('menyambung');
    const after = await issuedSoFar(client, input.serviceId, deadline, onPhase);
    if (after !== before) throw new ClientError('CONFLICT', UNCERTAIN_MESSAGE);
  }
}
