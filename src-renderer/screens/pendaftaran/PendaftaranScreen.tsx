import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { clusterLabels, payerLabels, type PatientRecord, type PatientSummary, type Visit } from '../../../src-main/contract';
import { asClientError, useClient } from '../../api/react';
import type { ClientError } from '../../api/client';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { receiptJob } from '../../components/receipt';
import { ErrorNote, Screen } from '../../components/ui';
import { CounterBar } from '../antrean/CounterBar';
import { hariIni, tanggalPendek, umur } from '../../lib/format';
import { AppointmentList } from './Appointments';
import { uniqueMatch, rupiah } from './logic';
import { PatientForm, type PatientFormMode } from './PatientForm';
import { RegistrationPanel, type PanelRequest } from './RegistrationPanel';
import './pendaftaran.css';

const DEBOUNCE_MS = 150;

/** The last visit registered at this counter: shown until the next one, so the clerk can tell the patient. */
interface Done {
  visit: Visit;
  warnings: string[];
  /** The kwitansi has been printed once: later prints are marked SALINAN. */
  receiptPrinted?: boolean;
  /** What the last print did ("Kwitansi … dikirim ke printer …"). */
  printed?: string;
}

const needsReceipt = (visit: Visit) => visit.payer === 'umum' && visit.fee > 0;

/**
 * The registration counter: find the patient (typed or scanned), then register the visit in
 * the panel on the right; F3 / Alt+B for a new patient; F4 for today's control appointments.
 * A returning patient takes: scan (or RM + Enter), Space for the BPJS faskes confirmation,
 * Enter to register.
 */
export function PendaftaranScreen() {
  const client = useClient();
  const { settings, can } = useSession();
  const today = hariIni(settings.timeZone);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  /** The last answer, for the query it answers; older queries' answers are dropped. */
  const [answer, setAnswer] = useState<{ query: string; rows: PatientSummary[]; error: ClientError | null } | null>(null);
  const [active, setActive] = useState(0);
  const [panel, setPanel] = useState<PanelRequest | null>(null);
  const [form, setForm] = useState<PatientFormMode | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  /** Enter pressed before the answer came (a scanner types faster than the search answers). */
  const enterFor = useRef<string | null>(null);
  /** The newest answer as soon as it arrives (before React renders it): a fast Enter must see it. */
  const arrived = useRef<{ query: string; rows: PatientSummary[] } | null>(null);
  const q = query.trim();
  const canCreate = can('pasien:input');
  const canCorrect = can('pasien:correction');

  const focusSearch = () => {
    // After React has put the search view back.
    setTimeout(() => {
      input.current?.focus();
      input.current?.select();
    }, 0);
  };

  useEffect(() => {
    input.current?.focus();
  }, []);

  const open = (request: PanelRequest) => {
    enterFor.current = null;
    setPanel(request);
  };

  useEffect(() => {
    if (q === '') return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('patients.search', { query: q, limit: 30 }).then(
        (rows) => {
          // A slower answer to an older query must not overwrite the newer one.
          if (!current) return;
          arrived.current = { query: q, rows };
          setAnswer({ query: q, rows, error: null });
          setActive(0);
          if (enterFor.current === q) {
            enterFor.current = null;
            const match = uniqueMatch(q, rows);
            if (match) setPanel({ patientId: match.id });
          }
        },
        (e: unknown) => {
          if (current) setAnswer((a) => ({ query: q, rows: a?.rows ?? [], error: asClientError(e) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, q]);

  const results = q === '' || !answer ? null : answer;
  const searching = q !== '' && answer?.query !== q;
  const error = results?.error ?? null;
  const rows = results?.rows ?? [];

  const startNew = () => {
    setPanel(null);
    setForm({ kind: 'baru' });
  };
  useShortcut({ keys: 'F2', label: 'Ke kolom pencarian pasien', group: 'Pendaftaran', handler: focusSearch }, form === null);
  useShortcut({ keys: 'F3 / Alt+B', label: 'Pasien baru (isi dari KTP)', group: 'Pendaftaran', handler: startNew }, form === null && canCreate);
  useShortcut({ keys: 'ArrowUp / ArrowDown', label: 'Pilih baris hasil pencarian', group: 'Pendaftaran' });
  useShortcut({
    keys: 'Enter',
    label: 'Buka pendaftaran kunjungan pasien yang dipilih (kartu yang dipindai langsung terbuka)',
    group: 'Pendaftaran',
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (rows.length === 0) return;
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(rows.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (q === '') return;
      const known = arrived.current?.query === q ? arrived.current.rows : null;
      if (!known) {
        // The answer is on its way: open it when it names one patient without doubt.
        enterFor.current = q;
        return;
      }
      const row = known === rows ? rows[active] : known[0];
      if (row) open({ patientId: row.id });
    }
  };

  useEffect(() => {
    document.getElementById(`pasien-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const closePanel = () => {
    setPanel(null);
    focusSearch();
  };
  const printReceipt = (visit: Visit, copy: boolean) => setPrintJob(receiptJob(client, visit.id, copy));
  const registered = (visit: Visit, warnings: string[]) => {
    setDone({ visit, warnings });
    setPanel(null);
    // Ready for the next patient in the queue: an empty search field with the focus.
    setQuery('');
    setAnswer(null);
    // A pasien umum takes the kwitansi to the cashier: the preview opens, Enter prints it.
    if (needsReceipt(visit) && can('kunjungan:view')) printReceipt(visit, false);
    else focusSearch();
  };
  const receiptDone = (printed: string | null) => {
    setPrintJob(null);
    if (printed) setDone((d) => (d ? { ...d, receiptPrinted: true, printed } : d));
    focusSearch();
  };
  useShortcut(
    {
      keys: 'Alt+W',
      label: 'Cetak kwitansi kunjungan terakhir (salinan bila sudah dicetak)',
      group: 'Pendaftaran',
      handler: () => (done ? printReceipt(done.visit, done.receiptPrinted ?? false) : undefined),
    },
    done !== null && needsReceipt(done.visit) && panel === null && form === null && printJob === null,
  );
  const patientSaved = (patient: PatientRecord, warnings: string[], created: boolean) => {
    setForm(null);
    setQuery('');
    setAnswer(null);
    setPanel({
      patientId: patient.id,
      notices: warnings,
      headline: created
        ? `Pasien baru tersimpan: No. RM ${patient.rmNumber}. Cetak kartu berobat (Alt+C) dan label map berkas (Alt+M), lalu daftarkan kunjungannya.`
        : 'Data pasien sudah dikoreksi.',
    });
  };

  if (form) {
    return (
      <Screen
        title="Pendaftaran"
        subtitle={
          form.kind === 'baru'
            ? 'Pasien baru — isi sesuai urutan KTP, NIK lebih dulu.'
            : `Koreksi data pasien ${form.record.name} (${form.record.rmNumber}).`
        }
        focusHeading={false}
      >
        <div className="pendaftaran">
          <PatientForm
            key={form.kind === 'baru' ? 'baru' : form.record.id}
            mode={form}
            today={today}
            onSaved={(p, w) => patientSaved(p, w, form.kind === 'baru')}
            onUsePatient={(id) => {
              setForm(null);
              setPanel({ patientId: id, headline: 'Pasien yang sudah terdaftar dipakai; tidak ada pasien baru yang dibuat.' });
            }}
            onCancel={() => {
              const back = form.kind === 'koreksi' ? form.record.id : null;
              setForm(null);
              if (back !== null) setPanel({ patientId: back });
              else focusSearch();
            }}
          />
        </div>
      </Screen>
    );
  }

  return (
    <Screen
      title="Pendaftaran"
      subtitle="Cari pasien lama dengan No. RM, NIK, No. BPJS atau nama; pindai kartu berobat langsung ke kolom ini."
      focusHeading={false}
      actions={
        canCreate ? (
          <button type="button" className="btn btn-primary" onClick={startNew}>
            Pasien baru (F3)
          </button>
        ) : null
      }
    >
      <div className={`pendaftaran search-layout${panel ? ' with-detail' : ''}`}>
        <div className="search-main">
          <CounterBar />
          <div className="search-box">
            <label htmlFor="cari-pasien">Cari pasien</label>
            <input
              id="cari-pasien"
              ref={input}
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder="No. RM, NIK, No. BPJS atau nama pasien…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              aria-controls="hasil-pasien"
            />
            <span className="search-state" aria-live="polite">
              {searching ? 'Mencari…' : results ? `${rows.length} pasien ditemukan` : ''}
            </span>
          </div>
          {done ? <DoneNote done={done} onPrintReceipt={() => printReceipt(done.visit, done.receiptPrinted ?? false)} /> : null}
          {printJob ? <PrintPreview job={printJob} onClose={receiptDone} /> : null}
          {error ? <ErrorNote error={error} /> : null}
          {results === null ? (
            <>
              <p className="empty">
                Ketik No. RM, NIK (16 angka), No. BPJS (13 angka) atau nama pasien. Pilih dengan ↑ ↓ lalu Enter.
                {canCreate ? ' Pasien baru: F3.' : ''}
              </p>
              <AppointmentList today={today} onCheckIn={(a) => open({ patientId: a.patient.id, appointmentId: a.id })} />
            </>
          ) : rows.length === 0 ? (
            <p className="empty">
              Tidak ada pasien yang cocok dengan “{results.query}”. Periksa ejaan atau cari dengan nomor identitas
              {canCreate ? '; bila memang belum terdaftar, tekan F3 untuk pasien baru.' : '.'}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table table-select" id="hasil-pasien" aria-label="Hasil pencarian pasien">
                <thead>
                  <tr>
                    <th>No. RM</th>
                    <th>Nama</th>
                    <th className="col-narrow">L/P</th>
                    <th>Tanggal lahir (umur)</th>
                    <th>Desa/Kelurahan</th>
                    <th className="col-wide-only">Kunjungan terakhir</th>
                    <th className="col-wide-only">Penjamin</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p, i) => (
                    <tr
                      key={p.id}
                      id={`pasien-${i}`}
                      aria-current={i === active ? 'true' : undefined}
                      className={i === active ? 'row-active' : undefined}
                      onClick={() => {
                        setActive(i);
                        open({ patientId: p.id });
                      }}
                    >
                      <td className="mono">{p.rmNumber}</td>
                      <td className="strong">{p.name}</td>
                      <td>{p.sex}</td>
                      <td>
                        {tanggalPendek(p.birthDate)} <span className="muted">({umur(p.birthDate, today)})</span>
                      </td>
                      <td>{p.village ?? '—'}</td>
                      <td className="col-wide-only">{tanggalPendek(p.lastVisitDate)}</td>
                      <td className="col-wide-only">{payerLabels[p.payerDefault]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        {panel ? (
          <RegistrationPanel
            key={`${panel.patientId}-${panel.appointmentId ?? ''}-${panel.headline ?? ''}`}
            request={panel}
            today={today}
            onRegistered={registered}
            onClose={closePanel}
            onEdit={
              canCorrect
                ? (record) => {
                    setPanel(null);
                    setForm({ kind: 'koreksi', record });
                  }
                : null
            }
          />
        ) : null}
      </div>
    </Screen>
  );
}

function DoneNote({ done: { visit, warnings, receiptPrinted, printed }, onPrintReceipt }: { done: Done; onPrintReceipt: () => void }) {
  const unpaid = needsReceipt(visit) && !visit.paidAt;
  return (
    <div className="done-note" role="status" data-testid="pendaftaran-selesai">
      <div className="done-seq" aria-label={`Nomor register ${visit.seq}`}>
        <span>No.</span>
        <strong data-testid="nomor-register">{visit.seq}</strong>
      </div>
      <div className="done-body">
        <div className="done-title">
          <strong>{visit.patient.name}</strong> <span className="mono">({visit.patient.rmNumber})</span> terdaftar ke{' '}
          <strong>{visit.unitName}</strong>
        </div>
        <div className="done-facts">
          {clusterLabels[visit.cluster]} · {payerLabels[visit.payer]}
          {visit.insuranceName ? ` (${visit.insuranceName})` : ''} · {visit.kunjunganBaru ? 'kunjungan baru' : 'kunjungan lama'} ·{' '}
          {visit.pasienBaru ? 'pasien baru' : 'pasien lama'}
          {visit.emergency ? ' · gawat darurat' : ''}
          {visit.appointmentId ? ' · jadwal kontrol hadir' : ''}
        </div>
        {unpaid ? (
          <div className="done-pay">
            Belum bayar {rupiah(visit.fee)}
            {visit.tariffName ? ` — ${visit.tariffName}` : ''}: arahkan pasien ke kasir lebih dulu.
          </div>
        ) : null}
        {needsReceipt(visit) ? (
          <div className="done-print">
            {printed ? <span role="status">{printed} </span> : null}
            <button type="button" className="btn btn-small" onClick={onPrintReceipt}>
              {receiptPrinted ? 'Cetak salinan kwitansi (Alt+W)' : 'Cetak kwitansi (Alt+W)'}
            </button>
          </div>
        ) : null}
        {warnings.map((w) => (
          <div key={w} className="done-warn">
            {w}
          </div>
        ))}
      </div>
    </div>
  );
}
