import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { EventName, InputOf, LoketEvent, MethodName, OutputOf } from '../../src-main/contract';
import { ClientError, type ConnectionState, type LoketClient } from './client';

interface ClientContextValue {
  client: LoketClient;
  /** Bumped when every screen must reload (resync, reconnection, Alt+R). */
  generation: number;
  reloadAll: () => void;
}

const ClientContext = createContext<ClientContextValue | null>(null);

export function ClientProvider({ client, children }: { client: LoketClient; children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const reloadAll = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => client.onResync(reloadAll), [client, reloadAll]);
  return <ClientContext.Provider value={{ client, generation, reloadAll }}>{children}</ClientContext.Provider>;
}

function useClientContext(): ClientContextValue {
  const value = useContext(ClientContext);
  if (!value) throw new Error('ClientProvider tidak ada di atas komponen ini.');
  return value;
}

export function useClient(): LoketClient {
  return useClientContext().client;
}

export function useReloadAll(): () => void {
  return useClientContext().reloadAll;
}

export function useConnection(): ConnectionState {
  const { client } = useClientContext();
  return useSyncExternalStore(client.connection.subscribe, client.connection.get);
}

/** Calls `handler` for each event whose name is in `names` (the handler may change freely). */
export function useLoketEvent(names: readonly EventName[], handler: (event: LoketEvent) => void): void {
  const { client } = useClientContext();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = names.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return client.subscribe((e) => {
      if (wanted.has(e.name)) latest.current(e);
    });
  }, [client, key]);
}

export interface Remote<T> {
  data: T | undefined;
  error: ClientError | null;
  loading: boolean;
  reload: () => void;
}

export function asClientError(error: unknown): ClientError {
  if (error instanceof ClientError) return error;
  return new ClientError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/**
 * Data from one method, kept fresh: loads when the input changes, on the listed events, and on
 * a global reload. Responses to older requests are ignored; the old data stays on screen while
 * a new request runs.
 */
export function useRemote<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: { refreshOn?: readonly EventName[]; enabled?: boolean } = {},
): Remote<OutputOf<M>> {
  const { client, generation } = useClientContext();
  const enabled = options.enabled ?? true;
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const inputKey = JSON.stringify(input);
  // Identifies one request: a new input, a global reload or a local reload asks again.
  const requestKey = `${method}|${inputKey}|${generation}|${tick}`;
  const [state, setState] = useState<{ data: OutputOf<M> | undefined; error: ClientError | null; key: string | null }>({
    data: undefined,
    error: null,
    key: null,
  });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    client.call(method, JSON.parse(inputKey) as InputOf<M>).then(
      (data) => {
        if (current) setState({ data, error: null, key: requestKey });
      },
      (error: unknown) => {
        // A failed reload keeps the last good data on screen, with the error beside it.
        if (current) setState((s) => ({ data: s.data, error: asClientError(error), key: requestKey }));
      },
    );
    return () => {
      current = false;
    };
  }, [client, method, inputKey, enabled, requestKey]);

  useLoketEvent(options.refreshOn ?? [], reload);
  return { data: state.data, error: state.error, loading: enabled && state.key !== requestKey, reload };
}
