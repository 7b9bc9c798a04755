import type { LoketEvent } from './events';
import type { Reply } from './errors';

/**
 * The only API the sandboxed preload exposes to the renderer (`window.loket`), as in VS Code:
 * one invoke for every contract method and one subscription for events.
 */
export interface LoketBridge {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>;
  on(listener: (event: LoketEvent) => void): () => void;
}

export const IPC_INVOKE_CHANNEL = 'loket:invoke';
export const IPC_EVENT_CHANNEL = 'loket:event';
