import type { LoketEvent } from './events';
import type { Reply } from './errors';
import type { PrintOutcome, PrintRequest } from './methods/documents';

/**
 * The only API the sandboxed preload exposes to the renderer (`window.loket`), as in VS Code:
 * one invoke for every contract method and one subscription for events; and, because printing
 * to the PC's own printers is the shell's job, one print call.
 */
export interface LoketBridge {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>;
  on(listener: (event: LoketEvent) => void): () => void;
  /** Prints a document on this PC: silently to the configured printer, else with the system dialog. */
  print(request: PrintRequest): Promise<Reply<PrintOutcome>>;
}

export const IPC_INVOKE_CHANNEL = 'loket:invoke';
export const IPC_EVENT_CHANNEL = 'loket:event';
export const IPC_PRINT_CHANNEL = 'loket:print';
