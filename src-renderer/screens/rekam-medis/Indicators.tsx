import { useState } from 'react';
import type { OutputOf } from '../../../src-main/contract';
import { asClientError, useClient, useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { EmptyNote, ErrorNote, Panel, RemoteView, TextField } from '../../components/ui';
import { angka, geserTanggal, hariIni, tanggalPendek } from '../../lib/format';

type Indicators = OutputOf<'folders.indicators'>;
type Stats = Indicators['retrieval']['overall'];
type Klpcm = Indicators['klpcm']['byMonth'][number];

const pct = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('id-ID', { maximumFractionDigits: 1 })} %`);
const mnt = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('id-ID', { maximumFractionDigits: 1 })} mnt`);

/** Retrieval time (registration → folder at the unit, standard ≤ 10 minutes) and the KLPCM rate. */
export function IndicatorsPanel() {
  const { settings } = useSession();
  const today = hariIni(settings.timeZone);
  const [from, setFrom] = useState(geserTanggal(today, -29));
  const [to, setTo] = useState(today);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const data = useRemote('folders.indicators', { from, to }, { refreshOn: ['folders.changed'], enabled: valid });
  return (
    <Panel title="Indikator ruang rekam medis">
      <div className="rm-filters">
        <TextField label="Dari tanggal" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Sampai tanggal" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <RemoteView remote={data}>
        {(d) => (
          <>
            <h3>Waktu penyediaan berkas (standar ≤ {d.standardMinutes} menit)</h3>
            <table className="table table-compact" aria-label="Waktu penyediaan berkas">
              <thead>
                <tr>
                  <th>Tanggal</th>
                  <th>Unit</th>
                  <th className="num">Berkas</th>
                  <th className="num">≤ {d.standardMinutes} mnt</th>
                  <th className="num">Median</th>
                  <th className="num">P90</th>
                </tr>
              </thead>
              <tbody>
                {d.retrieval.byDayUnit.map((r) => (
                  <StatsRow key={`${r.date}-${r.unitId}`} label={[tanggalPendek(r.date), r.unitName]} s={r} />
                ))}
                <StatsRow label={['Semua', `${tanggalPendek(d.from)} – ${tanggalPendek(d.to)}`]} s={d.retrieval.overall} strong />
              </tbody>
            </table>
            {d.retrieval.notDelivered > 0 ? (
              <p className="muted small">{angka(d.retrieval.notDelivered)} permintaan berkasnya belum sampai di unit.</p>
            ) : null}
            <h3>Kelengkapan rekam medis (KLPCM)</h3>
            {d.klpcm.byMonth.length === 0 ? (
              <EmptyNote>Belum ada pemeriksaan kelengkapan pada rentang ini.</EmptyNote>
            ) : (
              <div className="klpcm-grid">
                <KlpcmTable title="Per bulan" rows={d.klpcm.byMonth.map((r) => ({ name: r.period, ...r }))} />
                <KlpcmTable title="Per unit" rows={d.klpcm.byUnit.map((r) => ({ ...r, name: r.unitName }))} />
                <KlpcmTable title="Per dokter" rows={d.klpcm.byPractitioner.map((r) => ({ ...r, name: r.practitionerName }))} />
              </div>
            )}
          </>
        )}
      </RemoteView>
    </Panel>
  );
}

function StatsRow({ label, s, strong }: { label: [string, string]; s: Stats; strong?: boolean }) {
  return (
    <tr className={strong ? 'strong' : undefined}>
      <td>{label[0]}</td>
      <td>{label[1]}</td>
      <td className="num">{angka(s.count)}</td>
      <td className="num">
        {angka(s.withinStandard)} ({pct(s.sharePercent)})
      </td>
      <td className="num">{mnt(s.medianMinutes)}</td>
      <td className="num">{mnt(s.p90Minutes)}</td>
    </tr>
  );
}

function KlpcmTable({ title, rows }: { title: string; rows: (Klpcm & { name: string })[] }) {
  return (
    <table className="table table-compact" aria-label={`KLPCM ${title.toLowerCase()}`}>
      <thead>
        <tr>
          <th>{title}</th>
          <th className="num">Diperiksa</th>
          <th className="num">Tidak lengkap</th>
          <th className="num">Angka</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.name}-${r.period}`}>
            <td>{r.name}</td>
            <td className="num">{angka(r.checked)}</td>
            <td className="num">{angka(r.incomplete)}</td>
            <td className="num">{pct(r.ratePercent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Folders without a visit for N years: the list for moving to inactive storage (nothing is deleted). */
export function InactiveList() {
  const settings = useRemote('settings.get', {});
  const [years, setYears] = useState('');
  const n = Number(years);
  const input = years && Number.isInteger(n) && n >= 1 && n <= 50 ? { years: n, limit: 500 } : { limit: 500 };
  const list = useRemote('folders.inactive', input, { refreshOn: ['folders.changed'] });
  const client = useClient();
  const { can } = useSession();
  const mayMove = can('rekam_medis:input');
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = list.data?.items ?? [];
  const chosen = shown.filter((i) => picked.has(i.folderId));
  const toggle = (id: number) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const pickAll = () => setPicked(chosen.length === shown.length ? new Set() : new Set(shown.map((i) => i.folderId)));
  // One transaction for the whole batch: the clerk pulls the folders, then records them at once.
  const moveChosen = async () => {
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const out = await client.call('folders.moveInactive', { folderIds: chosen.map((i) => i.folderId), method: 'ketik' });
      setPicked(new Set());
      setNote(`${angka(out.moved)} berkas dipindah ke rak inaktif.`);
    } catch (e) {
      setError(asClientError(e).message);
    } finally {
      setBusy(false);
    }
  };
  useShortcut(
    { keys: 'Alt+A', label: 'Pilih semua berkas inaktif yang tampil', group: 'Rekam Medis', handler: pickAll },
    mayMove && shown.length > 0,
  );
  useShortcut(
    { keys: 'Alt+V', label: 'Pindahkan berkas terpilih ke rak inaktif', group: 'Rekam Medis', handler: () => void moveChosen() },
    mayMove && chosen.length > 0,
  );
  return (
    <Panel title="Berkas inaktif">
      <div className="rm-filters">
        <TextField
          label="Tanpa kunjungan selama (tahun)"
          inputMode="numeric"
          value={years}
          placeholder={String(settings.data?.folders.inactiveAfterYears ?? 5)}
          onChange={(e) => setYears(e.target.value.replace(/\D/g, ''))}
        />
      </div>
      {note ? (
        <p className="note" role="status">
          {note}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <RemoteView remote={list} empty={(l) => (l.count === 0 ? <EmptyNote>Tidak ada berkas inaktif.</EmptyNote> : null)}>
        {(l) => (
          <>
            <p className="muted small">
              {angka(l.count)} berkas tanpa kunjungan sejak {tanggalPendek(l.cutoffDate)}
              {l.items.length < l.count ? ` (ditampilkan ${angka(l.items.length)} pertama, urut rak)` : ''}. Pindai No. RM lalu pilih "Ke rak
              inaktif", atau centang berkas yang sudah ditarik dari rak lalu pindahkan sekaligus; tidak ada yang dihapus.
            </p>
            {mayMove ? (
              <div className="inactive-actions">
                <button type="button" className="btn btn-primary" disabled={busy || chosen.length === 0} onClick={() => void moveChosen()}>
                  Pindahkan {angka(chosen.length)} berkas ke rak inaktif <kbd>Alt+V</kbd>
                </button>
              </div>
            ) : null}
            <table className="table table-compact" aria-label="Berkas inaktif">
              <thead>
                <tr>
                  {mayMove ? (
                    <th>
                      <input
                        type="checkbox"
                        aria-label="Pilih semua (Alt+A)"
                        checked={shown.length > 0 && chosen.length === shown.length}
                        onChange={pickAll}
                      />
                    </th>
                  ) : null}
                  <th>No. RM</th>
                  <th>Pasien</th>
                  <th>Kunjungan terakhir</th>
                  <th>Kunci rak</th>
                </tr>
              </thead>
              <tbody>
                {l.items.map((i) => (
                  <tr key={i.folderId}>
                    {mayMove ? (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Pilih ${i.rmNumber}`}
                          checked={picked.has(i.folderId)}
                          onChange={() => toggle(i.folderId)}
                        />
                      </td>
                    ) : null}
                    <td className="mono">{i.rmNumber}</td>
                    <td>{i.names.join(', ')}</td>
                    <td>{tanggalPendek(i.lastVisitDate)}</td>
                    <td className="mono">{i.shelfKey}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </RemoteView>
    </Panel>
  );
}
