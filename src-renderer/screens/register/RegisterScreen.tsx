import { useMemo, useState } from 'react';
import {
  clusterLabels,
  clusters,
  payerLabels,
  payers,
  registerPayerText,
  type Cluster,
  type InputOf,
  type Register,
  type RegisterRow,
} from '../../../src-main/contract';
import { useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { Badge, EmptyNote, ErrorNote, RemoteView, Screen } from '../../components/ui';
import { angka, geserTanggal, hariIni, hariTanggalDari, jam } from '../../lib/format';
import { useDownload } from './download';
import './register.css';

const GROUP = 'Register Harian';
const clusterShort: Record<Cluster, string> = { klaster1: 'K1', klaster2: 'K2', klaster3: 'K3', klaster4: 'K4', lintas: 'Lintas' };
type Paper = 'A4' | 'F4';

/**
 * The daily register: one line per visit for a day (or a range of up to 31 days), filtered by
 * unit, cluster and payer, totals at the foot; printed on A4/F4 landscape or saved as Excel.
 * Live: a new registration or payment shows up without a reload.
 */
export function RegisterScreen() {
  const { settings } = useSession();
  const client = useClient();
  const today = hariIni(settings.timeZone);
  const [date, setDate] = useState(today);
  const [dateTo, setDateTo] = useState('');
  const [unitId, setUnitId] = useState('');
  const [cluster, setCluster] = useState('');
  const [payer, setPayer] = useState('');
  const [paper, setPaper] = useState<Paper>('A4');
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);

  const filter = useMemo(() => {
    const f: InputOf<'register.daily'> = { date };
    if (dateTo && dateTo !== date) f.dateTo = dateTo;
    if (unitId) f.unitId = Number(unitId);
    if (cluster) f.cluster = cluster as Cluster;
    if (payer) f.payer = payer as (typeof payers)[number];
    return f;
  }, [date, dateTo, unitId, cluster, payer]);
  const register = useRemote('register.daily', filter, { enabled: date !== '', refreshOn: ['visits.changed', 'patients.changed'] });
  const units = useRemote('units.list', {});

  // A range moves as a whole: Alt+PageDown on 1–7 November shows 2–8 November.
  const shift = (days: number) => {
    setDate((d) => geserTanggal(d || today, days));
    setDateTo((d) => (d ? geserTanggal(d, days) : d));
  };
  const print = () =>
    setPrintJob({ label: `Register harian (${paper})`, printer: 'letter', load: () => client.call('documents.register', { ...filter, paper }) });
  const download = useDownload();
  const exportXlsx = () => download.run(() => client.call('register.exportXlsx', filter));
  const idle = printJob === null;
  useShortcut({ keys: 'Alt+PageUp', label: 'Hari sebelumnya', group: GROUP, handler: () => shift(-1) }, idle);
  useShortcut({ keys: 'Alt+PageDown', label: 'Hari berikutnya', group: GROUP, handler: () => shift(1) }, idle);
  useShortcut(
    {
      keys: 'Alt+H',
      label: 'Kembali ke hari ini',
      group: GROUP,
      handler: () => {
        setDate(today);
        setDateTo('');
      },
    },
    idle,
  );
  useShortcut({ keys: 'Alt+P', label: 'Cetak register (pratinjau)', group: GROUP, handler: print }, idle && date !== '');
  useShortcut({ keys: 'Alt+X', label: 'Simpan register sebagai Excel (.xlsx)', group: GROUP, handler: () => void exportXlsx() }, idle && date !== '');
  useShortcut({ keys: 'Alt+T', label: 'Ke isian tanggal', group: GROUP, handler: () => document.getElementById('register-dari')?.focus() }, idle);

  const shown = register.data && sameFilter(register.data, filter) ? register.data : undefined;
  const manyDays = filter.dateTo !== undefined;
  return (
    <Screen
      title="Register Harian"
      subtitle={shown ? shown.description : date ? hariTanggalDari(date) : 'Pilih tanggal'}
      actions={
        <div className="register-actions">
          <label className="sr-only" htmlFor="register-kertas">
            Ukuran kertas
          </label>
          <select id="register-kertas" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
            <option value="A4">A4 melintang</option>
            <option value="F4">F4 melintang</option>
          </select>
          <button type="button" className="btn" onClick={print} disabled={date === ''} title="Alt+P">
            Cetak <kbd>Alt+P</kbd>
          </button>
          <button type="button" className="btn" onClick={() => void exportXlsx()} disabled={date === '' || download.busy} title="Alt+X">
            {download.busy ? 'Menyiapkan…' : 'Excel'} <kbd>Alt+X</kbd>
          </button>
        </div>
      }
    >
      <form className="register-filters" aria-label="Filter register" onSubmit={(e) => e.preventDefault()}>
        <button type="button" className="btn btn-small" onClick={() => shift(-1)} title="Alt+PageUp" aria-label="Hari sebelumnya">
          ‹
        </button>
        <label>
          <span>Tanggal</span>
          <input id="register-dari" type="date" value={date} max="2999-12-31" onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          <span>s.d.</span>
          <input id="register-sampai" type="date" value={dateTo} min={date} max="2999-12-31" onChange={(e) => setDateTo(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" onClick={() => shift(1)} title="Alt+PageDown" aria-label="Hari berikutnya">
          ›
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setDate(today);
            setDateTo('');
          }}
          disabled={date === today && dateTo === ''}
          title="Alt+H"
        >
          Hari ini
        </button>
        <label>
          <span>Unit</span>
          <select id="register-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">Semua unit</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.active ? '' : ' (tidak aktif)'}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Klaster</span>
          <select id="register-klaster" value={cluster} onChange={(e) => setCluster(e.target.value)}>
            <option value="">Semua klaster</option>
            {clusters.map((c) => (
              <option key={c} value={c}>
                {clusterLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Penjamin</span>
          <select id="register-penjamin" value={payer} onChange={(e) => setPayer(e.target.value)}>
            <option value="">Semua penjamin</option>
            {payers.map((p) => (
              <option key={p} value={p}>
                {payerLabels[p]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {download.error ? <ErrorNote error={download.error} onRetry={() => void exportXlsx()} /> : null}
      {download.saved ? (
        <p className="register-saved" role="status">
          Berkas <strong>{download.saved}</strong> diunduh.
        </p>
      ) : null}
      {date === '' ? (
        <EmptyNote>Pilih tanggal terlebih dahulu.</EmptyNote>
      ) : (
        <RemoteView remote={{ ...register, data: shown }}>
          {(data) => (
            <div className="table-wrap">
              <table className="table table-register" aria-label={`Register harian ${data.description}`}>
                <thead>
                  <tr>
                    <th className="num">No.</th>
                    <th>{manyDays ? 'Tgl/Jam' : 'Jam'}</th>
                    <th>No. RM</th>
                    <th>Nama pasien</th>
                    <th className="col-narrow">L/P</th>
                    <th>Umur</th>
                    <th>Desa/Kelurahan</th>
                    <th>Penjamin</th>
                    <th title="Kunjungan baru/lama">Kunj.</th>
                    <th title="Pasien baru/lama">Pasien</th>
                    <th>Unit</th>
                    <th>Klaster</th>
                    <th>Rujuk</th>
                    <th>Biaya umum</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.length === 0 ? (
                    <tr>
                      <td colSpan={14} className="empty-cell">
                        {manyDays ? 'Tidak ada kunjungan pada periode dan filter ini.' : 'Belum ada kunjungan terdaftar pada tanggal ini.'}
                      </td>
                    </tr>
                  ) : (
                    data.rows.map((r) => <Line key={r.visitId} row={r} manyDays={manyDays} timeZone={settings.timeZone} />)
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={14}>
                      <Totals totals={data.totals} />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </RemoteView>
      )}
      {printJob ? <PrintPreview job={printJob} onClose={() => setPrintJob(null)} /> : null}
    </Screen>
  );
}

/** The reply answers this filter (an older request's reply stays hidden while a new one runs). */
function sameFilter(data: Register, f: InputOf<'register.daily'>): boolean {
  return (
    data.date === f.date &&
    data.dateTo === (f.dateTo ?? f.date) &&
    data.unitId === (f.unitId ?? null) &&
    data.cluster === (f.cluster ?? null) &&
    data.payer === (f.payer ?? null)
  );
}

function Line({ row: r, manyDays, timeZone }: { row: RegisterRow; manyDays: boolean; timeZone: string }) {
  const time = jam(r.registeredAt, timeZone);
  return (
    <tr>
      <td className="num">{r.seq}</td>
      <td className="mono nowrap">{manyDays ? `${r.visitDate.slice(8, 10)}/${r.visitDate.slice(5, 7)} ${time}` : time}</td>
      <td className="mono">{r.rmNumber}</td>
      <td className="strong">{r.patientName}</td>
      <td>{r.sex}</td>
      <td className="nowrap">{r.ageText}</td>
      <td>{r.village ?? '—'}</td>
      <td>{registerPayerText(r)}</td>
      <td>{r.kunjunganBaru ? 'Baru' : 'Lama'}</td>
      <td>{r.pasienBaru ? 'Baru' : 'Lama'}</td>
      <td>
        {r.unitName} {r.emergency ? <Badge tone="warn">Gawat darurat</Badge> : null}
      </td>
      <td title={clusterLabels[r.cluster]}>{clusterShort[r.cluster]}</td>
      <td>{r.referredOut ? 'Ya' : '—'}</td>
      <td className="nowrap">
        {r.payer === 'umum' && r.fee > 0 ? (
          <>
            Rp {angka(r.fee)} {r.paid ? <Badge tone="ok">Lunas</Badge> : <Badge tone="warn">Belum</Badge>}
          </>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function Totals({ totals: t }: { totals: Register['totals'] }) {
  return (
    <dl className="totals" data-testid="register-jumlah">
      <div>
        <dt>Jumlah kunjungan</dt>
        <dd>{t.visits}</dd>
      </div>
      <div>
        <dt>Laki-laki / Perempuan</dt>
        <dd>
          {t.male} / {t.female}
        </dd>
      </div>
      <div>
        <dt>Kunjungan baru / lama</dt>
        <dd>
          {t.kunjunganBaru} / {t.kunjunganLama}
        </dd>
      </div>
      <div>
        <dt>Pasien baru / lama</dt>
        <dd>
          {t.pasienBaru} / {t.pasienLama}
        </dd>
      </div>
      <div>
        <dt>Dirujuk</dt>
        <dd>{t.referredOut}</dd>
      </div>
      {t.byPayer.map((p) => (
        <div key={p.key}>
          <dt>{p.label}</dt>
          <dd>{p.count}</dd>
        </div>
      ))}
      {t.byUnit.map((u) => (
        <div key={u.key}>
          <dt>{u.label}</dt>
          <dd>{u.count}</dd>
        </div>
      ))}
      <div>
        <dt>Biaya umum ditagih / dibayar</dt>
        <dd>
          Rp {angka(t.feeBilled)} / Rp {angka(t.feePaid)}
        </dd>
      </div>
    </dl>
  );
}
