import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf, QueueTicket } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient, useRemote, type Remote } from '../../api/react';
import { publishServedTicket } from '../../app/ticket';
import { placeInput, type QueuePlace } from './place';

export type QueueState = OutputOf<'queue.state'>;
export type TransferTarget = { toServiceId: number } | { toUnitId: number };

export interface CounterQueue {
  place: QueuePlace | null;
  state: Remote<QueueState>;
  /** The ticket called here and not finished yet (the newest call when there are several). */
  current: QueueTicket | null;
  /** Other tickets still called here and not finished (the clerk can turn to one of them). */
  others: QueueTicket[];
  /** Held and skipped tickets of this place's lanes, newest first: they can be called again. */
  parked: QueueTicket[];
  /** Makes another ticket called here the current one. */
  choose: (ticketId: number) => void;
  busy: boolean;
  /** What the last action did, in a sentence ("A012 dipanggil ke Loket 2."). */
  notice: string | null;
  error: ClientError | null;
  callNext: () => void;
  recall: (ticket?: QueueTicket) => void;
  skip: () => void;
  hold: () => void;
  finish: () => void;
  transfer: (target: TransferTarget, targetName: string) => void;
}

const newestCall = (a: QueueTicket, b: QueueTicket) => (b.lastCalledAt ?? '').localeCompare(a.lastCalledAt ?? '');

/**
 * The counter console's data and actions for one place: `queue.state` kept live by the queue
 * events, and the calls that change it. One action at a time (a key held down or pressed twice
 * never calls two patients). A loket publishes its current ticket for the Pendaftaran flow.
 */
export function useCounterQueue(place: QueuePlace | null): CounterQueue {
  const client = useClient();
  const state = useRemote('queue.state', place ? placeInput(place) : {}, {
    refreshOn: ['queue.changed', 'queue.called', 'visits.changed'],
    enabled: place !== null,
  });
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const reload = state.reload;

  const data = place ? state.data : undefined;
  const mine = (t: QueueTicket) =>
    place?.kind === 'loket' ? t.counterId === place.counter.id : place?.kind === 'unit' && t.unitId === place.unit.id;
  const here = data ? data.inProgress.filter(mine).sort(newestCall) : [];
  // The clerk may turn to another ticket still called here (a held patient recalled meanwhile).
  const [chosenId, setChosenId] = useState<number | null>(null);
  const current = here.find((t) => t.id === chosenId) ?? here[0] ?? null;
  const others = here.filter((t) => t !== current);
  const parked = data ? [...data.held, ...data.skipped].sort(newestCall) : [];

  // Only a loket hands its ticket to Pendaftaran (poli tickets belong to a visit already).
  const served = place?.kind === 'loket' && current && current.visit === null ? current : null;
  const placeLabel = place?.label ?? '';
  const servedId = served?.id ?? null;
  const servedCode = served?.code ?? '';
  const servedLane = served?.laneName ?? '';
  const loaded = place !== null && data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    publishServedTicket(servedId === null ? null : { id: servedId, code: servedCode, laneName: servedLane, placeLabel });
  }, [loaded, servedId, servedCode, servedLane, placeLabel]);

  const run = useCallback(
    (action: () => Promise<string | null>) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      action().then(
        (text) => {
          running.current = false;
          setBusy(false);
          setNotice(text);
          reload();
        },
        (e: unknown) => {
          running.current = false;
          setBusy(false);
          setNotice(null);
          setError(asClientError(e));
          reload();
        },
      );
    },
    [reload],
  );

  const callNext = () =>
    run(async () => {
      if (!place) return null;
      // The host finishes the ticket in progress here ("next" means that patient is done).
      const r = await client.call('queue.callNext', placeInput(place));
      if (!r.ticket) return r.message ?? 'Tidak ada antrean yang menunggu.';
      return `${r.ticket.code} dipanggil ke ${r.call?.placeLabel ?? place.label}.`;
    });

  const recall = (ticket?: QueueTicket) =>
    run(async () => {
      const t = ticket ?? current;
      if (!place || !t) return 'Belum ada tiket yang dipanggil di sini.';
      const r = await client.call('queue.recall', { ticketId: t.id, ...placeInput(place) });
      return `${r.ticket.code} dipanggil ulang ke ${r.call.placeLabel}.`;
    });

  /** Skip, hold, finish: one status change of the ticket called here. */
  const act = (verb: string, send: (ticketId: number) => Promise<unknown>) =>
    run(async () => {
      if (!current) return 'Belum ada tiket yang dipanggil di sini.';
      await send(current.id);
      return `${current.code} ${verb}.`;
    });
  const skip = () =>
    act('dilewati (tidak hadir); dapat dipanggil ulang dari daftar Ditahan/Dilewati', (ticketId) => client.call('queue.skip', { ticketId }));
  const hold = () => act('ditahan; panggil ulang bila pasien siap', (ticketId) => client.call('queue.hold', { ticketId }));
  const finish = () => act('selesai dilayani', (ticketId) => client.call('queue.finish', { ticketId }));

  const transfer = (target: TransferTarget, targetName: string) =>
    run(async () => {
      if (!current) return 'Belum ada tiket yang dipanggil di sini.';
      const r = await client.call('queue.transfer', { ticketId: current.id, ...target });
      return `${r.from.code} dialihkan ke ${targetName} dengan nomor ${r.ticket.code}.`;
    });

  return { place, state, current, others, parked, choose: setChosenId, busy, notice, error, callNext, recall, skip, hold, finish, transfer };
}

/** Minutes between an instant and now ("12 mnt", "1 j 5 mnt", "< 1 mnt"). */
export function minutesSince(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return '< 1 mnt';
  if (minutes < 60) return `${minutes} mnt`;
  return `${Math.floor(minutes / 60)} j ${minutes % 60} mnt`;
}
