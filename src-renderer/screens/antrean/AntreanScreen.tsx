import { useRemote } from '../../api/react';
import { useCounterNumber } from '../../app/session';
import { ActiveBadge, Badge, EmptyNote, Panel, RemoteView, Screen } from '../../components/ui';

/** The counters and the services each serves; this workstation's counter stands out. */
export function AntreanScreen() {
  const counters = useRemote('counters.list', {}, { refreshOn: ['reference.changed'] });
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  const mine = useCounterNumber();
  const serviceById = new Map((services.data ?? []).map((s) => [s.id, s]));

  return (
    <Screen
      title="Antrean"
      subtitle={mine ? `Komputer ini melayani sebagai Loket ${mine}.` : 'Nomor loket komputer ini belum diatur (Pengaturan → Komputer ini).'}
    >
      <Panel title="Loket">
        <RemoteView
          remote={counters}
          empty={(list) => (list.length === 0 ? <EmptyNote>Belum ada loket. Tambahkan di Pengaturan → Loket.</EmptyNote> : null)}
        >
          {(list) => (
            <ul className="counter-grid" aria-label="Daftar loket">
              {[...list]
                .sort((a, b) => a.number - b.number)
                .map((c) => {
                  const isMine = c.number === mine;
                  return (
                    <li
                      key={c.id}
                      className={`counter-card${isMine ? ' counter-mine' : ''}${c.active ? '' : ' counter-off'}`}
                      aria-current={isMine ? 'true' : undefined}
                    >
                      <div className="counter-head">
                        <span className="counter-number">{c.number}</span>
                        <div>
                          <div className="counter-name">{c.name}</div>
                          <div className="counter-tags">
                            {isMine ? <Badge tone="accent">Komputer ini</Badge> : null}
                            <ActiveBadge active={c.active} />
                          </div>
                        </div>
                      </div>
                      <div className="counter-services">
                        {c.serviceIds.length === 0 ? (
                          <span className="muted">Belum melayani layanan apa pun</span>
                        ) : (
                          c.serviceIds.map((id) => {
                            const s = serviceById.get(id);
                            return (
                              <span key={id} className="service-chip">
                                <b>{s?.prefix ?? '?'}</b> {s?.name ?? `Layanan #${id}`}
                              </span>
                            );
                          })
                        )}
                      </div>
                    </li>
                  );
                })}
            </ul>
          )}
        </RemoteView>
      </Panel>

      <Panel title="Layanan antrean">
        <RemoteView remote={services} empty={(list) => (list.length === 0 ? <EmptyNote>Belum ada layanan antrean.</EmptyNote> : null)}>
          {(list) => (
            <table className="table">
              <thead>
                <tr>
                  <th className="col-narrow">Prefiks</th>
                  <th>Layanan</th>
                  <th>Kode</th>
                  <th className="num">Kuota harian</th>
                  <th>Dilayani di</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => {
                  const at = (counters.data ?? []).filter((c) => c.serviceIds.includes(s.id)).sort((a, b) => a.number - b.number);
                  return (
                    <tr key={s.id}>
                      <td>
                        <span className="prefix">{s.prefix}</span>
                      </td>
                      <td>{s.name}</td>
                      <td className="mono">{s.code}</td>
                      <td className="num">{s.dailyCap ?? 'Tanpa batas'}</td>
                      <td>{at.length ? at.map((c) => c.name).join(', ') : '—'}</td>
                      <td>
                        <ActiveBadge active={s.active} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </RemoteView>
      </Panel>
      <p className="muted small">
        Pemanggilan nomor antrean belum tersedia pada versi ini. Layar ruang tunggu: <span className="mono">/display</span> · anjungan tiket:{' '}
        <span className="mono">/kiosk</span>.
      </p>
    </Screen>
  );
}
