/**
 * The tiny shared harness of `npm run bench`: each `bench/*.bench.ts` default-exports a
 * {@link Bench}; the runner (bench/main.ts) gives it a {@link BenchEnv} and prints the
 * {@link BenchReport} it returns. Every report carries a baseline measured in the same run, so
 * figures are read as "× baseline" and survive a slower or busier machine.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchEnv {
  /** Repository root. */
  root: string;
  /** `bench/.data`: generated databases and scratch folders, reused between runs. */
  dataRoot: string;
  /** The built headless host (`out/main/serve.js`). */
  serveEntry: string;
  /** Runs per case: the bench's default, or what `--runs N` / `--quick` ask for. */
  runs(defaultRuns: number): number;
  /** Progress lines (stderr), so stdout stays the report. */
  log(line: string): void;
}

export interface Case {
  label: string;
  /** Milliseconds, one per measured run (warm-up runs excluded). */
  samples: number[];
  /** The reference the other cases are divided by; exactly one per report. */
  baseline?: boolean;
}

export interface BenchReport {
  title: string;
  cases: Case[];
  notes?: string[];
}

export interface Bench {
  /** Short name used on the command line: `npm run bench -- startup`. */
  name: string;
  description: string;
  run(env: BenchEnv): Promise<BenchReport>;
}

export const defineBench = (bench: Bench): Bench => bench;

export interface Stats {
  n: number;
  median: number;
  /** Nearest-rank percentile: with n ≤ 20 runs it is the largest sample. */
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  return {
    n,
    median: n === 0 ? Number.NaN : n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[n - 1] ?? Number.NaN,
    mean: n === 0 ? Number.NaN : sorted.reduce((a, b) => a + b, 0) / n,
  };
}

/** Runs `once` `warmup` times unmeasured, then `runs` times; `once` returns the milliseconds it measured. */
export async function collect(
  runs: number,
  once: (i: number) => Promise<number>,
  options: { warmup?: number; onSample?: (ms: number, i: number) => void } = {},
): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 1); i++) await once(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = await once(i);
    samples.push(ms);
    options.onSample?.(ms, i);
  }
  return samples;
}

/** Wall-clock milliseconds of an async function. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A plain-text table: median, p95, min, max and the median as a multiple of the baseline's. */
export function formatReport(report: BenchReport): string {
  const base = report.cases.find((c) => c.baseline);
  const baseMedian = base ? stats(base.samples).median : Number.NaN;
  const header = ['case', 'n', 'median', 'p95', 'min', 'max', '× baseline'];
  const rows = report.cases.map((c) => {
    const s = stats(c.samples);
    const ratio = c.baseline ? 'baseline' : Number.isFinite(baseMedian) ? `${(s.median / baseMedian).toFixed(1)}×` : '–';
    return [c.label, String(s.n), formatMs(s.median), formatMs(s.p95), formatMs(s.min), formatMs(s.max), ratio];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    report.title,
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(report.notes ?? []).map((n) => `  · ${n}`),
  ].join('\n');
}

/** A JSON-friendly copy of a report with its statistics, for `bench/.data/results/`. */
export function summarize(report: BenchReport): {
  title: string;
  cases: (Stats & { label: string; baseline: boolean; samples: number[] })[];
  notes: string[];
} {
  return {
    title: report.title,
    cases: report.cases.map((c) => ({
      label: c.label,
      baseline: c.baseline ?? false,
      ...stats(c.samples),
      samples: c.samples.map((s) => Math.round(s * 100) / 100),
    })),
    notes: report.notes ?? [],
  };
}

/** `bench/.data/<parts>` created on demand. */
export function dataPath(env: BenchEnv, ...parts: string[]): string {
  const path = join(env.dataRoot, ...parts);
  if (!existsSync(path)) mkdirSync(path, { recursive: true });
  return path;
}
