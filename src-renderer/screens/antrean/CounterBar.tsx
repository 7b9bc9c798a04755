import { useState } from 'react';
import { useSession } from '../../app/session';
import { relinkServedTicket, unlinkServedTicket, useServedTicket } from '../../app/ticket';
import { ErrorNote } from '../../components/ui';
import { counterKeys, useCounterKeys } from './CounterKeys';
import { useQueuePlace } from './place';
import { TransferDialog } from './TransferDialog';
import { useCounterQueue } from './useCounterQueue';
import './antrean.css';

/**
 * The counter console in one line above Pendaftaran's search, so a clerk can call, recall and
 * skip without leaving registration (the same keys as the Antrean screen). It says which ticket
 * the next registered visit is linked to.
 */
export function CounterBar() {
  const { can } = useSession();
  const choice = useQueuePlace();
  const place = choice.place?.kind === 'loket' && can('antrean:input') ? choice.place : null;
  const queue = useCounterQueue(place);
  const linked = useServedTicket();
  const [transferring, setTransferring] = useState(false);
  useCounterKeys(queue, 'Antrean (dari Pendaftaran)', () => setTransferring(true));
  if (!place || !queue.state.data) return null;
  const { current, busy } = queue;
  const waiting = queue.state.data.waiting.length;

  return (
    <div className="queue-bar" role="region" aria-label={`Antrean ${place.label}`} data-testid="bar-antrean">
      {current ? <span className="queue-bar-code">{current.code}</span> : null}
      <span className="queue-bar-text">
        {current ? (
          <>
            <strong>{current.laneName}</strong> di {place.label}.{' '}
            {current.visit
              ? `Sudah terdaftar: ${current.visit.patientName}.`
              : linked?.id === current.id
                ? 'Kunjungan yang didaftarkan berikutnya ditautkan ke nomor ini.'
                : 'Tidak ditautkan ke pendaftaran berikutnya.'}
          </>
        ) : (
          <>
            {place.label}: belum ada nomor yang dipanggil · {waiting} menunggu.
          </>
        )}
      </span>
      <span className="queue-bar-buttons">
        {current && current.visit === null ? (
          linked?.id === current.id ? (
            <button type="button" className="btn btn-small" onClick={unlinkServedTicket}>
              Lepas tautan
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={relinkServedTicket}>
              Tautkan lagi
            </button>
          )
        ) : null}
        {current ? (
          <>
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => queue.recall()}>
              Panggil ulang <kbd>{counterKeys.recall}</kbd>
            </button>
            <button type="button" className="btn btn-small" disabled={busy} onClick={queue.skip}>
              Lewati <kbd>{counterKeys.skip}</kbd>
            </button>
          </>
        ) : null}
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={queue.callNext}>
          Panggil berikutnya <kbd>{counterKeys.next}</kbd>
        </button>
      </span>
      {queue.error ? <ErrorNote error={queue.error} /> : queue.notice ? <p className="note small">{queue.notice}</p> : null}
      {transferring && current ? (
        <TransferDialog ticket={current} units={choice.units} onTransfer={queue.transfer} onClose={() => setTransferring(false)} />
      ) : null}
    </div>
  );
}
