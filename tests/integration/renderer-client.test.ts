/**
 * The renderer's HTTP client (the code the browser runs) against a real host: typed calls,
 * errors with field messages, the session token, events over fetch-streamed SSE, the
 * connection state and the resync after the host was unreachable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoketBridge, LoketEvent, Reply } from '../../src-main/contract';
import { createHttpApp, listen, type RunningServer } from '../../src-main/http/server';
import { registerIpcTransport, type IpcInvokeEvent } from '../../src-main/ipc/transport';
import { ClientError } from '../../src-renderer/api/client';
import { HttpClient } from '../../src-renderer/api/http';
import { IpcClient } from '../../src-renderer/api/ipc';
import { httpHost, testHost, type HttpHost } from '../helpers/host';

class MemoryStorage {
  private map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('waktu habis menunggu kondisi');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('renderer HttpClient against a real host', () => {
  let h: HttpHost;
  let client: HttpClient;
  let storage: MemoryStorage;
  let replacement: RunningServer | null = null;

  beforeAll(async () => {
    h = await httpHost();
    storage = new MemoryStorage();
    client = new HttpClient({ baseUrl: h.url, storage });
  });
  afterAll(async () => {
    client.close();
    await replacement?.close();
    await h.cleanup();
  });

  it('connects, calls typed methods and keeps the token of a login', async () => {
    await until(() => client.connection.get() === 'tersambung');
    expect(client.mayHaveSession()).toBe(false);
    expect(await client.call('auth.status', {})).toEqual({ needsSetup: true });
    const { user } = await client.call('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: 'rahasia-admin-1' });
    expect(user.role).toBe('administrator');
    expect(client.mayHaveSession()).toBe(true);
    expect(storage.getItem('loket.token')).toMatch(/.{20,}/);
    expect((await client.call('auth.me', {})).username).toBe('admin');
    const units = await client.call('units.list', {});
    expect(units.length).toBeGreaterThan(5);
  });

  it('refuses bad input before it leaves, with the contract’s field messages', async () => {
    const error = await client.call('units.save', { code: 'bad code!', name: '', cluster: 'klaster3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    const e = error as ClientError;
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldMessage('code')).toBe('Kode 1–12 karakter: huruf, angka atau minus');
    expect(e.fieldMessage('name')).toBe('Wajib diisi');
  });

  it('passes the host’s refusals through with their code', async () => {
    const error = (await client.call('patients.get', { id: 999 }).catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('tidak ditemukan');
  });

  it('receives events over SSE, including private ones after login', async () => {
    const seen: LoketEvent[] = [];
    const off = client.subscribe((e) => seen.push(e));
    await client.call('units.save', { code: 'AKUP', name: 'Poli Akupresur', cluster: 'klaster3' });
    await client.call('users.create', { username: 'petugas1', fullName: 'Petugas Satu', role: 'pendaftaran', password: 'rahasia-petugas-1' });
    await until(() => seen.some((e) => e.name === 'users.changed'));
    expect(seen.map((e) => e.name)).toEqual(['reference.changed', 'users.changed']);
    off();
  });

  it('goes terputus when the host is unreachable and resyncs after it is back', async () => {
    let resyncs = 0;
    const off = client.onResync(() => resyncs++);
    const port = h.server.port;
    await h.server.close();
    await until(() => client.connection.get() === 'terputus');
    const failed = (await client.call('units.list', {}).catch((e: unknown) => e)) as ClientError;
    expect(failed.code).toBe('NETWORK');
    replacement = await listen(createHttpApp(h.host.ctx, h.host.dispatcher), '127.0.0.1', port);
    await until(() => client.connection.get() === 'tersambung', 15_000);
    expect(resyncs).toBe(1);
    expect((await client.call('auth.me', {})).username).toBe('admin');
    off();
  });

  it('forgets the token on logout and reports a session that ended', async () => {
    await client.call('auth.logout', {});
    expect(client.mayHaveSession()).toBe(false);
    let ended = 0;
    const off = client.onSessionEnded(() => ended++);
    const error = (await client.call('auth.me', {}).catch((e: unknown) => e)) as ClientError;
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(ended).toBe(1);
    // A wrong password is not a session that ended.
    await client.call('auth.login', { username: 'admin', password: 'salah-sekali' }).catch(() => undefined);
    expect(ended).toBe(1);
    off();
  });
});

describe('renderer IpcClient against the real IPC transport', () => {
  it('calls through the bridge without ever holding a token, and receives events', async () => {
    const host = await testHost();
    let handler: ((event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>) | null = null;
    const listeners = new Set<(e: LoketEvent) => void>();
    const sender = {
      id: 1,
      send: (_channel: string, e: unknown) => listeners.forEach((l) => l(e as LoketEvent)),
      isDestroyed: () => false,
      once: () => undefined,
    };
    const stop = registerIpcTransport({ handle: (_c, fn) => void (handler = fn), removeHandler: () => undefined }, host.dispatcher, host.ctx.events, {
      isTrustedFrame: () => true,
    });
    const bridge: LoketBridge = {
      invoke: (method, input) =>
        handler!({ sender, senderFrame: { url: 'file:///out/renderer/index.html' } }, method, input) as Promise<Reply<unknown>>,
      on: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      // Printing has its own channel and test (print-channel.test.ts).
      print: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Tidak dipakai di uji ini.' } }),
    };
    const client = new IpcClient(bridge);
    try {
      expect(client.connection.get()).toBe('tersambung');
      const setup = await client.call('auth.setupAdmin', { username: 'admin', fullName: 'Admin', password: 'rahasia-admin-1' });
      expect(setup.token).toBe('');
      expect((await client.call('auth.me', {})).username).toBe('admin');
      const seen: string[] = [];
      client.subscribe((e) => seen.push(e.name));
      await client.call('settings.update', { runningText: 'Uji IPC' });
      expect(seen).toEqual(['settings.changed']);
      await client.call('auth.logout', {});
      const error = (await client.call('auth.me', {}).catch((e: unknown) => e)) as ClientError;
      expect(error.code).toBe('UNAUTHENTICATED');
    } finally {
      client.close();
      stop();
      await host.cleanup();
    }
  });
});
