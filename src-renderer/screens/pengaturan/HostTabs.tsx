import { useEffect, useRef, useState } from 'react';
import { timeZoneLabels, timeZones, type SharedSettings, type WorkstationSettings } from '../../../src-main/contract';
import { useClient, useReloadAll, useRemote } from '../../api/react';
import { setCounterOverride, useCounterOverride, useSession } from '../../app/session';
import { localError, orNull, useSubmit } from '../../components/form';
import { CheckField, FormFooter, Panel, RemoteView, SelectField, TextArea, TextField } from '../../components/ui';
import { TicketPrinterTest } from './TicketPrinterTest';

type TimeZone = SharedSettings['timeZone'];

export function ProfilTab() {
  const settings = useRemote('settings.get', {}, { refreshOn: ['settings.changed'] });
  return <RemoteView remote={settings}>{(data) => <ProfilForm initial={data} />}</RemoteView>;
}

function ProfilForm({ initial }: { initial: SharedSettings }) {
  const client = useClient();
  const { can } = useSession();
  const editable = can('pengaturan:correction');
  const [p, setP] = useState(initial.puskesmas);
  const [timeZone, setTimeZone] = useState<TimeZone>(initial.timeZone);
  const [runningText, setRunningText] = useState(initial.runningText);
  const [rm, setRm] = useState(() => rmForm(initial.rmFormat));
  const [stage, setStage] = useState(() => stageForm(initial.lifeStage));
  const dirty = useRef(false);
  const setDirty = (v: boolean) => {
    dirty.current = v;
  };
  const apply = (s: SharedSettings) => {
    setP(s.puskesmas);
    setTimeZone(s.timeZone);
    setRunningText(s.runningText);
    setRm(rmForm(s.rmFormat));
    setStage(stageForm(s.lifeStage));
  };
  // Someone else saved while this form was untouched: show their values.
  useEffect(() => {
    if (!dirty.current) apply(initial);
  }, [initial]);

  const form = useSubmit(
    () =>
      client.call('settings.update', {
        puskesmas: p,
        timeZone,
        runningText,
        rmFormat: { width: wholeNumber(rm.width), prefix: rm.prefix, family: rm.family },
        lifeStage: { childMaxAgeYears: wholeNumber(stage.child), elderlyMinAgeYears: wholeNumber(stage.elderly) },
      }),
    {
      savedText: 'Profil puskesmas tersimpan.',
      onDone: (saved) => {
        setDirty(false);
        apply(saved);
      },
    },
  );
  const setField = (patch: Partial<typeof p>) => {
    setDirty(true);
    setP((x) => ({ ...x, ...patch }));
  };
  const err = (k: string) => form.fieldError(`puskesmas.${k}`);

  return (
    <Panel title="Profil puskesmas" className="wide-panel">
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-three">
        <fieldset disabled={!editable} className="contents">
          <TextField label="Nama puskesmas" value={p.name} onChange={(e) => setField({ name: e.target.value })} error={err('name')} wide />
          <TextField label="Kode puskesmas" value={p.code} onChange={(e) => setField({ code: e.target.value })} error={err('code')} />
          <TextField
            label="Pemerintah"
            value={p.pemerintah}
            onChange={(e) => setField({ pemerintah: e.target.value })}
            error={err('pemerintah')}
            placeholder="Pemerintah Kabupaten …"
            wide
          />
          <TextField
            label="Dinas"
            value={p.dinas}
            onChange={(e) => setField({ dinas: e.target.value })}
            error={err('dinas')}
            placeholder="Dinas Kesehatan"
          />
          <TextField label="Alamat" value={p.address} onChange={(e) => setField({ address: e.target.value })} error={err('address')} wide />
          <TextField label="Telepon" value={p.phone} onChange={(e) => setField({ phone: e.target.value })} error={err('phone')} />
          <TextField label="Email" type="email" value={p.email} onChange={(e) => setField({ email: e.target.value })} error={err('email')} />
          <TextField label="Kepala puskesmas" value={p.headName} onChange={(e) => setField({ headName: e.target.value })} error={err('headName')} />
          <TextField
            label="NIP kepala puskesmas"
            inputMode="numeric"
            value={p.headNip}
            onChange={(e) => setField({ headNip: e.target.value })}
            error={err('headNip')}
            hint="18 angka"
          />
          <SelectField
            label="Zona waktu"
            value={timeZone}
            onChange={(e) => {
              setDirty(true);
              setTimeZone(e.target.value as TimeZone);
            }}
            options={timeZones.map((t) => ({ value: t, label: timeZoneLabels[t] }))}
            error={form.fieldError('timeZone')}
            hint="Tanggal register dan nomor antrean berganti pada tengah malam waktu ini"
          />
          <TextArea
            label="Teks berjalan di layar ruang tunggu"
            rows={2}
            value={runningText}
            onChange={(e) => {
              setDirty(true);
              setRunningText(e.target.value);
            }}
            error={form.fieldError('runningText')}
            wide
          />
          <TextField
            label="Panjang angka No. RM"
            inputMode="numeric"
            value={rm.width}
            onChange={(e) => {
              setDirty(true);
              setRm((x) => ({ ...x, width: e.target.value }));
            }}
            error={form.fieldError('rmFormat.width')}
            hint={`Contoh No. RM baru: ${rmExample(rm)}`}
          />
          <TextField
            label="Awalan No. RM"
            value={rm.prefix}
            onChange={(e) => {
              setDirty(true);
              setRm((x) => ({ ...x, prefix: e.target.value }));
            }}
            error={form.fieldError('rmFormat.prefix')}
            hint="Boleh kosong; mis. kode puskesmas SJ-"
          />
          <CheckField
            label="Berkas keluarga (No. RM keluarga + nomor anggota, mis. 000123-01)"
            checked={rm.family}
            onChange={(family) => {
              setDirty(true);
              setRm((x) => ({ ...x, family }));
            }}
          />
          <TextField
            label="Batas usia anak/remaja (klaster 2)"
            inputMode="numeric"
            value={stage.child}
            onChange={(e) => {
              setDirty(true);
              setStage((x) => ({ ...x, child: e.target.value }));
            }}
            error={form.fieldError('lifeStage.childMaxAgeYears')}
            hint={`Di bawah ${stage.child || '…'} tahun → klaster 2 (12–21)`}
          />
          <TextField
            label="Usia mulai lansia"
            inputMode="numeric"
            value={stage.elderly}
            onChange={(e) => {
              setDirty(true);
              setStage((x) => ({ ...x, elderly: e.target.value }));
            }}
            error={form.fieldError('lifeStage.elderlyMinAgeYears')}
            hint={`${stage.elderly || '…'} tahun ke atas → lansia, klaster 3 (45–75)`}
          />
        </fieldset>
        {editable ? (
          <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan profil" />
        ) : (
          <p className="muted small">Anda hanya berhak melihat profil puskesmas.</p>
        )}
      </form>
    </Panel>
  );
}

type RmFormat = SharedSettings['rmFormat'];
const rmForm = (f: RmFormat) => ({ width: String(f.width), prefix: f.prefix, family: f.family });
const stageForm = (l: SharedSettings['lifeStage']) => ({ child: String(l.childMaxAgeYears), elderly: String(l.elderlyMinAgeYears) });
/** '' or text → NaN, so the contract names the field. */
const wholeNumber = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

function rmExample(f: ReturnType<typeof rmForm>): string {
  const width = wholeNumber(f.width);
  if (!Number.isInteger(width) || width < 4 || width > 10) return '—';
  return `${f.prefix.trim().toUpperCase()}${'123'.padStart(width, '0')}${f.family ? '-01' : ''}`;
}

export function KomputerTab() {
  const client = useClient();
  const ws = useRemote('workstation.get', {}, { refreshOn: ['workstation.changed'] });
  return (
    <div className="stack">
      {client.transport === 'http' ? <BrowserCounter hostCounter={ws.data?.counterNumber ?? null} /> : null}
      <RemoteView remote={ws}>{(data) => <WorkstationForm initial={data} onSaved={ws.reload} />}</RemoteView>
      <TicketPrinterTest />
    </div>
  );
}

/** A browser on another PC chooses its own counter number (kept in this browser only). */
function BrowserCounter({ hostCounter }: { hostCounter: number | null }) {
  const override = useCounterOverride();
  const [value, setValue] = useState(override === null ? '' : String(override));
  const form = useSubmit(
    async () => {
      const trimmed = value.trim();
      if (trimmed === '') {
        setCounterOverride(null);
        return;
      }
      const n = Number(trimmed);
      if (!Number.isInteger(n) || n < 1 || n > 99) throw localError('counter', 'Nomor loket 1–99');
      setCounterOverride(n);
    },
    { savedText: 'Nomor loket browser ini tersimpan.' },
  );
  return (
    <Panel title="Nomor loket browser ini">
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-inline">
        <TextField
          label="Nomor loket"
          name="loket-browser"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={form.fieldError('counter')}
          hint={`Disimpan hanya di browser ini. Kosongkan untuk memakai nomor dari host (${hostCounter ? `Loket ${hostCounter}` : 'belum diatur'}).`}
          wide
        />
        <FormFooter error={null} saved={form.saved} busy={form.busy} submitLabel="Simpan nomor loket" />
      </form>
    </Panel>
  );
}

function WorkstationForm({ initial, onSaved }: { initial: WorkstationSettings; onSaved: () => void }) {
  const client = useClient();
  const { can } = useSession();
  const reloadAll = useReloadAll();
  const editable = can('pengaturan:correction');
  const [f, setF] = useState({
    workstationName: initial.workstationName,
    counterNumber: initial.counterNumber === null ? '' : String(initial.counterNumber),
    role: initial.role,
    hostUrl: initial.hostUrl ?? '',
    letter: initial.printers.letter ?? '',
    label: initial.printers.label ?? '',
    ticket: initial.printers.ticket ?? '',
    ticketPaperMm: String(initial.ticketPaperMm),
    bindAddress: initial.lan.bindAddress,
    port: String(initial.lan.port),
  });
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const form = useSubmit(
    () =>
      client.call('workstation.update', {
        workstationName: f.workstationName,
        counterNumber: f.counterNumber.trim() === '' ? null : Number(f.counterNumber),
        role: f.role,
        hostUrl: orNull(f.hostUrl),
        printers: { letter: orNull(f.letter), label: orNull(f.label), ticket: orNull(f.ticket) },
        ticketPaperMm: f.ticketPaperMm === '80' ? 80 : 58,
        lan: { bindAddress: f.bindAddress, port: Number(f.port) },
      }),
    {
      savedText: 'Pengaturan komputer tersimpan. Perubahan alamat jaringan berlaku setelah host dimulai ulang.',
      onDone: () => {
        onSaved();
        reloadAll();
      },
    },
  );
  const remote = client.transport === 'http';
  return (
    <Panel title={remote ? 'Komputer host' : 'Komputer ini'} className="wide-panel">
      {remote ? (
        <p className="muted small">Browser ini terhubung ke host Loket. Pengaturan di bawah tersimpan di komputer host, bukan di komputer ini.</p>
      ) : null}
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-three">
        <fieldset disabled={!editable} className="contents">
          <TextField
            label="Nama komputer"
            value={f.workstationName}
            onChange={(e) => set({ workstationName: e.target.value })}
            error={form.fieldError('workstationName')}
          />
          <TextField
            label="Nomor loket"
            inputMode="numeric"
            value={f.counterNumber}
            onChange={(e) => set({ counterNumber: e.target.value })}
            error={form.fieldError('counterNumber')}
            hint="Kosongkan bila bukan komputer loket"
          />
          <SelectField
            label="Peran komputer"
            value={f.role}
            onChange={(e) => set({ role: e.target.value as WorkstationSettings['role'] })}
            options={[
              { value: 'host', label: 'Host (menyimpan basis data)' },
              { value: 'client', label: 'Klien (terhubung ke host)' },
            ]}
            error={form.fieldError('role')}
          />
          <TextField
            label="Alamat host (untuk klien)"
            value={f.hostUrl}
            onChange={(e) => set({ hostUrl: e.target.value })}
            error={form.fieldError('hostUrl')}
            placeholder="http://192.168.1.10:5180"
            wide
          />
          <TextField
            label="Printer surat"
            value={f.letter}
            onChange={(e) => set({ letter: e.target.value })}
            error={form.fieldError('printers.letter')}
            placeholder="Tanya setiap mencetak"
          />
          <TextField
            label="Printer kartu & label"
            value={f.label}
            onChange={(e) => set({ label: e.target.value })}
            error={form.fieldError('printers.label')}
            placeholder="Tanya setiap mencetak"
            hint="Kartu berobat dan label map rekam medis"
          />
          <TextField
            label="Printer karcis antrean"
            value={f.ticket}
            onChange={(e) => set({ ticket: e.target.value })}
            error={form.fieldError('printers.ticket')}
            placeholder="html (kios mencetak sendiri)"
            hint="tcp://192.168.1.50:9100 (printer jaringan), windows://NAMA-PRINTER, atau kosong/html"
          />
          <SelectField
            label="Lebar kertas karcis"
            value={f.ticketPaperMm}
            onChange={(e) => set({ ticketPaperMm: e.target.value })}
            options={[
              { value: '58', label: '58 mm' },
              { value: '80', label: '80 mm' },
            ]}
            error={form.fieldError('ticketPaperMm')}
          />
          <TextField
            label="Alamat jaringan (bind)"
            value={f.bindAddress}
            onChange={(e) => set({ bindAddress: e.target.value })}
            error={form.fieldError('lan.bindAddress')}
            hint="127.0.0.1 = hanya komputer ini; 0.0.0.0 = seluruh LAN"
          />
          <TextField
            label="Port"
            inputMode="numeric"
            value={f.port}
            onChange={(e) => set({ port: e.target.value })}
            error={form.fieldError('lan.port')}
          />
        </fieldset>
        {editable ? (
          <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan pengaturan komputer" />
        ) : (
          <p className="muted small">Anda hanya berhak melihat pengaturan komputer.</p>
        )}
      </form>
    </Panel>
  );
}
