import { useMemo, useState } from 'react';
import { recapTables, type InputOf, type RecapTable } from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { BarChart } from '../../components/Chart';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { ErrorNote, Panel, RemoteView } from '../../components/ui';
import { angka, hariIni } from '../../lib/format';
import { useDownload } from '../register/download';
import './rekap.css';

const GROUP = 'Rekap';
const bulan = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

type Mode = 'bulan' | 'tahun';

const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
function show(value: string | number | null, kind: RecapTable['columns'][number]['kind']): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return kind === 'percent' ? `${number.format(value)} %` : number.format(value);
}

/**
 * Rekap bulanan/tahunan: every table of the recap with its chart, for a month or a year and one
 * unit or all; printed on A4 (Alt+P) or saved as Excel (Alt+X).
 */
export function RekapTab() {
  const { settings } = useSession();
  const client = useClient();
  const today = hariIni(settings.timeZone);
  const [mode, setMode] = useState<Mode>('bulan');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const [unitId, setUnitId] = useState('');
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);

  const input = useMemo(() => {
    const i: InputOf<'reports.recap'> = { year };
    if (mode === 'bulan') i.month = month;
    if (unitId) i.unitId = Number(unitId);
    return i;
  }, [mode, year, month, unitId]);
  const validYear = year >= 2000 && year <= 2100;
  const recap = useRemote('reports.recap', input, { enabled: validYear });
  const units = useRemote('units.list', {});

  const step = (by: number) => {
    if (mode === 'tahun') return setYear((y) => y + by);
    const index = year * 12 + (month - 1) + by;
    setYear(Math.floor(index / 12));
    setMonth((index % 12) + 1);
  };
  const current = () => {
    setYear(Number(today.slice(0, 4)));
    setMonth(Number(today.slice(5, 7)));
  };
  const print = () => setPrintJob({ label: 'Rekap kunjungan', printer: 'letter', load: () => client.call('documents.recap', input) });
  const download = useDownload();
  const exportXlsx = () => download.run(() => client.call('reports.exportXlsx', input));
  const idle = printJob === null;
  const prevLabel = mode === 'tahun' ? 'Tahun sebelumnya' : 'Bulan sebelumnya';
  const nextLabel = mode === 'tahun' ? 'Tahun berikutnya' : 'Bulan berikutnya';
  useShortcut({ keys: 'Alt+PageUp', label: prevLabel, group: GROUP, handler: () => step(-1) }, idle);
  useShortcut({ keys: 'Alt+PageDown', label: nextLabel, group: GROUP, handler: () => step(1) }, idle);
  useShortcut({ keys: 'Alt+H', label: 'Kembali ke bulan/tahun ini', group: GROUP, handler: current }, idle);
  useShortcut(
    { keys: 'Alt+Y', label: 'Ganti rekap bulanan / tahunan', group: GROUP, handler: () => setMode((m) => (m === 'bulan' ? 'tahun' : 'bulan')) },
    idle,
  );
  useShortcut({ keys: 'Alt+U', label: 'Ke pilihan unit', group: GROUP, handler: () => document.getElementById('rekap-unit')?.focus() }, idle);
  useShortcut({ keys: 'Alt+P', label: 'Cetak rekap (pratinjau)', group: GROUP, handler: print }, idle && validYear);
  useShortcut({ keys: 'Alt+X', label: 'Simpan rekap sebagai Excel (.xlsx)', group: GROUP, handler: () => void exportXlsx() }, idle && validYear);

  const shown =
    recap.data && recap.data.period.year === year && (mode === 'tahun' ? recap.data.period.month === null : recap.data.period.month === month)
      ? recap.data
      : undefined;
  return (
    <div className="rekap">
      <div className="rekap-head">
        <div className="rekap-period" role="group" aria-label="Periode rekap">
          <label className="sr-only" htmlFor="rekap-jenis">
            Jenis rekap
          </label>
          <select id="rekap-jenis" value={mode} onChange={(e) => setMode(e.target.value as Mode)} title="Alt+Y">
            <option value="bulan">Bulanan</option>
            <option value="tahun">Tahunan</option>
          </select>
          {mode === 'bulan' ? (
            <>
              <label className="sr-only" htmlFor="rekap-bulan">
                Bulan
              </label>
              <select id="rekap-bulan" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
                {bulan.map((b, i) => (
                  <option key={b} value={i + 1}>
                    {b}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <label className="sr-only" htmlFor="rekap-tahun">
            Tahun
          </label>
          <input
            id="rekap-tahun"
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            className="rekap-year"
          />
          <button type="button" className="btn" onClick={() => step(-1)} title="Alt+PageUp" aria-label={prevLabel}>
            ‹
          </button>
          <button type="button" className="btn" onClick={() => step(1)} title="Alt+PageDown" aria-label={nextLabel}>
            ›
          </button>
          <label className="sr-only" htmlFor="rekap-unit">
            Unit
          </label>
          <select id="rekap-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)} title="Alt+U">
            <option value="">Semua unit</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="rekap-actions">
          <button type="button" className="btn" onClick={print} disabled={!validYear}>
            Cetak <kbd>Alt+P</kbd>
          </button>
          <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={!validYear || download.busy}>
            {download.busy ? 'Menyimpan…' : 'Excel'} <kbd>Alt+X</kbd>
          </button>
        </div>
      </div>
      {download.error ? <ErrorNote error={download.error} /> : null}
      {download.saved ? (
        <p className="muted" role="status">
          Tersimpan: {download.saved}
        </p>
      ) : null}
      {!validYear ? (
        <ErrorNote error="Tahun rekap 2000–2100." />
      ) : (
        <RemoteView remote={{ ...recap, data: shown }}>
          {(r) => (
            <>
              <h2 className="rekap-title" data-testid="rekap-judul">
                Rekap kunjungan {r.period.month === null ? r.period.label.toLowerCase() : `bulan ${r.period.label}`}
                {r.unit ? ` · ${r.unit.name}` : ' · semua unit'}
              </h2>
              <div className="stat-grid">
                <Stat label="Kunjungan" value={angka(r.bySex.total.total)} testId="rekap-kunjungan" />
                <Stat label="Laki-laki / perempuan" value={`${angka(r.bySex.total.l)} / ${angka(r.bySex.total.p)}`} />
                <Stat
                  label="Kunjungan baru"
                  value={angka(r.byKunjungan.rows.find((x) => x.key === 'baru')?.total ?? 0)}
                  note="pertama pada tahun itu"
                />
                <Stat label="Pasien baru" value={angka(r.byPasien.rows.find((x) => x.key === 'baru')?.total ?? 0)} note="No. RM baru" />
              </div>
              {recapTables(r).map((t) => (
                <RecapPanel key={t.id} table={t} />
              ))}
            </>
          )}
        </RemoteView>
      )}
      {printJob ? <PrintPreview job={printJob} onClose={() => setPrintJob(null)} /> : null}
    </div>
  );
}

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {note ? <div className="stat-note">{note}</div> : null}
    </div>
  );
}

function RecapPanel({ table }: { table: RecapTable }) {
  const headingId = `rekap-${table.id}`;
  return (
    <Panel title={<span id={headingId}>{table.title}</span>} className="rekap-panel">
      {table.note ? <p className="muted rekap-note">{table.note}</p> : null}
      <div className="rekap-body">
        <div className="rekap-table-wrap">
          <table className="table rekap-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.label} className={c.kind === 'text' ? undefined : 'num'}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length} className="muted">
                    Tidak ada data pada periode ini.
                  </td>
                </tr>
              ) : (
                table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((v, j) => (
                      <td key={j} className={table.columns[j]!.kind === 'text' ? undefined : 'num'}>
                        {show(v, table.columns[j]!.kind)}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
            {table.total ? (
              <tfoot>
                <tr>
                  {table.total.map((v, j) => (
                    <td key={j} className={table.columns[j]!.kind === 'text' ? undefined : 'num'}>
                      {show(v, table.columns[j]!.kind)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
        {table.chart ? (
          <div className="rekap-chart">
            <BarChart bars={table.chart.bars} unit={table.chart.unit} label={table.title} />
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
