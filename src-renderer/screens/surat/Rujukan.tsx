import { useEffect, useState, type KeyboardEvent } from 'react';
import {
  followUpKindLabels,
  followUpKinds,
  letterPapers,
  professionLabels,
  referralStatusLabels,
  transportKinds,
  transportLabels,
  type Diagnosis,
  type LetterPaper,
  type PatientSummary,
  type Referral,
  type ReferralStatus,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';
import { useSubmit } from '../../components/form';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { Badge, CheckField, EmptyNote, FormFooter, Panel, RemoteView, SelectField, TextArea, TextField } from '../../components/ui';
import { tanggalPanjang, tanggalPendekWaktu } from '../../lib/format';
import { PatientLookup } from './PatientLookup';
import './rujukan.css';

/*
 * Rujukan tabs of the Surat screen: issuing a surat rujukan (SISRUTE set, diagnosis searched as
 * typed, destination from the directory), the internal slip, the status trail of open referrals
 * with the next step by keyboard, and the follow-up of admitted patients.
 */

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.replace(',', '.')));
/** Ctrl+Enter submits a form whose fields are text areas (Enter there is a new line). */
const submitOnCtrlEnter = (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key === 'Enter' && e.ctrlKey) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
};
const letterJob = (client: ReturnType<typeof useClient>, letterId: number, number: string): PrintJob => ({
  label: `Surat ${number}`,
  printer: 'letter',
  load: () => client.call('documents.letter', { id: letterId }),
});

/** The signer (doctors first) and the paper, shared by the two issuing forms. */
function useSignerAndPaper() {
  const practitioners = useRemote('practitioners.list', {}, { refreshOn: ['reference.changed'] });
  const settings = useRemote('settings.get', {}, { refreshOn: ['settings.changed'] });
  const active = (practitioners.data ?? []).filter((p) => p.active);
  const signers = [...active.filter((p) => p.profession === 'dokter'), ...active.filter((p) => p.profession !== 'dokter')];
  const [signerId, setSignerId] = useState('');
  const [paper, setPaper] = useState<LetterPaper | ''>('');
  return {
    signers,
    signerId: signerId || String(signers[0]?.id ?? ''),
    setSignerId,
    paper: paper || settings.data?.letters.paper || 'A4',
    setPaper,
  };
}

function SignerPaperFields({ s, error }: { s: ReturnType<typeof useSignerAndPaper>; error: (path: string) => string | undefined }) {
  return (
    <>
      <SelectField
        label="Dokter perujuk (penanda tangan)"
        value={s.signerId}
        onChange={(e) => s.setSignerId(e.target.value)}
        options={
          s.signers.length
            ? s.signers.map((p) => ({ value: String(p.id), label: `${p.name} — ${professionLabels[p.profession]}` }))
            : [{ value: '', label: '— belum ada tenaga kesehatan aktif —' }]
        }
        error={error('signerId')}
      />
      <SelectField
        label="Kertas"
        value={s.paper}
        onChange={(e) => s.setPaper(e.target.value as LetterPaper)}
        options={letterPapers.map((p) => ({ value: p, label: p === 'F4' ? 'F4 (215 × 330 mm)' : 'A4 (210 × 297 mm)' }))}
      />
    </>
  );
}

/**
 * Diagnosis searched as typed ("J06", "ispa"): ↓/↑ move through the list, Enter takes one. While
 * no list is imported the field is the diagnosis as written.
 */
function DiagnosisPicker({
  value,
  onChange,
  freeText,
  onFreeText,
  error,
}: {
  value: Diagnosis | null;
  onChange: (d: Diagnosis | null) => void;
  freeText: string;
  onFreeText: (s: string) => void;
  error?: string | undefined;
}) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Diagnosis[]>([]);
  const [listSize, setListSize] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  useEffect(() => {
    let live = true;
    client.call('diagnoses.search', { query, limit: 8 }).then(
      (r) => {
        if (!live) return;
        setItems(query.trim() === '' ? [] : r.items);
        setListSize(r.listSize);
        setActive(0);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, query]);

  if (listSize === 0)
    return (
      <TextField
        label="Diagnosis (daftar diagnosis belum diimpor: tulis kode dan nama)"
        value={freeText}
        onChange={(e) => onFreeText(e.target.value)}
        error={error}
        wide
      />
    );
  if (value)
    return (
      <div className="field field-wide rujukan-diagnosis-chosen">
        <span className="field-label">Diagnosis</span>
        <div>
          <span className="mono strong">{value.code}</span> {value.text} {/* Focus stays in the form after a pick: Tab goes on to the therapy. */}
          <button type="button" className="btn btn-small" onClick={() => onChange(null)} autoFocus>
            Ganti diagnosis
          </button>
        </div>
      </div>
    );
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && items[active]) onChange(items[active]);
    else return;
    e.preventDefault();
  };
  return (
    <div className="field-wide rujukan-diagnosis">
      <TextField
        label="Diagnosis — cari kode atau nama, ↓/↑ lalu Enter"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="rujukan-diagnosis-list"
        aria-activedescendant={items[active] ? `dx-${items[active].code}` : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKey}
        autoComplete="off"
        error={error}
      />
      {items.length > 0 ? (
        <ul id="rujukan-diagnosis-list" role="listbox" className="rujukan-options" aria-label="Hasil pencarian diagnosis">
          {items.map((d, i) => (
            <li key={d.code} id={`dx-${d.code}`} role="option" aria-selected={i === active} onMouseDown={() => onChange(d)}>
              <span className="mono">{d.code}</span> {d.text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Surat rujukan: patient by RM, clinical data, diagnosis, destination from the directory; Enter issues and opens the print preview. */
export function ReferralForm() {
  const client = useClient();
  const s = useSignerAndPaper();
  const directory = useRemote('referrals.directory', {}, { refreshOn: ['reference.changed'] });
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [facilityId, setFacilityId] = useState('');
  const [specialty, setSpecialty] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [f, setF] = useState({ anamnesis: '', physicalExam: '', supportingResults: '', therapy: '', reason: '' });
  const [v, setV] = useState({ systolic: '', diastolic: '', pulse: '', respiration: '', temperature: '', spo2: '' });
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  const [freeDiagnosis, setFreeDiagnosis] = useState('');
  const [preview, setPreview] = useState<PrintJob | null>(null);
  const facility = (directory.data ?? []).find((d) => String(d.facilityId) === facilityId);
  const form = useSubmit(
    () => {
      if (!patient) throw new Error('Pilih pasien dulu.');
      const free = /^([A-Za-z]\d[\w.]*)\s+(.+)$/.exec(freeDiagnosis.trim());
      return client.call('letters.createReferral', {
        patientId: patient.id,
        signerId: Number(s.signerId),
        paper: s.paper,
        ...(facilityId ? { facilityId: Number(facilityId) } : {}),
        specialty,
        emergency,
        ...f,
        vitals: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, num(x)])),
        ...(diagnosis
          ? { diagnosisCode: diagnosis.code }
          : free
            ? { diagnosisCode: free[1], diagnosisText: free[2] }
            : { diagnosisText: freeDiagnosis }),
      });
    },
    {
      onDone: (r: Referral) => setPreview(letterJob(client, r.letterId, r.number)),
      savedText: 'Surat rujukan diterbitkan. Catat nomor SISRUTE di tab Jejak rujukan.',
    },
  );
  const text = (key: keyof typeof f, label: string) => (
    <TextArea label={label} rows={2} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} error={form.fieldError(key)} wide />
  );
  const vital = (key: keyof typeof v, label: string) => (
    <TextField
      label={label}
      inputMode="decimal"
      value={v[key]}
      onChange={(e) => setV({ ...v, [key]: e.target.value })}
      error={form.fieldError(`vitals.${key}`)}
    />
  );
  return (
    <Panel title="Surat rujukan ke FKRTL (SISRUTE)" className="surat-form">
      <PatientLookup value={patient} onPick={setPatient} />
      {!patient ? (
        <p className="muted">Pilih pasien dulu: ketik atau pindai No. RM lalu Enter.</p>
      ) : (
        <form onSubmit={form.onSubmit} onKeyDown={submitOnCtrlEnter} noValidate className="form-grid surat-grid rujukan-grid">
          <SelectField
            label="Fasilitas tujuan"
            autoFocus
            value={facilityId}
            onChange={(e) => {
              setFacilityId(e.target.value);
              setSpecialty('');
            }}
            options={[
              { value: '', label: '— pilih dari direktori —' },
              ...(directory.data ?? []).map((d) => ({ value: String(d.facilityId), label: d.name })),
            ]}
            error={form.fieldError('facilityId')}
          />
          {facility && facility.specialties.length > 0 ? (
            <SelectField
              label="Spesialis/poli tujuan"
              value={specialty}
              onChange={(e) => setSpecialty(e.target.value)}
              options={[{ value: '', label: '— pilih —' }, ...facility.specialties.map((x) => ({ value: x, label: x }))]}
              error={form.fieldError('specialty')}
            />
          ) : (
            <TextField
              label="Spesialis/poli tujuan"
              value={specialty}
              onChange={(e) => setSpecialty(e.target.value)}
              error={form.fieldError('specialty')}
            />
          )}
          <CheckField label="Gawat darurat" checked={emergency} onChange={setEmergency} />
          {text('anamnesis', 'Riwayat penyakit (anamnesis)')}
          {text('physicalExam', 'Pemeriksaan fisik')}
          <div className="field-wide rujukan-vitals" role="group" aria-label="Tanda vital">
            {vital('systolic', 'TD sistolik')}
            {vital('diastolic', 'TD diastolik')}
            {vital('pulse', 'Nadi (x/menit)')}
            {vital('respiration', 'RR (x/menit)')}
            {vital('temperature', 'Suhu (°C)')}
            {vital('spo2', 'SpO2 (%)')}
          </div>
          {text('supportingResults', 'Pemeriksaan penunjang')}
          <DiagnosisPicker
            value={diagnosis}
            onChange={setDiagnosis}
            freeText={freeDiagnosis}
            onFreeText={setFreeDiagnosis}
            error={form.fieldError('diagnosisCode') ?? form.fieldError('diagnosisText')}
          />
          {text('therapy', 'Terapi/tindakan yang telah diberikan')}
          {text('reason', 'Alasan rujukan')}
          <SignerPaperFields s={s} error={form.fieldError} />
          <div className="field-wide">
            <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Terbitkan dan cetak (Ctrl+Enter)" />
          </div>
        </form>
      )}
      {preview ? <PrintPreview job={preview} onClose={() => setPreview(null)} /> : null}
    </Panel>
  );
}

/** Slip rujukan internal: the unit the patient goes to; the folder and the queue ticket follow. */
export function InternalSlipForm() {
  const client = useClient();
  const s = useSignerAndPaper();
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [toUnitId, setToUnitId] = useState('');
  const [request, setRequest] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [preview, setPreview] = useState<PrintJob | null>(null);
  const form = useSubmit(
    () => {
      if (!patient) throw new Error('Pilih pasien dulu.');
      return client.call('letters.createInternal', {
        patientId: patient.id,
        signerId: Number(s.signerId),
        paper: s.paper,
        toUnitId: Number(toUnitId),
        request,
        note,
      });
    },
    {
      onDone: (r) => {
        setOutcome(
          [
            r.folderMoved ? `Berkas dipindah ke ${r.toUnit.name}.` : r.folderMessage,
            r.ticketCode ? `Antrean ${r.toUnit.name}: ${r.ticketCode}.` : r.queueMessage,
          ]
            .filter(Boolean)
            .join(' '),
        );
        setPreview(letterJob(client, r.letterId, r.number));
      },
      savedText: 'Slip rujukan internal diterbitkan.',
    },
  );
  return (
    <Panel title="Rujukan internal (lintas klaster)" className="surat-form">
      <PatientLookup value={patient} onPick={setPatient} />
      {!patient ? (
        <p className="muted">Pilih pasien dulu: ketik atau pindai No. RM lalu Enter.</p>
      ) : (
        <form onSubmit={form.onSubmit} noValidate className="form-grid surat-grid">
          <SelectField
            label="Unit tujuan"
            autoFocus
            value={toUnitId}
            onChange={(e) => setToUnitId(e.target.value)}
            options={[
              { value: '', label: '— pilih unit —' },
              ...(units.data ?? []).filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.name })),
            ]}
            error={form.fieldError('toUnitId')}
          />
          <TextField
            label="Mohon (mis. darah rutin, cabut gigi)"
            value={request}
            onChange={(e) => setRequest(e.target.value)}
            error={form.fieldError('request')}
          />
          <TextField label="Catatan" value={note} onChange={(e) => setNote(e.target.value)} />
          <SignerPaperFields s={s} error={form.fieldError} />
          <p className="muted field-wide">
            Bila pasien berkunjung hari ini, berkasnya (bila di unit) dan tiket antrean polinya ikut pindah ke unit tujuan.
          </p>
          <div className="field-wide">
            <FormFooter
              error={form.error}
              saved={form.saved ? `${form.saved} ${outcome ?? ''}` : null}
              busy={form.busy}
              submitLabel="Terbitkan dan cetak"
            />
          </div>
        </form>
      )}
      {preview ? <PrintPreview job={preview} onClose={() => setPreview(null)} /> : null}
    </Panel>
  );
}

const toneOf = (s: ReferralStatus) => (s === 'ditolak' ? 'warn' : s === 'serah_terima' ? 'ok' : 'accent');

/** The next step of one referral: the status and the fields that step needs; Enter records it. */
function AdvanceForm({ referral }: { referral: Referral }) {
  const client = useClient();
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  const [fields, setFields] = useState({
    sisruteNumber: '',
    reason: '',
    transport: 'ambulans',
    escortName: '',
    familyInformedAt: '',
    receivedBy: '',
    note: '',
  });
  const [admitted, setAdmitted] = useState(false);
  const next = status || referral.next[0];
  const form = useSubmit(
    () =>
      client.call('referrals.advance', {
        letterId: referral.letterId,
        status: next!,
        note: fields.note,
        ...(next === 'dikirim' ? { sisruteNumber: fields.sisruteNumber } : {}),
        ...(next === 'ditolak' ? { reason: fields.reason } : {}),
        ...(next === 'berangkat' ? { transport: fields.transport as (typeof transportKinds)[number], escortName: fields.escortName } : {}),
        ...(next === 'serah_terima' ? { admitted, receivedBy: fields.receivedBy } : {}),
        ...((next === 'berangkat' || next === 'serah_terima') && fields.familyInformedAt
          ? { familyInformedAt: new Date(fields.familyInformedAt).toISOString() }
          : {}),
      }),
    { savedText: 'Langkah dicatat.', onDone: () => setStatus('') },
  );
  if (!next) return <p className="muted">Rujukan ini sudah selesai ({referralStatusLabels[referral.status]}).</p>;
  const field = (key: keyof typeof fields, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      value={fields[key]}
      onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      error={form.fieldError(key)}
    />
  );
  return (
    <form onSubmit={form.onSubmit} noValidate className="form-grid surat-grid" aria-label="Langkah berikutnya">
      <SelectField
        label="Langkah berikutnya"
        autoFocus
        value={next}
        onChange={(e) => setStatus(e.target.value as ReferralStatus)}
        options={referral.next.map((x) => ({ value: x, label: referralStatusLabels[x] }))}
        error={form.fieldError('status')}
      />
      {next === 'dikirim' ? field('sisruteNumber', 'Nomor rujukan SISRUTE') : null}
      {next === 'ditolak' ? field('reason', 'Alasan penolakan RS') : null}
      {next === 'berangkat' ? (
        <>
          <SelectField
            label="Kendaraan"
            value={fields.transport}
            onChange={(e) => setFields({ ...fields, transport: e.target.value })}
            options={transportKinds.map((t) => ({ value: t, label: transportLabels[t] }))}
          />
          {field('escortName', referral.emergency ? 'Petugas pendamping (wajib)' : 'Petugas pendamping')}
        </>
      ) : null}
      {next === 'serah_terima' ? (
        <>
          {field('receivedBy', 'Diterima oleh (nama, IGD/ruang)')}
          <CheckField label="Pasien dirawat inap (masuk daftar tindak lanjut)" checked={admitted} onChange={setAdmitted} />
        </>
      ) : null}
      {referral.emergency && (next === 'berangkat' || next === 'serah_terima')
        ? field('familyInformedAt', 'Keluarga diberi tahu pukul', 'datetime-local')
        : null}
      {field('note', 'Catatan')}
      <div className="field-wide">
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Catat langkah" />
      </div>
    </form>
  );
}

/** One referral: its trail (time, step, who, details) and the next step. */
function Trail({ referral }: { referral: Referral }) {
  const settings = useRemote('settings.get', {});
  const tz = settings.data?.timeZone ?? 'Asia/Jakarta';
  return (
    <div className="rujukan-trail">
      <h3>
        {referral.number} · {referral.patient.name} ({referral.patient.rmNumber}) → {referral.facility.name}, {referral.specialty}
        {referral.emergency ? (
          <>
            {' '}
            <Badge tone="warn">Gawat darurat</Badge>
          </>
        ) : null}
      </h3>
      <ol className="rujukan-steps">
        {referral.events.map((e) => (
          <li key={e.id}>
            <span className="mono">{tanggalPendekWaktu(e.at, tz)}</span> <span className="strong">{referralStatusLabels[e.status]}</span>
            {e.sisruteNumber ? ` · SISRUTE ${e.sisruteNumber}` : ''}
            {e.reason ? ` · alasan: ${e.reason}` : ''}
            {e.transport ? ` · ${transportLabels[e.transport]}` : ''}
            {e.escortName ? ` · pendamping ${e.escortName}` : ''}
            {e.familyInformedAt ? ` · keluarga diberi tahu ${tanggalPendekWaktu(e.familyInformedAt, tz)}` : ''}
            {e.receivedBy ? ` · diterima ${e.receivedBy}` : ''}
            {e.admitted !== null ? (e.admitted ? ' · dirawat inap' : ' · tidak dirawat inap') : ''}
            {e.note ? ` · ${e.note}` : ''}
            {e.userName ? <span className="muted"> — {e.userName}</span> : null}
          </li>
        ))}
      </ol>
      <AdvanceForm key={`${referral.letterId}-${referral.status}`} referral={referral} />
    </div>
  );
}

/** Open referrals (or all of the last 30 days): ↓/↑ choose one, its trail and next step below. */
export function ReferralTrails() {
  const [includeClosed, setIncludeClosed] = useState(false);
  const list = useRemote('referrals.list', { includeClosed }, { refreshOn: ['referrals.changed', 'letters.changed'] });
  const [selected, setSelected] = useState<number | null>(null);
  const rows = list.data ?? [];
  const current = rows.find((r) => r.letterId === selected) ?? rows[0];
  const move = (by: number) => {
    if (rows.length === 0) return;
    const at = Math.max(
      0,
      rows.findIndex((r) => r === current),
    );
    setSelected(rows[Math.min(rows.length - 1, Math.max(0, at + by))]!.letterId);
  };
  useShortcut({ keys: 'Alt+ArrowDown', label: 'Rujukan berikutnya', group: 'Surat', handler: () => move(1) });
  useShortcut({ keys: 'Alt+ArrowUp', label: 'Rujukan sebelumnya', group: 'Surat', handler: () => move(-1) });
  return (
    <Panel title="Jejak rujukan" actions={<CheckField label="Termasuk yang selesai (30 hari)" checked={includeClosed} onChange={setIncludeClosed} />}>
      <RemoteView remote={list} empty={(l) => (l.length === 0 ? <EmptyNote>Tidak ada rujukan yang masih berjalan.</EmptyNote> : null)}>
        {(items) => (
          <>
            <table className="table surat-table" aria-label="Daftar rujukan">
              <thead>
                <tr>
                  <th>Nomor</th>
                  <th>Tanggal</th>
                  <th>Pasien</th>
                  <th>Tujuan</th>
                  <th>Diagnosis</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr
                    key={r.letterId}
                    aria-selected={r === current}
                    className={r === current ? 'selected' : undefined}
                    onClick={() => setSelected(r.letterId)}
                  >
                    <td className="mono">{r.number}</td>
                    <td>{tanggalPanjang(r.date)}</td>
                    <td>
                      {r.patient.name} <span className="mono muted">{r.patient.rmNumber}</span>
                    </td>
                    <td>
                      {r.facility.name} · {r.specialty}
                    </td>
                    <td>
                      <span className="mono">{r.diagnosis.code}</span> {r.diagnosis.text}
                    </td>
                    <td>
                      <Badge tone={toneOf(r.status)}>{referralStatusLabels[r.status]}</Badge>
                      {r.emergency ? ' ⚠' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">Alt+↓ / Alt+↑ memilih rujukan; isi langkah berikutnya lalu Enter.</p>
            {current ? <Trail referral={current} /> : null}
          </>
        )}
      </RemoteView>
    </Panel>
  );
}

/** Admitted referral patients still followed (seed 000 step 11): notes on progress, rujuk balik, closing. */
export function FollowUps() {
  const list = useRemote('referrals.followUps', {}, { refreshOn: ['referrals.changed'] });
  return (
    <Panel title="Tindak lanjut pasien rujukan yang dirawat inap">
      <RemoteView remote={list} empty={(l) => (l.length === 0 ? <EmptyNote>Tidak ada pasien rujukan yang sedang dirawat inap.</EmptyNote> : null)}>
        {(items) => (
          <div className="rujukan-followups">
            {items.map((r) => (
              <FollowUpCard key={r.letterId} referral={r} />
            ))}
          </div>
        )}
      </RemoteView>
    </Panel>
  );
}

function FollowUpCard({ referral }: { referral: Referral }) {
  const client = useClient();
  const [kind, setKind] = useState<(typeof followUpKinds)[number]>('perkembangan');
  const [note, setNote] = useState('');
  const form = useSubmit(() => client.call('referrals.addNote', { letterId: referral.letterId, kind, note }), {
    savedText: 'Catatan disimpan.',
    onDone: () => setNote(''),
  });
  return (
    <section className="rujukan-card" aria-label={`Tindak lanjut ${referral.patient.name}`}>
      <h3>
        {referral.patient.name} <span className="mono muted">{referral.patient.rmNumber}</span> — {referral.facility.name}, {referral.specialty}
      </h3>
      <p className="muted">
        Dirujuk {tanggalPanjang(referral.date)} · {referral.diagnosis.code} {referral.diagnosis.text}
      </p>
      <ul>
        {referral.followUps.map((n) => (
          <li key={n.id}>
            <span className="strong">{followUpKindLabels[n.kind]}</span> · {tanggalPanjang(n.at.slice(0, 10))}: {n.note}
            {n.userName ? <span className="muted"> — {n.userName}</span> : null}
          </li>
        ))}
      </ul>
      <form onSubmit={form.onSubmit} noValidate className="form-grid surat-grid">
        <SelectField
          label="Jenis catatan"
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof followUpKinds)[number])}
          options={followUpKinds.map((k) => ({ value: k, label: followUpKindLabels[k] }))}
        />
        <TextField label="Catatan" value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} />
        <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan catatan" />
      </form>
    </section>
  );
}
