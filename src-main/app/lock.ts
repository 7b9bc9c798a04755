import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../db/connection';

/**
 * One owner per data folder (DESIGN.md §2): a lock file with the owner's PID. A lock left by
 * a process that no longer runs (a power cut) is taken over.
 */
export function acquireDataLock(dataDir: string): () => void {
  const path = join(dataDir, 'loket.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new StartupError(
          `Folder data ${dataDir} sedang dipakai oleh Loket lain (PID ${pid}). Basis data hanya boleh punya satu pemilik: ` +
            'tutup Loket yang lain, atau sambungkan komputer ini sebagai klien ke host tersebut.',
        );
      }
      if (pid === process.pid) throw new StartupError(`Folder data ${dataDir} sudah dibuka oleh proses ini.`);
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new StartupError(`Kunci folder data ${path} tidak dapat dibuat.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
