/** Starting server processes and timing them to their first HTTP answer. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';

/** The line a Loket host prints once it listens (src-main/app/serving.ts); the baseline prints the same. */
export const LISTENING_LINE = /Loket berjalan di (http:\/\/[^\s]+)/;

export interface StartedServer {
  url: string;
  /** Spawn → the listening line on stdout. */
  listeningMs: number;
  /** Spawn → the first 200 answer of `GET <url><path>`. */
  readyMs: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** GET over a fresh connection (no keep-alive), resolving with the status once the body is read. */
export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Spawns `node <args>`, waits for {@link LISTENING_LINE}, then polls `path` until it answers 200.
 * The clock starts just before the spawn.
 */
export async function startServer(args: string[], options: { path?: string; timeoutMs?: number; cwd?: string } = {}): Promise<StartedServer> {
  const path = options.path ?? '/api/health';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line within ${timeoutMs} ms`)), timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        const m = LISTENING_LINE.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before listening`));
      });
    });
    const listeningMs = performance.now() - started;
    for (;;) {
      const answer = await httpGet(`${url}${path}`).catch(() => null);
      if (answer?.status === 200) break;
      if (performance.now() - started > timeoutMs) throw new Error(`${path} did not answer 200 within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return { url, listeningMs, readyMs: performance.now() - started, child, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nstdout: ${stdout}\nstderr: ${stderr}`, { cause: error });
  }
}

/** The baseline: a bare `node` process with a minimal node:http server printing the same line. */
export const BASELINE_SERVER = [
  '-e',
  [
    "const http = require('node:http');",
    "const server = http.createServer((req, res) => { res.setHeader('Content-Type', 'application/json'); res.end('{\"status\":\"ok\"}'); });",
    "server.listen(0, '127.0.0.1', () => console.log('Loket berjalan di http://127.0.0.1:' + server.address().port));",
    "process.on('SIGTERM', () => server.close(() => process.exit(0)));",
  ].join('\n'),
];
