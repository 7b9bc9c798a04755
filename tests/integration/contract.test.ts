import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, methodNames, type Reply } from '../../src-main/contract';
import { registerIpcTransport, type IpcInvokeEvent, type IpcMainLike, type IpcSender } from '../../src-main/ipc/transport';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** Electron's ipcMain reduced to what the transport uses: a stand-in for the Electron API, not for our code. */
class IpcMainStandIn implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

function windowStandIn(id: number) {
  const sent: unknown[][] = [];
  const sender: IpcSender = { id, send: (...args) => void sent.push(args), isDestroyed: () => false, once: () => undefined };
  return { sender, sent };
}

describe('contract', () => {
  let h: HttpHost;
  let token: string;
  beforeAll(async () => {
    h = await httpHost();
    token = await adminToken(h);
  });
  afterAll(async () => h.cleanup());

  it('every method is reachable over HTTP and its input schema refuses unknown fields and wrong types', async () => {
    for (const method of methodNames) {
      const unknownField = await h.call(method, { bidangAsing: 1 }, token);
      expect(unknownField.status, `${method} dengan kolom asing`).toBe(400);
      expect(unknownField.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const wrongType = await h.call(method, ['bukan', 'objek'], token);
      expect(wrongType.status, `${method} dengan tipe salah`).toBe(400);
      if (!wrongType.body.ok) expect(wrongType.body.error.message).toMatch(/Isian tidak valid/);
    }
  });

  it('every method has a handler and an IPC route, and the IPC route checks the sender frame', async () => {
    for (const method of methodNames) expect(typeof h.host.dispatcher.handlers[method], method).toBe('function');
    const ipcMain = new IpcMainStandIn();
    const stop = registerIpcTransport(ipcMain, h.host.dispatcher, h.host.ctx.events, { isTrustedFrame: (url) => url.startsWith('file:///loket/') });
    const invoke = ipcMain.handlers.get(IPC_INVOKE_CHANNEL)!;
    const { sender, sent } = windowStandIn(1);
    const trusted = { sender, senderFrame: { url: 'file:///loket/index.html' } };

    const foreign = (await invoke({ sender, senderFrame: { url: 'https://jahat.example/' } }, 'system.health', {})) as Reply<unknown>;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    for (const method of methodNames) {
      const reply = (await invoke(trusted, method, { bidangAsing: 1 })) as Reply<unknown>;
      // Reaching the contract: refused for the input or the missing session, never "unknown method".
      expect(reply.ok, method).toBe(false);
      if (!reply.ok) expect(['VALIDATION', 'UNAUTHENTICATED'], method).toContain(reply.error.code);
    }
    expect(await invoke(trusted, 'tidak.ada', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The session stays in main: the renderer gets no token, yet its later calls are authenticated.
    const login = (await invoke(trusted, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' })) as Reply<{ token: string }>;
    expect(login).toMatchObject({ ok: true, value: { token: '' } });
    expect(await invoke(trusted, 'auth.me', {})).toMatchObject({ ok: true, value: { username: 'admin' } });
    const other = windowStandIn(2);
    expect(await invoke({ sender: other.sender, senderFrame: { url: 'file:///loket/index.html' } }, 'auth.me', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });

    // Events reach the window that called.
    await invoke(trusted, 'settings.update', { runningText: 'Uji peristiwa' });
    expect(sent.some(([channel, e]) => channel === IPC_EVENT_CHANNEL && (e as { name: string }).name === 'settings.changed')).toBe(true);
    await invoke(trusted, 'auth.logout', {});
    expect(await invoke(trusted, 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('the OpenAPI document lists every method with its input and output', async () => {
    const doc = (await fetch(`${h.url}/api/openapi.json`).then((r) => r.json())) as {
      openapi: string;
      paths: Record<string, { post?: { requestBody: unknown; responses: Record<string, unknown>; summary: string } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const method of methodNames) {
      const op = doc.paths[`/api/${method}`]?.post;
      expect(op, method).toBeDefined();
      expect(op!.summary).toBe(contract[method].summary);
      expect(JSON.stringify(op!.requestBody)).toContain('"type":"object"');
      expect(op!.responses['200']).toBeDefined();
    }
    expect(doc.paths['/api/health']).toBeDefined();
    expect(doc.paths['/api/events']).toBeDefined();
  });
});
