import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../src-main/contract';
import { asClientError, useClient, useLoketEvent } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { Badge, EmptyNote, ErrorNote, Panel } from '../../components/ui';
import { jam, tanggalPendek, tanggalPendekWaktu } from '../../lib/format';
import { folderNames, StatusBadge } from './ScanPanel';

type History = OutputOf<'folders.history'>;

const methodLabels = { scan: 'dipindai', ketik: 'diketik', sistem: 'sistem' } as const;

/** "Di mana berkas?": the folder's place now, every move (from, to, who, when, scanned or typed) and every completeness check. */
export function FolderHistory() {
  const client = useClient();
  const { settings } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  useShortcut({ keys: 'Alt+C', label: 'Ke kolom "Di mana berkas?"', group: 'Rekam Medis', handler: () => input.current?.focus() });

  // Opening the tab (Alt+M) lands in its field.
  useEffect(() => input.current?.focus(), []);

  const load = async (value: string) => {
    setError(null);
    try {
      const { folder } = await client.call('folders.locate', { code: value });
      setHistory(await client.call('folders.history', { folderId: folder.id }));
    } catch (e) {
      setHistory(null);
      setError(asClientError(e).message);
    }
  };
  // The shown folder moves while the clerk looks at it: keep its history current.
  useLoketEvent(['folders.changed'], (e) => {
    if (history && e.name === 'folders.changed' && (e.payload as { folderId: number }).folderId === history.folder.id)
      void load(history.folder.rmNumber);
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const value = code.trim();
    if (value) void load(value);
  };
  const at = (iso: string) => `${tanggalPendekWaktu(iso, settings.timeZone)} ${jam(iso, settings.timeZone)}`;

  return (
    <Panel title="Di mana berkas?">
      <form onSubmit={onSubmit} className="scan-form" role="search">
        <label htmlFor="locate-rm" className="scan-label">
          No. RM <kbd>Alt+C</kbd>
        </label>
        <input
          id="locate-rm"
          ref={input}
          className="mono"
          value={code}
          autoComplete="off"
          placeholder="Pindai atau ketik No. RM, lalu Enter"
          onChange={(e) => setCode(e.target.value)}
        />
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {history ? (
        <div className="locate-grid" data-testid="riwayat-berkas">
          <div>
            <p className="scan-folder">
              <span className="scan-rm mono">{history.folder.rmNumber}</span> <StatusBadge folder={history.folder} />
              {history.folder.volumes > 1 ? (
                <Badge>
                  Jilid {history.folder.volume} dari {history.folder.volumes}
                </Badge>
              ) : null}
            </p>
            {history.folder.combinedInto ? (
              <p className="note">
                Isi berkas ini sudah disatukan ke berkas <span className="mono">{history.folder.combinedInto.rmNumber}</span> (pasien digabung).
              </p>
            ) : null}
            {history.folder.volumes > 1 ? (
              <p className="muted small">Jilid lain dicari dengan No. RM diikuti /J dan nomor jilidnya, misalnya {history.folder.rmNumber}/J1.</p>
            ) : null}
            <p className="strong">{folderNames(history.folder)}</p>
            <p>
              Sekarang: <span className="strong">{history.folder.place.label}</span>
              {history.folder.outSince ? <> sejak {at(history.folder.outSince)}</> : null}
            </p>
            <p>
              {history.folder.section}, <span className="mono">{history.folder.shelfKey}</span>
            </p>
            {history.folder.borrower ? (
              <p>
                Peminjam: {history.folder.borrower}, kembali paling lambat {tanggalPendek(history.folder.dueDate)}
              </p>
            ) : null}
            {history.folder.openReviewId !== null ? <Badge tone="warn">Belum lengkap, di unit untuk dilengkapi</Badge> : null}
            {history.folder.awaitingReview ? <Badge tone="accent">Menunggu pemeriksaan kelengkapan</Badge> : null}
          </div>
          <div>
            {history.movements.length === 0 ? (
              <EmptyNote>Belum pernah keluar dari rak.</EmptyNote>
            ) : (
              <table className="table table-compact" aria-label="Riwayat perpindahan berkas">
                <thead>
                  <tr>
                    <th>Waktu</th>
                    <th>Langkah</th>
                    <th>Dari</th>
                    <th>Ke</th>
                    <th>Petugas</th>
                    <th>Cara</th>
                  </tr>
                </thead>
                <tbody>
                  {history.movements.map((m) => (
                    <tr key={m.id}>
                      <td className="nowrap">{at(m.at)}</td>
                      <td>
                        {m.label}
                        {m.reason ? <span className="muted"> — {m.reason}</span> : null}
                      </td>
                      <td>{m.from ?? '—'}</td>
                      <td>{m.to}</td>
                      <td>{m.userName ?? '—'}</td>
                      <td>{methodLabels[m.method]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {history.reviews.length > 0 ? (
              <table className="table table-compact" aria-label="Riwayat pemeriksaan kelengkapan">
                <thead>
                  <tr>
                    <th>Diperiksa</th>
                    <th>Unit</th>
                    <th>Hasil</th>
                  </tr>
                </thead>
                <tbody>
                  {history.reviews.map((r) => (
                    <tr key={r.id}>
                      <td className="nowrap">{at(r.reviewedAt)}</td>
                      <td>{r.unitName}</td>
                      <td>{r.complete ? 'Lengkap' : `Belum lengkap: ${r.missing.join(', ')}${r.resolvedAt ? ' (sudah dilengkapi)' : ''}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
