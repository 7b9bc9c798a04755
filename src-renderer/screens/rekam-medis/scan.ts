/**
 * A USB barcode scanner types the whole RM and Enter within a few milliseconds per key; a person
 * types far slower. The move records which of the two it was (SOP: scanned or typed).
 */
const SCANNER_MAX_MS_PER_KEY = 35;

export class KeyTiming {
  private first = 0;
  private last = 0;
  private keys = 0;

  key(at: number = performance.now()): void {
    if (this.keys === 0) this.first = at;
    this.last = at;
    this.keys++;
  }

  reset(): void {
    this.keys = 0;
  }

  /** `scan` when at least four keys came in at scanner speed. */
  method(): 'scan' | 'ketik' {
    if (this.keys < 4) return 'ketik';
    return (this.last - this.first) / (this.keys - 1) <= SCANNER_MAX_MS_PER_KEY ? 'scan' : 'ketik';
  }
}

/** Whole minutes since an instant, never negative. */
export function minutesSince(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? null : Math.max(0, Math.floor((now.getTime() - t) / 60_000));
}

/** "45 mnt", "2 j 05 mnt". */
export function durasi(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} mnt`;
  return `${Math.floor(minutes / 60)} j ${String(minutes % 60).padStart(2, '0')} mnt`;
}
