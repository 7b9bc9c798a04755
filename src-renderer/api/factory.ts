import type { LoketBridge } from '../../src-main/contract';
import type { LoketClient } from './client';
import { HttpClient } from './http';
import { IpcClient } from './ipc';

declare global {
  interface Window {
    /** Present only inside the Electron shell (see src-main/contract/bridge.ts). */
    loket?: LoketBridge;
  }
}

let instance: LoketClient | null = null;

/** The page's one client: IPC inside Electron, HTTP (same origin) in a browser. */
export function getClient(): LoketClient {
  instance ??= window.loket ? new IpcClient(window.loket) : new HttpClient();
  return instance;
}
