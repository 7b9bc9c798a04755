import { useState } from 'react';
import { letterKindLabels, letterKinds, letterStatusLabels, type Letter, type LetterKind } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { Badge, EmptyNote, ErrorNote, Panel, RemoteView, SelectField, TextField } from '../../components/ui';
import { tanggalPendek } from '../../lib/format';
import { saveDownload } from '../register/download';
import { letterPrintJob } from './TerbitkanSurat';

/** Every letter issued: filter by kind, dates and text; reprint (SALINAN), PDF, cancel with a reason. */
export function DaftarSurat() {
  const client = useClient();
  const { can } = useSession();
  const [kind, setKind] = useState<LetterKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const list = useRemote(
    'letters.list',
    {
      ...(kind ? { kind } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(text.trim().length >= 2 ? { text: text.trim() } : {}),
      limit: 200,
    },
    { refreshOn: ['letters.changed'] },
  );
  const [preview, setPreview] = useState<PrintJob | null>(null);
  const [cancelling, setCancelling] = useState<Letter | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const pdf = (l: Letter) => {
    setProblem(null);
    client.call('letters.pdf', { id: l.id }).then(saveDownload, (e: unknown) => setProblem(asClientError(e).message));
  };
  const cancel = () => {
    if (!cancelling) return;
    setProblem(null);
    client.call('letters.cancel', { id: cancelling.id, reason }).then(
      () => {
        setCancelling(null);
        setReason('');
      },
      (e: unknown) => setProblem(asClientError(e).message),
    );
  };

  return (
    <Panel title="Daftar surat">
      <div className="form-grid surat-filters" role="search">
        <SelectField
          label="Jenis"
          value={kind}
          onChange={(e) => setKind(e.target.value as LetterKind | '')}
          options={[{ value: '', label: 'Semua jenis' }, ...letterKinds.map((k) => ({ value: k, label: letterKindLabels[k] }))]}
        />
        <TextField label="Dari tanggal" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Sampai tanggal" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <TextField label="Cari nomor, nama atau No. RM" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {problem ? <ErrorNote error={problem} /> : null}
      {cancelling ? (
        <form
          className="surat-cancel"
          onSubmit={(e) => {
            e.preventDefault();
            cancel();
          }}
        >
          <TextField label={`Alasan membatalkan ${cancelling.number}`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          <button type="submit" className="btn btn-primary">
            Batalkan surat
          </button>
          <button type="button" className="btn" onClick={() => setCancelling(null)}>
            Tidak jadi
          </button>
        </form>
      ) : null}
      <RemoteView remote={list} empty={(l) => (l.length === 0 ? <EmptyNote>Belum ada surat yang cocok.</EmptyNote> : null)}>
        {(letters) => (
          <table className="table surat-table">
            <thead>
              <tr>
                <th>Tanggal</th>
                <th>Nomor</th>
                <th>Jenis</th>
                <th>Pasien</th>
                <th>Penanda tangan</th>
                <th>Status</th>
                <th>Cetak</th>
                <th aria-label="Tindakan" />
              </tr>
            </thead>
            <tbody>
              {letters.map((l) => (
                <tr key={l.id}>
                  <td>{tanggalPendek(l.issuedDate)}</td>
                  <td className="mono">{l.number}</td>
                  <td>{letterKindLabels[l.kind]}</td>
                  <td>
                    <span className="mono">{l.patient.rmNumber}</span> {l.patient.name}
                  </td>
                  <td>{l.signer.name}</td>
                  <td>
                    <Badge tone={l.status === 'batal' ? 'off' : 'ok'}>{letterStatusLabels[l.status]}</Badge>
                    {l.cancelReason ? <div className="small muted">{l.cancelReason}</div> : null}
                  </td>
                  <td>{l.prints}×</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => setPreview(letterPrintJob(client, l, l.prints > 0))}>
                      {l.prints > 0 ? 'Cetak ulang (SALINAN)' : 'Cetak'}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => pdf(l)}>
                      PDF
                    </button>
                    {can('surat:correction') && l.status === 'terbit' ? (
                      <button type="button" className="btn btn-small" onClick={() => setCancelling(l)}>
                        Batalkan
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </RemoteView>
      {preview ? <PrintPreview job={preview} onClose={() => setPreview(null)} /> : null}
    </Panel>
  );
}
