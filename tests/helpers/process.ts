import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface RunningProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout match, or rejects when the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProcess(command: string, args: string[], cwd: string): RunningProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = out.match(pattern);
        if (m) return m;
        if (done) throw new Error(`proses berhenti sebelum "${pattern}" muncul.\nstdout: ${out}\nstderr: ${err}`);
        if (Date.now() > deadline) throw new Error(`"${pattern}" tidak muncul dalam ${timeoutMs} ms.\nstdout: ${out}\nstderr: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}
