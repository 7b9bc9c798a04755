import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpApp, listen, type RunningServer } from '../http/server';
import type { HostArgs } from './cli';
import { seedDemo, type DemoAccount } from './demo';
import type { Host } from './host';

/**
 * The built renderer sits beside the bundled main process (out/main[/chunks] → out/renderer);
 * the bundler decides how deep this module lands, so look a few levels up.
 */
export function rendererDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const candidate = join(dir, 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

export interface Serving {
  server: RunningServer;
  demoAccounts: DemoAccount[] | null;
}

/** Fills a new database with demo data when asked, then serves the API and the pages. */
export async function serveHost(host: Host, args: HostArgs): Promise<Serving> {
  const demoAccounts = args.demo ? await seedDemo(host.ctx) : null;
  const lan = host.ctx.workstation.get().lan;
  const app = createHttpApp(host.ctx, host.dispatcher, { rendererDir: rendererDir() });
  const server = await listen(app, args.host ?? lan.bindAddress, args.port ?? lan.port);
  return { server, demoAccounts };
}

export function describeServing(serving: Serving, dataDir: string): string[] {
  const lines = [
    `Loket berjalan di ${serving.server.url}  (data: ${dataDir})`,
    `  Layar antrean: ${serving.server.url}/display   Kios tiket: ${serving.server.url}/kiosk`,
  ];
  if (serving.demoAccounts?.length) {
    lines.push('  Akun demo (kata sandi hanya untuk percobaan):');
    for (const a of serving.demoAccounts) lines.push(`    ${a.role.padEnd(14)} ${a.username.padEnd(12)} ${a.password}`);
  }
  return lines;
}
