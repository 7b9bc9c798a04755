import { useEffect, useRef, useState } from 'react';
import type { LoketEvent, OutputOf, QueueCall } from '../../../src-main/contract';
import { useLoketEvent, useRemote, type Remote } from '../../api/react';

export type Board = OutputOf<'queue.board'>;

/** Calls kept from the event stream between two board loads. */
const LIVE_KEEP = 30;

const callKey = (c: QueueCall) => `${c.ticketId}@${c.at}`;

export interface LiveBoard {
  board: Remote<Board>;
  /** Newest first: the board's call log with the calls that arrived since, each once. */
  calls: QueueCall[];
  /** The key of the call that arrived last over the event stream (it flashes); null after a reload. */
  fresh: string | null;
}

/**
 * The waiting-room board: `queue.board` loaded on start, on every queue change and after each
 * reconnection or host restart (the client's resync reloads every `useRemote`), plus each
 * `queue.called` event applied the moment it arrives, before the board reload answers, so the
 * number is on screen within the event's own latency. `onCall` runs once per live call (the
 * voice); calls seen only through a board reload are never announced again.
 */
export function useLiveBoard(limit: number, onCall: (call: QueueCall) => void): LiveBoard {
  const board = useRemote('queue.board', { limit }, { refreshOn: ['queue.changed'] });
  const [live, setLive] = useState<QueueCall[]>([]);
  const [fresh, setFresh] = useState<string | null>(null);
  const latest = useRef(onCall);
  useEffect(() => {
    latest.current = onCall;
  });

  useLoketEvent(['queue.called'], (e: LoketEvent) => {
    const call = (e as LoketEvent<'queue.called'>).payload;
    setLive((l) => [call, ...l.filter((c) => callKey(c) !== callKey(call))].slice(0, LIVE_KEEP));
    setFresh(callKey(call));
    latest.current(call);
  });

  // A new day: yesterday's calls leave the screen with the board's.
  const date = board.data?.date;
  const shownDate = useRef(date);
  useEffect(() => {
    if (date && shownDate.current && date !== shownDate.current) setLive([]);
    shownDate.current = date;
  }, [date]);

  const merged = new Map<string, QueueCall>();
  for (const c of [...live, ...(board.data?.calls ?? [])]) merged.set(callKey(c), c);
  const calls = [...merged.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  return { board, calls, fresh: fresh !== null && calls[0] && callKey(calls[0]) === fresh ? fresh : null };
}

export { callKey };
