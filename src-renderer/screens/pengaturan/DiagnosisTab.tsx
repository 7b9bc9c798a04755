import { useId, useState, type ChangeEvent } from 'react';
import type { DiagnosisImportResult } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useSubmit } from '../../components/form';
import { CheckField, EmptyNote, ErrorNote, FormFooter, Panel, RemoteView, SelectField, TextArea } from '../../components/ui';
import { readAsBase64 } from './ImportTab';

/**
 * Pengaturan → Diagnosis: import the puskesmas's diagnosis list (CSV `kode;nama` or .xlsx). A dry
 * run first names every rejected line; Impor writes in one transaction.
 */
export function DiagnosisTab() {
  const client = useClient();
  const fileId = useId();
  const { can } = useSession();
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [replace, setReplace] = useState(false);
  const [result, setResult] = useState<DiagnosisImportResult | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const size = useRemote('diagnoses.search', { query: '', limit: 1 }, {});

  const run = async (dryRun: boolean, chosen = file) => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await client.call('diagnoses.import', { file: chosen, dryRun, replace }));
      if (!dryRun) size.reload();
    } catch (e) {
      setError(asClientError(e));
    } finally {
      setBusy(false);
    }
  };
  const onChoose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    const chosen = { name: f.name, contentBase64: await readAsBase64(f) };
    setFile(chosen);
    await run(true, chosen);
  };

  return (
    <Panel title="Daftar diagnosis (untuk surat rujukan)">
      <p className="muted small">
        Loket tidak membawa daftar ICD. Impor daftar yang dipakai puskesmas: CSV dengan dua kolom <span className="mono">kode;nama</span> (baris judul
        boleh ada) atau Excel .xlsx. Uji coba dulu: baris yang ditolak disebutkan satu per satu dan tidak ada yang disimpan sampai Anda menekan Impor.
        Sekarang: <b>{size.data ? size.data.listSize.toLocaleString('id-ID') : '…'}</b> kode aktif.
      </p>
      <div className="form-grid form-inline">
        <div className="field field-wide">
          <label htmlFor={fileId}>Berkas daftar diagnosis</label>
          <input id={fileId} type="file" accept=".csv,.txt,.xlsx" onChange={(e) => void onChoose(e)} disabled={busy || !can('referensi:input')} />
        </div>
        <CheckField
          label="Kode yang tidak ada di berkas dinonaktifkan (edisi baru menggantikan daftar lama)"
          checked={replace}
          onChange={setReplace}
        />
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {result ? (
        <div aria-live="polite" className="diagnosis-result">
          <p>
            {result.dryRun ? 'Uji coba' : 'Impor selesai'}: {result.counts.rows} baris — {result.counts.added} baru, {result.counts.updated} diubah,{' '}
            {result.counts.unchanged} sama, {result.counts.rejected} ditolak{replace ? `, ${result.counts.deactivated} dinonaktifkan` : ''}.
          </p>
          {result.notes.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
          {result.rejected.length > 0 ? (
            <table className="table" aria-label="Baris ditolak">
              <thead>
                <tr>
                  <th>Baris</th>
                  <th>Kode</th>
                  <th>Alasan</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td className="mono">{r.code ?? '—'}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.dryRun ? (
            <div className="form-buttons">
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(false)}>
                Impor {result.counts.added + result.counts.updated} kode
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </Panel>
  );
}

/** Specialties/poli of each referral destination (the directory the referral form picks from). */
export function SpecialtiesPanel() {
  const directory = useRemote('referrals.directory', { includeInactive: true }, { refreshOn: ['reference.changed'] });
  const [facilityId, setFacilityId] = useState('');
  return (
    <Panel title="Spesialis/poli tiap faskes rujukan">
      <RemoteView remote={directory} empty={(l) => (l.length === 0 ? <EmptyNote>Tambahkan faskes rujukan dulu.</EmptyNote> : null)}>
        {(list) => {
          const chosen = list.find((d) => String(d.facilityId) === facilityId) ?? list[0]!;
          return (
            <>
              <SelectField
                label="Faskes"
                value={String(chosen.facilityId)}
                onChange={(e) => setFacilityId(e.target.value)}
                options={list.map((d) => ({ value: String(d.facilityId), label: d.name }))}
              />
              <SpecialtiesForm
                key={`${chosen.facilityId}-${chosen.specialties.join('|')}`}
                facilityId={chosen.facilityId}
                initial={chosen.specialties}
              />
            </>
          );
        }}
      </RemoteView>
    </Panel>
  );
}

function SpecialtiesForm({ facilityId, initial }: { facilityId: number; initial: string[] }) {
  const client = useClient();
  const [text, setText] = useState(initial.join('\n'));
  const form = useSubmit(
    () =>
      client.call('facilities.saveSpecialties', {
        facilityId,
        specialties: text
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    { savedText: 'Daftar spesialis disimpan.' },
  );
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <TextArea
        label="Spesialis/poli (satu per baris, mis. Penyakit Dalam, Anak, Kebidanan dan Kandungan)"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={form.fieldError('specialties')}
        wide
      />
      <FormFooter error={form.error} saved={form.saved} busy={form.busy} submitLabel="Simpan spesialis" />
    </form>
  );
}
