import { useState } from 'react';
import { payerLabels, payers, type RegisterRow } from '../../../src-main/contract';
import { useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { useShortcut } from '../../app/shortcuts';
import { Badge, EmptyNote, RemoteView, Screen } from '../../components/ui';
import { geserTanggal, hariIni, hariTanggalDari, jam, umur } from '../../lib/format';

/** The daily register: one line per visit on the chosen date, totals at the foot. */
export function RegisterScreen() {
  const { settings } = useSession();
  const today = hariIni(settings.timeZone);
  const [date, setDate] = useState(today);
  const register = useRemote('register.daily', { date }, { enabled: date !== '' });

  useShortcut({
    keys: 'Alt+PageUp',
    label: 'Hari sebelumnya',
    group: 'Register Harian',
    handler: () => setDate((d) => geserTanggal(d || today, -1)),
  });
  useShortcut({
    keys: 'Alt+PageDown',
    label: 'Hari berikutnya',
    group: 'Register Harian',
    handler: () => setDate((d) => geserTanggal(d || today, 1)),
  });
  useShortcut({ keys: 'Alt+H', label: 'Kembali ke hari ini', group: 'Register Harian', handler: () => setDate(today) });

  const shown = register.data?.date === date ? register.data : undefined;
  return (
    <Screen
      title="Register Harian"
      subtitle={date ? hariTanggalDari(date) : 'Pilih tanggal'}
      actions={
        <div className="date-picker">
          <button type="button" className="btn" onClick={() => setDate(geserTanggal(date || today, -1))} title="Alt+PageUp">
            ‹ Sebelumnya
          </button>
          <label className="sr-only" htmlFor="tanggal-register">
            Tanggal register
          </label>
          <input id="tanggal-register" type="date" value={date} max="2999-12-31" onChange={(e) => setDate(e.target.value)} />
          <button type="button" className="btn" onClick={() => setDate(geserTanggal(date || today, 1))} title="Alt+PageDown">
            Berikutnya ›
          </button>
          <button type="button" className="btn" onClick={() => setDate(today)} disabled={date === today} title="Alt+H">
            Hari ini
          </button>
        </div>
      }
    >
      {date === '' ? (
        <EmptyNote>Pilih tanggal terlebih dahulu.</EmptyNote>
      ) : (
        <RemoteView remote={{ ...register, data: shown }}>
          {(data) => (
            <div className="table-wrap">
              <table className="table table-register" aria-label={`Register harian ${hariTanggalDari(data.date)}`}>
                <thead>
                  <tr>
                    <th className="num">No.</th>
                    <th>Jam</th>
                    <th>No. RM</th>
                    <th>Nama pasien</th>
                    <th className="col-narrow">L/P</th>
                    <th>Umur</th>
                    <th>Desa/Kelurahan</th>
                    <th>Penjamin</th>
                    <th>Unit</th>
                    <th>Kunjungan</th>
                    <th>Pasien</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.length === 0 ? (
                    <tr>
                      <td colSpan={11} className="empty-cell">
                        Belum ada kunjungan terdaftar pada tanggal ini.
                      </td>
                    </tr>
                  ) : (
                    data.rows.map((r) => (
                      <tr key={r.visitId}>
                        <td className="num">{r.seq}</td>
                        <td className="mono">{jam(r.registeredAt, settings.timeZone)}</td>
                        <td className="mono">{r.rmNumber}</td>
                        <td className="strong">{r.patientName}</td>
                        <td>{r.sex}</td>
                        <td>{umur(r.birthDate, data.date)}</td>
                        <td>{r.village ?? '—'}</td>
                        <td>{payerLabels[r.payer]}</td>
                        <td>
                          {r.unitName} {r.emergency ? <Badge tone="warn">Gawat darurat</Badge> : null}
                        </td>
                        <td>{r.kunjunganBaru ? 'Baru' : 'Lama'}</td>
                        <td>{r.pasienBaru ? 'Baru' : 'Lama'}</td>
                      </tr>
                    ))
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={11}>
                      <Totals rows={data.rows} />
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </RemoteView>
      )}
    </Screen>
  );
}

function Totals({ rows }: { rows: RegisterRow[] }) {
  const count = (f: (r: RegisterRow) => boolean) => rows.filter(f).length;
  return (
    <dl className="totals" data-testid="register-jumlah">
      <div>
        <dt>Jumlah kunjungan</dt>
        <dd>{rows.length}</dd>
      </div>
      <div>
        <dt>Laki-laki / Perempuan</dt>
        <dd>
          {count((r) => r.sex === 'L')} / {count((r) => r.sex === 'P')}
        </dd>
      </div>
      <div>
        <dt>Kunjungan baru / lama</dt>
        <dd>
          {count((r) => r.kunjunganBaru)} / {count((r) => !r.kunjunganBaru)}
        </dd>
      </div>
      <div>
        <dt>Pasien baru / lama</dt>
        <dd>
          {count((r) => r.pasienBaru)} / {count((r) => !r.pasienBaru)}
        </dd>
      </div>
      {payers.map((p) => (
        <div key={p}>
          <dt>{payerLabels[p]}</dt>
          <dd>{count((r) => r.payer === p)}</dd>
        </div>
      ))}
    </dl>
  );
}
