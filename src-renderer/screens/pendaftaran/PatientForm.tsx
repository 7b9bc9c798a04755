import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  bloodTypes,
  educationLabels,
  educations,
  maritalLabels,
  maritalStatuses,
  religionLabels,
  religions,
  type FieldIssue,
  type OutputOf,
  type PatientCreateInput,
  type PatientRecord,
  type PatientSummary,
} from '../../../src-main/contract';
import { ClientError } from '../../api/client';
import { asClientError, useClient } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { orNull } from '../../components/form';
import { tanggalPendek, umur } from '../../lib/format';
import { Select, Text } from './fields';
import { nikDigits } from './logic';
import { VillageField } from './VillageField';

const GROUP = 'Pendaftaran — pasien';
const NIK_DEBOUNCE_MS = 250;
const DUP_DEBOUNCE_MS = 350;

/** The form as typed: strings, '' for "not filled". */
interface F {
  nik: string;
  name: string;
  birthPlace: string;
  birthDate: string;
  sex: '' | 'L' | 'P';
  bloodType: string;
  addressStreet: string;
  rt: string;
  rw: string;
  villageCode: string | null;
  villageText: string;
  villagePath: string | null;
  religion: string;
  maritalStatus: string;
  occupation: string;
  education: string;
  phone: string;
  bpjsNumber: string;
  bpjsClass: string;
  kkNumber: string;
  familyHead: string;
  motherName: string;
  motherNik: string;
  emergencyName: string;
  emergencyRelation: string;
  emergencyPhone: string;
}

const blank: F = {
  nik: '',
  name: '',
  birthPlace: '',
  birthDate: '',
  sex: '',
  bloodType: '',
  addressStreet: '',
  rt: '',
  rw: '',
  villageCode: null,
  villageText: '',
  villagePath: null,
  religion: '',
  maritalStatus: '',
  occupation: '',
  education: '',
  phone: '',
  bpjsNumber: '',
  bpjsClass: '',
  kkNumber: '',
  familyHead: '',
  motherName: '',
  motherNik: '',
  emergencyName: '',
  emergencyRelation: '',
  emergencyPhone: '',
};

function fromRecord(p: PatientRecord): F {
  const s = (v: string | null) => v ?? '';
  return {
    nik: s(p.nik),
    name: p.name,
    birthPlace: s(p.birthPlace),
    birthDate: p.birthDate,
    sex: p.sex,
    bloodType: s(p.bloodType),
    addressStreet: s(p.addressStreet),
    rt: s(p.rt),
    rw: s(p.rw),
    villageCode: p.villageCode,
    villageText: p.regionPath?.split(', ')[0] ?? '',
    villagePath: p.regionPath,
    religion: s(p.religion),
    maritalStatus: s(p.maritalStatus),
    occupation: s(p.occupation),
    education: s(p.education),
    phone: s(p.phone),
    bpjsNumber: s(p.bpjsNumber),
    bpjsClass: p.bpjsClass ? String(p.bpjsClass) : '',
    kkNumber: s(p.kkNumber),
    familyHead: s(p.familyHead),
    motherName: s(p.motherName),
    motherNik: s(p.motherNik),
    emergencyName: s(p.emergencyName),
    emergencyRelation: s(p.emergencyRelation),
    emergencyPhone: s(p.emergencyPhone),
  };
}

type Fields = Omit<PatientCreateInput, 'ignoreSimilar'>;

/** The contract's input from the form ('' → null); name, birth date and sex as typed (checked before). */
function toInput(f: F): Fields {
  return {
    name: f.name,
    nik: orNull(f.nik),
    birthPlace: orNull(f.birthPlace),
    birthDate: f.birthDate,
    sex: f.sex as 'L' | 'P',
    addressStreet: orNull(f.addressStreet),
    rt: orNull(f.rt),
    rw: orNull(f.rw),
    villageCode: f.villageCode,
    phone: orNull(f.phone),
    bpjsNumber: orNull(f.bpjsNumber),
    bpjsClass: f.bpjsClass === '' ? null : (Number(f.bpjsClass) as 1 | 2 | 3),
    occupation: orNull(f.occupation),
    education: (f.education || null) as Fields['education'],
    religion: (f.religion || null) as Fields['religion'],
    maritalStatus: (f.maritalStatus || null) as Fields['maritalStatus'],
    bloodType: (f.bloodType || null) as Fields['bloodType'],
    motherName: orNull(f.motherName),
    motherNik: orNull(f.motherNik),
    kkNumber: orNull(f.kkNumber),
    familyHead: orNull(f.familyHead),
    emergencyName: orNull(f.emergencyName),
    emergencyRelation: orNull(f.emergencyRelation),
    emergencyPhone: orNull(f.emergencyPhone),
  };
}

/** What the form checks before the host: the three fields every patient needs. */
function requiredIssues(f: F): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.name.trim() === '') issues.push({ path: 'name', message: 'Nama lengkap wajib diisi' });
  if (f.birthDate === '') issues.push({ path: 'birthDate', message: 'Tanggal lahir wajib diisi (atau ketik NIK lebih dulu)' });
  if (f.sex === '') issues.push({ path: 'sex', message: 'Pilih jenis kelamin' });
  return issues;
}

type Decoded = OutputOf<'patients.decodeNik'>;
type Duplicates = OutputOf<'patients.findDuplicates'>;

export type PatientFormMode = { kind: 'baru' } | { kind: 'koreksi'; record: PatientRecord };

/**
 * A new patient (or a correction) in the order the KTP reads: NIK first — a full NIK fills
 * the birth date and sex and names the region of issue — then name, birth, sex, address …
 * Likely duplicates appear while typing; the same NIK blocks, a similar name warns.
 */
export function PatientForm({
  mode,
  today,
  onSaved,
  onUsePatient,
  onCancel,
}: {
  mode: PatientFormMode;
  today: string;
  onSaved: (patient: PatientRecord, warnings: string[]) => void;
  onUsePatient: (id: number) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  // NIK decoding and the duplicate check need the input right; a correction-only user saves and the host checks.
  const checks = useSession().can('pasien:input');
  const record = mode.kind === 'koreksi' ? mode.record : null;
  const initial = record ? fromRecord(record) : blank;
  const [f, setF] = useState<F>(initial);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [similarRefusal, setSimilarRefusal] = useState<string | null>(null);
  const [nikInfo, setNikInfo] = useState<{ nik: string; decoded: Decoded | null; reason: string | null } | null>(null);
  const [nikBlurred, setNikBlurred] = useState(false);
  const [dups, setDups] = useState<Duplicates | null>(null);
  const [escArmed, setEscArmed] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  /** Birth date and sex as the last decoded NIK filled them (a corrected NIK may replace them). */
  const autoFilled = useRef<{ birthDate: string | null; sex: string | null }>({ birthDate: null, sex: null });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const dirty = JSON.stringify(f) !== JSON.stringify(initial);

  const set = (patch: Partial<F>) => {
    setError(null);
    setSimilarRefusal(null);
    setEscArmed(false);
    setF((x) => ({ ...x, ...patch }));
  };

  useEffect(() => {
    first.current?.focus();
  }, []);
  useEffect(() => {
    if (similarRefusal) confirmRef.current?.focus();
  }, [similarRefusal]);

  // NIK: a full one (or anything that cannot be one) is decoded by the host.
  const nikRaw = f.nik.trim();
  const digits = nikDigits(nikRaw);
  const nikReady = checks && nikRaw !== '' && (digits.length >= 16 || !/^\d*$/.test(digits) || nikBlurred);
  useEffect(() => {
    if (!nikReady) return;
    let current = true;
    const timer = setTimeout(() => {
      client.call('patients.decodeNik', { nik: nikRaw, birthDate: f.birthDate || null, sex: f.sex || null }).then(
        (decoded) => {
          if (!current) return;
          setNikInfo({ nik: nikRaw, decoded, reason: null });
          // Fills what is still empty (or was filled from an earlier NIK); a disagreement with
          // what the clerk typed only warns.
          setF((x) => {
            if (x.nik.trim() !== nikRaw) return x;
            const auto = autoFilled.current;
            const birthDate = x.birthDate === '' || x.birthDate === auto.birthDate ? decoded.birthDate : x.birthDate;
            const sex = x.sex === '' || x.sex === auto.sex ? decoded.sex : x.sex;
            autoFilled.current = { birthDate: birthDate === decoded.birthDate ? birthDate : null, sex: sex === decoded.sex ? sex : null };
            return birthDate === x.birthDate && sex === x.sex ? x : { ...x, birthDate, sex };
          });
        },
        (e: unknown) => {
          if (current) setNikInfo({ nik: nikRaw, decoded: null, reason: asClientError(e).message });
        },
      );
    }, NIK_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, nikRaw, nikReady, f.birthDate, f.sex]);
  const nik = nikReady && nikInfo?.nik === nikRaw ? nikInfo : null;

  // Duplicates: the same NIK (blocks) or a similar name born on the same or a near date (warns).
  const dupName = f.name.trim();
  const dupNik = /^\d{16}$/.test(digits) ? digits : null;
  const dupWanted = checks && (dupName.length >= 3 || dupNik !== null);
  const excludeId = record?.id;
  useEffect(() => {
    if (!dupWanted) return;
    let current = true;
    const timer = setTimeout(() => {
      client
        .call('patients.findDuplicates', { name: dupName, birthDate: f.birthDate || null, nik: dupNik, ...(excludeId ? { excludeId } : {}) })
        .then(
          (d) => {
            if (current) setDups(d);
          },
          () => {
            // A failed check must not stop the clerk; the host checks again on saving.
            if (current) setDups(null);
          },
        );
    }, DUP_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, dupName, dupNik, dupWanted, f.birthDate, excludeId]);
  const duplicates = dupWanted ? dups : null;
  const sameNik = duplicates?.sameNik ?? null;
  const similar = duplicates?.similar ?? [];

  const save = (ignoreSimilar: boolean) => {
    if (busy) return;
    const missing = requiredIssues(f);
    if (missing.length > 0) {
      setError(new ClientError('VALIDATION', 'Isian belum lengkap.', missing));
      return;
    }
    setBusy(true);
    setError(null);
    setSimilarRefusal(null);
    const input = toInput(f);
    let call: Promise<{ patient: PatientRecord; warnings: string[] }>;
    if (record) {
      const before = toInput(fromRecord(record));
      const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof Fields])));
      if (Object.keys(changed).length === 0) {
        setBusy(false);
        setError(new ClientError('VALIDATION', 'Tidak ada yang diubah.'));
        return;
      }
      call = client.call('patients.update', { id: record.id, ...changed });
    } else {
      call = client.call('patients.create', { ...input, ...(ignoreSimilar ? { ignoreSimilar: true } : {}) });
    }
    call.then(
      (res) => {
        setBusy(false);
        onSaved(res.patient, res.warnings);
      },
      (e: unknown) => {
        setBusy(false);
        const err = asClientError(e);
        if (!record && err.code === 'CONFLICT' && err.fields.some((x) => x.path === 'name')) setSimilarRefusal(err.message);
        else setError(err);
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save(false);
  };

  const usable = sameNik ?? similar[0] ?? null;
  useShortcut({
    keys: 'Ctrl+Enter / F9',
    label: record ? 'Simpan koreksi data pasien' : 'Simpan pasien baru',
    group: GROUP,
    handler: () => save(false),
  });
  useShortcut(
    {
      keys: 'Alt+A',
      label: 'Pakai pasien yang sudah terdaftar (yang pertama di daftar)',
      group: GROUP,
      handler: () => usable && onUsePatient(usable.id),
    },
    usable !== null,
  );
  useShortcut({
    keys: 'Escape',
    label: 'Batal (dua kali bila sudah ada isian)',
    group: GROUP,
    handler: () => {
      if (!dirty || escArmed) onCancel();
      else setEscArmed(true);
    },
  });

  const err = (path: string) => error?.fieldMessage(path);
  const nikError = err('nik') ?? nik?.reason ?? undefined;
  const nikHint =
    digits.length > 0 && digits.length < 16 && /^\d+$/.test(digits) && !nik
      ? `${digits.length} dari 16 angka`
      : nik?.decoded
        ? 'NIK terbaca'
        : 'KTP / KIA, 16 angka';
  const infant = f.birthDate !== '' && umur(f.birthDate, today).match(/bln|hr/) !== null;
  const blocked = sameNik !== null;

  return (
    <div className="pf-layout">
      <form className="pf-form" noValidate onSubmit={onSubmit} aria-label={record ? 'Koreksi data pasien' : 'Pasien baru'}>
        <fieldset className="pf-section">
          <legend>Identitas sesuai KTP</legend>
          <div className="pf-grid">
            <Text
              ref={first}
              label="NIK"
              name="nik"
              className="span-2"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              value={f.nik}
              onChange={(e) => {
                setNikBlurred(false);
                set({ nik: e.target.value });
              }}
              onBlur={() => setNikBlurred(true)}
              error={nikError}
              hint={nikHint}
            />
            <Text
              label="Nama lengkap"
              name="name"
              className="span-2"
              mark
              value={f.name}
              maxLength={100}
              onChange={(e) => set({ name: e.target.value })}
              error={err('name')}
            />
            <Text
              label="Tempat lahir"
              name="birthPlace"
              value={f.birthPlace}
              maxLength={60}
              onChange={(e) => set({ birthPlace: e.target.value })}
              error={err('birthPlace')}
            />
            <Text
              label="Tanggal lahir"
              name="birthDate"
              type="date"
              mark
              max={today}
              value={f.birthDate}
              onChange={(e) => set({ birthDate: e.target.value })}
              error={err('birthDate')}
              hint={f.birthDate ? `Umur ${umur(f.birthDate, today)}` : undefined}
            />
            <Select
              label="Jenis kelamin"
              name="sex"
              mark
              value={f.sex}
              onChange={(e) => set({ sex: e.target.value as F['sex'] })}
              options={[
                { value: '', label: '— pilih —' },
                { value: 'L', label: 'Laki-laki' },
                { value: 'P', label: 'Perempuan' },
              ]}
              error={err('sex')}
            />
            <Select
              label="Golongan darah"
              name="bloodType"
              value={f.bloodType}
              onChange={(e) => set({ bloodType: e.target.value })}
              options={[{ value: '', label: '—' }, ...bloodTypes.map((b) => ({ value: b, label: b }))]}
              error={err('bloodType')}
            />
            <Text
              label="Alamat (jalan, dusun, no. rumah)"
              name="addressStreet"
              className="span-2"
              value={f.addressStreet}
              maxLength={200}
              onChange={(e) => set({ addressStreet: e.target.value })}
              error={err('addressStreet')}
            />
            <Text
              label="RT"
              name="rt"
              inputMode="numeric"
              maxLength={3}
              value={f.rt}
              onChange={(e) => set({ rt: e.target.value })}
              error={err('rt')}
            />
            <Text
              label="RW"
              name="rw"
              inputMode="numeric"
              maxLength={3}
              value={f.rw}
              onChange={(e) => set({ rw: e.target.value })}
              error={err('rw')}
            />
            <VillageField
              className="span-2"
              text={f.villageText}
              code={f.villageCode}
              path={f.villagePath}
              error={err('villageCode')}
              onText={(villageText) => set({ villageText, villageCode: null, villagePath: null })}
              onPick={(r) => set({ villageText: r.name, villageCode: r.code, villagePath: r.path })}
            />
            <Select
              label="Agama"
              name="religion"
              value={f.religion}
              onChange={(e) => set({ religion: e.target.value })}
              options={[{ value: '', label: '—' }, ...religions.map((r) => ({ value: r, label: religionLabels[r] }))]}
              error={err('religion')}
            />
            <Select
              label="Status perkawinan"
              name="maritalStatus"
              value={f.maritalStatus}
              onChange={(e) => set({ maritalStatus: e.target.value })}
              options={[{ value: '', label: '—' }, ...maritalStatuses.map((m) => ({ value: m, label: maritalLabels[m] }))]}
              error={err('maritalStatus')}
            />
            <Text
              label="Pekerjaan"
              name="occupation"
              value={f.occupation}
              maxLength={60}
              onChange={(e) => set({ occupation: e.target.value })}
              error={err('occupation')}
            />
            <Select
              label="Pendidikan"
              name="education"
              value={f.education}
              onChange={(e) => set({ education: e.target.value })}
              options={[{ value: '', label: '—' }, ...educations.map((x) => ({ value: x, label: educationLabels[x] }))]}
              error={err('education')}
            />
            <Text
              label="Telepon / HP"
              name="phone"
              className="span-2"
              inputMode="tel"
              value={f.phone}
              onChange={(e) => set({ phone: e.target.value })}
              error={err('phone')}
              placeholder="08… atau +62…"
            />
          </div>
        </fieldset>
        <fieldset className="pf-section">
          <legend>BPJS dan keluarga</legend>
          <div className="pf-grid">
            <Text
              label="No. BPJS / KIS"
              name="bpjsNumber"
              inputMode="numeric"
              value={f.bpjsNumber}
              onChange={(e) => set({ bpjsNumber: e.target.value })}
              error={err('bpjsNumber')}
              placeholder="13 angka"
            />
            <Select
              label="Kelas BPJS"
              name="bpjsClass"
              value={f.bpjsClass}
              onChange={(e) => set({ bpjsClass: e.target.value })}
              options={[
                { value: '', label: '—' },
                { value: '1', label: 'Kelas 1' },
                { value: '2', label: 'Kelas 2' },
                { value: '3', label: 'Kelas 3' },
              ]}
              error={err('bpjsClass')}
            />
            <Text
              label="No. KK"
              name="kkNumber"
              inputMode="numeric"
              value={f.kkNumber}
              onChange={(e) => set({ kkNumber: e.target.value })}
              error={err('kkNumber')}
              placeholder="16 angka"
            />
            <Text
              label="Kepala keluarga"
              name="familyHead"
              value={f.familyHead}
              maxLength={100}
              onChange={(e) => set({ familyHead: e.target.value })}
              error={err('familyHead')}
            />
            <Text
              label="Nama ibu kandung"
              name="motherName"
              className="span-2"
              mark={infant && digits === ''}
              value={f.motherName}
              maxLength={100}
              onChange={(e) => set({ motherName: e.target.value })}
              error={err('motherName')}
              hint={infant ? 'Wajib untuk bayi yang belum mempunyai NIK' : undefined}
            />
            <Text
              label="NIK ibu"
              name="motherNik"
              className="span-2"
              inputMode="numeric"
              value={f.motherNik}
              onChange={(e) => set({ motherNik: e.target.value })}
              error={err('motherNik')}
              hint={infant ? 'Identitas bayi lewat NIK ibu' : undefined}
            />
          </div>
        </fieldset>
        <fieldset className="pf-section">
          <legend>Kontak darurat</legend>
          <div className="pf-grid">
            <Text
              label="Nama"
              name="emergencyName"
              className="span-2"
              value={f.emergencyName}
              maxLength={100}
              onChange={(e) => set({ emergencyName: e.target.value })}
              error={err('emergencyName')}
            />
            <Text
              label="Hubungan"
              name="emergencyRelation"
              value={f.emergencyRelation}
              maxLength={40}
              placeholder="mis. suami, anak"
              onChange={(e) => set({ emergencyRelation: e.target.value })}
              error={err('emergencyRelation')}
            />
            <Text
              label="Telepon"
              name="emergencyPhone"
              inputMode="tel"
              value={f.emergencyPhone}
              onChange={(e) => set({ emergencyPhone: e.target.value })}
              error={err('emergencyPhone')}
            />
          </div>
        </fieldset>
        {similarRefusal ? (
          <div className="note note-warn pf-confirm" role="alert">
            <span>{similarRefusal}</span>
            <button ref={confirmRef} type="button" className="btn btn-small btn-primary" onClick={() => save(true)} disabled={busy}>
              Ya, orang yang berbeda — simpan (Enter)
            </button>
          </div>
        ) : null}
        <div className="form-footer">
          <div className="form-message" aria-live="polite">
            {error ? (
              <span className="text-error" role="alert">
                {error.code === 'VALIDATION' && error.fields.length > 0 ? 'Isian belum benar — periksa kolom yang ditandai merah.' : error.message}
              </span>
            ) : escArmed ? (
              <span className="text-error" role="status">
                Tekan Esc sekali lagi untuk membuang isian ini.
              </span>
            ) : (
              <span className="muted small">
                <span className="req">*</span> wajib · Enter atau Ctrl+Enter = simpan · Esc = batal
              </span>
            )}
          </div>
          <div className="form-buttons">
            <button type="button" className="btn" onClick={onCancel}>
              Batal
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy || blocked}>
              {busy ? 'Menyimpan…' : record ? 'Simpan koreksi' : 'Simpan pasien baru'}
            </button>
          </div>
        </div>
      </form>
      <aside className="pf-side" aria-label="Pemeriksaan NIK dan kemungkinan duplikat">
        <section className="pf-card">
          <h3>NIK</h3>
          {nik?.decoded ? (
            <dl className="pf-facts" data-testid="nik-terbaca">
              <dt>Lahir</dt>
              <dd>{tanggalPendek(nik.decoded.birthDate)}</dd>
              <dt>Jenis kelamin</dt>
              <dd>{nik.decoded.sex === 'L' ? 'Laki-laki' : 'Perempuan'}</dd>
              <dt>Wilayah terbit</dt>
              <dd>{nik.decoded.regionOfIssue ?? `kode kecamatan ${nik.decoded.districtCode} (tidak ada di daftar wilayah)`}</dd>
            </dl>
          ) : nik?.reason ? (
            <p className="text-error small">{nik.reason}</p>
          ) : (
            <p className="muted small">Ketik 16 angka NIK: tanggal lahir dan jenis kelamin terisi sendiri.</p>
          )}
          {nik?.decoded?.warnings.map((w) => (
            <p key={w} className="note note-warn small pf-warning" role="alert">
              {w}
            </p>
          ))}
        </section>
        <section className="pf-card" aria-live="polite">
          <h3>Kemungkinan pasien yang sama</h3>
          {sameNik ? (
            <div className="note note-error pf-dup" role="alert">
              <div>
                NIK ini sudah terdaftar atas <strong>{sameNik.name}</strong> (No. RM <span className="mono">{sameNik.rmNumber}</span>). Pasien yang
                sama tidak boleh didaftarkan dua kali.
              </div>
              <DupRow p={sameNik} today={today} onUse={onUsePatient} first />
            </div>
          ) : null}
          {similar.length > 0 ? (
            <div className="note note-warn pf-dup" role="alert">
              <div>Nama mirip dengan tanggal lahir sama/dekat — periksa dulu:</div>
              {similar.map((s, i) => (
                <DupRow key={s.id} p={s} today={today} onUse={onUsePatient} first={!sameNik && i === 0} />
              ))}
            </div>
          ) : null}
          {!sameNik && similar.length === 0 ? (
            <p className="muted small">{dupWanted ? 'Tidak ada yang mirip.' : 'Muncul saat NIK atau nama diketik.'}</p>
          ) : null}
        </section>
      </aside>
    </div>
  );
}

function DupRow({ p, today, onUse, first }: { p: PatientSummary; today: string; onUse: (id: number) => void; first: boolean }) {
  return (
    <div className="pf-dup-row">
      <div>
        <div className="strong">{p.name}</div>
        <div className="small">
          <span className="mono">{p.rmNumber}</span> · {p.sex} · lahir {tanggalPendek(p.birthDate)} ({umur(p.birthDate, today)}){' '}
          {p.village ? `· ${p.village}` : ''}
        </div>
      </div>
      <button type="button" className="btn btn-small" onClick={() => onUse(p.id)}>
        Pakai pasien ini{first ? ' (Alt+A)' : ''}
      </button>
    </div>
  );
}
