import { useEffect, useId, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import {
  duplicateKindLabels,
  IMPORT_MAX_BASE64_CHARS,
  IMPORT_REPORT_LIMIT,
  importFieldLabels,
  importFields,
  type ImportField,
  type ImportPreview,
  type ImportResult,
} from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';
import { Badge, ErrorNote, Panel } from '../../components/ui';
import { angka, tanggalPendek } from '../../lib/format';

const GROUP = 'Pengaturan — Impor Pasien';
const MAX_FILE_BYTES = Math.floor((IMPORT_MAX_BASE64_CHARS * 3) / 4);
const fieldOptions = [{ value: '', label: '— tidak dipakai —' }, ...importFields.map((f) => ({ value: f, label: importFieldLabels[f] }))];

interface ChosenFile {
  name: string;
  size: number;
  contentBase64: string;
}

type Busy = 'membaca' | 'uji' | 'impor' | null;

/** The file as base64 (what the contract carries over IPC and HTTP alike). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('Berkas tidak dapat dibaca dari disk.'));
    reader.readAsDataURL(file);
  });
}

const megabytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('id-ID')} KB`
    : `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/**
 * Patients from another system (SIMPUS, ePuskesmas, an Excel register): choose a CSV or XLSX
 * file (Alt+O), check the column mapping, run the dry run (Alt+U) and read its report, then
 * import (Alt+I). The import runs in one transaction and can be repeated safely: rows already in
 * Loket are reported as "sudah ada", never added twice.
 */
export function ImportTab() {
  const client = useClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const mappingHeading = useRef<HTMLHeadingElement>(null);
  const fileId = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(0);

  // Seconds since the host started working, so a long import visibly goes on.
  useEffect(() => {
    if (busy === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [busy]);
  // A new preview or report takes the focus, so a keyboard user lands on what just appeared.
  useEffect(() => {
    if (preview) mappingHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  const elapsed = busy === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
  const start = (what: Busy) => {
    const t = Date.now();
    setStartedAt(t);
    setNow(t);
    setBusy(what);
  };

  const onChoose = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setError(null);
    setResult(null);
    setPreview(null);
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setError(
        asClientError(
          new Error(`Berkas ${megabytes(chosen.size)} terlalu besar: maksimal ${megabytes(MAX_FILE_BYTES)}. Bagi berkas menjadi beberapa bagian.`),
        ),
      );
      return;
    }
    start('membaca');
    try {
      const picked = { name: chosen.name, size: chosen.size, contentBase64: await readAsBase64(chosen) };
      const p = await client.call('patients.importPreview', { file: { name: picked.name, contentBase64: picked.contentBase64 } });
      setFile(picked);
      setPreview(p);
      setMapping(p.mapping);
    } catch (err) {
      setError(asClientError(err));
    } finally {
      setBusy(null);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file || !preview || busy) return;
    start(dryRun ? 'uji' : 'impor');
    setError(null);
    try {
      const r = await client.call('patients.import', {
        file: { name: file.name, contentBase64: file.contentBase64 },
        mapping,
        dryRun,
        headerRow: preview.headerRow,
      });
      setResult(r);
    } catch (err) {
      setError(asClientError(err));
    } finally {
      setBusy(null);
    }
  };

  const changeField = (index: number, value: string) => {
    setMapping((m) => {
      const next = [...m];
      while (next.length <= index) next.push(null);
      // A field belongs to one column: choosing it here frees it elsewhere.
      const field = value === '' ? null : (value as ImportField);
      for (let i = 0; i < next.length; i++) if (field !== null && next[i] === field) next[i] = null;
      next[index] = field;
      return next;
    });
    setResult(null);
  };

  const dryDone = result?.dryRun === true;
  const canImport = dryDone && result.counts.added > 0 && busy === null;
  useShortcut({ keys: 'Alt+O', label: 'Pilih berkas impor pasien', group: GROUP, handler: () => fileInput.current?.click() });
  useShortcut({ keys: 'Alt+U', label: 'Uji coba impor (tidak menyimpan)', group: GROUP, handler: () => void run(true) }, preview !== null);
  useShortcut({ keys: 'Alt+I', label: 'Impor sekarang (setelah uji coba)', group: GROUP, handler: () => void run(false) }, canImport);

  return (
    <div className="stack">
      <Panel title="Impor pasien dari sistem lain" className="wide-panel">
        <p className="muted small">
          Berkas CSV (pemisah koma atau titik koma, UTF-8) atau Excel .xlsx (lembar pertama) dari SIMPUS, ePuskesmas atau register Excel. Baris
          pertama berisi nama kolom. Tanggal boleh HH-BB-TTTT, HH/BB/TTTT atau TTTT-BB-HH. Uji coba dulu: tidak ada yang disimpan sampai Anda menekan
          Impor. Impor yang sama boleh diulang; pasien yang sudah ada tidak ditambahkan lagi.
        </p>
        <div className="form-grid form-inline">
          <div className="field field-wide">
            <label htmlFor={fileId}>Berkas pasien (Alt+O)</label>
            <input
              id={fileId}
              ref={fileInput}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void onChoose(e)}
              disabled={busy !== null}
            />
          </div>
        </div>
        <BusyNote busy={busy} elapsed={elapsed} rows={preview?.totalRows ?? 0} />
        {error ? <ErrorNote error={error} /> : null}
      </Panel>

      {preview && file ? (
        <Panel title={`Kolom dan pemetaan — ${file.name}`} className="wide-panel">
          <h3 ref={mappingHeading} tabIndex={-1} className="sr-only">
            Pemetaan kolom
          </h3>
          <p className="small">
            {preview.fileKind === 'csv'
              ? `CSV, pemisah "${preview.delimiter === '\t' ? 'tab' : preview.delimiter}"`
              : `Excel, lembar "${preview.sheetName}"`}{' '}
            · {angka(preview.totalRows)} baris data · nama kolom di baris {preview.headerRow} · {megabytes(file.size)}
          </p>
          {preview.notes.map((n) => (
            <p key={n} className="note">
              {n}
            </p>
          ))}
          <p className="muted small">Wajib dipetakan: Nama; Tanggal lahir dan Jenis kelamin (atau NIK — keduanya dibaca dari NIK bila kosong).</p>
          <div className="table-wrap">
            <table className="table table-compact" aria-label="Pemetaan kolom berkas ke data pasien">
              <thead>
                <tr>
                  <th>Kolom di berkas</th>
                  <th>Contoh isi</th>
                  <th>Dipakai sebagai</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => (
                  <tr key={c.index}>
                    <td className="strong">{c.header}</td>
                    <td className="muted small">{c.samples.slice(0, 3).join(' · ') || '—'}</td>
                    <td>
                      <select
                        aria-label={`Kolom "${c.header}" dipakai sebagai`}
                        value={mapping[c.index] ?? ''}
                        onChange={(e) => changeField(c.index, e.target.value)}
                        disabled={busy !== null}
                      >
                        {fieldOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details>
            <summary>Baris pertama berkas ({Math.min(preview.rows.length, preview.totalRows)})</summary>
            <div className="table-wrap">
              <table className="table table-compact" aria-label="Baris pertama berkas">
                <thead>
                  <tr>
                    <th className="num">Baris</th>
                    {preview.columns.map((c) => (
                      <th key={c.index}>{c.header}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      {r.cells.map((cell, i) => (
                        <td key={i}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <div className="form-footer">
            <div className="form-message" aria-live="polite">
              {dryDone ? (
                <span className="text-ok">Uji coba selesai — periksa laporan di bawah, lalu impor.</span>
              ) : (
                <span className="muted">Jalankan uji coba untuk melihat baris yang ditolak dan duplikat.</span>
              )}
            </div>
            <div className="form-buttons">
              <button type="button" className="btn" onClick={() => void run(true)} disabled={busy !== null}>
                Uji coba (Alt+U)
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void run(false)} disabled={!canImport}>
                {dryDone && result.counts.added === 0
                  ? 'Tidak ada pasien baru'
                  : `Impor${dryDone ? ` ${angka(result.counts.added)} pasien` : ''} sekarang (Alt+I)`}
              </button>
            </div>
          </div>
        </Panel>
      ) : null}

      {result ? <ResultView result={result} heading={resultHeading} /> : null}
    </div>
  );
}

function BusyNote({ busy, elapsed, rows }: { busy: Busy; elapsed: number; rows: number }) {
  if (busy === null) return null;
  const what =
    busy === 'membaca'
      ? 'Membaca berkas…'
      : busy === 'uji'
        ? `Uji coba ${angka(rows)} baris: memeriksa setiap baris…`
        : `Mengimpor ${angka(rows)} baris dalam satu transaksi… Jangan tutup Loket; loket lain menunggu sebentar sampai impor selesai.`;
  return (
    <p className="note" role="status" aria-live="polite">
      {what} {elapsed > 0 ? `(${elapsed} detik)` : ''}
    </p>
  );
}

function ResultView({ result, heading }: { result: ImportResult; heading: RefObject<HTMLHeadingElement | null> }) {
  const c = result.counts;
  const stats: [string, number, string?][] = [
    ['Baris data', c.rows],
    [result.dryRun ? 'Akan ditambahkan' : 'Ditambahkan', c.added, c.withWarnings > 0 ? `${angka(c.withWarnings)} dengan peringatan` : undefined],
    ['Sudah ada', c.existing, 'tidak ditambahkan lagi'],
    ['Mungkin duplikat', c.duplicates, 'tidak ditambahkan'],
    ['Ditolak', c.rejected, 'perbaiki di berkas lalu impor lagi'],
  ];
  const more = (shown: number, total: number) => (total > shown ? ` — ${angka(shown)} pertama dari ${angka(total)}` : '');
  return (
    <Panel title={result.dryRun ? 'Hasil uji coba (belum disimpan)' : 'Hasil impor'} className="wide-panel">
      <h3 ref={heading} tabIndex={-1} className="sr-only">
        {result.dryRun ? 'Hasil uji coba' : 'Hasil impor'}
      </h3>
      <p role="status" className={result.dryRun ? 'strong' : 'text-ok strong'}>
        {result.dryRun
          ? `Uji coba: ${angka(c.added)} pasien akan ditambahkan, ${angka(c.existing)} sudah ada, ${angka(c.duplicates)} mungkin duplikat, ${angka(c.rejected)} ditolak. Belum ada yang disimpan.`
          : `Impor selesai dalam ${(result.durationMs / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} detik: ${angka(c.added)} pasien ditambahkan, ${angka(c.existing)} sudah ada, ${angka(c.duplicates)} mungkin duplikat, ${angka(c.rejected)} ditolak.`}
      </p>
      <div className="stat-grid">
        {stats.map(([label, value, note]) => (
          <div key={label} className="stat">
            <span className="stat-value">{angka(value)}</span>
            <span className="stat-label">{label}</span>
            {note ? <span className="stat-note">{note}</span> : null}
          </div>
        ))}
      </div>
      <p className="small">
        No. RM dari berkas dipakai untuk {angka(result.rm.kept)} pasien; {angka(result.rm.allocated)} pasien{' '}
        {result.dryRun ? 'akan mendapat' : 'mendapat'} No. RM baru.
        {result.rm.highestImported !== null ? ` Nomor RM tertinggi di berkas: ${angka(result.rm.highestImported)}.` : ''}
        {result.dryRun ? '' : ` Nomor urut RM: ${angka(result.rm.sequenceBefore)} → ${angka(result.rm.sequenceAfter)}.`}
      </p>

      {result.rejected.length > 0 ? (
        <details open>
          <summary>
            <Badge tone="warn">Ditolak</Badge> {angka(c.rejected)} baris{more(result.rejected.length, c.rejected)}
          </summary>
          <div className="table-wrap">
            <table className="table table-compact" aria-label="Baris yang ditolak">
              <thead>
                <tr>
                  <th className="num">Baris</th>
                  <th>Nama</th>
                  <th>Isian</th>
                  <th>Isi di berkas</th>
                  <th>Alasan</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.flatMap((r) =>
                  r.issues.map((i, n) => (
                    <tr key={`${r.row}-${n}`}>
                      <td className="num">{n === 0 ? r.row : ''}</td>
                      <td>{n === 0 ? (r.name ?? '—') : ''}</td>
                      <td>
                        {i.label}
                        {i.column && i.column !== i.label ? <span className="muted small"> (kolom {i.column})</span> : null}
                      </td>
                      <td className="mono small">{i.value ?? ''}</td>
                      <td>{i.message}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}

      {result.duplicates.length > 0 ? (
        <details open>
          <summary>
            <Badge tone="warn">Mungkin duplikat</Badge> {angka(c.duplicates)} baris{more(result.duplicates.length, c.duplicates)}
          </summary>
          <div className="table-wrap">
            <table className="table table-compact" aria-label="Baris yang mungkin duplikat">
              <thead>
                <tr>
                  <th className="num">Baris</th>
                  <th>Nama</th>
                  <th>Jenis</th>
                  <th>Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {result.duplicates.map((d) => (
                  <tr key={d.row}>
                    <td className="num">{d.row}</td>
                    <td>{d.name}</td>
                    <td>{duplicateKindLabels[d.kind]}</td>
                    <td>{d.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}

      {result.unmatchedVillages.length > 0 ? (
        <details>
          <summary>
            <Badge tone="accent">Desa/kelurahan tidak dicocokkan</Badge> {angka(result.unmatchedVillages.length)} nama (dikosongkan, pasien tetap
            diimpor)
          </summary>
          <table className="table table-compact" aria-label="Desa/kelurahan yang tidak dicocokkan">
            <thead>
              <tr>
                <th>Tertulis</th>
                <th className="num">Baris</th>
                <th>Sebab</th>
              </tr>
            </thead>
            <tbody>
              {result.unmatchedVillages.map((v) => (
                <tr key={v.value}>
                  <td>{v.value}</td>
                  <td className="num">{angka(v.rows)}</td>
                  <td>{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}

      {result.warnings.length > 0 ? (
        <details>
          <summary>
            <Badge tone="accent">Peringatan</Badge> {angka(c.withWarnings)} baris{more(result.warnings.length, c.withWarnings)} (tetap diimpor)
          </summary>
          <table className="table table-compact" aria-label="Baris dengan peringatan">
            <thead>
              <tr>
                <th className="num">Baris</th>
                <th>Nama</th>
                <th>Peringatan</th>
              </tr>
            </thead>
            <tbody>
              {result.warnings.map((w) => (
                <tr key={w.row}>
                  <td className="num">{w.row}</td>
                  <td>{w.name}</td>
                  <td>{w.messages.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}

      {result.existing.length > 0 ? (
        <details>
          <summary>
            <Badge tone="ok">Sudah ada</Badge> {angka(c.existing)} baris{more(result.existing.length, c.existing)}
          </summary>
          <table className="table table-compact" aria-label="Baris yang sudah ada di Loket">
            <thead>
              <tr>
                <th className="num">Baris</th>
                <th>Nama di berkas</th>
                <th>Pasien di Loket</th>
                <th>Cocok menurut</th>
              </tr>
            </thead>
            <tbody>
              {result.existing.map((e) => (
                <tr key={e.row}>
                  <td className="num">{e.row}</td>
                  <td>{e.name}</td>
                  <td>
                    {e.patient.name} · No. RM <span className="mono">{e.patient.rmNumber}</span> · lahir {tanggalPendek(e.patient.birthDate)}
                  </td>
                  <td>{e.matchedBy === 'rm' ? 'No. RM' : e.matchedBy === 'nik' ? 'NIK' : 'nama dan tanggal lahir'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {c.rejected + c.duplicates > 0 ? (
        <p className="muted small">Daftar di atas dibatasi {angka(IMPORT_REPORT_LIMIT)} baris per bagian; jumlahnya selalu lengkap.</p>
      ) : null}
    </Panel>
  );
}
