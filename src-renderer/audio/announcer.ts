import { Cell, type Observable } from '../api/client';
import { planSchedule, pickIndonesianVoice, SerialQueue, type ScheduledClip } from './schedule';

/**
 * The queue voice in the page: a call's clips are fetched and decoded once (cached as
 * AudioBuffers), then started back to back on ONE AudioContext clock with
 * `AudioBufferSourceNode.start(when)` — never with timers — so the sentence is gapless
 * whatever the page is doing. Calls wait their turn. A clip that does not exist makes the
 * whole sentence fall back to the system's Indonesian voice, or to silence (the caption stays).
 */

/** Reads a clip's file; `null` when the host has no such clip (neither recorded nor shipped). */
export type ClipSource = (key: string) => Promise<ArrayBuffer | null>;

/**
 * - `aktif`: sound plays;
 * - `perlu-izin`: the browser waits for a click before it lets the page make sound;
 * - `tidak-didukung`: no Web Audio here (very old browser).
 */
export type SoundState = 'aktif' | 'perlu-izin' | 'tidak-didukung';

export interface Announcement {
  /** Clip keys from the `queue.called` event (announcementClips). */
  clips: readonly string[];
  /** The sentence, for the system voice when a clip is missing (announcementText). */
  text: string;
  /** false: never fall back to the system voice (playing a single clip in Pengaturan). */
  speechFallback?: boolean;
}

export interface Outcome {
  mode: 'klip' | 'suara-sistem' | 'senyap';
  /** Why nothing or only the system voice was heard. */
  reason?: 'suara-belum-aktif' | 'klip-tidak-ada' | 'gagal-memuat' | 'dilewati' | 'dihentikan';
  missing: string[];
  /** The clips as started, in AudioContext seconds. */
  schedule: ScheduledClip[];
  /** AudioContext time when the last clip's `ended` event arrived (measures the real end). */
  endedAt: number | null;
}

const STORAGE_KEY = 'loket.suara';
/** Time between deciding and the first sample, so the first start() is never in the past. */
const LEAD_SECONDS = 0.08;
const MAX_WAITING = 4;

export interface AnnouncerOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  speech?: SpeechSynthesis | null;
  /** Where a click anywhere unlocks sound once the staff chose it before (the display page). */
  unlockTarget?: EventTarget | null;
}

const silent = (reason: Outcome['reason'], missing: string[] = []): Outcome => ({ mode: 'senyap', reason, missing, schedule: [], endedAt: null });

function safeLocalStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class Announcer {
  private readonly state: Cell<SoundState>;
  private readonly lastOutcome = new Cell<Outcome | null>(null);
  private readonly buffers = new Map<string, Promise<AudioBuffer | null>>();
  private readonly queue = new SerialQueue<Outcome>(MAX_WAITING, () => silent('dilewati'));
  private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  private readonly speech: SpeechSynthesis | null;
  private context: AudioContext | null = null;
  private playing: AudioBufferSourceNode[] = [];
  private stopPlaying: (() => void) | null = null;
  private removeUnlock: (() => void) | null = null;

  constructor(
    private readonly source: ClipSource,
    options: AnnouncerOptions = {},
  ) {
    this.storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.speech = options.speech === undefined ? (typeof speechSynthesis === 'undefined' ? null : speechSynthesis) : options.speech;
    this.state = new Cell<SoundState>(typeof AudioContext === 'undefined' ? 'tidak-didukung' : 'perlu-izin');
    // Chosen before: try at once (kiosk browsers started with an autoplay flag play right away);
    // otherwise the first click or key anywhere on the page unlocks it.
    if (this.state.get() === 'perlu-izin' && this.storage?.getItem(STORAGE_KEY) === 'aktif') {
      this.ensureContext();
      const target = options.unlockTarget === undefined ? (typeof document === 'undefined' ? null : document) : options.unlockTarget;
      if (target) {
        const unlock = () => void this.enableSound();
        target.addEventListener('pointerdown', unlock);
        target.addEventListener('keydown', unlock);
        this.removeUnlock = () => {
          target.removeEventListener('pointerdown', unlock);
          target.removeEventListener('keydown', unlock);
        };
      }
    }
  }

  /** Whether sound can play now; React reads it with useSyncExternalStore. */
  get sound(): Observable<SoundState> {
    return this.state;
  }

  /** The last call's outcome and schedule (Pengaturan shows it; e2e tests read it). */
  get last(): Observable<Outcome | null> {
    return this.lastOutcome;
  }

  /**
   * Call from a click or key handler (browsers allow sound only after a user gesture): starts
   * the audio clock and remembers the choice in this browser.
   */
  async enableSound(): Promise<boolean> {
    const context = this.ensureContext();
    if (!context) return false;
    try {
      this.storage?.setItem(STORAGE_KEY, 'aktif');
    } catch {
      // Storage refused (private mode): sound still starts, only the choice is not remembered.
    }
    // resume() must be called inside the gesture, before any await.
    const resumed = context.state === 'running' ? Promise.resolve() : context.resume();
    try {
      await resumed;
    } catch {
      // Refused: the state stays 'perlu-izin' and the banner stays.
    }
    this.syncState();
    return context.state === 'running';
  }

  /** Speaks a call after the ones already waiting. Resolves when it has been heard (or skipped). */
  announce(announcement: Announcement): Promise<Outcome> {
    return this.queue.push(async () => {
      const outcome = await this.play(announcement);
      this.lastOutcome.set(outcome);
      return outcome;
    });
  }

  /** Plays raw audio bytes (a recording not saved yet) in the same queue and on the same clock. */
  playBytes(bytes: ArrayBuffer): Promise<Outcome> {
    return this.queue.push(async () => {
      const context = this.ensureContext();
      if (!context || context.state !== 'running') return silent('suara-belum-aktif');
      const buffer = await context.decodeAudioData(bytes.slice(0));
      return this.schedule(context, [{ key: 'rekaman', buffer }]);
    });
  }

  /** Decodes clips ahead of the first call, so it starts without a fetch. */
  async preload(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.buffer(k).catch(() => null)));
  }

  /** Forgets cached clips (one key, or all): a re-recording or a new unit is fetched again. */
  invalidate(key?: string): void {
    if (key === undefined) this.buffers.clear();
    else this.buffers.delete(key);
  }

  /** Stops what is playing and drops what waits. */
  stop(): void {
    this.queue.clear();
    this.stopPlaying?.();
    this.speech?.cancel();
  }

  close(): void {
    this.stop();
    this.removeUnlock?.();
    void this.context?.close();
    this.context = null;
  }

  private ensureContext(): AudioContext | null {
    if (this.context) return this.context;
    if (typeof AudioContext === 'undefined') return null;
    this.context = new AudioContext({ latencyHint: 'playback' });
    this.context.addEventListener('statechange', () => this.syncState());
    this.syncState();
    return this.context;
  }

  private syncState(): void {
    if (!this.context) return;
    const running = this.context.state === 'running';
    this.state.set(running ? 'aktif' : 'perlu-izin');
    if (running) {
      this.removeUnlock?.();
      this.removeUnlock = null;
    } else this.stopPlaying?.();
  }

  private buffer(key: string): Promise<AudioBuffer | null> {
    let pending = this.buffers.get(key);
    if (!pending) {
      const context = this.ensureContext();
      if (!context) return Promise.resolve(null);
      pending = this.source(key).then((bytes) => (bytes ? context.decodeAudioData(bytes) : null));
      // A failed fetch or decode is not remembered: the next call tries again.
      pending.catch(() => this.buffers.delete(key));
      this.buffers.set(key, pending);
    }
    return pending;
  }

  private async play({ clips, text, speechFallback = true }: Announcement): Promise<Outcome> {
    const context = this.ensureContext();
    if (!context || context.state !== 'running') return silent('suara-belum-aktif');
    let buffers: (AudioBuffer | null)[];
    try {
      buffers = await Promise.all(clips.map((k) => this.buffer(k)));
    } catch {
      return speechFallback ? this.speak(context, text, [], 'gagal-memuat') : silent('gagal-memuat');
    }
    const missing = clips.filter((_k, i) => !buffers[i]);
    if (missing.length === 0)
      return this.schedule(
        context,
        clips.map((key, i) => ({ key, buffer: buffers[i]! })),
      );
    return speechFallback ? this.speak(context, text, missing, 'klip-tidak-ada') : silent('klip-tidak-ada', missing);
  }

  /** Starts every clip at its planned time on the audio clock; resolves on the last one's `ended`. */
  private schedule(context: AudioContext, clips: { key: string; buffer: AudioBuffer }[]): Promise<Outcome> {
    const plan = planSchedule(
      clips.map((c) => ({ key: c.key, duration: c.buffer.duration })),
      context.currentTime + LEAD_SECONDS,
    );
    const sources = clips.map((clip, i) => {
      const node = context.createBufferSource();
      node.buffer = clip.buffer;
      node.connect(context.destination);
      node.start(plan[i]!.start);
      return node;
    });
    this.playing = sources;
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome) => {
        this.stopPlaying = null;
        this.playing = [];
        resolve(outcome);
      };
      this.stopPlaying = () => {
        for (const s of this.playing) {
          s.onended = null;
          try {
            s.stop();
          } catch {
            // never started
          }
        }
        finish({ mode: 'senyap', reason: 'dihentikan', missing: [], schedule: plan, endedAt: null });
      };
      sources[sources.length - 1]!.onended = () => finish({ mode: 'klip', missing: [], schedule: plan, endedAt: context.currentTime });
    });
  }

  /** The whole sentence in the system's Indonesian voice, after the chime when that clip exists. */
  private async speak(context: AudioContext, text: string, missing: string[], reason: Outcome['reason']): Promise<Outcome> {
    const voice = this.speech ? pickIndonesianVoice(this.speech.getVoices()) : null;
    if (!this.speech || !voice) return silent(reason, missing);
    const chime = missing.includes('bel') ? null : await this.buffer('bel').catch(() => null);
    const before = chime ? await this.schedule(context, [{ key: 'bel', buffer: chime }]) : null;
    if (before && before.mode !== 'klip') return before;
    const speech = this.speech;
    await new Promise<void>((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      utterance.onend = () => resolve();
      utterance.onerror = () => resolve();
      speech.speak(utterance);
    });
    return { mode: 'suara-sistem', reason, missing, schedule: before?.schedule ?? [], endedAt: null };
  }
}
