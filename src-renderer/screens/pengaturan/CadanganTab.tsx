import { useEffect, useRef, useState } from 'react';
import type { BackupCopy, BackupFacts, BackupRun, BackupStatus } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useSubmit } from '../../components/form';
import { Badge, CheckField, EmptyNote, FormFooter, Panel, RemoteView, TextField } from '../../components/ui';
import { angka } from '../../lib/format';

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB` : `${angka(Math.ceil(bytes / 1024))} KB`;
const when = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Backups of the host's database: where the copies go (another disk or a USB drive), when, with
 * which passphrase; the copies there; a copy made now; a restore with a preview of what it holds.
 */
export function CadanganTab() {
  const client = useClient();
  const status = useRemote('backup.status', {});
  return (
    <RemoteView remote={status}>
      {(s) => (
        <div className="stack">
          <BackupSettings status={s} onChanged={() => status.reload()} />
          <BackupCopies status={s} onChanged={() => status.reload()} run={() => client.call('backup.run', {})} />
        </div>
      )}
    </RemoteView>
  );
}

function BackupSettings({ status, onChanged }: { status: BackupStatus; onChanged: () => void }) {
  const client = useClient();
  const { can } = useSession();
  const editable = can('pengaturan:correction');
  const [folder, setFolder] = useState(status.folder ?? '');
  const [time, setTime] = useState(status.time);
  const [encrypt, setEncrypt] = useState(status.encrypted);
  const [passphrase, setPassphrase] = useState('');
  const dirty = useRef(false);
  useEffect(() => {
    if (dirty.current) return;
    setFolder(status.folder ?? '');
    setTime(status.time);
    setEncrypt(status.encrypted);
  }, [status]);
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      dirty.current = true;
      set(v);
    };
  const form = useSubmit(
    () =>
      client.call('backup.configure', {
        folder: folder.trim() === '' ? null : folder.trim(),
        time,
        // Unchanged encryption keeps the stored passphrase; a new one replaces it.
        ...(!encrypt ? { passphrase: null } : passphrase !== '' ? { passphrase } : {}),
      }),
    {
      savedText: 'Pengaturan cadangan tersimpan.',
      onDone: () => {
        dirty.current = false;
        setPassphrase('');
        onChanged();
      },
    },
  );
  return (
    <Panel title="Cadangan basis data" className="wide-panel">
      <p className="muted small">
        Loket menyalin basis data setiap hari setelah jam yang diatur (dan sekali lagi saat Loket ditutup) ke folder di disk lain atau flashdisk,
        memeriksa salinannya, dan menyimpan 7 salinan harian, 4 mingguan dan 12 bulanan. Bawa salah satu salinan ke luar puskesmas secara berkala
        (lihat panduan).
      </p>
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-three" aria-label="Pengaturan cadangan">
        <fieldset disabled={!editable} className="contents">
          <TextField
            label="Folder cadangan"
            value={folder}
            placeholder="mis. D:\Cadangan Loket atau E:\ (flashdisk)"
            onChange={(e) => touch(setFolder)(e.target.value)}
            error={form.fieldError('folder')}
            hint={`Kosongkan untuk mematikan cadangan. Jangan di dalam folder data (${status.dataDir}).`}
          />
          <TextField
            label="Jam cadangan harian"
            type="time"
            value={time}
            onChange={(e) => touch(setTime)(e.target.value)}
            error={form.fieldError('time')}
          />
          <CheckField label="Enkripsi dengan kata sandi (AES-256)" checked={encrypt} onChange={touch(setEncrypt)} disabled={!editable} />
          {encrypt ? (
            <TextField
              label={status.encrypted ? 'Kata sandi baru (kosong: tetap)' : 'Kata sandi cadangan'}
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => touch(setPassphrase)(e.target.value)}
              error={form.fieldError('passphrase')}
              hint="Minimal 8 karakter. Simpan di tempat aman: tanpa kata sandi ini salinan tidak dapat dipulihkan."
            />
          ) : null}
        </fieldset>
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan" disabled={!editable} />
      </form>
    </Panel>
  );
}

function BackupCopies({ status, onChanged, run }: { status: BackupStatus; onChanged: () => void; run: () => Promise<BackupRun> }) {
  const client = useClient();
  const { can, settings } = useSession();
  const [busy, setBusy] = useState(false);
  const [lastRun, setLastRun] = useState<BackupRun | null>(null);
  const [chosen, setChosen] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [facts, setFacts] = useState<BackupFacts | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const shown = lastRun ?? status.lastRun;

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const ref = () => ({ file: chosen.trim(), ...(passphrase ? { passphrase } : {}) });
  const pick = (c: BackupCopy) => {
    setChosen(c.file);
    setFacts(null);
    setConfirm(false);
  };

  return (
    <Panel
      title="Salinan"
      actions={
        can('pengaturan:input') ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy || !status.folder}
            onClick={() =>
              void act(async () => {
                setLastRun(await run());
                onChanged();
              })
            }
          >
            Buat cadangan sekarang
          </button>
        ) : null
      }
    >
      {shown ? (
        <p className={shown.ok ? 'note' : 'text-error'} role="status">
          {when(shown.at, settings.timeZone)}: {shown.message}
        </p>
      ) : null}
      {status.restorePending ? (
        <p className="note" role="status">
          <Badge tone="warn">Pemulihan menunggu</Badge> Tutup Loket di komputer host lalu buka lagi untuk menyelesaikan pemulihan.
        </p>
      ) : null}
      {status.copies.length === 0 ? (
        <EmptyNote>{status.folder ? 'Belum ada salinan di folder cadangan.' : 'Folder cadangan belum diatur.'}</EmptyNote>
      ) : (
        <table className="table table-compact" aria-label="Salinan cadangan">
          <thead>
            <tr>
              <th>Berkas</th>
              <th>Tanggal</th>
              <th>Jam</th>
              <th className="num">Ukuran</th>
              <th>Enkripsi</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {status.copies.map((c) => (
              <tr key={c.file} aria-selected={chosen === c.file}>
                <td className="mono">{c.file}</td>
                <td>{c.date}</td>
                <td>{c.time}</td>
                <td className="num">{size(c.bytes)}</td>
                <td>{c.encrypted ? 'ya' : 'tidak'}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => pick(c)}>
                    Pilih
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can('pengaturan:view') ? (
        <form
          className="form-grid form-three"
          aria-label="Pulihkan dari cadangan"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              setFacts(await client.call('backup.preview', ref()));
              setConfirm(false);
            });
          }}
        >
          <TextField
            label="Salinan yang diperiksa"
            value={chosen}
            placeholder="Pilih dari daftar, atau lokasi lengkap, mis. E:\loket-2026-11-23-1230.db.enc"
            onChange={(e) => {
              setChosen(e.target.value);
              setFacts(null);
            }}
          />
          <TextField
            label="Kata sandi salinan (bila terenkripsi)"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            hint="Kosong: kata sandi yang tersimpan di komputer ini"
          />
          <div className="form-buttons">
            <button type="submit" className="btn" disabled={busy || chosen.trim() === ''}>
              Periksa isi
            </button>
          </div>
        </form>
      ) : null}
      {facts ? (
        <div className="stack" data-testid="isi-cadangan">
          <p>
            <span className="mono">{facts.file}</span>: {angka(facts.patients)} pasien, {angka(facts.visits)} kunjungan (terakhir{' '}
            {facts.lastVisitDate ?? '—'}), {angka(facts.users)} pengguna
            {facts.folders !== null ? `, ${angka(facts.folders)} berkas` : ''}
            {facts.letters !== null ? `, ${angka(facts.letters)} surat` : ''}; skema {facts.schemaVersion}; pemeriksaan:{' '}
            <Badge tone={facts.quickCheck === 'ok' ? 'ok' : 'warn'}>{facts.quickCheck === 'ok' ? 'baik' : facts.quickCheck}</Badge>
          </p>
          {can('pengaturan:correction') && facts.quickCheck === 'ok' && facts.compatible ? (
            <form
              className="form-grid"
              aria-label="Konfirmasi pemulihan"
              onSubmit={(e) => {
                e.preventDefault();
                void act(async () => {
                  const out = await client.call('backup.restore', { ...ref(), confirm: true });
                  setMessage({ ok: true, text: out.message });
                  onChanged();
                });
              }}
            >
              <CheckField
                label="Saya mengerti: data sesudah salinan ini dibuat tidak ikut dipulihkan (basis data sekarang tetap disimpan sebagai salinan)."
                checked={confirm}
                onChange={setConfirm}
              />
              <div className="form-buttons">
                <button type="submit" className="btn btn-primary" disabled={busy || !confirm}>
                  Pulihkan dari salinan ini
                </button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className={message.ok ? 'note' : 'text-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </Panel>
  );
}
