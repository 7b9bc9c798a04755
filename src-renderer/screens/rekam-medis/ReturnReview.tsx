import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CompletenessReview, Folder } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { EmptyNote, ErrorNote, Panel, RemoteView } from '../../components/ui';
import { jam, tanggalPendekWaktu } from '../../lib/format';

/**
 * The completeness checklist (KLPCM) of a returned folder. Every item starts as present; the
 * clerk unticks what is missing (Tab, Space) and Enter saves: complete → the folder goes to its
 * shelf, incomplete → back to the unit with the slip of what is missing.
 */
export function ChecklistForm({
  folder,
  method,
  onClose,
}: {
  folder: Folder;
  method: 'scan' | 'ketik';
  onClose: (text: string | null, incomplete: CompletenessReview | null) => void;
}) {
  const client = useClient();
  const settings = useRemote('settings.get', {});
  const items = settings.data?.folders.completenessItems ?? [];
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useShortcut({ keys: 'Escape', label: 'Tutup daftar periksa (periksa nanti)', group: 'Kelengkapan', handler: () => onClose(null, null) });
  useShortcut({ keys: 'Space', label: 'Centang / hapus centang butir terpilih', group: 'Kelengkapan' });

  const loaded = items.length > 0;
  useEffect(() => {
    if (loaded) form.current?.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
  }, [loaded]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || !loaded) return;
    setBusy(true);
    setError(null);
    try {
      const out = await client.call('folders.review', {
        folderId: folder.id,
        method,
        items: items.map((item) => ({ item, present: !missing.has(item) })),
      });
      onClose(
        out.review.complete
          ? `Berkas ${folder.rmNumber} lengkap dan disimpan di rak (${out.folder.section}, ${out.folder.shelfKey}).`
          : `Berkas ${folder.rmNumber} belum lengkap (${out.review.missing.join(', ')}): dikembalikan ke ${out.review.unitName}.`,
        out.review.complete ? null : out.review,
      );
    } catch (err) {
      setError(asClientError(err).message);
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="checklist"
      aria-label={`Kelengkapan berkas ${folder.rmNumber}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        // Enter on a checkbox saves (browsers only submit from text fields).
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'checkbox') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <h3>
        Kelengkapan rekam medis — <span className="mono">{folder.rmNumber}</span>
      </h3>
      <p className="muted small">Hapus centang butir yang belum diisi (Tab pindah, Spasi mencentang), lalu Enter. Esc: periksa nanti.</p>
      {settings.error ? <ErrorNote error={settings.error} /> : null}
      <ul className="checklist-items">
        {items.map((item, i) => (
          <li key={item}>
            <label>
              <input
                type="checkbox"
                checked={!missing.has(item)}
                onChange={(e) => {
                  const next = new Set(missing);
                  if (e.target.checked) next.delete(item);
                  else next.add(item);
                  setMissing(next);
                }}
              />{' '}
              {i + 1}. {item}
            </label>
          </li>
        ))}
      </ul>
      {error ? <ErrorNote error={error} /> : null}
      <div className="form-buttons">
        <button type="button" className="btn" onClick={() => onClose(null, null)}>
          Nanti (Esc)
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !loaded}>
          {missing.size === 0 ? 'Lengkap: simpan di rak (Enter)' : `Belum lengkap: kembalikan ke unit (Enter)`}
        </button>
      </div>
    </form>
  );
}

/** Folders sent back to a unit to complete, until they return complete. */
export function IncompleteList({ onPrintSlip }: { onPrintSlip?: (review: CompletenessReview) => void }) {
  const { settings } = useSession();
  const list = useRemote('folders.incomplete', {}, { refreshOn: ['folders.changed'] });
  return (
    <Panel title="Berkas belum lengkap (dikembalikan ke unit)">
      <RemoteView remote={list} empty={(l) => (l.length === 0 ? <EmptyNote>Tidak ada berkas yang menunggu dilengkapi.</EmptyNote> : null)}>
        {(l) => (
          <table className="table table-compact" aria-label="Berkas belum lengkap">
            <thead>
              <tr>
                <th>No. RM</th>
                <th>Unit</th>
                <th>Dokter</th>
                <th>Yang kurang</th>
                <th>Diperiksa</th>
                {onPrintSlip ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {l.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{r.rmNumber}</td>
                  <td>{r.unitName}</td>
                  <td>{r.practitionerName ?? '—'}</td>
                  <td>{r.missing.join(', ')}</td>
                  <td>
                    {tanggalPendekWaktu(r.reviewedAt, settings.timeZone)} {jam(r.reviewedAt, settings.timeZone)}
                  </td>
                  {onPrintSlip ? (
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => onPrintSlip(r)}>
                        Cetak slip
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RemoteView>
    </Panel>
  );
}
