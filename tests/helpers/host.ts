import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type Host, type HostOptions } from '../../src-main/app/host';
import { createHttpApp, listen, type RunningServer } from '../../src-main/http/server';
import type { Reply } from '../../src-main/contract';

export function tempDir(prefix = 'loket-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real host on a real SQLite file in a fresh folder (regions skipped unless asked). */
export async function testHost(options: Partial<HostOptions> = {}): Promise<Host & { cleanup(): Promise<void> }> {
  const dataDir = options.dataDir ?? tempDir();
  const host = await startHost({ mode: 'serve', loadRegions: false, ...options, dataDir });
  return Object.assign(host, {
    async cleanup() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export interface HttpHost {
  host: Host;
  server: RunningServer;
  url: string;
  /** POST /api/<method> with an optional bearer token; returns status and parsed reply. */
  call<T = unknown>(method: string, input?: unknown, token?: string | null): Promise<{ status: number; body: Reply<T> }>;
  cleanup(): Promise<void>;
}

/** A host behind a real HTTP server on a loopback port. */
export async function httpHost(options: Partial<HostOptions> & { rendererDir?: string } = {}): Promise<HttpHost> {
  const host = await testHost(options);
  const server = await listen(createHttpApp(host.ctx, host.dispatcher, { rendererDir: options.rendererDir }), '127.0.0.1', 0);
  return {
    host,
    server,
    url: server.url,
    async call(method, input = {}, token = null) {
      const response = await fetch(`${server.url}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async cleanup() {
      await server.close();
      await host.cleanup();
    },
  };
}

/** Creates the first administrator and returns a session token. */
export async function adminToken(h: HttpHost, password = 'rahasia-admin-1'): Promise<string> {
  const { body } = await h.call<{ token: string }>('auth.setupAdmin', { username: 'admin', fullName: 'Admin Puskesmas', password });
  if (!body.ok) throw new Error(`setupAdmin gagal: ${body.error.message}`);
  return body.value.token;
}
