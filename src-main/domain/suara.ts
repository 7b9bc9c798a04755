import type { clipGroups, VoiceClip } from '../contract';
import { fixedClipKeys, numberWords, spokenPlace, unitClipKey } from './pengumuman';
import { terbilang } from './terbilang';

/**
 * The clip set of the queue voice: what each clip says, how staff recognise it in Pengaturan →
 * Suara, and what a stored recording may be. Keys come from pengumuman.ts (the contract between
 * the `queue.called` event and the clip files).
 */

/** How Indonesian spells its letters aloud ("A be ce"): the ticket prefix is read letter by letter. */
export const letterNames: Record<string, string> = {
  a: 'a',
  b: 'be',
  c: 'ce',
  d: 'de',
  e: 'e',
  f: 'ef',
  g: 'ge',
  h: 'ha',
  i: 'i',
  j: 'je',
  k: 'ka',
  l: 'el',
  m: 'em',
  n: 'en',
  o: 'o',
  p: 'pe',
  q: 'ki',
  r: 'er',
  s: 'es',
  t: 'te',
  u: 'u',
  v: 've',
  w: 'we',
  x: 'eks',
  y: 'ye',
  z: 'zet',
};

export type ClipGroup = (typeof clipGroups)[number];

export interface ClipText {
  group: ClipGroup;
  /** What staff see in the list ("Huruf B"). */
  label: string;
  /** What the clip says, as a person would read it aloud ("be"); the chime says nothing. */
  text: string;
}

const phrases: Record<string, string> = { 'nomor-antrean': 'nomor antrean', 'silakan-menuju': 'silakan menuju', loket: 'loket' };

/** The fixed clips' texts; `null` for a key outside the fixed set. */
export function fixedClipText(key: string): ClipText | null {
  if (key === 'bel') return { group: 'bel', label: 'Bel (nada panggilan)', text: '' };
  const phrase = phrases[key];
  if (phrase) return { group: 'kalimat', label: phrase.charAt(0).toUpperCase() + phrase.slice(1), text: phrase };
  const letter = /^huruf-([a-z])$/.exec(key)?.[1];
  if (letter) return { group: 'huruf', label: `Huruf ${letter.toUpperCase()}`, text: letterNames[letter]! };
  if ((numberWords as readonly string[]).includes(key)) return { group: 'angka', label: `Kata bilangan "${key}"`, text: key };
  return null;
}

/** A unit's clip: its name as the announcement speaks it ("poli gigi dan mulut"). */
export function unitClipText(unit: { code: string; name: string }): ClipText & { key: string } {
  return { key: unitClipKey(unit.code), group: 'unit', label: unit.name, text: spokenPlace({ kind: 'unit', code: unit.code, name: unit.name }) };
}

/** Every clip a puskesmas with these units needs: the fixed set, then one per unit. */
export function clipCatalogue(units: readonly { code: string; name: string }[]): (ClipText & { key: string })[] {
  return [...fixedClipKeys.map((key) => ({ key, ...fixedClipText(key)! })), ...units.map(unitClipText)];
}

/**
 * Text for a speech synthesiser: a unit name's abbreviations are spelled the Indonesian way
 * ("KIA / KB" → "ka i a, ka be"; "P2M" → "pe dua em"), which TTS engines otherwise read as words.
 */
export function speakableName(name: string): string {
  const word = (w: string) =>
    /^[A-Z0-9]{2,5}$/.test(w) && /[A-Z]/.test(w)
      ? (w.match(/[A-Z]|\d+/g) ?? []).map((p) => (/\d/.test(p) ? terbilang(Number(p)) : letterNames[p.toLowerCase()]!)).join(' ')
      : w.toLowerCase();
  // A slash between two names is a pause, not a word.
  return name
    .split('/')
    .map((part) => part.trim().split(/\s+/).filter(Boolean).map(word).join(' '))
    .filter(Boolean)
    .join(', ');
}

export type ClipMime = VoiceClip['mime'];

/** The container of an audio file by its first bytes (never by what the sender claims). */
export function sniffAudio(bytes: Uint8Array): ClipMime | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'audio/webm';
  if (bytes.length >= 4 && ascii(0, 4) === 'OggS') return 'audio/ogg';
  return null;
}

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 1 = integer PCM, 3 = float PCM, 0xFFFE = extensible. */
  audioFormat: number;
  /** Where the samples start and how many frames (one sample per channel) there are. */
  dataOffset: number;
  frames: number;
  durationMs: number;
}

/**
 * Reads a PCM WAV's format and length from its chunks; `null` when the file is not a playable
 * PCM WAV (a truncated upload, a compressed format, a header that lies about its sizes).
 */
export function wavInfo(bytes: Uint8Array): WavInfo | null {
  if (sniffAudio(bytes) !== 'audio/wav') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Pick<WavInfo, 'sampleRate' | 'channels' | 'bitsPerSample' | 'audioFormat'> | null = null;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      const audioFormat = view.getUint16(body, true);
      // 1 = integer PCM, 3 = float PCM, 0xFFFE = extensible (PCM inside).
      if (audioFormat !== 1 && audioFormat !== 3 && audioFormat !== 0xfffe) return null;
      format = {
        audioFormat,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      if (!format.channels || !format.sampleRate || !format.bitsPerSample) return null;
    } else if (id === 'data') {
      if (!format) return null;
      const length = Math.min(size, bytes.length - body);
      const frames = Math.floor(length / (format.channels * (format.bitsPerSample / 8)));
      if (frames === 0) return null;
      return { ...format, dataOffset: body, frames, durationMs: Math.round((frames / format.sampleRate) * 1000) };
    }
    at = body + size + (size % 2);
  }
  return null;
}
