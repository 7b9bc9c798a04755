import { useState, type ChangeEvent } from 'react';
import {
  checkLetterPattern,
  LOGO_MAX_BYTES,
  letterKindLabels,
  letterKinds,
  letterPapers,
  renderLetterNumber,
  type LetterPaper,
  type LetterSettings,
  type SharedSettings,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { localError, useSubmit } from '../../components/form';
import { ErrorNote, FormFooter, Panel, RemoteView, SelectField, TextArea, TextField } from '../../components/ui';
import { hariIni } from '../../lib/format';

/** Pengaturan → Surat: the kop's logo, number patterns per kind (with a live example), paper, sick-leave policy. */
export function SuratTab() {
  const settings = useRemote('settings.get', {}, { refreshOn: ['settings.changed'] });
  return <RemoteView remote={settings}>{(data) => <SuratForm initial={data} />}</RemoteView>;
}

function SuratForm({ initial }: { initial: SharedSettings }) {
  const client = useClient();
  const { can } = useSession();
  const editable = can('pengaturan:correction');
  const [l, setL] = useState<LetterSettings>(initial.letters);
  const [maxDays, setMaxDays] = useState(String(initial.letters.sickLeaveMaxDays));
  const [logoError, setLogoError] = useState<string | null>(null);
  const today = hariIni(initial.timeZone);
  const form = useSubmit(
    () => {
      const days = Number(maxDays);
      if (!Number.isInteger(days)) throw localError('letters.sickLeaveMaxDays', 'Isi bilangan bulat hari');
      return client.call('settings.update', { letters: { ...l, sickLeaveMaxDays: days } });
    },
    { savedText: 'Pengaturan surat tersimpan.', onDone: (s) => setL(s.letters) },
  );
  const set = (patch: Partial<LetterSettings>) => setL((x) => ({ ...x, ...patch }));

  const pickLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setLogoError(null);
    if (!file) return;
    if (!/^image\/(png|jpeg|svg\+xml)$/.test(file.type)) return setLogoError('Logo harus berkas PNG, JPEG atau SVG.');
    if (file.size > LOGO_MAX_BYTES) return setLogoError(`Logo ${Math.round(file.size / 1024)} KB: maksimal ${LOGO_MAX_BYTES / 1024} KB.`);
    const reader = new FileReader();
    reader.onload = () => set({ logoDataUrl: reader.result as string });
    reader.onerror = () => setLogoError('Berkas logo tidak dapat dibaca.');
    reader.readAsDataURL(file);
  };

  return (
    <Panel title="Surat: kop, penomoran, kertas, kebijakan surat sakit" className="wide-panel">
      <form onSubmit={form.onSubmit} noValidate className="form-grid form-three">
        <fieldset disabled={!editable} className="contents">
          <div className="field">
            <label htmlFor="surat-logo">Logo kop surat (PNG/JPEG/SVG, maks. 300 KB)</label>
            <input id="surat-logo" type="file" accept="image/png,image/jpeg,image/svg+xml" onChange={pickLogo} />
            {logoError ? <ErrorNote error={logoError} /> : null}
            {form.fieldError('letters.logoDataUrl') ? <span className="field-error">{form.fieldError('letters.logoDataUrl')}</span> : null}
          </div>
          <div className="field">
            <span>Logo tersimpan</span>
            {l.logoDataUrl ? (
              <div>
                <img src={l.logoDataUrl} alt="Logo kop surat" style={{ maxHeight: 64, maxWidth: 64 }} />{' '}
                <button type="button" className="btn btn-small" onClick={() => set({ logoDataUrl: '' })}>
                  Hapus logo
                </button>
              </div>
            ) : (
              <span className="muted">Belum ada logo.</span>
            )}
          </div>
          <SelectField
            label="Kertas bawaan"
            value={l.paper}
            onChange={(e) => set({ paper: e.target.value as LetterPaper })}
            options={letterPapers.map((p) => ({ value: p, label: p === 'F4' ? 'F4 (215 × 330 mm)' : 'A4 (210 × 297 mm)' }))}
          />
          <TextField
            label="Kode unit ({unitCode})"
            value={l.unitCode}
            onChange={(e) => set({ unitCode: e.target.value })}
            error={form.fieldError('letters.unitCode')}
            hint="mis. PKM-SJ"
          />
          <TextField
            label="Tempat di bawah surat"
            value={l.place}
            onChange={(e) => set({ place: e.target.value })}
            error={form.fieldError('letters.place')}
            hint="mis. Sukajaya (kosong: nama puskesmas)"
          />
          <TextField
            label="Surat sakit paling lama (hari)"
            type="number"
            min={1}
            max={30}
            value={maxDays}
            onChange={(e) => setMaxDays(e.target.value)}
            error={form.fieldError('letters.sickLeaveMaxDays')}
          />
          {letterKinds.map((kind) => {
            const pattern = l.patterns[kind];
            const check = checkLetterPattern(pattern);
            return (
              <TextField
                key={kind}
                label={`Pola nomor ${letterKindLabels[kind].toLowerCase()}`}
                value={pattern}
                onChange={(e) => set({ patterns: { ...l.patterns, [kind]: e.target.value } })}
                error={form.fieldError(`letters.patterns.${kind}`) ?? (check.ok ? undefined : check.reason)}
                hint={check.ok ? `Contoh: ${renderLetterNumber(pattern, { seq: 12, unitCode: l.unitCode, date: today })}` : undefined}
                className="mono"
              />
            );
          })}
          <TextArea
            label="Pesan bila surat sakit melebihi batas"
            value={l.sickLeaveMessage}
            onChange={(e) => set({ sickLeaveMessage: e.target.value })}
            error={form.fieldError('letters.sickLeaveMessage')}
            wide
          />
          <p className="muted small field-wide">
            Token nomor: {'{seq}'} nomor urut, {'{seq:3}'} nomor urut 3 angka (012), {'{unitCode}'}, {'{romanMonth}'} bulan Romawi (XI), {'{month}'}{' '}
            bulan (11), {'{year}'} tahun. Nomor urut dimulai lagi dari 1 setiap tahun untuk tiap jenis surat.
          </p>
          {editable ? (
            <div className="field-wide">
              <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan pengaturan surat" />
            </div>
          ) : null}
        </fieldset>
      </form>
    </Panel>
  );
}
