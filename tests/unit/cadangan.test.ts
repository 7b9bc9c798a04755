import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToKeep, parseBackupName, type BackupName } from '../../src-main/domain/cadangan';
import { addDays } from '../../src-main/domain/waktu';

const copy = (date: string, time = '12:30') => parseBackupName(backupFileName(date, time, false))!;

describe('backup names', () => {
  it('names a copy by its local date and time, and reads it back', () => {
    expect(backupFileName('2026-11-23', '14:30', false)).toBe('loket-2026-11-23-1430.db');
    expect(backupFileName('2026-11-23', '14:30', true, '05')).toBe('loket-2026-11-23-143005.db.enc');
    expect(parseBackupName('loket-2026-11-23-143005.db.enc')).toEqual({
      file: 'loket-2026-11-23-143005.db.enc',
      date: '2026-11-23',
      time: '14:30',
      encrypted: true,
    });
    for (const other of ['loket.db', 'loket-2026-11-23.db', '.loket-sementara-ab.db', 'loket-2026-11-23-1430.db.part', 'catatan.txt'])
      expect(parseBackupName(other)).toBeNull();
  });
});

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps everything while there are few copies', () => {
    const names = ['2026-11-20', '2026-11-21', '2026-11-22'].map((d) => copy(d));
    expect(backupsToKeep(names).size).toBe(3);
  });

  it('after two years of daily copies keeps the newest of each of 7 days, 4 weeks and 12 months', () => {
    const names: BackupName[] = [];
    // Daily from Monday 2024-11-25 to Monday 2026-11-23, plus an exit copy each day.
    for (let d = '2024-11-25'; d <= '2026-11-23'; d = addDays(d, 1)) names.push(copy(d, '12:30'), copy(d, '16:05'));
    const keep = [...backupsToKeep(names)].sort();
    // Days: 17–23 November (the 16:05 copy of each).
    const days = Array.from({ length: 7 }, (_, i) => `loket-${addDays('2026-11-17', i)}-1605.db`);
    // Weeks (Monday-based): 23 Nov (today), 16–22 (22nd), 9–15 (15th), 2–8 (8th).
    const weeks = ['2026-11-23', '2026-11-22', '2026-11-15', '2026-11-08'].map((d) => `loket-${d}-1605.db`);
    // Months: November 2026 (23rd) and the last day of each month back to December 2025.
    const months = [
      '2026-11-23',
      '2026-10-31',
      '2026-09-30',
      '2026-08-31',
      '2026-07-31',
      '2026-06-30',
      '2026-05-31',
      '2026-04-30',
      '2026-03-31',
      '2026-02-28',
      '2026-01-31',
      '2025-12-31',
    ].map((d) => `loket-${d}-1605.db`);
    expect(keep).toEqual([...new Set([...days, ...weeks, ...months])].sort());
    expect(keep).toHaveLength(7 + 3 + 10);
  });

  it('never drops the newest copy, even with a policy of nothing', () => {
    const names = [copy('2026-01-01'), copy('2026-06-01')];
    expect([...backupsToKeep(names, { daily: 0, weekly: 0, monthly: 0 })]).toEqual(['loket-2026-06-01-1230.db']);
  });
});
