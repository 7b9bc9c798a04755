import type { PullListItem } from '../../../src-main/contract';
import { useRemote } from '../../api/react';
import { useSession } from '../../app/session';
import { Badge, EmptyNote, Panel, RemoteView } from '../../components/ui';
import { useNow } from '../../lib/clock';
import { jam, tanggalPendek } from '../../lib/format';
import { durasi, minutesSince } from './scan';

const requestLabels = { menunggu: 'Menunggu', diambil: 'Diambil', diterima_unit: 'Di unit', batal: 'Batal' } as const;

/**
 * Today's registrations and tomorrow's appointments whose folder must come off the shelf, in
 * filing order by shelf section (the clerk walks the room once). New registrations and every
 * move arrive live.
 */
export function PullList({ onTracer, actions }: { onTracer?: (item: PullListItem) => void; actions?: React.ReactNode }) {
  const { settings } = useSession();
  const list = useRemote('folders.pullList', {}, { refreshOn: ['folders.changed', 'visits.changed', 'appointments.changed', 'patients.changed'] });
  const now = useNow(30_000);
  return (
    <Panel title={list.data ? `Daftar tarik berkas (${list.data.count})` : 'Daftar tarik berkas'} actions={actions} className="pull-panel">
      <RemoteView remote={list} empty={(l) => (l.count === 0 ? <EmptyNote>Tidak ada berkas yang perlu ditarik.</EmptyNote> : null)}>
        {(l) => (
          <>
            <p className="muted small">
              Hari ini {tanggalPendek(l.date)} dan jadwal kontrol besok {tanggalPendek(l.tomorrow)} · diperbarui{' '}
              {jam(l.generatedAt, settings.timeZone)}
            </p>
            <table className="table table-compact pull-table" aria-label="Daftar tarik berkas">
              <thead>
                <tr>
                  <th>No. RM</th>
                  <th>Pasien</th>
                  <th>Tujuan</th>
                  <th className="num">Menunggu</th>
                  <th>Berkas</th>
                  {onTracer ? <th /> : null}
                </tr>
              </thead>
              {l.sections.map((s) => (
                <tbody key={s.name}>
                  <tr className="pull-section">
                    <th colSpan={onTracer ? 6 : 5} scope="rowgroup">
                      {s.name} · {s.items.length} berkas
                    </th>
                  </tr>
                  {s.items.map((item) => (
                    <tr key={`${item.source}-${item.requestId ?? item.appointmentId ?? item.visitId}`} data-rm={item.patient.rmNumber}>
                      <td className="mono">{item.patient.rmNumber}</td>
                      <td>
                        {item.patient.name} <span className="muted">({item.patient.birthYear})</span>
                      </td>
                      <td>
                        {item.unitName} {item.source === 'jadwal' ? <Badge>Kontrol besok</Badge> : null}
                      </td>
                      <td className="num">{item.source === 'jadwal' ? '—' : durasi(minutesSince(item.requestedAt, now) ?? item.minutesWaiting)}</td>
                      <td>
                        {item.requestStatus && item.requestStatus !== 'menunggu' ? (
                          <Badge tone="ok">{requestLabels[item.requestStatus]}</Badge>
                        ) : item.folder ? (
                          <span className={item.folder.status === 'hilang' ? 'text-error' : undefined}>{item.folder.placeLabel}</span>
                        ) : (
                          <span className="text-error">Belum ada berkas</span>
                        )}
                      </td>
                      {onTracer ? (
                        <td>
                          {item.folder ? (
                            <button type="button" className="btn btn-small" onClick={() => onTracer(item)}>
                              Cetak tracer
                            </button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </>
        )}
      </RemoteView>
    </Panel>
  );
}
