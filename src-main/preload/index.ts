/**
 * Sandboxed preload (built as CommonJS): exposes exactly `invoke`, `on` and `print`, nothing of Node or
 * Electron, so a compromised page can only call what the contract allows its session.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_PRINT_CHANNEL, type LoketBridge } from '../contract/bridge';
import type { Reply } from '../contract/errors';
import type { LoketEvent } from '../contract/events';

const bridge: LoketBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, String(method), input) as Promise<Reply<unknown>>,
  on(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: LoketEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
  print: (request) => ipcRenderer.invoke(IPC_PRINT_CHANNEL, request) as ReturnType<LoketBridge['print']>,
};

contextBridge.exposeInMainWorld('loket', bridge);
