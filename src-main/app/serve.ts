/**
 * Headless host: the same composition root as the Electron shell, serving the API, SSE and
 * the built renderer over HTTP (`npm run serve`, the browser fallback of `npm start`, e2e tests).
 */
import { StartupError } from '../db/connection';
import { ArgsError, parseHostArgs } from './cli';
import { startHost } from './host';
import { defaultDataDir } from './paths';
import { chromiumPdf } from './pdf-chromium';
import { describeServing, serveHost } from './serving';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const dataDir = args.data ?? defaultDataDir();
  // Letters' PDFs through Chromium when this PC has it (null: PDFs answer UNAVAILABLE, printing still works).
  const pdf = await chromiumPdf();
  const host = await startHost({ dataDir, mode: 'serve', logToConsole: false, renderPdf: pdf?.render ?? null });
  let serving;
  try {
    serving = await serveHost(host, args);
  } catch (error) {
    await host.close();
    throw error;
  }
  for (const line of describeServing(serving, dataDir)) console.log(line);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await serving.server.close();
    await host.close();
    await pdf?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof StartupError || error instanceof ArgsError) console.error(`Loket tidak dapat dimulai: ${error.message}`);
  else console.error('Loket tidak dapat dimulai karena kesalahan tak terduga:', error);
  process.exit(error instanceof ArgsError ? 2 : 1);
});
