import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useSubmit } from '../../components/form';
import { Badge, CheckField, EmptyNote, ErrorNote, FormFooter, Panel, RemoteView, TextField } from '../../components/ui';
import { tanggalPendek } from '../../lib/format';

/** One side of a merge: search by RM, NIK or name, then pick a result. */
function PatientPicker({
  label,
  value,
  onPick,
  exclude,
}: {
  label: string;
  value: PatientSummary | null;
  onPick: (p: PatientSummary | null) => void;
  exclude?: number;
}) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PatientSummary[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let stale = false;
    const timer = setTimeout(() => {
      client.call('patients.search', { query: q, limit: 8 }).then(
        (found) => !stale && setResults(found.filter((p) => p.id !== exclude)),
        () => !stale && setResults([]),
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, query, exclude]);
  const shown = query.trim().length < 2 ? [] : results;

  if (value) {
    return (
      <div className="merge-side" aria-label={label}>
        <h3>{label}</h3>
        <p className="strong">{value.name}</p>
        <p className="mono">No. RM {value.rmNumber}</p>
        <p>
          {value.sex} · lahir {tanggalPendek(value.birthDate)} · {value.village ?? 'desa belum diisi'}
        </p>
        <button type="button" className="btn btn-small" onClick={() => onPick(null)}>
          Ganti pasien
        </button>
      </div>
    );
  }
  return (
    <div className="merge-side">
      <TextField label={label} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="No. RM, NIK atau nama" />
      <ul className="pick-list" aria-label={`Hasil pencarian ${label.toLowerCase()}`}>
        {shown.map((p) => (
          <li key={p.id}>
            <button type="button" className="btn btn-small" onClick={() => onPick(p)}>
              <span className="mono">{p.rmNumber}</span> {p.name} ({p.sex}, {tanggalPendek(p.birthDate)})
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Gabung pasien: two records of one person become one. Every visit, appointment and folder
 * request moves to the kept patient; the merge is listed below and can be undone exactly.
 */
export function MergePanel() {
  const client = useClient();
  const { can } = useSession();
  const history = useRemote('patients.merges', {}, { refreshOn: ['patients.changed', 'patients.imported'] });
  const [keep, setKeep] = useState<PatientSummary | null>(null);
  const [merge, setMerge] = useState<PatientSummary | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const form = useSubmit(
    async () => {
      if (!keep || !merge) throw new Error('Pilih kedua pasien terlebih dahulu.');
      if (!checked) throw new Error('Centang konfirmasi bahwa keduanya orang yang sama.');
      return client.call('patients.merge', { keepId: keep.id, mergeId: merge.id, reason });
    },
    {
      savedText: 'Pasien digabung. Penggabungan dapat dibatalkan dari riwayat di bawah.',
      onDone: () => {
        setMerge(null);
        setReason('');
        setChecked(false);
        history.reload();
      },
    },
  );
  const [undoing, setUndoing] = useState<number | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const undoMerge = (mergeId: number) => {
    setUndoing(mergeId);
    setUndoError(null);
    client.call('patients.unmerge', { mergeId }).then(
      () => {
        setUndoing(null);
        history.reload();
      },
      (error: unknown) => {
        setUndoing(null);
        setUndoError(asClientError(error).message);
      },
    );
  };

  return (
    <Panel title="Gabung pasien ganda" className="wide-panel">
      {can('rekam_medis:correction') ? (
        <form onSubmit={form.onSubmit} noValidate>
          <p className="muted small">
            Pastikan keduanya orang yang sama dengan dua penanda: nama lengkap dan tanggal lahir. Kunjungan, jadwal kontrol dan permintaan berkas
            pasien ganda pindah ke pasien yang dipertahankan; data pasien ganda tidak dihapus.
          </p>
          <div className="merge-grid">
            <PatientPicker label="Pasien yang dipertahankan" value={keep} onPick={setKeep} exclude={merge?.id} />
            <PatientPicker label="Pasien ganda (digabung)" value={merge} onPick={setMerge} exclude={keep?.id} />
          </div>
          <TextField
            label="Alasan"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={form.fieldError('reason')}
            wide
            placeholder="mis. terdaftar dua kali, ejaan lama"
          />
          <CheckField label="Saya sudah memeriksa: keduanya orang yang sama" checked={checked} onChange={setChecked} />
          <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Gabungkan" disabled={!keep || !merge} />
        </form>
      ) : (
        <p className="muted">Penggabungan pasien hanya oleh perekam medis atau administrator.</p>
      )}
      <h3>Riwayat penggabungan</h3>
      {undoError ? <ErrorNote error={undoError} /> : null}
      <RemoteView remote={history} empty={(list) => (list.length === 0 ? <EmptyNote>Belum ada penggabungan.</EmptyNote> : null)}>
        {(list) => (
          <table className="table table-compact" aria-label="Riwayat penggabungan">
            <thead>
              <tr>
                <th>Dipertahankan</th>
                <th>Digabung</th>
                <th>Alasan</th>
                <th>Dipindah</th>
                <th>Waktu</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id}>
                  <td>
                    <span className="mono">{m.kept.rmNumber}</span> {m.kept.name}
                  </td>
                  <td>
                    <span className="mono">{m.merged.rmNumber}</span> {m.merged.name}
                  </td>
                  <td>{m.reason}</td>
                  <td className="num">
                    {m.moved.visits} kunjungan, {m.moved.appointments} jadwal
                  </td>
                  <td>{tanggalPendek(m.mergedAt.slice(0, 10))}</td>
                  <td>
                    {m.undoneAt ? (
                      <Badge tone="off">Dibatalkan</Badge>
                    ) : can('rekam_medis:correction') ? (
                      <button type="button" className="btn btn-small" disabled={undoing !== null} onClick={() => undoMerge(m.id)}>
                        Batalkan
                      </button>
                    ) : (
                      <Badge tone="ok">Aktif</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RemoteView>
    </Panel>
  );
}
