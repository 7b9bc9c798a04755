import { useState } from 'react';
import { useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { EmptyNote, Panel, RemoteView } from '../../components/ui';
import { angka, geserTanggal, hariIni, hariTanggalDari } from '../../lib/format';
import './laporan.css';

/** The dashboard: one day's visits by unit and by payer, and the patient counts. */
export function Dasbor() {
  const { settings } = useSession();
  const today = hariIni(settings.timeZone);
  const [date, setDate] = useState(today);
  const summary = useRemote('reports.daySummary', { date }, { enabled: date !== '' });
  useShortcut({ keys: 'Alt+PageUp', label: 'Hari sebelumnya', group: 'Laporan', handler: () => setDate((d) => geserTanggal(d || today, -1)) });
  useShortcut({ keys: 'Alt+PageDown', label: 'Hari berikutnya', group: 'Laporan', handler: () => setDate((d) => geserTanggal(d || today, 1)) });
  useShortcut({ keys: 'Alt+H', label: 'Kembali ke hari ini', group: 'Laporan', handler: () => setDate(today) });
  const shown = summary.data?.date === date ? summary.data : undefined;

  return (
    <>
      <div className="dasbor-head">
        <p className="dasbor-title">
          Ringkasan kunjungan {date === today ? 'hari ini, ' : ''}
          {date ? hariTanggalDari(date) : ''}
        </p>
        <div className="date-picker">
          <label className="sr-only" htmlFor="tanggal-laporan">
            Tanggal laporan
          </label>
          <input id="tanggal-laporan" type="date" value={date} max="2999-12-31" onChange={(e) => setDate(e.target.value)} />
          <button type="button" className="btn" onClick={() => setDate(today)} disabled={date === today} title="Alt+H">
            Hari ini
          </button>
        </div>
      </div>
      {date === '' ? (
        <EmptyNote>Pilih tanggal terlebih dahulu.</EmptyNote>
      ) : (
        <RemoteView remote={{ ...summary, data: shown }}>
          {(s) => (
            <>
              <div className="stat-grid">
                <Stat label="Kunjungan" value={s.visits} testId="stat-kunjungan" />
                <Stat label="Kunjungan baru" value={s.kunjunganBaru} note="kunjungan pertama tahun ini" />
                <Stat label="Pasien baru" value={s.pasienBaru} note="No. RM baru" />
                <Stat label="Pasien terdaftar" value={s.patientsTotal} note="seluruh pasien" testId="stat-pasien" />
              </div>
              <div className="two-col">
                <Panel title="Kunjungan per unit">
                  <Bars rows={s.byUnit} empty="Belum ada kunjungan pada tanggal ini." />
                </Panel>
                <Panel title="Kunjungan per penjamin">
                  <Bars rows={s.byPayer} empty="Belum ada kunjungan pada tanggal ini." />
                </Panel>
              </div>
            </>
          )}
        </RemoteView>
      )}
    </>
  );
}

function Stat({ label, value, note, testId }: { label: string; value: number; note?: string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-value">{angka(value)}</div>
      <div className="stat-label">{label}</div>
      {note ? <div className="stat-note">{note}</div> : null}
    </div>
  );
}

function Bars({ rows, empty }: { rows: { key: string; label: string; count: number }[]; empty: string }) {
  if (rows.length === 0) return <EmptyNote>{empty}</EmptyNote>;
  const max = Math.max(...rows.map((r) => r.count), 1);
  return (
    <ul className="bars">
      {rows.map((r) => (
        <li key={r.key} className="bar-row">
          <span className="bar-label">{r.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(r.count / max) * 100}%` }} />
          </span>
          <span className="bar-count">{angka(r.count)}</span>
        </li>
      ))}
    </ul>
  );
}
