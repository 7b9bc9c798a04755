// npm test: build the app (the e2e suite drives the built renderer), then every vitest project
// (unit, integration, e2e) in one run, ending with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './build-if-needed.mjs';

const root = new URL('..', import.meta.url).pathname;
build();
const dir = mkdtempSync(join(tmpdir(), 'loket-vitest-'));
const report = join(dir, 'report.json');
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
let summary = null;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  summary = {
    passed: json.numPassedTests,
    failed: json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0),
    skipped: json.numPendingTests + json.numTodoTests,
  };
} catch {
  // vitest crashed before writing its report; its exit code says enough
}
rmSync(dir, { recursive: true, force: true });
if (summary) console.log(`\nLoket: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
process.exit(result.status ?? 1);
