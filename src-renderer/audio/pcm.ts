/**
 * Pure sample work shared by the clip generator (scripts/voice-clips.mjs) and the re-recording
 * screen: both trim silence, even out loudness and write 16-bit mono WAV, so a clip recorded at
 * the counter chains as tightly as a generated one. No DOM, no Node.
 */

const WINDOW_MS = 10;

/** Root-mean-square level of each 10 ms window. */
function windowLevels(samples: Float32Array, sampleRate: number): { size: number; levels: Float32Array } {
  const size = Math.max(1, Math.round((sampleRate * WINDOW_MS) / 1000));
  const levels = new Float32Array(Math.ceil(samples.length / size));
  for (let w = 0; w < levels.length; w++) {
    let sum = 0;
    const end = Math.min(samples.length, (w + 1) * size);
    for (let i = w * size; i < end; i++) sum += samples[i]! * samples[i]!;
    levels[w] = Math.sqrt(sum / (end - w * size));
  }
  return { size, levels };
}

export interface TrimOptions {
  /** Quiet before the first sound and after the last one that is kept (consonant tails are soft). */
  padStartMs?: number;
  padEndMs?: number;
  /** A window counts as sound above this fraction of the loudest window's level (0.1 ≈ −20 dB). */
  relativeThreshold?: number;
  /** … and above this absolute level, so hiss in a silent recording is not taken for speech. */
  floor?: number;
  /** Fade in and out so a cut never clicks. */
  fadeMs?: number;
}

/**
 * Cuts leading and trailing silence by scanning 10 ms windows (a lone click does not count),
 * keeps a small pad and fades the edges. Returns an empty array when nothing rises above the floor.
 */
export function trimSilence(samples: Float32Array, sampleRate: number, options: TrimOptions = {}): Float32Array {
  const { padStartMs = 15, padEndMs = 40, relativeThreshold = 0.1, floor = 0.004, fadeMs = 6 } = options;
  const { size, levels } = windowLevels(samples, sampleRate);
  const loudest = levels.reduce((m, l) => Math.max(m, l), 0);
  const threshold = Math.max(floor, loudest * relativeThreshold);
  // Sound lasts: two loud windows in a row (20 ms), so a lone click is not taken for speech.
  const loud = (w: number) => levels[w]! > threshold && (levels[w + 1] ?? 0) > threshold;
  const first = levels.findIndex((_l, w) => loud(w));
  if (first < 0) return new Float32Array(0);
  let last = levels.length - 2;
  while (last > first && !loud(last)) last--;
  last++;
  const start = Math.max(0, first * size - Math.round((sampleRate * padStartMs) / 1000));
  const end = Math.min(samples.length, (last + 1) * size + Math.round((sampleRate * padEndMs) / 1000));
  const out = samples.slice(start, end);
  const fade = Math.min(Math.floor(out.length / 2), Math.round((sampleRate * fadeMs) / 1000));
  for (let i = 0; i < fade; i++) {
    const g = i / fade;
    out[i]! *= g;
    out[out.length - 1 - i]! *= g;
  }
  return out;
}

export interface LoudnessOptions {
  /** Level of the spoken part (windows above −30 dB of the loudest): 0.1 ≈ −20 dBFS. */
  targetRms?: number;
  /** The gain never pushes a peak above this (0.89 ≈ −1 dBFS). */
  peakLimit?: number;
}

/** Evens out loudness roughly: the spoken windows' RMS to a target, peaks kept below the limit. */
export function normaliseLoudness(samples: Float32Array, sampleRate: number, options: LoudnessOptions = {}): { samples: Float32Array; gain: number } {
  const { targetRms = 0.1, peakLimit = 0.89 } = options;
  const { levels } = windowLevels(samples, sampleRate);
  const loudest = levels.reduce((m, l) => Math.max(m, l), 0);
  const spoken = levels.filter((l) => l > loudest * 0.03);
  const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
  if (spoken.length === 0 || peak === 0) return { samples: samples.slice(), gain: 1 };
  const rms = Math.sqrt(spoken.reduce((sum, l) => sum + l * l, 0) / spoken.length);
  const gain = Math.min(targetRms / rms, peakLimit / peak);
  return { samples: samples.map((s) => s * gain), gain };
}

/** 16-bit little-endian mono PCM WAV. */
export function encodeWav16(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // integer PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff), true);
  }
  return bytes;
}
