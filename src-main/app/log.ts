import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../services/context';

const MAX_BYTES = 2 * 1024 * 1024;
const KEEP = 5;

/**
 * Masks digit runs that look like a NIK (16) or a BPJS number (13), and any 10+ digit number,
 * in case one slips into a message: logs must never carry patient identifiers.
 */
export function scrub(text: string): string {
  return text.replace(/\d{10,}/g, (digits) => `${'#'.repeat(digits.length - 4)}${digits.slice(-4)}`);
}

let seq = 0;

/** A rotating file log in `<data>/logs/loket.log` (5 files of 2 MiB). */
export function createLogger(dataDir: string, options: { console: boolean }): Logger & { file: string } {
  const file = join(dataDir, 'logs', 'loket.log');
  const log = electronLog.create({ logId: `loket-${++seq}` });
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = MAX_BYTES;
  log.transports.file.archiveLogFn = (old) => {
    const path = old.path;
    rmSync(`${path.slice(0, -4)}.${KEEP - 1}.log`, { force: true });
    for (let i = KEEP - 2; i >= 1; i--) {
      try {
        renameSync(`${path.slice(0, -4)}.${i}.log`, `${path.slice(0, -4)}.${i + 1}.log`);
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(path, `${path.slice(0, -4)}.1.log`);
  };
  log.transports.console.level = options.console ? 'info' : false;
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((d: unknown) =>
      typeof d === 'string' ? scrub(d) : d instanceof Error ? Object.assign(new Error(scrub(d.message)), { stack: d.stack && scrub(d.stack) }) : d,
    ),
  }));
  return {
    file,
    info: (m, ...rest) => log.info(m, ...rest),
    warn: (m, ...rest) => log.warn(m, ...rest),
    error: (m, ...rest) => log.error(m, ...rest),
  };
}
