import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../services/context';
import { PENDING_RESTORE_FILE } from '../services/backup';

/**
 * Swaps in a restore staged by `backup.restore` (already decrypted and checked). The current
 * database is kept beside it with its WAL as `loket-sebelum-pulih-<time>.db`, so a wrong choice
 * can be undone by the same means; nothing is deleted. Runs under the data-folder lock, before
 * the database is opened.
 */
export function applyPendingRestore(dataDir: string, databaseFile: string, log: Logger, now = new Date()): string | null {
  const staged = join(dataDir, PENDING_RESTORE_FILE);
  if (!existsSync(staged)) return null;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const kept = join(dataDir, `loket-sebelum-pulih-${stamp}.db`);
  if (existsSync(databaseFile)) {
    // SQLite finds a WAL by the database's name: the pair moves together.
    for (const suffix of ['-wal', '-shm']) if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, kept + suffix);
    renameSync(databaseFile, kept);
  }
  renameSync(staged, databaseFile);
  log.info(`basis data dipulihkan dari cadangan; yang lama disimpan sebagai ${kept}`);
  return kept;
}
