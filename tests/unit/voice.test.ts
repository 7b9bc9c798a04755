import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUnits } from '../../src-main/domain/defaults';
import { announcementClips, fixedClipKeys } from '../../src-main/domain/pengumuman';
import { clipCatalogue, fixedClipText, sniffAudio, speakableName, wavInfo } from '../../src-main/domain/suara';
import { encodeWav16, normaliseLoudness, trimSilence } from '../../src-renderer/audio/pcm';
import {
  pauseBetween,
  pickIndonesianVoice,
  planSchedule,
  SerialQueue,
  PAUSE_AFTER_CHIME,
  PAUSE_AT_COMMA,
  PAUSE_BETWEEN_WORDS,
} from '../../src-renderer/audio/schedule';

describe('announcer schedule', () => {
  it('starts each clip where the previous one ends plus the planned pause, from the given clock time', () => {
    const keys = announcementClips('A012', { kind: 'loket', number: 1 });
    expect(keys).toEqual(['bel', 'nomor-antrean', 'huruf-a', 'dua', 'belas', 'silakan-menuju', 'loket', 'satu']);
    const durations = [1.2, 1.163, 0.291, 0.421, 0.551, 1.288, 0.471, 0.556];
    const plan = planSchedule(
      keys.map((key, i) => ({ key, duration: durations[i]! })),
      10,
    );
    expect(plan[0]).toEqual({ key: 'bel', start: 10, end: 11.2 });
    for (let i = 1; i < plan.length; i++) {
      expect(plan[i]!.start).toBeCloseTo(plan[i - 1]!.end + pauseBetween(keys[i - 1]!, keys[i]!), 12);
      expect(plan[i]!.end - plan[i]!.start).toBeCloseTo(durations[i]!, 12);
    }
    expect(plan[1]!.start - plan[0]!.end).toBeCloseTo(PAUSE_AFTER_CHIME, 12);
    expect(plan[5]!.start - plan[4]!.end).toBeCloseTo(PAUSE_AT_COMMA, 12);
    expect(plan[3]!.start - plan[2]!.end).toBeCloseTo(PAUSE_BETWEEN_WORDS, 12);
    const total = durations.reduce((a, b) => a + b) + PAUSE_AFTER_CHIME + PAUSE_AT_COMMA + 5 * PAUSE_BETWEEN_WORDS;
    expect(plan.at(-1)!.end - plan[0]!.start).toBeCloseTo(total, 12);
    expect(planSchedule([], 3)).toEqual([]);
  });

  it('queues calls: the second starts only after the first has finished', async () => {
    const log: string[] = [];
    const queue = new SerialQueue<string>(4, () => 'dilewati');
    let finishFirst!: () => void;
    const first = queue.push(async () => {
      log.push('mulai 1');
      await new Promise<void>((r) => (finishFirst = r));
      log.push('selesai 1');
      return 'satu';
    });
    const second = queue.push(async () => {
      log.push('mulai 2');
      return 'dua';
    });
    await Promise.resolve();
    expect(log).toEqual(['mulai 1']);
    expect(queue.size).toBe(2);
    finishFirst();
    expect(await first).toBe('satu');
    expect(await second).toBe('dua');
    expect(log).toEqual(['mulai 1', 'selesai 1', 'mulai 2']);
    expect(queue.size).toBe(0);
  });

  it('drops the oldest waiting call when too many pile up, and a failing job does not stop the queue', async () => {
    const queue = new SerialQueue<string>(2, () => 'dilewati');
    let release!: () => void;
    const playing = queue.push(() => new Promise<string>((r) => (release = () => r('diputar'))));
    const waiting = ['a', 'b', 'c'].map((name) => queue.push(async () => name));
    const failing = queue.push(async () => {
      throw new Error('rusak');
    });
    const after = queue.push(async () => 'sesudah');
    release();
    expect(await playing).toBe('diputar');
    expect(await Promise.all(waiting)).toEqual(['dilewati', 'dilewati', 'dilewati']);
    await expect(failing).rejects.toThrow('rusak');
    expect(await after).toBe('sesudah');
    // clear() answers what waits and leaves the queue usable.
    let hold!: () => void;
    const busy = queue.push(() => new Promise<string>((r) => (hold = () => r('x'))));
    const dropped = queue.push(async () => 'y');
    queue.clear();
    expect(await dropped).toBe('dilewati');
    hold();
    expect(await busy).toBe('x');
  });

  it('picks an Indonesian system voice, local ones first, or none', () => {
    const voices = [
      { lang: 'en-US', localService: true, name: 'en' },
      { lang: 'id-ID', localService: false, name: 'Google Bahasa Indonesia' },
      { lang: 'id_ID', localService: true, name: 'Microsoft Andika' },
    ];
    expect(pickIndonesianVoice(voices)?.name).toBe('Microsoft Andika');
    expect(pickIndonesianVoice(voices.slice(0, 2))?.name).toBe('Google Bahasa Indonesia');
    expect(pickIndonesianVoice([{ lang: 'in-ID', name: 'lama' }])?.name).toBe('lama');
    expect(pickIndonesianVoice([{ lang: 'en-ID' }, { lang: 'ind' }])).toBeNull();
  });
});

describe('clip samples', () => {
  const rate = 22050;
  const tone = (seconds: number, amplitude: number) =>
    Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 300 * i) / rate));
  const withSilence = (lead: number, body: Float32Array, tail: number) => {
    const out = new Float32Array(Math.round(lead * rate) + body.length + Math.round(tail * rate));
    out.set(body, Math.round(lead * rate));
    return out;
  };

  it('trims leading and trailing silence to a small pad and fades the edges', () => {
    const trimmed = trimSilence(withSilence(0.4, tone(0.5, 0.5), 0.6), rate, { padStartMs: 15, padEndMs: 40 });
    expect(trimmed.length / rate).toBeGreaterThan(0.5);
    expect(trimmed.length / rate).toBeLessThan(0.5 + 0.015 + 0.04 + 0.021);
    expect(trimmed[0]).toBe(0);
    expect(Math.abs(trimmed.at(-1)!)).toBeLessThan(1e-6);
    // Quiet hiss is not speech; a lone click does not stretch the clip.
    expect(
      trimSilence(
        Float32Array.from({ length: rate }, () => (Math.random() - 0.5) * 0.004),
        rate,
      ),
    ).toHaveLength(0);
    const clicked = withSilence(0.5, tone(0.3, 0.5), 0.5);
    clicked[100] = 0.9;
    expect(trimSilence(clicked, rate).length / rate).toBeLessThan(0.4);
  });

  it('evens out loudness without pushing peaks past the limit', () => {
    const quiet = normaliseLoudness(tone(0.5, 0.02), rate);
    const loud = normaliseLoudness(tone(0.5, 0.6), rate);
    const rms = (s: Float32Array) => Math.sqrt(s.reduce((a, x) => a + x * x, 0) / s.length);
    expect(rms(quiet.samples)).toBeCloseTo(0.1, 2);
    expect(rms(loud.samples)).toBeCloseTo(0.1, 2);
    const peaky = normaliseLoudness(
      Float32Array.from({ length: rate }, (_, i) => (i % 2205 === 0 ? 0.5 : 0.001)),
      rate,
    );
    expect(Math.max(...peaky.samples.map(Math.abs))).toBeLessThanOrEqual(0.89 + 1e-6);
  });

  it('writes 16-bit mono WAV that the host reads back with the right length', () => {
    const wav = encodeWav16(tone(0.25, 0.5), rate);
    expect(sniffAudio(wav)).toBe('audio/wav');
    expect(wavInfo(wav)).toMatchObject({ sampleRate: rate, channels: 1, bitsPerSample: 16, audioFormat: 1, dataOffset: 44, durationMs: 250 });
    expect(wavInfo(wav.subarray(0, 44))).toBeNull();
    expect(sniffAudio(new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0]))).toBe('audio/ogg');
    expect(sniffAudio(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]))).toBe('audio/webm');
    expect(sniffAudio(new TextEncoder().encode('ID3 mp3'))).toBeNull();
  });
});

describe('clip catalogue and the shipped clip set', () => {
  it('names every fixed clip and spells unit abbreviations for speech synthesis', () => {
    for (const key of fixedClipKeys) expect(fixedClipText(key), key).not.toBeNull();
    expect(fixedClipText('huruf-q')).toEqual({ group: 'huruf', label: 'Huruf Q', text: 'ki' });
    expect(fixedClipText('unit-gigi')).toBeNull();
    expect(clipCatalogue([{ code: 'GIGI', name: 'Poli Gigi dan Mulut' }]).at(-1)).toEqual({
      key: 'unit-gigi',
      group: 'unit',
      label: 'Poli Gigi dan Mulut',
      text: 'poli gigi dan mulut',
    });
    expect(speakableName('Poli KIA / KB')).toBe('poli ka i a, ka be');
    expect(speakableName('Poli TB / P2M')).toBe('poli te be, pe dua em');
    expect(speakableName('Unit Gawat Darurat')).toBe('unit gawat darurat');
  });

  it('ships one trimmed 16-bit WAV per fixed key and default unit, as the manifest says, under 3 MB', () => {
    const dir = resolve('resources/voice');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      generator: { version: number; voice: string };
      clips: Record<string, { file: string; durationMs: number; text: string }>;
    };
    expect(manifest.generator).toMatchObject({ version: 1, voice: 'id' });
    expect(Object.keys(manifest.clips)).toEqual([...fixedClipKeys, ...defaultUnits.map((u) => `unit-${u.code.toLowerCase()}`)]);
    let total = 0;
    for (const [key, clip] of Object.entries(manifest.clips)) {
      const bytes = new Uint8Array(readFileSync(join(dir, clip.file)));
      total += statSync(join(dir, clip.file)).size;
      const info = wavInfo(bytes);
      expect(info, key).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
      expect(Math.abs(info!.durationMs - clip.durationMs), key).toBeLessThanOrEqual(1);
      // Spoken clips are trimmed: well under two seconds each (the chime is 1.2 s).
      expect(clip.durationMs, key).toBeLessThan(2100);
    }
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
