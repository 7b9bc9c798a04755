import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import {
  clipKeySchema,
  LoketError,
  contract,
  httpStatusOf,
  isMethodName,
  isPublicEvent,
  RESYNC_EVENT,
  type ErrorBody,
  type LetterVerification,
  type LoketEvent,
  type Reply,
} from '../contract';
import type { ServiceContext } from '../services/context';
import { pairDevice, type DeviceIdentity } from '../services/devices';
import type { Dispatcher } from '../services/dispatcher';
import { readClip } from '../services/voice';
import { buildOpenApi } from './openapi';
import { CROSS_ORIGIN, foreignOrigin, gateDevice, limitKeyOf, scopeAllows, setDeviceCookie, wrongScope } from './devices';
import { budgetOf, budgets, deviceOf, RateLimiter } from './rate-limit';
import { verifyPage, VERIFY_PAGE_CSP } from './verify-page';

export const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/** Content-Security-Policy for the renderer pages: no inline script, no remote code. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface HttpOptions {
  /** The built renderer (`out/renderer`); without it only the API is served. */
  rendererDir?: string;
  /** Budgets apply to other devices; the host PC itself is trusted unless this is set (tests). */
  limitLoopback?: boolean;
  /** Treat the host PC's own requests as coming from the LAN: device pairing and scopes apply (tests). */
  lanFromLoopback?: boolean;
}

const pages: Record<string, string> = { '/': 'index.html', '/display': 'display.html', '/kiosk': 'kiosk.html' };
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const bearer = (c: Context): string | null => {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
};

const TOO_MANY = 'Terlalu banyak permintaan dari perangkat ini dalam semenit terakhir; tunggu sebentar lalu coba lagi.';

function reply(c: Context, body: Reply<unknown>) {
  return c.json(body, body.ok ? 200 : (httpStatusOf[body.error.code] as 400));
}

const failure = (code: ErrorBody['code'], message: string): Reply<never> => ({ ok: false, error: { code, message } });
const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`);

export function createHttpApp(ctx: ServiceContext, dispatcher: Dispatcher, options: HttpOptions = {}): Hono {
  const app = new Hono();
  const openapi = JSON.stringify(buildOpenApi(ctx.host.version));

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  });

  app.onError((error, c) => {
    ctx.log.error(`http ${c.req.method} ${c.req.path.slice(0, 80)} gagal`, error);
    return reply(c, failure('INTERNAL', 'Terjadi kesalahan di server Loket. Kejadian ini sudah dicatat; silakan coba lagi.'));
  });

  // CORS stays closed: no Access-Control-* header is ever sent, a page of another origin is refused
  // (a cookie now authenticates, so this is the CSRF defence) and a preflight gets nothing to allow.
  const closedCors: MiddlewareHandler = async (c, next) => {
    if (foreignOrigin(c)) return reply(c, failure('FORBIDDEN', CROSS_ORIGIN));
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    return next();
  };
  app.use('/api/*', closedCors);

  // LAN devices: everything but the pages, their assets, /verify and pairing needs a paired device.
  const pairedDevice = new WeakMap<Request, DeviceIdentity>();
  const deviceGate: MiddlewareHandler = async (c, next) => {
    if (c.req.path === '/api/pair') return next();
    const gate = await gateDevice(ctx, c, options.lanFromLoopback ?? false);
    if (!gate.ok) return reply(c, { ok: false, error: gate.error });
    if (gate.device) {
      if (c.req.path.startsWith('/voice/') && gate.device.scope === 'kiosk') {
        return reply(c, { ok: false, error: wrongScope('kiosk', 'memutar suara antrean') });
      }
      pairedDevice.set(c.req.raw, gate.device);
    }
    return next();
  };
  app.use('/api/*', deviceGate);
  app.use('/voice/*', deviceGate);
  const deviceOfRequest = (c: Context) => pairedDevice.get(c.req.raw) ?? null;
  /** A display or a kiosk acts without a user even if a session token came along. */
  const tokenOf = (c: Context) => {
    const device = deviceOfRequest(c);
    return device && device.scope !== 'counter' ? null : bearer(c);
  };

  app.get('/api/health', async (c) => {
    const result = await dispatcher.invoke('system.health', {}, { token: null, client: 'http' });
    return result.ok ? c.json(result.value) : reply(c, result);
  });

  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json; charset=utf-8' }));

  app.get('/api/events', async (c) => {
    const device = deviceOfRequest(c);
    const actor = await dispatcher.authenticate(tokenOf(c));
    const visible = (e: LoketEvent) => actor !== null || isPublicEvent(e.name);
    const lastId = c.req.header('last-event-id');
    return streamSSE(c, async (stream) => {
      const queue: LoketEvent[] = [];
      let wake: (() => void) | null = null;
      let open = true;
      const unsubscribe = ctx.events.subscribe((e) => {
        // The device was revoked or renamed: end the stream; reconnecting passes the gate again.
        if (device && e.name === 'devices.changed' && (e as LoketEvent<'devices.changed'>).payload.deviceId === device.id) {
          open = false;
          wake?.();
          return;
        }
        if (!visible(e)) return;
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'hello', data: JSON.stringify({ bootId: ctx.host.bootId }), retry: 2000 });
        if (lastId) {
          const missed = ctx.events.since(lastId);
          if (missed === null) await stream.writeSSE({ event: RESYNC_EVENT, data: JSON.stringify({ bootId: ctx.host.bootId }) });
          else queue.unshift(...missed.filter(visible));
        }
        while (open) {
          while (queue.length > 0 && open) {
            const e = queue.shift()!;
            await stream.writeSSE({ id: e.id, event: e.name, data: JSON.stringify(e) });
          }
          if (!open) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            const timer = setTimeout(resolve, HEARTBEAT_MS);
            timer.unref?.();
          });
          wake = null;
          if (open && queue.length === 0) await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  const limiter = new RateLimiter(Date.now, options.limitLoopback ?? false);
  // 1 MiB per request unless the method declares more (a file upload): one limiter per size.
  const limiters = new Map<number, MiddlewareHandler>();
  const limiterFor = (maxSize: number): MiddlewareHandler => {
    let limiter = limiters.get(maxSize);
    if (!limiter) {
      limiter = bodyLimit({
        maxSize,
        onError: (c) => {
          // The rest of the body is never read, so this connection cannot carry another request.
          c.header('Connection', 'close');
          return reply(c, failure('PAYLOAD_TOO_LARGE', `Isi permintaan terlalu besar (maksimal ${sizeLabel(maxSize)}).`));
        },
      });
      limiters.set(maxSize, limiter);
    }
    return limiter;
  };

  // Pairing: the code shown on the host buys this browser a device token, kept only in an HttpOnly cookie.
  app.post('/api/pair', limiterFor(1024), async (c) => {
    if (!limiter.take(budgets.pair, deviceOf(c))) return reply(c, failure('RATE_LIMITED', TOO_MANY));
    let code: unknown;
    try {
      code = (JSON.parse(await c.req.text()) as { code?: unknown } | null)?.code;
    } catch {
      return reply(c, failure('VALIDATION', 'Isi permintaan bukan JSON yang sah.'));
    }
    try {
      const { token, ...paired } = await pairDevice(ctx, code);
      setDeviceCookie(c, token);
      return reply(c, { ok: true, value: paired });
    } catch (error) {
      if (error instanceof LoketError) return reply(c, { ok: false, error: error.toBody() });
      throw error;
    }
  });

  app.post(
    '/api/:method',
    (c, next) => {
      const name = c.req.param('method');
      return limiterFor((isMethodName(name) ? contract[name].maxBodyBytes : undefined) ?? MAX_BODY_BYTES)(c, next);
    },
    async (c) => {
      const name = c.req.param('method');
      const device = deviceOfRequest(c);
      if (device && !scopeAllows(device.scope, name))
        return reply(c, { ok: false, error: wrongScope(device.scope, `memanggil ${name.slice(0, 80)}`) });
      const budget = budgetOf(name);
      if (budget && !limiter.take(budget, limitKeyOf(c, device))) return reply(c, failure('RATE_LIMITED', TOO_MANY));
      const text = await c.req.text();
      let input: unknown = {};
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text);
        } catch {
          return reply(c, failure('VALIDATION', 'Isi permintaan bukan JSON yang sah.'));
        }
      }
      return reply(c, await dispatcher.invoke(name, input, { token: tokenOf(c), client: 'http' }));
    },
  );

  app.all('/api/*', (c) => reply(c, failure('NOT_FOUND', 'Alamat API tidak dikenal. Gunakan POST /api/<metode>.')));

  // Clips of the queue voice for pages in a browser (the display on a TV PC): the puskesmas's
  // recording, else the shipped file. Revalidated on every use, so a new recording is heard at once.
  app.get('/voice/:key', async (c) => {
    const key = c.req.param('key');
    const clip = clipKeySchema.safeParse(key).success ? await readClip(ctx, key) : null;
    if (!clip) return c.text('Klip suara tidak ditemukan', 404);
    const headers = { 'Cache-Control': 'no-cache', ETag: `"${clip.etag}"` };
    if (c.req.header('if-none-match') === headers.ETag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(clip.data), 200, { ...headers, 'Content-Type': clip.mime });
  });

  // A letter's QR code opens this on any phone on the LAN: the key facts, no login (issue #7).
  app.get('/verify/:code', async (c) => {
    if (!limiter.take(budgets.verify, deviceOf(c))) return reply(c, failure('RATE_LIMITED', TOO_MANY));
    const code = c.req.param('code').slice(0, 40);
    const result = await dispatcher.invoke('letters.verify', { code }, { token: null, client: 'http' });
    if (!result.ok) return reply(c, result);
    const v = result.value as LetterVerification;
    const status = v.result === 'tidak_dikenal' ? 404 : 200;
    return c.html(verifyPage(v, code), status, { 'Content-Security-Policy': VERIFY_PAGE_CSP, 'Cache-Control': 'no-store' });
  });

  if (options.rendererDir) {
    const root = normalize(options.rendererDir);
    app.get('*', async (c) => {
      const page = pages[c.req.path.replace(/\/$/, '') || '/'];
      const relative = page ?? c.req.path.slice(1);
      const file = normalize(join(root, relative));
      if (!file.startsWith(root + sep)) return c.text('Tidak ditemukan', 404);
      try {
        const body = await readFile(file);
        const type = contentTypes[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
        const headers: Record<string, string> = { 'Content-Type': type };
        if (page) {
          headers['Content-Security-Policy'] = CSP;
          headers['Cache-Control'] = 'no-cache';
        } else if (relative.startsWith('assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
        return c.body(body, 200, headers);
      } catch {
        return c.text('Tidak ditemukan', 404);
      }
    });
  }
  return app;
}

export interface RunningServer {
  url: string;
  port: number;
  server: ServerType;
  close(): Promise<void>;
}

/** Listens on `hostname:port` (port 0 = any free port, for tests). */
export function listen(app: Hono, hostname: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, (info: AddressInfo) => {
      const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        server,
        close: () =>
          new Promise<void>((done) => {
            // SSE streams stay open; cut them so close() finishes.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new Error(`Port ${port} di ${hostname} sudah dipakai program lain. Pilih port lain dengan --port.`) : error,
      ),
    );
  });
}
