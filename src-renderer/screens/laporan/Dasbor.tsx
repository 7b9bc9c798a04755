import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard, EventName } from '../../../src-main/contract';
import { useLoketEvent, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { BarChart } from '../../components/Chart';
import { TrendChart } from '../../components/TrendChart';
import { EmptyNote, Panel, RemoteView } from '../../components/ui';
import { useNow } from '../../lib/clock';
import { angka, geserTanggal, hariIni, hariTanggalDari, jam } from '../../lib/format';
import './laporan.css';

/** What changes the figures: each event asks for one refetch, bursts coalesced to one a second. */
const liveEvents: readonly EventName[] = ['visits.changed', 'queue.changed', 'folders.changed', 'cashier.changed'];
const payerColors: Record<string, string> = { bpjs: '#0a7a72', umum: '#e0a100', asuransi_lain: '#5b6fd6' };
const weekday = new Intl.DateTimeFormat('id-ID', { weekday: 'short', timeZone: 'UTC' });

/** Calls `fn` at most once per `ms`: the first call at once, later ones folded into one at the end of the window. */
function useCoalesced(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        last.current = Date.now();
        latest.current();
      },
      Math.max(0, last.current + ms - Date.now()),
    );
  }, [ms]);
}

/**
 * The dashboard: today so far — visits by unit and payer, who waits where and for how long,
 * folders out and overdue, referrals, the cashier's figures — and the week's trend. Today's
 * figures follow the host's events (no polling); another day shows that day's totals.
 */
export function Dasbor() {
  const { settings } = useSession();
  const today = hariIni(settings.timeZone);
  const [date, setDate] = useState(today);
  const live = date === today;
  const dashboard = useRemote('dashboard.today', { date }, { enabled: date !== '' });
  const refetch = useCoalesced(dashboard.reload, 1000);
  useLoketEvent(live ? liveEvents : [], refetch);
  useShortcut({ keys: 'Alt+PageUp', label: 'Hari sebelumnya', group: 'Laporan', handler: () => setDate((d) => geserTanggal(d || today, -1)) });
  useShortcut({ keys: 'Alt+PageDown', label: 'Hari berikutnya', group: 'Laporan', handler: () => setDate((d) => geserTanggal(d || today, 1)) });
  useShortcut({ keys: 'Alt+H', label: 'Kembali ke hari ini', group: 'Laporan', handler: () => setDate(today) });
  const shown = dashboard.data?.date === date ? dashboard.data : undefined;

  return (
    <>
      <div className="dasbor-head">
        <p className="dasbor-title">
          {live ? 'Hari ini, ' : ''}
          {date ? hariTanggalDari(date) : ''}
          {shown?.live ? <span className="dasbor-live"> · langsung, diperbarui {jam(shown.generatedAt, settings.timeZone)}</span> : null}
        </p>
        <div className="date-picker">
          <label className="sr-only" htmlFor="tanggal-laporan">
            Tanggal laporan
          </label>
          <input id="tanggal-laporan" type="date" value={date} max="2999-12-31" onChange={(e) => setDate(e.target.value)} />
          <button type="button" className="btn" onClick={() => setDate(today)} disabled={live} title="Alt+H">
            Hari ini
          </button>
        </div>
      </div>
      {date === '' ? (
        <EmptyNote>Pilih tanggal terlebih dahulu.</EmptyNote>
      ) : (
        <RemoteView remote={{ ...dashboard, data: shown }}>{(d) => <Figures d={d} />}</RemoteView>
      )}
    </>
  );
}

function Figures({ d }: { d: Dashboard }) {
  // The host said how long the first in line had waited when it answered; the minutes keep counting here.
  const now = useNow(30_000);
  const since = Math.max(0, Math.floor((now.getTime() - Date.parse(d.generatedAt)) / 60_000));
  const waited = (m: number | null) => (m === null ? null : m + since);
  const longest = d.queue?.longest ?? null;
  const payers = d.trend[0]?.byPayer ?? [];
  return (
    <div className="dasbor">
      <div className="stat-grid dasbor-stats">
        <Stat
          label="Kunjungan"
          value={angka(d.visits)}
          note={`${angka(d.kunjunganBaru)} kunjungan baru · ${angka(d.pasienBaru)} pasien baru`}
          testId="stat-kunjungan"
        />
        <Stat
          label="Menunggu"
          value={d.queue ? angka(d.queue.waiting) : '—'}
          note={
            d.queue
              ? longest
                ? `terlama ${waited(longest.longestWaitMinutes)} mnt — ${longest.name}`
                : 'tidak ada yang menunggu'
              : 'hanya untuk hari ini'
          }
          testId="stat-menunggu"
        />
        <Stat
          label="Berkas keluar"
          value={d.folders ? angka(d.folders.out) : '—'}
          note={d.folders ? `${angka(d.folders.overdue)} terlambat kembali` : 'hanya untuk hari ini'}
          warn={(d.folders?.overdue ?? 0) > 0}
          testId="stat-berkas"
        />
        <Stat label="Rujukan" value={angka(d.referrals)} note="surat rujukan terbit" testId="stat-rujukan" />
        <Stat
          label="Kas umum"
          value={`Rp ${angka(d.cash.amount)}`}
          note={`${angka(d.cash.paid)} dibayar · ${angka(d.cash.unpaid)} belum`}
          testId="stat-kas"
        />
        <Stat label="Pasien terdaftar" value={angka(d.patientsTotal)} note="seluruh pasien" testId="stat-pasien" />
      </div>
      <div className="dasbor-grid">
        <Panel title="Kunjungan per unit">
          <BarChart
            bars={d.byUnit.map((r) => ({ label: r.label, value: r.count }))}
            unit="kunjungan"
            label="Kunjungan per unit"
            empty="Belum ada kunjungan pada tanggal ini."
          />
        </Panel>
        <div className="dasbor-column">
          <Panel title="Kunjungan per penjamin">
            <BarChart
              bars={d.byPayer.map((r) => ({ label: r.label, value: r.count }))}
              unit="kunjungan"
              label="Kunjungan per penjamin"
              empty="Belum ada kunjungan pada tanggal ini."
            />
          </Panel>
          <Panel title="Antrean sekarang">
            {d.queue === null ? (
              <EmptyNote>Antrean hanya ditampilkan untuk hari ini.</EmptyNote>
            ) : d.queue.lanes.length === 0 ? (
              <EmptyNote>Belum ada nomor antrean hari ini.</EmptyNote>
            ) : (
              <table className="table table-compact dasbor-queue" data-testid="dasbor-antrean">
                <thead>
                  <tr>
                    <th>Layanan</th>
                    <th className="num">Menunggu</th>
                    <th className="num">Terlama</th>
                  </tr>
                </thead>
                <tbody>
                  {d.queue.lanes.map((l) => (
                    <tr key={l.lane} className={l === longest ? 'dasbor-longest' : undefined}>
                      <td>{l.name}</td>
                      <td className="num">{angka(l.waiting)}</td>
                      <td className="num">{l.longestWaitMinutes === null ? '—' : `${waited(l.longestWaitMinutes)} mnt`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
        </div>
        <Panel title="Kunjungan 7 hari terakhir">
          <TrendChart
            label="Kunjungan per hari per penjamin"
            series={payers.map((p) => ({ label: p.label, color: payerColors[p.key] ?? '#888' }))}
            days={d.trend.map((t) => ({
              label: `${weekday.format(new Date(`${t.date}T00:00:00Z`))} ${Number(t.date.slice(8))}`,
              values: t.byPayer.map((p) => p.count),
            }))}
          />
        </Panel>
      </div>
    </div>
  );
}

function Stat({ label, value, note, warn, testId }: { label: string; value: string; note?: string; warn?: boolean; testId?: string }) {
  return (
    <div className={`stat${warn ? ' stat-warn' : ''}`} data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {note ? <div className="stat-note">{note}</div> : null}
    </div>
  );
}
