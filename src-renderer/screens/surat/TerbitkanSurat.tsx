import { useState, type ReactNode } from 'react';
import {
  colorVisionLabels,
  colorVisionValues,
  letterPapers,
  professionLabels,
  type Letter,
  type LetterPaper,
  type PatientSummary,
  type Practitioner,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSubmit } from '../../components/form';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { CheckField, FormFooter, Panel, SelectField, TextField } from '../../components/ui';
import { geserTanggal, hariIni, tanggalPanjang } from '../../lib/format';
import { PatientLookup } from './PatientLookup';

/** The letter just issued, opened in the print preview (Enter prints to the letter printer). */
export function letterPrintJob(client: ReturnType<typeof useClient>, letter: Letter, copy = false): PrintJob {
  return { label: `Surat ${letter.number}`, printer: 'letter', load: () => client.call('documents.letter', { id: letter.id, copy }) };
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** What both issuing forms share: the patient, the signer and the paper, then the kind's own fields. */
function useLetterBasics() {
  const settings = useRemote('settings.get', {}, { refreshOn: ['settings.changed'] });
  const practitioners = useRemote('practitioners.list', {}, { refreshOn: ['reference.changed'] });
  const active = (practitioners.data ?? []).filter((p) => p.active);
  // Doctors first: they sign these letters.
  const signers = [...active.filter((p) => p.profession === 'dokter'), ...active.filter((p) => p.profession !== 'dokter')];
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [signerId, setSignerId] = useState('');
  const [paper, setPaper] = useState<LetterPaper | ''>('');
  const timeZone = settings.data?.timeZone ?? 'Asia/Jakarta';
  return {
    settings: settings.data,
    today: hariIni(timeZone),
    signers,
    patient,
    setPatient,
    signerId: signerId || String(signers[0]?.id ?? ''),
    setSignerId,
    paper: paper || settings.data?.letters.paper || 'A4',
    setPaper,
  };
}
type Basics = ReturnType<typeof useLetterBasics>;

const signerLabel = (p: Practitioner) => `${p.name} — ${professionLabels[p.profession]}`;

function BasicFields({ b, fieldError }: { b: Basics; fieldError: (path: string) => string | undefined }) {
  return (
    <>
      <SelectField
        label="Penanda tangan"
        value={b.signerId}
        onChange={(e) => b.setSignerId(e.target.value)}
        options={
          b.signers.length
            ? b.signers.map((p) => ({ value: String(p.id), label: signerLabel(p) }))
            : [{ value: '', label: '— belum ada tenaga kesehatan aktif —' }]
        }
        error={fieldError('signerId')}
      />
      <SelectField
        label="Kertas"
        value={b.paper}
        onChange={(e) => b.setPaper(e.target.value as LetterPaper)}
        options={letterPapers.map((p) => ({ value: p, label: p === 'F4' ? 'F4 (215 × 330 mm)' : 'A4 (210 × 297 mm)' }))}
      />
    </>
  );
}

function IssueFrame({
  title,
  b,
  children,
  preview,
  onClose,
}: {
  title: string;
  b: Basics;
  children: ReactNode;
  preview: PrintJob | null;
  onClose: () => void;
}) {
  return (
    <Panel title={title} className="surat-form">
      <PatientLookup value={b.patient} onPick={b.setPatient} />
      {b.patient ? children : <p className="muted">Pilih pasien dulu: ketik atau pindai No. RM lalu Enter.</p>}
      {preview ? <PrintPreview job={preview} onClose={onClose} /> : null}
    </Panel>
  );
}

/** Surat keterangan sakit: days (policy in Pengaturan → Surat), re-examination beyond it, diagnosis only with consent. */
export function SickLeaveForm() {
  const client = useClient();
  const b = useLetterBasics();
  const [startDate, setStartDate] = useState('');
  const [days, setDays] = useState('3');
  const [purpose, setPurpose] = useState('');
  const [occupation, setOccupation] = useState('');
  const [diagnosis, setDiagnosis] = useState('');
  const [consent, setConsent] = useState(false);
  const [reexamBy, setReexamBy] = useState('');
  const [reexamNote, setReexamNote] = useState('');
  const [preview, setPreview] = useState<PrintJob | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = startDate || b.today;
  const n = Number(days);
  const maxDays = b.settings?.letters.sickLeaveMaxDays ?? 3;
  const beyondPolicy = Number.isInteger(n) && n > maxDays;
  const form = useSubmit(
    () => {
      if (!b.patient) throw new Error('Pilih pasien dulu.');
      return client.call('letters.createSickLeave', {
        patientId: b.patient.id,
        signerId: Number(b.signerId),
        paper: b.paper,
        startDate: start,
        days: num(days),
        purpose,
        occupation,
        diagnosis,
        diagnosisConsent: consent,
        ...(beyondPolicy && (reexamBy || reexamNote) ? { reexamination: { recordedBy: Number(reexamBy || b.signerId), note: reexamNote } } : {}),
      });
    },
    {
      onDone: ({ letter, appointment }) => {
        setNotice(
          `Surat ${letter.number} diterbitkan${appointment ? `; kontrol pemeriksaan ulang dijadwalkan ${tanggalPanjang(appointment.date)} di ${appointment.unitName}` : ''}.`,
        );
        setPreview(letterPrintJob(client, letter));
      },
    },
  );
  return (
    <IssueFrame title="Surat keterangan sakit" b={b} preview={preview} onClose={() => setPreview(null)}>
      <form onSubmit={form.onSubmit} noValidate className="form-grid surat-grid">
        <BasicFields b={b} fieldError={form.fieldError} />
        <TextField
          label="Mulai istirahat"
          type="date"
          value={start}
          onChange={(e) => setStartDate(e.target.value)}
          error={form.fieldError('startDate')}
        />
        <TextField
          label="Lama (hari)"
          type="number"
          min={1}
          max={30}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          // The patient was just picked: the days are what the doctor says next.
          autoFocus
          error={form.fieldError('days')}
          hint={Number.isInteger(n) && n >= 1 && n <= 30 ? `sampai ${tanggalPanjang(geserTanggal(start, n - 1))}` : undefined}
        />
        <TextField label="Pekerjaan (bila lain dari data pasien)" value={occupation} onChange={(e) => setOccupation(e.target.value)} />
        <TextField label="Keperluan (mis. sekolah, kantor)" value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        <TextField label="Diagnosis" value={diagnosis} onChange={(e) => setDiagnosis(e.target.value)} error={form.fieldError('diagnosis')} />
        <CheckField label="Pasien setuju diagnosis dicetak" checked={consent} onChange={setConsent} />
        {beyondPolicy ? (
          <div className="surat-reexam field-wide" role="group" aria-label="Pemeriksaan ulang">
            <p className="note surat-warn">{b.settings?.letters.sickLeaveMessage}</p>
            <SelectField
              label="Pemeriksaan ulang dicatat oleh"
              value={reexamBy || b.signerId}
              onChange={(e) => setReexamBy(e.target.value)}
              options={b.signers.map((p) => ({ value: String(p.id), label: signerLabel(p) }))}
              error={form.fieldError('reexamination.recordedBy')}
            />
            <TextField
              label="Catatan pemeriksaan ulang"
              value={reexamNote}
              onChange={(e) => setReexamNote(e.target.value)}
              error={form.fieldError('reexamination.note') ?? form.fieldError('reexamination.unitId')}
              hint={`Kontrol dijadwalkan ${tanggalPanjang(geserTanggal(start, n))}.`}
            />
          </div>
        ) : null}
        <div className="field-wide">
          <FormFooter error={form.error} saved={form.saved ? notice : null} busy={form.busy} submitLabel="Terbitkan dan cetak (Enter)" />
        </div>
      </form>
    </IssueFrame>
  );
}

/** Surat keterangan sehat: the examination's findings, the conclusion (default SEHAT) and the purpose. */
export function HealthForm() {
  const client = useClient();
  const b = useLetterBasics();
  const [purpose, setPurpose] = useState('');
  const [occupation, setOccupation] = useState('');
  const [height, setHeight] = useState('');
  const [weight, setWeight] = useState('');
  const [bp, setBp] = useState('');
  const [pulse, setPulse] = useState('');
  const [bloodType, setBloodType] = useState('');
  const [colorVision, setColorVision] = useState('');
  const [note, setNote] = useState('');
  const [conclusion, setConclusion] = useState('SEHAT');
  const [preview, setPreview] = useState<PrintJob | null>(null);
  const form = useSubmit(
    () => {
      if (!b.patient) throw new Error('Pilih pasien dulu.');
      return client.call('letters.createHealth', {
        patientId: b.patient.id,
        signerId: Number(b.signerId),
        paper: b.paper,
        purpose,
        occupation,
        heightCm: num(height) ?? null,
        weightKg: num(weight) ?? null,
        bloodPressure: bp.trim() || null,
        pulse: num(pulse) ?? null,
        bloodType: (bloodType || null) as 'A' | 'B' | 'AB' | 'O' | null,
        colorVision: (colorVision || null) as (typeof colorVisionValues)[number] | null,
        note,
        conclusion,
      });
    },
    { onDone: (letter) => setPreview(letterPrintJob(client, letter)), savedText: 'Surat keterangan sehat diterbitkan.' },
  );
  return (
    <IssueFrame title="Surat keterangan sehat" b={b} preview={preview} onClose={() => setPreview(null)}>
      <form onSubmit={form.onSubmit} noValidate className="form-grid surat-grid">
        <BasicFields b={b} fieldError={form.fieldError} />
        <TextField
          label="Keperluan (mis. melamar pekerjaan)"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          error={form.fieldError('purpose')}
          autoFocus
        />
        <TextField label="Pekerjaan (bila lain dari data pasien)" value={occupation} onChange={(e) => setOccupation(e.target.value)} />
        <TextField
          label="Tinggi badan (cm)"
          inputMode="decimal"
          value={height}
          onChange={(e) => setHeight(e.target.value)}
          error={form.fieldError('heightCm')}
        />
        <TextField
          label="Berat badan (kg)"
          inputMode="decimal"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
          error={form.fieldError('weightKg')}
        />
        <TextField
          label="Tekanan darah (mmHg)"
          placeholder="120/80"
          value={bp}
          onChange={(e) => setBp(e.target.value)}
          error={form.fieldError('bloodPressure')}
        />
        <TextField
          label="Nadi (kali/menit)"
          inputMode="numeric"
          value={pulse}
          onChange={(e) => setPulse(e.target.value)}
          error={form.fieldError('pulse')}
        />
        <SelectField
          label="Golongan darah"
          value={bloodType}
          onChange={(e) => setBloodType(e.target.value)}
          options={[{ value: '', label: '— tidak diperiksa —' }, ...['A', 'B', 'AB', 'O'].map((v) => ({ value: v, label: v }))]}
        />
        <SelectField
          label="Tes buta warna"
          value={colorVision}
          onChange={(e) => setColorVision(e.target.value)}
          options={[{ value: '', label: '— tidak diperiksa —' }, ...colorVisionValues.map((v) => ({ value: v, label: colorVisionLabels[v] }))]}
        />
        <TextField label="Catatan" value={note} onChange={(e) => setNote(e.target.value)} />
        <TextField label="Kesimpulan" value={conclusion} onChange={(e) => setConclusion(e.target.value)} error={form.fieldError('conclusion')} />
        <div className="field-wide">
          <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Terbitkan dan cetak (Enter)" />
        </div>
      </form>
    </IssueFrame>
  );
}
