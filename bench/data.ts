/**
 * Benchmark databases: the demo puskesmas grown to N patients, built once under
 * `bench/.data/` and reused while the generator and the schema stay the same.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoData } from '../src-main/app/demo';
import { DEFAULT_DEMO_SEED, DEMO_DATA_VERSION } from '../src-main/app/demo-data';
import { startHost } from '../src-main/app/host';
import { LATEST_SCHEMA_VERSION } from '../src-main/db/migrations';
import type { BenchEnv } from './harness';

interface Marker {
  patients: number;
  seed: number;
  dataVersion: number;
  schemaVersion: number;
  visits: number;
  builtAt: string;
  buildMs: number;
}

const MARKER = 'bench-data.json';

export interface DemoDatabase {
  dataDir: string;
  patients: number;
  visits: number;
  /** True when this call built it (false: reused from an earlier run). */
  built: boolean;
  buildMs: number;
}

/**
 * A data folder (as `serve --data` takes it) holding the demo puskesmas with `patients` patients,
 * regions loaded and the host closed again.
 */
export async function demoDatabase(env: BenchEnv, patients: number, seed = DEFAULT_DEMO_SEED): Promise<DemoDatabase> {
  const dataDir = join(env.dataRoot, `demo-${patients}`);
  const markerFile = join(dataDir, MARKER);
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    if (
      marker.patients === patients &&
      marker.seed === seed &&
      marker.dataVersion === DEMO_DATA_VERSION &&
      marker.schemaVersion === LATEST_SCHEMA_VERSION
    ) {
      return { dataDir, patients, visits: marker.visits, built: false, buildMs: marker.buildMs };
    }
    env.log(`${dataDir}: generator or schema changed, rebuilding`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  env.log(`building a ${patients.toLocaleString('en')}-patient database in ${dataDir} …`);
  const started = performance.now();
  const host = await startHost({ dataDir, mode: 'serve', loadRegions: true });
  let visits = 0;
  try {
    const summary = await seedDemoData(host.ctx, { patients, seed, sqlite: host.store.sqlite });
    visits = summary.visits;
    host.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await host.close();
  }
  const buildMs = Math.round(performance.now() - started);
  const marker: Marker = {
    patients,
    seed,
    dataVersion: DEMO_DATA_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    visits,
    builtAt: new Date().toISOString(),
    buildMs,
  };
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
  env.log(`built in ${(buildMs / 1000).toFixed(1)} s (${visits.toLocaleString('en')} visits)`);
  return { dataDir, patients, visits, built: true, buildMs };
}
