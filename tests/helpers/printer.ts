import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';

/** A network thermal printer on a loopback port: it keeps every job's bytes, as port 9100 receives them. */
export interface SimulatedPrinter {
  port: number;
  address: string;
  /** Resolves with the next job's bytes once the sender closes its side. */
  nextJob(): Promise<Buffer>;
  jobs: Buffer[];
  close(): Promise<void>;
}

export async function simulatedPrinter(): Promise<SimulatedPrinter> {
  const jobs: Buffer[] = [];
  const waiting: ((job: Buffer) => void)[] = [];
  const server: Server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      jobs.push(job);
      waiting.shift()?.(job);
      // Like a printer: it closes once the sender has closed its side.
      socket.end();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    jobs,
    nextJob: () => new Promise<Buffer>((resolve) => waiting.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port where nothing listens: the connection is refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A printer that never answers, like one switched off on the LAN (its SYN goes unanswered): a
 * process listens with a backlog of 1 and never accepts (its event loop is blocked), and the
 * kernel's accept queue is filled, so further connection attempts hang until the sender gives up.
 */
export async function silentPrinter(): Promise<{ port: number; close(): void }> {
  const script = `
const net = require('node:net'); const fs = require('node:fs');
const server = net.createServer();
server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
  fs.writeSync(1, server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
  process.exit(0);
});`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('error', reject);
  });
  // Fill the accept queue (backlog + 1 on Linux) with connections that are never accepted.
  const { connect } = await import('node:net');
  const fillers = Array.from({ length: 3 }, () => connect({ host: '127.0.0.1', port }).on('error', () => undefined));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    port,
    close() {
      for (const f of fillers) f.destroy();
      child.kill('SIGKILL');
    },
  };
}
