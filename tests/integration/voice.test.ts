import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoketEvent, Unit, VoiceClip, VoiceClipInfo } from '../../src-main/contract';
import { fixedClipKeys } from '../../src-main/domain/pengumuman';
import { encodeWav16 } from '../../src-renderer/audio/pcm';
import { adminToken, httpHost, type HttpHost } from '../helpers/host';

/** A 0.5 s tone as the re-recording screen would send it. */
function toneWav(seconds = 0.5, rate = 22050): Uint8Array {
  return encodeWav16(
    Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / rate)),
    rate,
  );
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('voice clips: shipped set, re-recordings, GET /voice/:key', () => {
  let h: HttpHost;
  let admin: string;
  const events: LoketEvent[] = [];
  async function ok<T>(method: string, input: unknown, token: string | null = admin): Promise<T> {
    const r = await h.call<T>(method, input, token);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value;
  }
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${h.url}${path}`, { headers });
  const stored = async () => (await ok<VoiceClipInfo[]>('voice.list', {})).filter((c) => c.recorded).map((c) => c.key);

  beforeAll(async () => {
    h = await httpHost();
    admin = await adminToken(h);
    h.host.ctx.events.subscribe((e) => events.push(e));
  });
  afterAll(async () => h.cleanup());

  it('lists the fixed clips and one per active unit, all shipped with their durations', async () => {
    const list = await ok<VoiceClipInfo[]>('voice.list', {});
    const units = await ok<Unit[]>('units.list', {});
    expect(list.map((c) => c.key)).toEqual([...fixedClipKeys, ...units.filter((u) => u.active).map((u) => `unit-${u.code.toLowerCase()}`)]);
    expect(list.every((c) => c.shipped && !c.recorded && c.durationMs! > 0)).toBe(true);
    expect(list.find((c) => c.key === 'huruf-b')).toMatchObject({ group: 'huruf', label: 'Huruf B', text: 'be' });
    expect(list.find((c) => c.key === 'unit-gigi')).toMatchObject({ group: 'unit', label: 'Poli Gigi dan Mulut', text: 'poli gigi dan mulut' });
    expect(list.find((c) => c.key === 'bel')?.durationMs).toBe(1200);
    expect((await h.call('voice.list', {}, null)).status).toBe(401);
  });

  it('serves shipped clips over HTTP with an ETag, answers 304 to a matching If-None-Match, 404 otherwise', async () => {
    const response = await get('/voice/bel');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"s-[0-9a-f]{20}"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('RIFF');
    const again = await get('/voice/bel', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    for (const path of ['/voice/tidak-ada', '/voice/BEL', '/voice/..%2Fmanifest.json', `/voice/${'a'.repeat(41)}`])
      expect((await get(path)).status).toBe(404);
    // The same bytes through the contract, for the Electron window (no HTTP origin there).
    const clip = await ok<VoiceClip>('voice.clip', { key: 'bel' }, null);
    expect(clip).toMatchObject({ mime: 'audio/wav', source: 'bawaan', etag: etag.slice(1, -1) });
    expect(Buffer.from(clip.dataBase64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect((await h.call('voice.clip', { key: 'tidak-ada' })).status).toBe(404);
  });

  it('a re-recording replaces the shipped clip at once (new ETag, event) and reset brings the shipped one back', async () => {
    const before = (await get('/voice/huruf-a')).headers.get('etag');
    events.length = 0;
    const saved = await ok<VoiceClipInfo>('voice.save', { key: 'huruf-a', audioBase64: b64(toneWav()), durationMs: 9999 });
    // A WAV's own length counts, not what the browser claimed.
    expect(saved).toMatchObject({ key: 'huruf-a', recorded: true, shipped: true, durationMs: 500, updatedBy: 'Admin Puskesmas' });
    expect(events.map((e) => [e.name, e.payload])).toEqual([['voice.changed', { key: 'huruf-a' }]]);
    const now = await get('/voice/huruf-a', { 'If-None-Match': before! });
    expect(now.status).toBe(200);
    expect(now.headers.get('etag')).toMatch(/^"r-/);
    expect(new Uint8Array(await now.arrayBuffer())).toEqual(toneWav());
    expect((await ok<VoiceClip>('voice.clip', { key: 'huruf-a' })).source).toBe('rekaman');

    // Recording again overwrites; WebM and Ogg are kept as they are, with the browser's duration.
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);
    expect(await ok<VoiceClipInfo>('voice.save', { key: 'huruf-a', audioBase64: b64(webm), durationMs: 640 })).toMatchObject({ durationMs: 640 });
    expect((await get('/voice/huruf-a')).headers.get('content-type')).toBe('audio/webm');

    expect(await ok('voice.reset', { key: 'huruf-a' })).toEqual({ ok: true });
    expect((await get('/voice/huruf-a')).headers.get('etag')).toBe(before);
    const again = await h.call('voice.reset', { key: 'huruf-a' }, admin);
    expect(again.status).toBe(404);
    expect(again.body.ok ? '' : again.body.error.message).toMatch(/belum pernah direkam ulang/);
  });

  it('refuses unknown keys, files that are not audio, broken WAVs and oversized recordings, storing nothing', async () => {
    const refuse = async (input: object, status: number, message: RegExp) => {
      const r = await h.call('voice.save', { key: 'huruf-c', audioBase64: b64(toneWav()), durationMs: 500, ...input }, admin);
      expect(r.status).toBe(status);
      expect(r.body.ok ? '' : r.body.error.message).toMatch(message);
    };
    await refuse({ key: 'kata-asing' }, 400, /Klip "kata-asing" tidak dikenal/);
    await refuse({ key: 'Huruf A' }, 400, /Kunci klip/);
    await refuse({ audioBase64: b64(new TextEncoder().encode('<html>bukan suara</html>')) }, 400, /bukan berkas suara WAV, WebM atau Ogg/);
    await refuse({ audioBase64: b64(toneWav().subarray(0, 40)) }, 400, /WAV rusak/);
    await refuse({ audioBase64: b64(toneWav(24)) }, 400, /terlalu besar \(maksimal 1 MiB\)/);
    await refuse({ audioBase64: b64(toneWav(22)) }, 400, /antara 0,05 dan 20 detik/);
    await refuse({ audioBase64: b64(toneWav(0.01)) }, 400, /antara 0,05 dan 20 detik/);
    await refuse({ audioBase64: 'bukan base64!' }, 400, /base64/);
    // A body beyond the method's own limit is cut off before it is read.
    const huge = await h.call('voice.save', { key: 'huruf-c', audioBase64: 'A'.repeat(2 * 1024 * 1024), durationMs: 500 }, admin);
    expect(huge.status).toBe(413);
    expect((await h.call('voice.save', { key: 'huruf-c', audioBase64: b64(toneWav()), durationMs: 500 }, null)).status).toBe(401);
    await h.call('users.create', { username: 'daftar1', fullName: 'Petugas Daftar', role: 'pendaftaran', password: 'daftar-rahasia' }, admin);
    const clerk = (await ok<{ token: string }>('auth.login', { username: 'daftar1', password: 'daftar-rahasia' }, null)).token;
    expect((await h.call('voice.save', { key: 'huruf-c', audioBase64: b64(toneWav()), durationMs: 500 }, clerk)).status).toBe(403);
    expect((await h.call('voice.reset', { key: 'huruf-c' }, clerk)).status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('a new unit has no shipped clip until it is recorded; it can be recorded before anything ships for it', async () => {
    await ok<Unit>('units.save', { code: 'FISIO', name: 'Poli Fisioterapi', cluster: 'lintas' });
    const listed = (await ok<VoiceClipInfo[]>('voice.list', {})).find((c) => c.key === 'unit-fisio');
    expect(listed).toMatchObject({ shipped: false, recorded: false, durationMs: null, text: 'poli fisioterapi' });
    expect((await get('/voice/unit-fisio')).status).toBe(404);
    await ok('voice.save', { key: 'unit-fisio', audioBase64: b64(toneWav(0.8)), durationMs: 800 });
    expect((await get('/voice/unit-fisio')).status).toBe(200);
    await ok('voice.reset', { key: 'unit-fisio' });
    expect((await get('/voice/unit-fisio')).status).toBe(404);
  });

  it('previews the whole sentence with its clips, for a loket or a unit', async () => {
    expect(await ok('voice.preview', { ticket: 'a12', place: { kind: 'loket', number: 1 } })).toEqual({
      text: 'Nomor antrean A dua belas, silakan menuju loket satu',
      clips: ['bel', 'nomor-antrean', 'huruf-a', 'dua', 'belas', 'silakan-menuju', 'loket', 'satu'],
    });
    expect(await ok('voice.preview', { ticket: 'B111', place: { kind: 'unit', code: 'gigi' } })).toEqual({
      text: 'Nomor antrean B seratus sebelas, silakan menuju poli gigi dan mulut',
      clips: ['bel', 'nomor-antrean', 'huruf-b', 'seratus', 'sebelas', 'silakan-menuju', 'unit-gigi'],
    });
    expect((await h.call('voice.preview', { ticket: 'A1', place: { kind: 'unit', code: 'TIDAKADA' } }, admin)).status).toBe(404);
    const bad = await h.call('voice.preview', { ticket: '12A', place: { kind: 'loket', number: 1 } }, admin);
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'ticket' }] } } });
  });
});

describe('voice clips on a host without the shipped set', () => {
  it('lists nothing as shipped and serves only recordings', async () => {
    const h = await httpHost({ voiceDir: null });
    try {
      const admin = await adminToken(h);
      const list = await h.call<VoiceClipInfo[]>('voice.list', {}, admin);
      expect(list.body.ok && list.body.value.every((c) => !c.shipped && c.durationMs === null)).toBe(true);
      expect((await fetch(`${h.url}/voice/bel`)).status).toBe(404);
      await h.call('voice.save', { key: 'bel', audioBase64: b64(toneWav()), durationMs: 500 }, admin);
      expect((await fetch(`${h.url}/voice/bel`)).status).toBe(200);
    } finally {
      await h.cleanup();
    }
  });
});
