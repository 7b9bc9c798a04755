// npm run voice:clips: generates the shipped clip set of the queue voice into resources/voice/ —
// one clip per fixed key of src-main/domain/pengumuman.ts and one per default unit, spoken by
// eSpeak NG's Indonesian voice, trimmed and evened out; plus the two-tone chime (bel.wav),
// synthesised here. The clips are committed: CI and users never need espeak-ng.
//
// Needs: apt-get install -y espeak-ng. Options: --speed N (words/min), --pitch N (0–99).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerImport } from 'vite';

const GENERATOR_VERSION = 1;
const SAMPLE_RATE = 22050;
const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'resources', 'voice');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const speed = option('speed', 140);
const pitch = option('pitch', 45);

let engine;
try {
  engine = execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' })
    .trim()
    .split(/\s+Data at/)[0];
} catch {
  console.error('espeak-ng tidak ditemukan. Pasang dulu: apt-get install -y espeak-ng (Debian/Ubuntu).');
  process.exit(1);
}

// The clip keys, texts and the sample work are the app's own TypeScript: load them, never copy them.
const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: 'warn' })).module;
const { clipCatalogue, speakableName, wavInfo } = await load('src-main/domain/suara.ts');
const { defaultUnits } = await load('src-main/domain/defaults.ts');
const { trimSilence, normaliseLoudness, encodeWav16 } = await load('src-renderer/audio/pcm.ts');

/** Two tones falling a major third (E5 → C5), each a bell-like sum of partials with exponential decay. */
function chime() {
  const length = Math.round(SAMPLE_RATE * 1.2);
  const out = new Float32Array(length);
  const tone = (freq, start, decay) => {
    const from = Math.round(start * SAMPLE_RATE);
    for (let i = from; i < length; i++) {
      const t = (i - from) / SAMPLE_RATE;
      const envelope = Math.min(1, t / 0.005) * Math.exp(-t / decay);
      out[i] += envelope * (Math.sin(2 * Math.PI * freq * t) + 0.35 * Math.sin(4 * Math.PI * freq * t) + 0.12 * Math.sin(6 * Math.PI * freq * t));
    }
  };
  tone(659.25, 0, 0.32);
  tone(523.25, 0.42, 0.4);
  const peak = out.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
  const fade = Math.round(SAMPLE_RATE * 0.05);
  for (let i = 0; i < length; i++) out[i] *= (0.7 / peak) * Math.min(1, (length - i) / fade);
  return out;
}

/** eSpeak NG's WAV (16-bit mono) as float samples. */
function speak(text, scratch) {
  const file = join(scratch, 'clip.wav');
  execFileSync('espeak-ng', ['-v', 'id', '-s', String(speed), '-p', String(pitch), '-w', file, text]);
  const bytes = new Uint8Array(readFileSync(file));
  const info = wavInfo(bytes);
  if (!info || info.bitsPerSample !== 16 || info.channels !== 1 || info.sampleRate !== SAMPLE_RATE)
    throw new Error(`espeak-ng menghasilkan WAV yang tidak terduga untuk "${text}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.frames * 2);
  return Float32Array.from({ length: info.frames }, (_, i) => view.getInt16(i * 2, true) / 0x8000);
}

const units = new Map(defaultUnits.map((u) => [`unit-${u.code.toLowerCase()}`, u]));
const catalogue = clipCatalogue(defaultUnits);
const scratch = mkdtempSync(join(tmpdir(), 'loket-suara-'));
mkdirSync(outDir, { recursive: true });
const clips = {};
let total = 0;
try {
  for (const clip of catalogue) {
    const unit = units.get(clip.key);
    const spoken = clip.key === 'bel' ? null : unit ? speakableName(unit.name) : clip.text;
    const samples = spoken === null ? chime() : normaliseLoudness(trimSilence(speak(spoken, scratch), SAMPLE_RATE), SAMPLE_RATE).samples;
    const wav = encodeWav16(samples, SAMPLE_RATE);
    const file = `${clip.key}.wav`;
    writeFileSync(join(outDir, file), wav);
    total += wav.length;
    clips[clip.key] = { file, durationMs: Math.round((samples.length / SAMPLE_RATE) * 1000), text: spoken ?? '(nada bel)' };
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// Clips of keys that no longer exist would be served forever: remove them.
for (const name of readdirSync(outDir)) if (name.endsWith('.wav') && !(name.slice(0, -4) in clips)) rmSync(join(outDir, name));

const manifest = {
  generator: { script: 'scripts/voice-clips.mjs', version: GENERATOR_VERSION, engine, voice: 'id', speed, pitch },
  format: { container: 'wav', sampleRate: SAMPLE_RATE, bitsPerSample: 16, channels: 1 },
  clips,
};
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${Object.keys(clips).length} klip suara ditulis ke resources/voice (${(total / 1024).toFixed(0)} KiB).`);
