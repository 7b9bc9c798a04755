import { useRemote } from '../../api/react';
import { ActiveBadge, Badge, EmptyNote, Panel } from '../../components/ui';
import type { PlaceChoice } from './place';

/** Every loket with the services it serves and the number it is serving now; this one stands out. */
export function CountersOverview({ choice }: { choice: PlaceChoice }) {
  const counters = useRemote('counters.list', {}, { refreshOn: ['reference.changed'] });
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  const board = useRemote('queue.board', { limit: 1 }, { refreshOn: ['queue.called', 'queue.changed'] });
  const serviceById = new Map((services.data ?? []).map((s) => [s.id, s]));
  const mine = choice.place?.kind === 'loket' ? choice.place.counter.id : null;
  const nowAt = new Map((board.data?.places ?? []).filter((p) => p.counterId !== null && p.inProgress).map((p) => [p.counterId!, p.code]));
  const list = [...(counters.data ?? [])].sort((a, b) => a.number - b.number);

  return (
    <Panel title="Loket">
      {counters.data && list.length === 0 ? <EmptyNote>Belum ada loket. Tambahkan di Pengaturan → Loket.</EmptyNote> : null}
      <ul className="counter-grid" aria-label="Daftar loket">
        {list.map((c) => {
          const isMine = c.id === mine;
          const code = nowAt.get(c.id);
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
                <div className="counter-now" aria-label={code ? `Sedang melayani ${code}` : 'Tidak sedang memanggil'}>
                  {code ?? '—'}
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
    </Panel>
  );
}
