/**
 * The pure part of the announcer: where each clip starts on the AudioContext's clock, the
 * queue that keeps calls from talking over each other, and which system voice speaks
 * Indonesian. No Web Audio here, so it is tested under Node.
 */

export interface ScheduledClip {
  key: string;
  /** Seconds on the AudioContext clock. */
  start: number;
  end: number;
}

/** Seconds of silence after the chime, and at the sentence's comma ("…A dua belas, silakan menuju…"). */
export const PAUSE_AFTER_CHIME = 0.3;
export const PAUSE_AT_COMMA = 0.25;
/** Between words: enough that "dua" "belas" do not run into one sound, short enough to stay one sentence. */
export const PAUSE_BETWEEN_WORDS = 0.03;

/** The planned silence between two consecutive clips (part of the schedule, not a timer). */
export function pauseBetween(key: string, next: string): number {
  if (key === 'bel') return PAUSE_AFTER_CHIME;
  if (next === 'silakan-menuju') return PAUSE_AT_COMMA;
  return PAUSE_BETWEEN_WORDS;
}

/**
 * Start and end times of clips played one after another from `startAt`: each starts exactly
 * where the previous one ends plus the planned pause, so nothing depends on when a timer fires.
 */
export function planSchedule(clips: readonly { key: string; duration: number }[], startAt: number): ScheduledClip[] {
  const plan: ScheduledClip[] = [];
  let at = startAt;
  clips.forEach((clip, i) => {
    plan.push({ key: clip.key, start: at, end: at + clip.duration });
    const next = clips[i + 1];
    at += clip.duration + (next ? pauseBetween(clip.key, next.key) : 0);
  });
  return plan;
}

/**
 * Runs jobs one at a time in arrival order. When calls pile up (a burst of recalls), at most
 * `maxWaiting` wait: the oldest waiting job is dropped and answered with `dropped()`, so the
 * waiting room hears the recent calls, not a backlog.
 */
export class SerialQueue<R> {
  private running = false;
  private readonly waiting: { run: () => Promise<R>; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly maxWaiting: number,
    private readonly dropped: () => R,
  ) {}

  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  push(run: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ run, resolve, reject });
      while (this.waiting.length > this.maxWaiting) this.waiting.shift()!.resolve(this.dropped());
      void this.next();
    });
  }

  /** Answers every waiting job with `dropped()` (the one playing finishes on its own). */
  clear(): void {
    for (const job of this.waiting.splice(0)) job.resolve(this.dropped());
  }

  private async next(): Promise<void> {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = true;
    try {
      job.resolve(await job.run());
    } catch (error) {
      job.reject(error);
    } finally {
      this.running = false;
      void this.next();
    }
  }
}

/** The system voice for Indonesian (`id-ID`, or `id`/`in` on older systems); local voices first. */
export function pickIndonesianVoice<V extends { lang: string; localService?: boolean }>(voices: readonly V[]): V | null {
  const indonesian = voices.filter((v) => /^(id|in)([-_]|$)/i.test(v.lang));
  return indonesian.find((v) => v.localService) ?? indonesian[0] ?? null;
}
