/**
 * Backups (cadangan): file names and the rotation rule. A copy is named by the local time it was
 * made, so a folder listing sorts by age and a clerk can read it: `loket-2026-11-23-1430.db`
 * (`.db.enc` when encrypted with the passphrase).
 */

export const BACKUP_PREFIX = 'loket-';

export interface BackupName {
  file: string;
  /** Local date and time `YYYY-MM-DD HH:MM` from the name. */
  date: string;
  time: string;
  encrypted: boolean;
}

/** `loket-2026-11-23-1430.db` for a local date and clock (`HH:MM`). */
export function backupFileName(localDate: string, localClock: string, encrypted: boolean, seconds = ''): string {
  return `${BACKUP_PREFIX}${localDate}-${localClock.replace(':', '')}${seconds}.db${encrypted ? '.enc' : ''}`;
}

const namePattern = /^loket-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})?\.db(\.enc)?$/;

/** The parts of a backup file name; null for any other file in the folder. */
export function parseBackupName(file: string): BackupName | null {
  const m = namePattern.exec(file);
  if (!m) return null;
  return { file, date: m[1]!, time: `${m[2]}:${m[3]}`, encrypted: m[5] !== undefined };
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Seven daily, four weekly and twelve monthly copies (Permenkes 24/2022 asks for copies kept away from the facility; these are the local ones). */
export const defaultRotation: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** Monday of the ISO week of a date, as `YYYY-MM-DD`: copies of one week share it. */
function weekOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const day = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Grandfather–father–son: the newest copy of each of the last `daily` days that have one, of
 * each of the last `weekly` weeks and of each of the last `monthly` months. Everything else is
 * removed. Never removes the newest copy.
 */
export function backupsToKeep(names: readonly BackupName[], policy: RotationPolicy = defaultRotation): Set<string> {
  const newestFirst = [...names].sort((a, b) => `${b.date} ${b.time} ${b.file}`.localeCompare(`${a.date} ${a.time} ${a.file}`));
  const keep = new Set<string>();
  const pick = (bucket: (n: BackupName) => string, count: number) => {
    const seen = new Set<string>();
    for (const n of newestFirst) {
      const key = bucket(n);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(n.file);
    }
  };
  pick((n) => n.date, policy.daily);
  pick((n) => weekOf(n.date), policy.weekly);
  pick((n) => n.date.slice(0, 7), policy.monthly);
  if (newestFirst[0]) keep.add(newestFirst[0].file);
  return keep;
}
