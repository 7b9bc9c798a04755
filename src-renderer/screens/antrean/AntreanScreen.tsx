import { useState } from 'react';
import { priorityClassLabels, ticketStatusLabels, type QueueTicket } from '../../../src-main/contract';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/session';
import { useServedTicket } from '../../app/ticket';
import { ErrorNote, Panel, Screen } from '../../components/ui';
import { useNow } from '../../lib/clock';
import { jam } from '../../lib/format';
import { counterKeys, useCounterKeys } from './CounterKeys';
import { CountersOverview } from './CountersOverview';
import { chooseCounter, chooseUnit, useQueuePlace, type PlaceChoice } from './place';
import { useReprint, type Reprint } from './Reprint';
import { TransferDialog } from './TransferDialog';
import { minutesSince, useCounterQueue, type CounterQueue, type QueueState } from './useCounterQueue';
import './antrean.css';

const GROUP = 'Antrean';

/**
 * The counter console: call the next ticket, recall, skip, hold, finish or transfer it, by
 * keyboard; the waiting list in calling order with priority marks and waiting times, live
 * through the queue events. A loket hands the called ticket to Pendaftaran (Alt+2); a poli
 * (unit mode) calls its registered patients and sees their names.
 */
export function AntreanScreen() {
  const choice = useQueuePlace();
  const queue = useCounterQueue(choice.place);
  const [transferring, setTransferring] = useState(false);
  const reprint = useReprint();
  const { can } = useSession();
  const canCall = can('antrean:input');
  useCounterKeys(queue, GROUP, () => setTransferring(true));
  const place = choice.place;

  return (
    <Screen
      title="Antrean"
      subtitle={
        place
          ? place.kind === 'loket'
            ? `Memanggil sebagai ${place.label}.`
            : `Memanggil antrean ${place.label}.`
          : 'Pilih tempat memanggil untuk komputer ini.'
      }
      actions={<PlacePicker choice={choice} />}
    >
      {!place ? (
        <ChoosePlace choice={choice} />
      ) : (
        <div className="queue-console">
          <CurrentTicket queue={queue} canCall={canCall} reprint={reprint} onTransfer={() => setTransferring(true)} />
          <div className="queue-lists">
            <WaitingList queue={queue} reprint={reprint} />
            <ParkedList queue={queue} canCall={canCall} />
          </div>
        </div>
      )}
      {place && queue.state.data ? <LaneTable lanes={queue.state.data.lanes} /> : null}
      <CountersOverview choice={choice} />
      <p className="muted small">
        Layar ruang tunggu: <span className="mono">/display</span> · anjungan tiket: <span className="mono">/kiosk</span> (buka di peramban TV/kios
        dengan alamat host ini).
      </p>
      {reprint.view}
      {transferring && queue.current ? (
        <TransferDialog ticket={queue.current} units={choice.units} onTransfer={queue.transfer} onClose={() => setTransferring(false)} />
      ) : null}
    </Screen>
  );
}

function PlacePicker({ choice }: { choice: PlaceChoice }) {
  const { place, counters, units } = choice;
  if (choice.loading) return null;
  const value = place ? (place.kind === 'loket' ? `c${place.counter.number}` : `u${place.unit.id}`) : '';
  return (
    <label className="queue-place">
      <span>Memanggil sebagai</span>
      <select
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('c')) chooseCounter(Number(v.slice(1)));
          else if (v.startsWith('u')) chooseUnit(Number(v.slice(1)));
        }}
      >
        {value === '' ? <option value="">— pilih —</option> : null}
        <optgroup label="Loket">
          {counters.map((c) => (
            <option key={c.id} value={`c${c.number}`}>
              {c.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Poli / unit">
          {units.map((u) => (
            <option key={u.id} value={`u${u.id}`}>
              {u.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

function ChoosePlace({ choice }: { choice: PlaceChoice }) {
  if (choice.loading) {
    return (
      <p className="muted" role="status">
        Memuat daftar loket…
      </p>
    );
  }
  return (
    <Panel title="Pilih loket atau poli">
      {choice.unknownCounter !== null ? (
        <p className="note note-warn">Loket {choice.unknownCounter} tidak ada atau tidak aktif. Pilih loket lain, atau ubah di Pengaturan → Loket.</p>
      ) : (
        <p className="muted">Nomor loket komputer ini belum diatur. Pilih di mana Anda memanggil; pilihan disimpan di komputer ini.</p>
      )}
      <div className="queue-choices">
        {choice.counters.map((c) => (
          <button key={c.id} type="button" className="btn" onClick={() => chooseCounter(c.number)}>
            {c.name}
          </button>
        ))}
      </div>
      {choice.units.length ? (
        <>
          <p className="muted small">Atau panggil antrean poli/unit (pasien yang sudah terdaftar ke unit itu):</p>
          <div className="queue-choices">
            {choice.units.map((u) => (
              <button key={u.id} type="button" className="btn btn-small" onClick={() => chooseUnit(u.id)}>
                {u.name}
              </button>
            ))}
          </div>
        </>
      ) : null}
    </Panel>
  );
}

function Key({ k }: { k: string }) {
  return <kbd>{k.replace('+', ' + ')}</kbd>;
}

function CurrentTicket({ queue, canCall, reprint, onTransfer }: { queue: CounterQueue; canCall: boolean; reprint: Reprint; onTransfer: () => void }) {
  const { settings } = useSession();
  const now = useNow(15_000);
  const { current, busy, place } = queue;
  const linked = useServedTicket();
  const next = queue.state.data?.waiting[0];
  const off = !canCall || busy;
  return (
    <section className="queue-current" aria-labelledby="queue-current-title" data-testid="tiket-sekarang">
      <h2 id="queue-current-title" className="queue-label">
        Sedang dilayani
      </h2>
      {current ? (
        <div className="queue-ticket">
          <div className="queue-code" data-testid="kode-sekarang">
            {current.code}
          </div>
          <div className="queue-facts">
            <div className="strong">{current.laneName}</div>
            {current.priority ? <span className="badge badge-warn">Prioritas: {priorityClassLabels[current.priority]}</span> : null}
            <div className="small muted">
              {ticketStatusLabels[current.status]}
              {current.lastCalledAt ? ` ${jam(current.lastCalledAt, settings.timeZone)} (${minutesSince(current.lastCalledAt, now)})` : ''} · diambil{' '}
              {jam(current.issuedAt, settings.timeZone)}
              {current.transferredFromCode ? ` · dialihkan dari ${current.transferredFromCode}` : ''}
            </div>
            <button type="button" className="btn btn-small" disabled={reprint.busy} onClick={() => reprint.start(current)}>
              Cetak ulang karcis
            </button>
            {current.visit ? (
              <div className="queue-patient">
                <strong>{current.visit.patientName}</strong> <span className="mono">({current.visit.rmNumber})</span> · No. register{' '}
                {current.visit.seq}
              </div>
            ) : null}
          </div>
        </div>
      ) : (
        <div className="queue-idle">
          <p>Belum ada nomor yang dipanggil di {place?.label}.</p>
          <p className="small muted">
            {next ? (
              <>
                Berikutnya: <strong className="mono">{next.code}</strong> ({next.laneName}). Tekan <Key k={counterKeys.next} />.
              </>
            ) : (
              'Tidak ada yang menunggu.'
            )}
          </p>
        </div>
      )}
      {queue.others.length ? (
        <div className="queue-others small">
          Juga masih dipanggil di sini:{' '}
          {queue.others.map((t) => (
            <button key={t.id} type="button" className="btn btn-small" onClick={() => queue.choose(t.id)}>
              Layani {t.code}
            </button>
          ))}
        </div>
      ) : null}
      <div className="queue-actions">
        <button type="button" className="btn btn-primary queue-next" disabled={off} onClick={queue.callNext}>
          Panggil berikutnya <Key k={counterKeys.next} />
        </button>
        <button type="button" className="btn" disabled={off || !current} onClick={() => queue.recall()}>
          Panggil ulang <Key k={counterKeys.recall} />
        </button>
        <button type="button" className="btn" disabled={off || !current} onClick={queue.skip}>
          Lewati (tidak hadir) <Key k={counterKeys.skip} />
        </button>
        <button type="button" className="btn" disabled={off || !current} onClick={queue.hold}>
          Tahan <Key k={counterKeys.hold} />
        </button>
        <button type="button" className="btn" disabled={off || !current} onClick={queue.finish}>
          Selesai <Key k={counterKeys.finish} />
        </button>
        <button type="button" className="btn" disabled={off || !current} onClick={onTransfer}>
          Alihkan <Key k={counterKeys.transfer} />
        </button>
      </div>
      {place?.kind === 'loket' && current && current.visit === null ? (
        <div className="queue-register">
          <button type="button" className="btn btn-primary" onClick={() => navigate('pendaftaran')}>
            Daftarkan pasien {current.code} <Key k="Alt+2" />
          </button>
          <span className="small muted">
            {linked?.id === current.id
              ? 'Kunjungan yang didaftarkan berikutnya ditautkan ke nomor ini, lalu nomor ini selesai.'
              : 'Tautan ke pendaftaran dilepas untuk nomor ini.'}
          </span>
        </div>
      ) : null}
      <div className="queue-message" aria-live="polite" data-testid="pesan-antrean">
        {queue.error ? <ErrorNote error={queue.error} /> : queue.notice ? <p className="note">{queue.notice}</p> : null}
        {reprint.error ? <ErrorNote error={reprint.error} /> : reprint.message ? <p className="note">{reprint.message}</p> : null}
      </div>
    </section>
  );
}

function Priority({ t }: { t: QueueTicket }) {
  return t.priority ? <span className="badge badge-warn">{priorityClassLabels[t.priority]}</span> : null;
}

function WaitingList({ queue, reprint }: { queue: CounterQueue; reprint: Reprint }) {
  const { settings } = useSession();
  const now = useNow(30_000);
  const poli = queue.place?.kind === 'unit';
  const data = queue.state.data;
  const waiting = data?.waiting ?? [];
  return (
    <Panel title={`Menunggu${data ? ` (${waiting.length})` : ''}`} className="queue-waiting">
      {queue.state.error && !data ? <ErrorNote error={queue.state.error} onRetry={queue.state.reload} /> : null}
      {!data ? (
        queue.state.error ? null : (
          <p className="muted" role="status">
            Memuat antrean…
          </p>
        )
      ) : waiting.length === 0 ? (
        <p className="empty">Tidak ada yang menunggu.</p>
      ) : (
        <div className="table-wrap queue-scroll">
          <table className="table table-compact" aria-label="Daftar tunggu">
            <thead>
              <tr>
                <th className="col-narrow">No.</th>
                {poli ? <th>Pasien</th> : <th>Layanan</th>}
                <th>Prioritas</th>
                <th>Diambil</th>
                <th className="num">Menunggu</th>
                <th className="col-action">
                  <span className="sr-only">Karcis</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((t) => (
                <tr key={t.id} className={t.priority ? 'queue-priority' : undefined}>
                  <td className="mono strong">{t.code}</td>
                  {poli ? (
                    <td>
                      {t.visit ? (
                        <>
                          {t.visit.patientName} <span className="muted mono">{t.visit.rmNumber}</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  ) : (
                    <td>{t.laneName}</td>
                  )}
                  <td>
                    <Priority t={t} />
                  </td>
                  <td className="mono">{jam(t.issuedAt, settings.timeZone)}</td>
                  <td className="num">{minutesSince(t.issuedAt, now)}</td>
                  <td className="col-action">
                    <button
                      type="button"
                      className="btn btn-small"
                      title="Cetak ulang karcis (SALINAN)"
                      aria-label={`Cetak ulang karcis ${t.code}`}
                      disabled={reprint.busy}
                      onClick={() => reprint.start(t)}
                    >
                      Karcis
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function ParkedList({ queue, canCall }: { queue: CounterQueue; canCall: boolean }) {
  const { settings } = useSession();
  const parked = queue.parked;
  if (!queue.state.data || parked.length === 0) return null;
  return (
    <Panel title={`Ditahan / dilewati (${parked.length})`} className="queue-parked">
      <div className="table-wrap queue-scroll">
        <table className="table table-compact" aria-label="Nomor ditahan atau dilewati">
          <thead>
            <tr>
              <th className="col-narrow">No.</th>
              <th>Status</th>
              <th>Terakhir dipanggil</th>
              <th className="col-action">
                <span className="sr-only">Aksi</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {parked.map((t) => (
              <tr key={t.id}>
                <td className="mono strong">{t.code}</td>
                <td>
                  {ticketStatusLabels[t.status]}
                  {t.visit ? <span className="muted"> · {t.visit.patientName}</span> : null}
                </td>
                <td className="mono">
                  {t.lastCalledAt ? jam(t.lastCalledAt, settings.timeZone) : '—'}
                  {t.counterNumber ? ` · Loket ${t.counterNumber}` : ''}
                </td>
                <td className="col-action">
                  <button type="button" className="btn btn-small" disabled={!canCall || queue.busy} onClick={() => queue.recall(t)}>
                    Panggil ulang {t.code}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function LaneTable({ lanes }: { lanes: QueueState['lanes'] }) {
  if (lanes.length === 0) return null;
  return (
    <Panel title="Layanan antrean hari ini">
      <table className="table table-compact">
        <thead>
          <tr>
            <th className="col-narrow">Huruf</th>
            <th>Layanan / unit</th>
            <th className="num">Diambil</th>
            <th className="num">Menunggu</th>
            <th className="num">Ditahan/dilewati</th>
            <th className="num">Selesai</th>
            <th className="num">Perkiraan tunggu</th>
            <th className="num">Kuota harian</th>
          </tr>
        </thead>
        <tbody>
          {lanes.map((l) => (
            <tr key={`${l.kind}-${l.serviceId ?? l.unitId ?? 0}`}>
              <td>
                <span className="prefix">{l.prefix}</span>
              </td>
              <td>{l.name}</td>
              <td className="num">{l.issued}</td>
              <td className="num strong">{l.waiting}</td>
              <td className="num">{l.held + l.skipped}</td>
              <td className="num">{l.finished}</td>
              <td className="num">{l.waiting ? `± ${l.estimatedWaitMinutes} mnt` : '—'}</td>
              <td className="num">{l.dailyCap === null ? 'Tanpa batas' : `${l.dailyCap}${l.full ? ' (habis)' : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
