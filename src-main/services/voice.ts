import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoketError, VOICE_MAX_CLIP_BYTES, type VoiceClip, type VoiceClipInfo, type voiceMethods } from '../contract';
import { listUnits } from '../db/repositories/reference';
import { deleteRecordedClip, listRecordedClips, readRecordedClip, saveRecordedClip } from '../db/repositories/voice';
import { announcementClips, announcementText, fixedClipKeys, unitClipKey } from '../domain/pengumuman';
import { clipCatalogue, sniffAudio, wavInfo, type ClipMime } from '../domain/suara';
import type { ServiceContext } from './context';
import { actorOf, type Handlers } from './handler';

/** resources/voice/manifest.json, written by scripts/voice-clips.mjs. */
interface Manifest {
  clips: Record<string, { file: string; durationMs: number }>;
}

export interface ClipBytes {
  key: string;
  mime: ClipMime;
  data: Uint8Array;
  /** A hash of the bytes: the HTTP ETag, and what a display's cache compares. */
  etag: string;
  source: VoiceClip['source'];
}

const etagOf = (source: ClipBytes['source'], data: Uint8Array) =>
  `${source === 'rekaman' ? 'r' : 's'}-${createHash('sha256').update(data).digest('hex').slice(0, 20)}`;

/** The shipped clip set of one host, read from disk once (± 1.6 MB for the whole set). */
class ShippedClips {
  private manifest: Promise<Manifest | null> | null = null;
  private readonly bytes = new Map<string, Promise<Uint8Array | null>>();
  constructor(
    private readonly dir: string | null,
    private readonly ctx: ServiceContext,
  ) {}

  list(): Promise<Manifest | null> {
    this.manifest ??= this.dir
      ? readFile(join(this.dir, 'manifest.json'), 'utf8').then(
          (text) => JSON.parse(text) as Manifest,
          (error: unknown) => {
            this.ctx.log.warn('suara: manifest klip bawaan tidak terbaca', error);
            return null;
          },
        )
      : Promise.resolve(null);
    return this.manifest;
  }

  read(key: string): Promise<Uint8Array | null> {
    let pending = this.bytes.get(key);
    if (!pending) {
      pending = this.list().then(async (manifest) => {
        const entry = manifest?.clips[key];
        if (!entry || !this.dir) return null;
        try {
          return new Uint8Array(await readFile(join(this.dir, entry.file)));
        } catch (error) {
          this.ctx.log.warn(`suara: klip bawaan ${key} tidak terbaca`, error);
          return null;
        }
      });
      this.bytes.set(key, pending);
    }
    return pending;
  }
}

const shippedByHost = new WeakMap<ServiceContext, ShippedClips>();
function shipped(ctx: ServiceContext): ShippedClips {
  let clips = shippedByHost.get(ctx);
  if (!clips) shippedByHost.set(ctx, (clips = new ShippedClips(ctx.voiceDir, ctx)));
  return clips;
}

/** The clip played for a key: the puskesmas's recording when there is one, else the shipped file. */
export async function readClip(ctx: ServiceContext, key: string): Promise<ClipBytes | null> {
  const recorded = await readRecordedClip(ctx.db, key);
  if (recorded) return { key, mime: recorded.mime as ClipMime, data: recorded.data, etag: etagOf('rekaman', recorded.data), source: 'rekaman' };
  const data = await shipped(ctx).read(key);
  return data ? { key, mime: 'audio/wav', data, etag: etagOf('bawaan', data), source: 'bawaan' } : null;
}

const invalid = (path: string, message: string) => new LoketError('VALIDATION', message, [{ path, message }]);

export function voiceHandlers(ctx: ServiceContext): Handlers<keyof typeof voiceMethods> {
  /** Fixed clips, then one per unit that is active or already has a recording. */
  async function list(): Promise<VoiceClipInfo[]> {
    const [units, recorded, manifest] = await Promise.all([listUnits(ctx.db), listRecordedClips(ctx.db), shipped(ctx).list()]);
    const byKey = new Map(recorded.map((r) => [r.key, r]));
    const catalogue = clipCatalogue(units.filter((u) => u.active || byKey.has(unitClipKey(u.code))));
    return catalogue.map((clip) => {
      const own = byKey.get(clip.key);
      const file = manifest?.clips[clip.key];
      return {
        ...clip,
        shipped: file !== undefined,
        recorded: own !== undefined,
        durationMs: own?.durationMs ?? file?.durationMs ?? null,
        updatedAt: own?.updatedAt ?? null,
        updatedBy: own?.updatedBy ?? null,
      };
    });
  }

  /** A key of the fixed set or of a unit in the unit table (a new unit can be recorded before anything ships for it). */
  async function requireKnownKey(key: string): Promise<void> {
    if (fixedClipKeys.includes(key)) return;
    const units = await listUnits(ctx.db);
    if (!units.some((u) => unitClipKey(u.code) === key)) throw invalid('key', `Klip "${key}" tidak dikenal: pilih klip dari daftar suara.`);
  }

  return {
    'voice.list': list,

    'voice.clip': async ({ key }) => {
      const clip = await readClip(ctx, key);
      if (!clip) throw new LoketError('NOT_FOUND', `Klip suara "${key}" tidak ada: belum direkam dan tidak ada suara bawaan.`);
      return { key, mime: clip.mime, source: clip.source, etag: clip.etag, dataBase64: Buffer.from(clip.data).toString('base64') };
    },

    'voice.save': async ({ key, audioBase64, durationMs }, call) => {
      await requireKnownKey(key);
      const data = new Uint8Array(Buffer.from(audioBase64, 'base64'));
      if (data.length > VOICE_MAX_CLIP_BYTES) throw invalid('audioBase64', 'Rekaman terlalu besar (maksimal 1 MiB). Rekam lebih pendek.');
      const mime = sniffAudio(data);
      if (!mime) throw invalid('audioBase64', 'Rekaman bukan berkas suara WAV, WebM atau Ogg.');
      let duration = durationMs;
      if (mime === 'audio/wav') {
        const info = wavInfo(data);
        if (!info) throw invalid('audioBase64', 'Berkas WAV rusak atau tidak berisi suara PCM.');
        duration = info.durationMs;
        if (duration < 50 || duration > 20_000) throw invalid('audioBase64', 'Panjang rekaman harus antara 0,05 dan 20 detik.');
      }
      const userId = actorOf(call).id;
      await ctx.db
        .transaction()
        .execute((trx) => saveRecordedClip(trx, { key, mime, data, durationMs: duration, at: ctx.now().toISOString(), userId }));
      ctx.events.emit('voice.changed', { key });
      const saved = (await list()).find((c) => c.key === key);
      if (!saved) throw new Error(`voice.save: ${key} tidak ada di daftar setelah disimpan`);
      return saved;
    },

    'voice.reset': async ({ key }) => {
      const removed = await ctx.db.transaction().execute((trx) => deleteRecordedClip(trx, key));
      if (!removed) throw new LoketError('NOT_FOUND', 'Klip ini belum pernah direkam ulang; yang diputar sudah suara bawaan.');
      ctx.events.emit('voice.changed', { key });
      return { ok: true as const };
    },

    'voice.preview': async ({ ticket, place }) => {
      if (place.kind === 'loket') return { text: announcementText(ticket, place), clips: announcementClips(ticket, place) };
      const unit = (await listUnits(ctx.db)).find((u) => u.code === place.code);
      if (!unit) throw new LoketError('NOT_FOUND', `Unit dengan kode ${place.code} tidak ada.`);
      const spoken = { kind: 'unit' as const, code: unit.code, name: unit.name };
      return { text: announcementText(ticket, spoken), clips: announcementClips(ticket, spoken) };
    },
  };
}
