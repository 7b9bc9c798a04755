import { useEffect, useRef, useState, type FormEvent } from 'react';
import { clipGroupLabels, clipGroups, type VoiceClipInfo } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import type { Outcome } from '../../audio/announcer';
import { encodeWav16, normaliseLoudness, trimSilence } from '../../audio/pcm';
import { useAnnouncer } from '../../audio/react';
import { Badge, ErrorNote, Panel, RemoteView, SelectField, TextField } from '../../components/ui';

/** Recordings are stored like the shipped clips: trimmed, evened out, 16-bit mono WAV at 22.05 kHz. */
const SAMPLE_RATE = 22050;
const MAX_RECORDING_MS = 10_000;

const detik = (ms: number) => `${(ms / 1000).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} detik`;

function describeOutcome(outcome: Outcome): string {
  if (outcome.mode === 'klip') {
    const last = outcome.schedule[outcome.schedule.length - 1];
    const first = outcome.schedule[0];
    return `Diputar dari ${outcome.schedule.length} klip tanpa jeda tambahan, ${detik(last && first ? (last.end - first.start) * 1000 : 0)}.`;
  }
  if (outcome.reason === 'suara-belum-aktif') return 'Suara belum aktif di peramban ini. Tekan tombol lagi.';
  const missing = outcome.missing.length ? ` Klip belum ada: ${outcome.missing.join(', ')}.` : '';
  if (outcome.mode === 'suara-sistem') return `Diucapkan dengan suara sistem (id-ID).${missing}`;
  if (outcome.reason === 'gagal-memuat') return 'Klip tidak dapat dimuat dari host. Periksa sambungan.';
  return `Tidak ada suara.${missing} Rekam klip yang belum ada; tanpa suara sistem Indonesia, layar hanya menampilkan teks.`;
}

/** Why the microphone cannot be used here, or null when it can. */
function microphoneProblem(): string | null {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia)
    return 'Perekaman memerlukan koneksi aman: rekam dari aplikasi Loket atau dari peramban di komputer host (alamat http://localhost:…). Dari alamat jaringan (http://192.168.…) peramban mematikan mikrofon.';
  if (typeof MediaRecorder === 'undefined') return 'Peramban ini tidak dapat merekam suara. Gunakan Chrome, Edge atau Firefox terbaru.';
  return null;
}

/** The recording as stored: mono, resampled, silence trimmed, loudness evened out, WAV. */
async function toClip(recording: Blob): Promise<{ wav: Uint8Array; durationMs: number }> {
  const decoded = await new OfflineAudioContext(1, 1, SAMPLE_RATE).decodeAudioData(await recording.arrayBuffer());
  const mono = new Float32Array(decoded.length);
  for (let c = 0; c < decoded.numberOfChannels; c++) {
    const channel = decoded.getChannelData(c);
    for (let i = 0; i < mono.length; i++) mono[i]! += channel[i]! / decoded.numberOfChannels;
  }
  const trimmed = trimSilence(mono, decoded.sampleRate, { padStartMs: 30, padEndMs: 80 });
  if (trimmed.length < decoded.sampleRate * 0.05) throw new Error('Tidak ada suara yang terekam. Periksa mikrofon, lalu rekam lagi.');
  const { samples } = normaliseLoudness(trimmed, decoded.sampleRate);
  return { wav: encodeWav16(samples, decoded.sampleRate), durationMs: Math.round((samples.length / decoded.sampleRate) * 1000) };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type RecorderState =
  | { step: 'siap' }
  | { step: 'merekam'; recorder: MediaRecorder }
  | { step: 'memproses' }
  | { step: 'selesai'; wav: Uint8Array; durationMs: number }
  | { step: 'menyimpan'; wav: Uint8Array; durationMs: number };

/** Record → stop → listen → save, for one clip. Focus follows the next thing to press. */
function Recorder({ clip, onDone }: { clip: VoiceClipInfo; onDone: (saved: boolean) => void }) {
  const client = useClient();
  const announcer = useAnnouncer();
  const [state, setState] = useState<RecorderState>({ step: 'siap' });
  const [error, setError] = useState<string | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const listenButton = useRef<HTMLButtonElement>(null);
  const streamRef = useRef<MediaStream | null>(null);

  useEffect(() => {
    if (state.step === 'merekam') stopButton.current?.focus();
    if (state.step === 'selesai') listenButton.current?.focus();
  }, [state.step]);
  // Leaving the row releases the microphone.
  useEffect(() => () => streamRef.current?.getTracks().forEach((t) => t.stop()), []);
  // A recording that runs on is stopped after 10 s (a clip is one word or phrase).
  useEffect(() => {
    if (state.step !== 'merekam') return;
    const timer = setTimeout(() => state.recorder.stop(), MAX_RECORDING_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const start = async () => {
    setError(null);
    void announcer.enableSound();
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: true, autoGainControl: true } });
    } catch {
      setError('Mikrofon tidak dapat dipakai: izin ditolak atau tidak ada mikrofon terpasang.');
      return;
    }
    streamRef.current = stream;
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = () => {
      stream.getTracks().forEach((t) => t.stop());
      streamRef.current = null;
      setState({ step: 'memproses' });
      toClip(new Blob(chunks, { type: recorder.mimeType })).then(
        (clipData) => setState({ step: 'selesai', ...clipData }),
        (e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
          setState({ step: 'siap' });
        },
      );
    };
    recorder.start();
    setState({ step: 'merekam', recorder });
  };

  const save = async () => {
    if (state.step !== 'selesai') return;
    setState({ ...state, step: 'menyimpan' });
    try {
      await client.call('voice.save', { key: clip.key, audioBase64: toBase64(state.wav), durationMs: state.durationMs });
      onDone(true);
    } catch (e) {
      setError(asClientError(e).message);
      setState({ ...state, step: 'selesai' });
    }
  };

  return (
    <div className="suara-recorder" role="group" aria-label={`Rekam ulang ${clip.label}`}>
      {clip.text ? (
        <span>
          Ucapkan: <strong>“{clip.text}”</strong>
        </span>
      ) : (
        <span>Rekam nada bel</span>
      )}
      {state.step === 'siap' ? (
        <button type="button" className="btn btn-small btn-primary" onClick={() => void start()} autoFocus>
          Mulai rekam
        </button>
      ) : null}
      {state.step === 'merekam' ? (
        <button type="button" className="btn btn-small btn-primary" ref={stopButton} onClick={() => state.recorder.stop()}>
          Berhenti
        </button>
      ) : null}
      {state.step === 'memproses' ? <span role="status">Memproses rekaman…</span> : null}
      {state.step === 'selesai' || state.step === 'menyimpan' ? (
        <>
          <span className="muted">{detik(state.durationMs)}</span>
          <button type="button" className="btn btn-small" ref={listenButton} onClick={() => void announcer.playBytes(state.wav.slice().buffer)}>
            Dengarkan
          </button>
          <button type="button" className="btn btn-small btn-primary" disabled={state.step === 'menyimpan'} onClick={() => void save()}>
            {state.step === 'menyimpan' ? 'Menyimpan…' : 'Simpan'}
          </button>
          <button type="button" className="btn btn-small" disabled={state.step === 'menyimpan'} onClick={() => void start()}>
            Rekam lagi
          </button>
        </>
      ) : null}
      <button type="button" className="btn btn-small" onClick={() => onDone(false)} disabled={state.step === 'menyimpan'}>
        Batal
      </button>
      {state.step === 'merekam' ? (
        <span role="status" className="text-error">
          ● Merekam…
        </span>
      ) : null}
      {error ? (
        <span className="text-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Type a ticket, choose a place, hear the whole call and read its caption. */
function SentencePreview() {
  const client = useClient();
  const announcer = useAnnouncer();
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const counters = useRemote('counters.list', {}, { refreshOn: ['reference.changed'] });
  const [ticket, setTicket] = useState('A012');
  const [place, setPlace] = useState('loket:1');
  const [caption, setCaption] = useState<{ text: string; clips: string[] } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  const places = [
    ...(counters.data ?? []).filter((c) => c.active).map((c) => ({ value: `loket:${c.number}`, label: `Loket ${c.number}` })),
    ...(units.data ?? []).filter((u) => u.active).map((u) => ({ value: `unit:${u.code}`, label: u.name })),
  ];
  if (places.length === 0) places.push({ value: 'loket:1', label: 'Loket 1' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    void announcer.enableSound();
    setError(null);
    setOutcome(null);
    setBusy(true);
    const [kind, value] = place.split(':') as ['loket' | 'unit', string];
    try {
      const sentence = await client.call('voice.preview', {
        ticket,
        place: kind === 'loket' ? { kind, number: Number(value) } : { kind, code: value },
      });
      setCaption(sentence);
      setOutcome(await announcer.announce(sentence));
    } catch (err) {
      setError(asClientError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="Coba kalimat panggilan">
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label="Nomor antrean"
          value={ticket}
          onChange={(e) => setTicket(e.target.value.toUpperCase())}
          error={error?.fieldMessage('ticket')}
          hint="mis. A012, B7, KIA003"
          maxLength={8}
        />
        <SelectField label="Tujuan" value={place} onChange={(e) => setPlace(e.target.value)} options={places} />
        <div className="form-buttons">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Memutar…' : 'Dengarkan kalimat'}
          </button>
        </div>
      </form>
      {error && !error.fieldMessage('ticket') ? <ErrorNote error={error} /> : null}
      {caption ? (
        <div aria-live="polite">
          <p className="suara-caption" data-testid="suara-caption">
            {caption.text}
          </p>
          <p className="muted small" data-testid="suara-hasil" data-jadwal={outcome ? JSON.stringify(outcome) : undefined}>
            Klip: {caption.clips.join(' · ')}
            {outcome ? ` — ${describeOutcome(outcome)}` : busy ? ' — memutar…' : ''}
          </p>
        </div>
      ) : null}
    </Panel>
  );
}

function SourceBadge({ clip }: { clip: VoiceClipInfo }) {
  if (clip.recorded) return <Badge tone="accent">Rekaman puskesmas</Badge>;
  if (clip.shipped) return <Badge tone="ok">Bawaan</Badge>;
  return <Badge tone="warn">Belum ada</Badge>;
}

/**
 * Pengaturan → Suara: the clips of the queue voice, each playable; staff with the right to
 * correct settings re-record any of them with the microphone or go back to the shipped one.
 */
export function SuaraTab() {
  const client = useClient();
  const announcer = useAnnouncer();
  const { can } = useSession();
  const clips = useRemote('voice.list', {}, { refreshOn: ['voice.changed', 'reference.changed'] });
  const [recording, setRecording] = useState<string | null>(null);
  /** The clip whose recorder just closed: its "Rekam ulang" gets the focus once React has put it back. */
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (refocus === null || recording !== null) return;
    document.querySelector<HTMLElement>(`tr[data-klip="${refocus}"] [data-aksi="rekam"]`)?.focus();
  }, [refocus, recording]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const canEdit = can('pengaturan:correction');
  const problem = canEdit ? microphoneProblem() : null;

  const play = (clip: VoiceClipInfo) => {
    void announcer.enableSound();
    void announcer.announce({ clips: [clip.key], text: clip.text, speechFallback: false }).then((o) => {
      if (o.mode !== 'klip') setMessage({ ok: false, text: `${clip.label}: ${describeOutcome(o)}` });
    });
  };
  const reset = async (clip: VoiceClipInfo) => {
    try {
      await client.call('voice.reset', { key: clip.key });
      setMessage({ ok: true, text: `${clip.label}: kembali ke suara bawaan.` });
    } catch (e) {
      setMessage({ ok: false, text: asClientError(e).message });
    }
  };

  return (
    <div className="suara-groups">
      <SentencePreview />
      {problem ? (
        <p className="note suara-note" role="note">
          {problem}
        </p>
      ) : null}
      <div aria-live="polite">
        {message ? (
          <p className={message.ok ? 'text-ok' : 'text-error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        ) : null}
      </div>
      <RemoteView remote={clips}>
        {(list) => (
          <>
            {clipGroups.map((group) => {
              const rows = list.filter((c) => c.group === group);
              if (rows.length === 0) return null;
              return (
                <Panel key={group} title={clipGroupLabels[group]}>
                  <div className="table-wrap">
                    <table className="table table-compact suara-table">
                      <thead>
                        <tr>
                          <th>Klip</th>
                          <th>Diucapkan</th>
                          <th>Sumber</th>
                          <th className="num">Durasi</th>
                          <th className="col-action">
                            <span className="sr-only">Aksi</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((clip) => (
                          <tr key={clip.key} data-klip={clip.key}>
                            <td>{clip.label}</td>
                            <td>{clip.text ? `“${clip.text}”` : '—'}</td>
                            <td>
                              <SourceBadge clip={clip} />
                              {clip.recorded && clip.updatedBy ? <span className="muted small"> oleh {clip.updatedBy}</span> : null}
                            </td>
                            <td className="num">{clip.durationMs ? detik(clip.durationMs) : '—'}</td>
                            <td className="col-action">
                              {recording === clip.key ? (
                                <Recorder
                                  clip={clip}
                                  onDone={(saved) => {
                                    setRecording(null);
                                    // The recorder is replaced by the row's buttons: the focus goes back to its "Rekam ulang"
                                    // after that render (a timer could fire before React has committed it).
                                    setRefocus(clip.key);
                                    if (saved) setMessage({ ok: true, text: `${clip.label}: rekaman baru disimpan dan langsung dipakai.` });
                                  }}
                                />
                              ) : (
                                <div className="suara-actions">
                                  <button
                                    type="button"
                                    className="btn btn-small"
                                    onClick={() => play(clip)}
                                    disabled={!clip.shipped && !clip.recorded}
                                    aria-label={`Putar ${clip.label}`}
                                  >
                                    Putar
                                  </button>
                                  {canEdit ? (
                                    <button
                                      type="button"
                                      className="btn btn-small"
                                      data-aksi="rekam"
                                      onClick={() => setRecording(clip.key)}
                                      disabled={problem !== null || recording !== null}
                                      aria-label={`Rekam ulang ${clip.label}`}
                                    >
                                      Rekam ulang
                                    </button>
                                  ) : null}
                                  {canEdit && clip.recorded ? (
                                    <button
                                      type="button"
                                      className="btn btn-small"
                                      onClick={() => void reset(clip)}
                                      aria-label={`Kembalikan ${clip.label} ke bawaan`}
                                    >
                                      Kembalikan ke bawaan
                                    </button>
                                  ) : null}
                                </div>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </Panel>
              );
            })}
          </>
        )}
      </RemoteView>
    </div>
  );
}
