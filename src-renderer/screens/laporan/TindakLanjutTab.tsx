import { useMemo, useRef, useState, type FormEvent } from 'react';
import { followUpStatusLabels, type FollowUp, type InputOf } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { EmptyNote, ErrorNote, Panel, RemoteView, TextField } from '../../components/ui';
import { hariIni, jam, tanggalPanjang } from '../../lib/format';
import { saveDownload } from '../register/download';
import './rekap.css';

const GROUP = 'Tindak lanjut pustu';

/**
 * Tindak lanjut pustu (seed 001 step 14): mark a visit of the day for follow-up in the patient's
 * village, and the list per pustu and village — printed (Alt+P) or saved as Excel (Alt+X) for
 * the pustu, then ticked off as done.
 */
export function TindakLanjutTab() {
  const { settings, can } = useSession();
  const canMark = can('kunjungan:input') || can('surat:input');
  const today = hariIni(settings.timeZone);
  const client = useClient();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [pustu, setPustu] = useState('');
  const [status, setStatus] = useState('');
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [actionError, setActionError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const shared = useRemote('settings.get', {});

  const filter = useMemo(() => {
    const f: InputOf<'followUps.list'> = { from, to };
    if (pustu) f.pustu = pustu;
    if (status) f.status = status as FollowUp['status'];
    return f;
  }, [from, to, pustu, status]);
  const validRange = from !== '' && to !== '' && from <= to;
  const list = useRemote('followUps.list', filter, { enabled: validRange });

  const print = () => setPrintJob({ label: 'Tindak lanjut pustu', printer: 'letter', load: () => client.call('documents.followUps', filter) });
  const exportXlsx = async () => {
    setActionError(null);
    setSaved(null);
    try {
      const file = await client.call('followUps.exportXlsx', filter);
      saveDownload(file);
      setSaved(file.fileName);
    } catch (e) {
      setActionError(asClientError(e));
    }
  };
  const toggle = async (f: FollowUp) => {
    setActionError(null);
    try {
      await client.call('followUps.setStatus', { id: f.id, status: f.status === 'dikirim' ? 'selesai' : 'dikirim' });
      list.reload();
    } catch (e) {
      setActionError(asClientError(e));
    }
  };
  const idle = printJob === null;
  useShortcut({ keys: 'Alt+P', label: 'Cetak daftar tindak lanjut (pratinjau)', group: GROUP, handler: print }, idle && validRange);
  useShortcut(
    { keys: 'Alt+X', label: 'Simpan daftar tindak lanjut sebagai Excel (.xlsx)', group: GROUP, handler: () => void exportXlsx() },
    idle && validRange,
  );
  useShortcut({ keys: 'Alt+F', label: 'Ke saringan tanggal', group: GROUP, handler: () => document.getElementById('tindak-dari')?.focus() }, idle);

  return (
    <div className="rekap">
      {canMark ? <MarkPanel today={today} onMarked={list.reload} enabled={idle} /> : null}
      <Panel
        title="Daftar tindak lanjut per pustu"
        actions={
          <div className="rekap-actions">
            <button type="button" className="btn" onClick={print} disabled={!validRange}>
              Cetak <kbd>Alt+P</kbd>
            </button>
            <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={!validRange}>
              Excel <kbd>Alt+X</kbd>
            </button>
          </div>
        }
      >
        <div className="rekap-period" role="group" aria-label="Saringan daftar">
          <label htmlFor="tindak-dari">Kunjungan dari</label>
          <input id="tindak-dari" type="date" value={from} onChange={(e) => setFrom(e.target.value)} title="Alt+F" />
          <label htmlFor="tindak-sampai">sampai</label>
          <input id="tindak-sampai" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          <label htmlFor="tindak-pustu">Pustu</label>
          <select id="tindak-pustu" value={pustu} onChange={(e) => setPustu(e.target.value)}>
            <option value="">Semua</option>
            {(shared.data?.reports.pustu ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
            <option value="-">Tanpa pustu</option>
          </select>
          <label htmlFor="tindak-status">Status</label>
          <select id="tindak-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Semua</option>
            <option value="dikirim">Dikirim ke pustu</option>
            <option value="selesai">Selesai</option>
          </select>
        </div>
        {actionError ? <ErrorNote error={actionError} /> : null}
        {saved ? (
          <p className="muted" role="status">
            Tersimpan: {saved}
          </p>
        ) : null}
        {!validRange ? (
          <ErrorNote error="Tanggal akhir tidak boleh sebelum tanggal awal." />
        ) : (
          <RemoteView remote={list}>
            {(l) =>
              l.count === 0 ? (
                <EmptyNote>Tidak ada kunjungan yang ditandai untuk ditindaklanjuti pada periode ini.</EmptyNote>
              ) : (
                <div data-testid="tindak-daftar">
                  {l.groups.map((g) => (
                    <section key={g.label} className="tindak-group" aria-label={g.label}>
                      <h3>{g.label}</h3>
                      {g.villages.map((v) => (
                        <div key={v.code ?? '-'}>
                          <h4>
                            {v.name} ({v.items.length})
                          </h4>
                          <table className="table">
                            <thead>
                              <tr>
                                <th>Tanggal</th>
                                <th>No. RM</th>
                                <th>Nama</th>
                                <th>Alamat</th>
                                <th>Telepon</th>
                                <th>Perlu ditindaklanjuti</th>
                                <th>Status</th>
                                <th />
                              </tr>
                            </thead>
                            <tbody>
                              {v.items.map((f) => (
                                <tr key={f.id}>
                                  <td>{tanggalPanjang(f.visitDate)}</td>
                                  <td className="mono">{f.patient.rmNumber}</td>
                                  <td>{f.patient.name}</td>
                                  <td>{f.patient.address || '–'}</td>
                                  <td className="mono">{f.patient.phone ?? '–'}</td>
                                  <td>
                                    {f.reason}
                                    {f.note ? <div className="muted">{f.note}</div> : null}
                                  </td>
                                  <td>{followUpStatusLabels[f.status]}</td>
                                  <td>
                                    {canMark ? (
                                      <button type="button" className="btn btn-small" onClick={() => void toggle(f)}>
                                        {f.status === 'dikirim' ? 'Tandai selesai' : 'Buka lagi'}
                                      </button>
                                    ) : null}
                                  </td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      ))}
                    </section>
                  ))}
                </div>
              )
            }
          </RemoteView>
        )}
      </Panel>
      {printJob ? <PrintPreview job={printJob} onClose={() => setPrintJob(null)} /> : null}
    </div>
  );
}

/** Search the day's visits by RM or name, pick one, say why: one Enter marks it. */
function MarkPanel({ today, onMarked, enabled }: { today: string; onMarked: () => void; enabled: boolean }) {
  const { settings } = useSession();
  const client = useClient();
  const search = useRef<HTMLInputElement>(null);
  const [date, setDate] = useState(today);
  const [query, setQuery] = useState('');
  const [visitId, setVisitId] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ClientError | string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const visits = useRemote('followUps.visitsOfDay', { date, query }, { enabled: date !== '', refreshOn: ['visits.changed'] });
  useShortcut({ keys: 'Alt+N', label: 'Tandai kunjungan untuk tindak lanjut', group: GROUP, handler: () => search.current?.focus() }, enabled);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (!visitId) return setError('Pilih kunjungan dari daftar.');
    try {
      const f = await client.call('followUps.mark', { visitId: Number(visitId), reason, ...(note ? { note } : {}) });
      setDone(`${f.patient.name} ditandai: ${f.pustu ? `pustu ${f.pustu}` : f.villageName}.`);
      setVisitId('');
      setReason('');
      setNote('');
      visits.reload();
      onMarked();
      search.current?.focus();
    } catch (err) {
      setError(asClientError(err));
    }
  };
  return (
    <Panel title="Tandai kunjungan untuk tindak lanjut di kelurahan" className="rekap-panel">
      <form className="tindak-form" onSubmit={(e) => void submit(e)} aria-label="Tandai tindak lanjut">
        <div>
          <div className="rekap-period">
            <label htmlFor="tindak-tanggal">Tanggal kunjungan</label>
            <input id="tindak-tanggal" type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} />
            <label htmlFor="tindak-cari">Cari No. RM / nama</label>
            <input
              id="tindak-cari"
              ref={search}
              value={query}
              title="Alt+N"
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                // Down arrow goes to the list, as in the other search fields.
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  document.getElementById('tindak-kunjungan')?.focus();
                }
              }}
            />
          </div>
          <label className="sr-only" htmlFor="tindak-kunjungan">
            Kunjungan
          </label>
          <select
            id="tindak-kunjungan"
            className="tindak-visits"
            size={8}
            value={visitId}
            onChange={(e) => setVisitId(e.target.value)}
            style={{ width: '100%' }}
          >
            {(visits.data?.visits ?? []).map((v) => (
              <option key={v.visitId} value={v.visitId} disabled={v.followUpId !== null}>
                {v.seq}. {jam(v.registeredAt, settings.timeZone)} · {v.rmNumber} {v.name} — {v.unitName}
                {v.villageName ? ` (${v.villageName})` : ''}
                {v.followUpId !== null ? ' · sudah ditandai' : ''}
              </option>
            ))}
          </select>
          {visits.data && visits.data.visits.length === 0 ? <p className="muted">Tidak ada kunjungan yang cocok pada tanggal ini.</p> : null}
        </div>
        <div>
          <TextField label="Perlu ditindaklanjuti" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} required />
          <TextField label="Catatan untuk pustu (boleh kosong)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          <button type="submit" className="btn btn-primary">
            Tandai dan kirim ke pustu
          </button>
          {error ? <ErrorNote error={error} /> : null}
          {done ? (
            <p className="muted" role="status">
              {done}
            </p>
          ) : null}
        </div>
      </form>
    </Panel>
  );
}
