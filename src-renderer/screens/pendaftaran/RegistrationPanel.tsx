import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  clusterLabels,
  clusters,
  lifeStageLabels,
  payerLabels,
  payers,
  type Cluster,
  type OutputOf,
  type PatientRecord,
  type Tariff,
  type Unit,
  type Visit,
} from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { queueTicketField, useServedTicket } from '../../app/ticket';
import { orNull } from '../../components/form';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { Badge, ErrorNote } from '../../components/ui';
import { tanggalPendek, umur } from '../../lib/format';
import { AppointmentForm } from './Appointments';
import { Check, Select, Text } from './fields';
import { rupiah } from './logic';

type Proposal = OutputOf<'visits.propose'>;
type Payer = (typeof payers)[number];
const GROUP = 'Pendaftaran — kunjungan';

/** How the registration was asked for: from a search result, a check-in, or a new patient just saved. */
export interface PanelRequest {
  patientId: number;
  appointmentId?: number;
  /** Warnings from saving the patient (e.g. a NIK that disagrees with the form). */
  notices?: string[];
  /** A short line at the top, e.g. "Pasien baru tersimpan: No. RM 000007". */
  headline?: string;
}

/**
 * The patient on the right: identity to confirm (name + date of birth), then the visit form
 * prefilled from `visits.propose`. Enter (or Ctrl+Enter / F9) registers; Esc closes.
 */
export function RegistrationPanel({
  request,
  today,
  onRegistered,
  onClose,
  onEdit,
}: {
  request: PanelRequest;
  today: string;
  onRegistered: (visit: Visit, warnings: string[]) => void;
  onClose: () => void;
  onEdit: ((patient: PatientRecord) => void) | null;
}) {
  const { can } = useSession();
  const { patientId } = request;
  const patient = useRemote('patients.get', { id: patientId }, { refreshOn: ['patients.changed'] });
  const p = patient.data?.id === patientId ? patient.data : undefined;
  const [mode, setMode] = useState<'daftar' | 'jadwal'>('daftar');
  const [scheduled, setScheduled] = useState<string | null>(null);
  const canRegister = can('kunjungan:input');
  const [pregnant, setPregnant] = useState(false);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const client = useClient();
  const canPrint = can('pasien:view');
  const printCard = () => setPrintJob({ label: 'Kartu berobat', printer: 'label', load: () => client.call('documents.patientCard', { patientId }) });
  const printLabel = () => setPrintJob({ label: 'Label berkas', printer: 'label', load: () => client.call('documents.folderLabel', { patientId }) });
  useShortcut({ keys: 'Alt+C', label: 'Cetak kartu berobat pasien ini', group: GROUP, handler: printCard }, canPrint && p !== undefined);
  useShortcut({ keys: 'Alt+M', label: 'Cetak label map rekam medis', group: GROUP, handler: printLabel }, canPrint && p !== undefined);

  useShortcut({ keys: 'Escape', label: 'Tutup panel pasien', group: GROUP, handler: onClose });
  useShortcut(
    { keys: 'Alt+E', label: 'Koreksi data pasien', group: GROUP, handler: () => (p && onEdit ? onEdit(p) : undefined) },
    onEdit !== null && p !== undefined,
  );
  useShortcut(
    {
      keys: 'Alt+J',
      label: 'Buat jadwal kontrol untuk pasien ini',
      group: GROUP,
      handler: () => {
        setScheduled(null);
        setMode('jadwal');
      },
    },
    canRegister && mode === 'daftar',
  );

  return (
    <aside className="detail-panel reg-panel" aria-labelledby="detail-title">
      <header className="detail-head">
        <div>
          <h2 id="detail-title">{p ? p.name : 'Data pasien'}</h2>
          {p ? (
            <div className="reg-sub">
              <span className="mono strong">{p.rmNumber}</span> · {p.sex === 'L' ? 'Laki-laki' : 'Perempuan'} · {umur(p.birthDate, today)}
            </div>
          ) : null}
        </div>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Tutup (Esc)
        </button>
      </header>
      {request.headline ? (
        <p className="note reg-note" role="status">
          {request.headline}
        </p>
      ) : null}
      {request.notices?.map((n) => (
        <p key={n} className="note note-warn reg-note" role="alert">
          {n}
        </p>
      ))}
      {patient.error ? <ErrorNote error={patient.error} onRetry={patient.reload} /> : null}
      {!p ? (
        patient.error ? null : (
          <p className="muted" role="status">
            Memuat data pasien…
          </p>
        )
      ) : (
        <>
          <Identity p={p} today={today} />
          <div className="reg-actions">
            {onEdit ? (
              <button type="button" className="btn btn-small" onClick={() => onEdit(p)}>
                Koreksi data (Alt+E)
              </button>
            ) : null}
            {canPrint ? (
              <>
                <button type="button" className="btn btn-small" onClick={printCard}>
                  Kartu berobat (Alt+C)
                </button>
                <button type="button" className="btn btn-small" onClick={printLabel}>
                  Label berkas (Alt+M)
                </button>
              </>
            ) : null}
            {canRegister ? (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  setScheduled(null);
                  setMode(mode === 'jadwal' ? 'daftar' : 'jadwal');
                }}
              >
                {mode === 'jadwal' ? 'Kembali ke pendaftaran' : 'Jadwal kontrol (Alt+J)'}
              </button>
            ) : null}
          </div>
          {scheduled ? (
            <p className="note reg-note" role="status">
              {scheduled}
            </p>
          ) : null}
          {printed ? (
            <p className="note reg-note" role="status">
              {printed}
            </p>
          ) : null}
          {printJob ? (
            <PrintPreview
              job={printJob}
              onClose={(done) => {
                setPrintJob(null);
                if (done) setPrinted(done);
              }}
            />
          ) : null}
          {!canRegister ? (
            <p className="muted small">Anda tidak berhak mendaftarkan kunjungan.</p>
          ) : mode === 'jadwal' ? (
            <AppointmentForm
              patientId={p.id}
              today={today}
              onDone={(text) => {
                setScheduled(text);
                setMode('daftar');
              }}
              onCancel={() => setMode('daftar')}
            />
          ) : (
            <VisitLoader
              patient={p}
              appointmentId={request.appointmentId}
              pregnant={pregnant}
              setPregnant={setPregnant}
              onRegistered={onRegistered}
            />
          )}
        </>
      )}
    </aside>
  );
}

function Identity({ p, today }: { p: PatientRecord; today: string }) {
  const address = [p.addressStreet, p.rt || p.rw ? `RT ${p.rt ?? '-'}/RW ${p.rw ?? '-'}` : null, p.regionPath].filter(Boolean).join(', ');
  return (
    <dl className="reg-identity">
      <dt>Lahir</dt>
      <dd className="span-3">
        {p.birthPlace ? `${p.birthPlace}, ` : ''}
        <strong>{tanggalPendek(p.birthDate)}</strong> ({umur(p.birthDate, today)})
      </dd>
      <dt>NIK</dt>
      <dd className="mono">{p.nik ?? '—'}</dd>
      <dt>No. BPJS</dt>
      <dd>
        <span className="mono">{p.bpjsNumber ?? '—'}</span>
        {p.bpjsClass ? ` · kls ${p.bpjsClass}` : ''}
      </dd>
      <dt>Alamat</dt>
      <dd className="span-3">{address || '—'}</dd>
      <dt>Telepon</dt>
      <dd>{p.phone ?? '—'}</dd>
      <dt>Terakhir</dt>
      <dd>{tanggalPendek(p.lastVisitDate)}</dd>
    </dl>
  );
}

/** Loads what the form proposes; the form itself starts from the first answer. */
function VisitLoader({
  patient,
  appointmentId,
  pregnant,
  setPregnant,
  onRegistered,
}: {
  patient: PatientRecord;
  appointmentId: number | undefined;
  pregnant: boolean;
  setPregnant: (v: boolean) => void;
  onRegistered: (visit: Visit, warnings: string[]) => void;
}) {
  const proposal = useRemote(
    'visits.propose',
    { patientId: patient.id, ...(pregnant ? { pregnantOrPostpartum: true } : {}) },
    { refreshOn: ['visits.changed', 'appointments.changed'] },
  );
  const units = useRemote('units.list', {}, { refreshOn: ['reference.changed'] });
  const tariffs = useRemote('tariffs.list', {}, { refreshOn: ['reference.changed'] });
  const error = proposal.error ?? units.error ?? tariffs.error;
  const data = proposal.data?.patient.id === patient.id ? proposal.data : undefined;
  if (!data || !units.data || !tariffs.data) {
    return error ? (
      <ErrorNote
        error={error}
        onRetry={() => {
          proposal.reload();
          units.reload();
          tariffs.reload();
        }}
      />
    ) : (
      <p className="muted" role="status">
        Menyiapkan pendaftaran…
      </p>
    );
  }
  return (
    <VisitForm
      key={patient.id}
      patient={patient}
      proposal={data}
      units={units.data}
      tariffs={tariffs.data}
      appointmentId={appointmentId}
      pregnant={pregnant}
      setPregnant={setPregnant}
      onRegistered={onRegistered}
    />
  );
}

interface Form {
  payer: Payer;
  bpjsConfirmed: boolean;
  insuranceName: string;
  emergency: boolean;
  unitId: number | null;
  unitTouched: boolean;
  override: Cluster | '';
  clusterReason: string;
  tariffId: number | null;
  checkIn: boolean;
}

function VisitForm({
  patient,
  proposal,
  units,
  tariffs,
  appointmentId,
  pregnant,
  setPregnant,
  onRegistered,
}: {
  patient: PatientRecord;
  proposal: Proposal;
  units: Unit[];
  tariffs: Tariff[];
  appointmentId: number | undefined;
  pregnant: boolean;
  setPregnant: (v: boolean) => void;
  onRegistered: (visit: Visit, warnings: string[]) => void;
}) {
  const client = useClient();
  // The queue ticket called at this loket: the visit is linked to it and the host finishes it.
  const ticket = useServedTicket();
  const activeUnits = units.filter((u) => u.active);
  const activeTariffs = tariffs.filter((t) => t.active);
  const appointment = proposal.appointmentToday;
  const [f, setF] = useState<Form>(() => ({
    payer: proposal.payer,
    bpjsConfirmed: false,
    insuranceName: '',
    emergency: false,
    unitId: proposal.defaultUnitId,
    unitTouched: false,
    override: '',
    clusterReason: '',
    tariffId: activeTariffs[0]?.id ?? null,
    checkIn: true,
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [sameUnit, setSameUnit] = useState<string | null>(null);
  const payerRef = useRef<HTMLSelectElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const unitRef = useRef<HTMLSelectElement>(null);
  const clusterRef = useRef<HTMLSelectElement>(null);
  const againRef = useRef<HTMLButtonElement>(null);
  const set = (patch: Partial<Form>) => {
    setError(null);
    setSameUnit(null);
    setF((x) => ({ ...x, ...patch }));
  };

  // The first key decides: BPJS → tick the faskes confirmation (Space); otherwise the payer.
  useEffect(() => {
    (proposal.payer === 'bpjs' ? confirmRef.current : payerRef.current)?.focus();
    // Only when the form opens for this patient.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (sameUnit) againRef.current?.focus();
  }, [sameUnit]);
  // A new proposal (e.g. ibu hamil ticked) moves the unit too, unless the clerk picked one.
  const [proposedUnit, setProposedUnit] = useState(proposal.defaultUnitId);
  if (proposedUnit !== proposal.defaultUnitId) {
    setProposedUnit(proposal.defaultUnitId);
    if (!f.unitTouched) setF((x) => ({ ...x, unitId: proposal.defaultUnitId }));
  }

  const unit = activeUnits.find((u) => u.id === f.unitId);
  // The host's routing (visits.propose): emergencies are lintas klaster (UGD).
  const routed: Cluster = f.emergency ? 'lintas' : (proposal.unitClusters.find((u) => u.unitId === f.unitId)?.cluster ?? proposal.proposedCluster);
  const routedReason = f.emergency
    ? 'Gawat darurat: langsung ke UGD (lintas klaster).'
    : unit && routed !== proposal.proposedCluster
      ? `${unit.name} melayani ${clusterLabels[routed]}.`
      : proposal.clusterReason;
  const tariff = activeTariffs.find((t) => t.id === f.tariffId);
  const female = patient.sex === 'P';
  const todayUnits = proposal.registeredTodayUnitIds.map((id) => units.find((u) => u.id === id)?.name ?? `unit ${id}`);
  const appointmentUnit = appointment ? units.find((u) => u.id === appointment.unitId)?.name : undefined;
  const checkInId = appointmentId ?? appointment?.id;
  const fieldError = (path: string) => error?.fieldMessage(path);

  const send = (allowSameUnitToday: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSameUnit(null);
    client
      .call('visits.register', {
        patientId: patient.id,
        payer: f.payer,
        ...(f.payer === 'bpjs' ? { bpjsFaskesConfirmed: f.bpjsConfirmed } : {}),
        insuranceName: f.payer === 'asuransi_lain' ? orNull(f.insuranceName) : null,
        ...(f.emergency ? { emergency: true } : f.unitId !== null ? { unitId: f.unitId } : {}),
        ...(pregnant && female ? { pregnantOrPostpartum: true } : {}),
        ...(f.override ? { cluster: f.override } : {}),
        clusterReason: f.override ? orNull(f.clusterReason) : null,
        ...(f.payer === 'umum' && f.tariffId !== null ? { tariffId: f.tariffId } : {}),
        ...(allowSameUnitToday ? { allowSameUnitToday: true } : {}),
        ...(checkInId !== undefined && f.checkIn ? { appointmentId: checkInId } : {}),
        ...queueTicketField(ticket),
      })
      .then(
        (res) => {
          setBusy(false);
          onRegistered(res.visit, res.warnings);
        },
        (e: unknown) => {
          setBusy(false);
          const err = asClientError(e);
          if (err.code === 'CONFLICT' && err.fields.some((x) => x.path === 'unitId')) setSameUnit(err.message);
          else setError(err);
        },
      );
  };

  useShortcut({ keys: 'Ctrl+Enter / F9', label: 'Simpan pendaftaran kunjungan', group: GROUP, handler: () => send(false) });
  useShortcut(
    { keys: 'Alt+F', label: 'Centang/hapus konfirmasi faskes BPJS', group: GROUP, handler: () => set({ bpjsConfirmed: !f.bpjsConfirmed }) },
    f.payer === 'bpjs',
  );
  useShortcut({ keys: 'Alt+G', label: 'Gawat darurat → UGD', group: GROUP, handler: () => set({ emergency: !f.emergency }) });
  useShortcut({ keys: 'Alt+P', label: 'Ke pilihan penjamin', group: GROUP, handler: () => payerRef.current?.focus() });
  useShortcut({ keys: 'Alt+U', label: 'Ke pilihan unit tujuan', group: GROUP, handler: () => unitRef.current?.focus() }, !f.emergency);
  useShortcut({ keys: 'Alt+L', label: 'Ubah klaster (dengan alasan)', group: GROUP, handler: () => clusterRef.current?.focus() });
  useShortcut({ keys: 'Alt+I', label: 'Ibu hamil / nifas (klaster 2, KIA)', group: GROUP, handler: () => togglePregnant() }, female);
  useShortcut({ keys: 'Alt+D', label: 'Daftarkan lagi ke unit yang sama hari ini', group: GROUP, handler: () => send(true) }, sameUnit !== null);

  function togglePregnant() {
    // The host proposes again with the flag (KIA, klaster 2); the unit follows unless the clerk chose one.
    setPregnant(!pregnant);
  }

  // Enter anywhere in the form registers, as a form does (also on the checkboxes and selects).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.shiftKey) return;
    const t = e.target as HTMLElement;
    if (t instanceof HTMLButtonElement || t instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    send(false);
  };

  return (
    <form
      className="reg-form"
      aria-label="Pendaftaran kunjungan"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      <div className="reg-badges">
        <Badge tone="accent">{lifeStageLabels[proposal.lifeStage]}</Badge>
        <Badge tone={proposal.kunjunganBaru ? 'ok' : 'neutral'}>{proposal.kunjunganBaru ? 'Kunjungan baru' : 'Kunjungan lama'}</Badge>
        <Badge tone={proposal.pasienBaru ? 'ok' : 'neutral'}>{proposal.pasienBaru ? 'Pasien baru' : 'Pasien lama'}</Badge>
        {ticket ? <Badge tone="warn">Nomor antrean {ticket.code}</Badge> : null}
      </div>
      {appointment || appointmentId !== undefined ? (
        <div className="note reg-note" role="status">
          <Check
            checked={f.checkIn}
            onChange={(checkIn) => set({ checkIn })}
            label={
              <>
                Jadwal kontrol hari ini{appointmentUnit ? ` ke ${appointmentUnit}` : ''}
                {appointment?.note ? ` (${appointment.note})` : ''}: pendaftaran ini mencatat kehadirannya.
              </>
            }
          />
        </div>
      ) : null}
      {todayUnits.length > 0 ? <p className="note note-warn reg-note">Sudah terdaftar hari ini ke {todayUnits.join(', ')}.</p> : null}

      <div className="reg-grid">
        <Select
          ref={payerRef}
          label="Penjamin (Alt+P)"
          value={f.payer}
          onChange={(e) => set({ payer: e.target.value as Payer })}
          options={payers.map((x) => ({ value: x, label: payerLabels[x] }))}
          error={fieldError('payer')}
        />
        {f.emergency ? (
          <Text label="Unit tujuan" value="Unit Gawat Darurat" disabled readOnly />
        ) : (
          <Select
            ref={unitRef}
            label="Unit tujuan (Alt+U)"
            value={f.unitId === null ? '' : String(f.unitId)}
            onChange={(e) => set({ unitId: e.target.value === '' ? null : Number(e.target.value), unitTouched: true })}
            options={[
              ...(f.unitId === null ? [{ value: '', label: '— pilih unit —' }] : []),
              ...activeUnits.filter((u) => u.code !== 'UGD').map((u) => ({ value: String(u.id), label: u.name })),
            ]}
            error={fieldError('unitId')}
          />
        )}
      </div>
      {f.payer === 'bpjs' ? (
        <div className={`reg-confirm${f.bpjsConfirmed ? ' reg-confirm-ok' : ''}${fieldError('bpjsFaskesConfirmed') ? ' field-invalid' : ''}`}>
          <Check
            ref={confirmRef}
            checked={f.bpjsConfirmed}
            onChange={(bpjsConfirmed) => set({ bpjsConfirmed })}
            label={
              <>
                <strong>Faskes terdaftar di puskesmas ini</strong> (Spasi / Alt+F)
              </>
            }
          />
          {!patient.bpjsNumber ? (
            <span className="field-error">Pasien belum mempunyai No. BPJS: lengkapi lewat koreksi data, atau daftarkan sebagai umum.</span>
          ) : fieldError('bpjsFaskesConfirmed') ? (
            <span className="field-error">{fieldError('bpjsFaskesConfirmed')}</span>
          ) : (
            <span className="field-hint">Bila bukan FKTP pasien, daftarkan sebagai pasien umum.</span>
          )}
        </div>
      ) : null}
      {f.payer === 'asuransi_lain' ? (
        <Text
          label="Nama asuransi"
          value={f.insuranceName}
          onChange={(e) => set({ insuranceName: e.target.value })}
          error={fieldError('insuranceName')}
          maxLength={80}
        />
      ) : null}
      {f.payer === 'umum' ? (
        <Select
          label="Tarif (pasien umum bayar di kasir)"
          value={f.tariffId === null ? '' : String(f.tariffId)}
          onChange={(e) => set({ tariffId: e.target.value === '' ? null : Number(e.target.value) })}
          options={
            activeTariffs.length === 0
              ? [{ value: '', label: 'Belum ada tarif aktif (Pengaturan → Tarif)' }]
              : activeTariffs.map((t) => ({ value: String(t.id), label: `${t.name} — ${rupiah(t.amount)}` }))
          }
          error={fieldError('tariffId')}
          hint={tariff ? `Belum bayar ${rupiah(tariff.amount)} sampai kasir menandai lunas.` : undefined}
        />
      ) : null}
      <div className="reg-checks">
        <Check checked={f.emergency} onChange={(emergency) => set({ emergency })} label="Gawat darurat → UGD (Alt+G)" />
        {female ? <Check checked={pregnant} onChange={togglePregnant} label="Ibu hamil / nifas (Alt+I)" /> : null}
      </div>
      {fieldError('emergency') ? <span className="field-error">{fieldError('emergency')}</span> : null}

      <div className="reg-cluster">
        <div className="reg-cluster-head">
          <strong data-testid="klaster">{clusterLabels[f.override || routed]}</strong>
          <select
            ref={clusterRef}
            className="reg-cluster-select"
            aria-label="Ubah klaster (Alt+L)"
            title="Ubah klaster (Alt+L)"
            value={f.override}
            onChange={(e) => set({ override: e.target.value as Cluster | '' })}
          >
            <option value="">Sesuai usulan</option>
            {clusters
              .filter((c) => c !== routed)
              .map((c) => (
                <option key={c} value={c}>
                  {clusterLabels[c]}
                </option>
              ))}
          </select>
        </div>
        <div className="small muted">{f.override ? `Diubah dari usulan: ${clusterLabels[routed]} (${routedReason})` : routedReason}</div>
        {fieldError('cluster') ? <span className="field-error">{fieldError('cluster')}</span> : null}
        {f.override ? (
          <Text
            label="Alasan mengubah klaster"
            mark
            value={f.clusterReason}
            onChange={(e) => set({ clusterReason: e.target.value })}
            error={fieldError('clusterReason')}
            maxLength={200}
            required
          />
        ) : null}
      </div>

      {sameUnit ? (
        <div className="note note-warn reg-note reg-again" role="alert">
          <span>{sameUnit}</span>
          <button ref={againRef} type="button" className="btn btn-small" onClick={() => send(true)} disabled={busy}>
            Daftarkan lagi (Enter / Alt+D)
          </button>
        </div>
      ) : null}
      {error ? (
        <ErrorNote
          error={error.code === 'VALIDATION' && error.fields.length > 0 ? 'Isian belum benar — periksa kolom yang ditandai merah.' : error}
        />
      ) : null}
      <div className="reg-submit">
        <span className="small muted">Enter = daftarkan · Esc = tutup</span>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Mendaftarkan…' : 'Daftarkan kunjungan'}
        </button>
      </div>
    </form>
  );
}
