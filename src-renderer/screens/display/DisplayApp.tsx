import { useSyncExternalStore } from 'react';
import type { LaneSummary, QueueCall } from '../../../src-main/contract';
import { useConnection, useRemote } from '../../api/react';
import { SoundGate, useAnnouncer } from '../../audio/react';
import { useNow } from '../../lib/clock';
import { hariTanggal, jam, zonaSingkat } from '../../lib/format';
import { callKey, useLiveBoard } from './useBoard';

/** Calls in the log beside the big number. */
const LOG_SIZE = 7;

/**
 * The waiting-room TV (1920×1080 and 1366×768): the number being called in very large type with
 * its loket or poli and the spoken sentence as a caption, the last calls, the waiting count per
 * service, clock and date, the puskesmas name and the running text. Public data only: ticket
 * numbers and places, never a patient's name, RM or NIK.
 */
export function DisplayApp() {
  const settings = useRemote('settings.public', {}, { refreshOn: ['settings.changed'] });
  const connection = useConnection();
  const now = useNow(1000);
  const announcer = useAnnouncer();
  // Each live call is spoken once (the announcer queues them); reloads never speak again.
  const { board, calls, fresh } = useLiveBoard(LOG_SIZE + 1, (call) => void announcer.announce({ clips: call.clips, text: call.announcement }));
  const heard = useSyncExternalStore(announcer.last.subscribe, announcer.last.get);
  const s = settings.data;
  const timeZone = s?.timeZone ?? 'Asia/Jakarta';
  const [current, ...rest] = calls;
  // Each ticket once in the log: a recall moves it up instead of repeating it.
  const log = rest
    .filter((c, i) => c.ticketId !== current?.ticketId && rest.findIndex((x) => x.ticketId === c.ticketId) === i)
    .slice(0, LOG_SIZE - 1);
  const lanes = board.data ? [...board.data.services, ...board.data.units.filter((u) => u.waiting > 0)] : [];

  return (
    <div
      className={`tv${connection === 'terputus' ? ' tv-stale' : ''}`}
      // How the last call was voiced (clips, system voice or silent) and its clips, for checks and support.
      data-suara={heard?.mode}
      data-suara-klip={heard?.schedule.map((c) => c.key).join(' ')}
    >
      <header className="tv-head">
        <div className="tv-org">
          <span className="logo-mark tv-logo" aria-hidden="true">
            L
          </span>
          <div>
            <h1 className="tv-name">{s?.puskesmasName ?? 'Memuat…'}</h1>
            {s?.address ? <p className="tv-address">{s.address}</p> : null}
          </div>
        </div>
        <div className="tv-time">
          <div className="tv-clock" aria-label="Jam">
            {jam(now, timeZone)}
            <span className="tv-seconds">
              {String(now.getSeconds()).padStart(2, '0')} {zonaSingkat(timeZone)}
            </span>
          </div>
          <div className="tv-date" data-testid="tanggal">
            {hariTanggal(now, timeZone)}
          </div>
        </div>
      </header>

      <main className="tv-main tv-board">
        <section className="tv-now" aria-labelledby="tv-now-title" aria-live="polite">
          <h2 id="tv-now-title" className="tv-section-title">
            Nomor antrean dipanggil
          </h2>
          {current ? (
            <CurrentCall key={callKey(current)} call={current} fresh={fresh !== null} />
          ) : (
            <div className="tv-calls-empty">
              <p className="tv-empty-title">{board.data || !board.error ? 'Belum ada panggilan' : 'Papan antrean belum dapat dimuat'}</p>
              <p className="tv-empty-note">Nomor antrean yang dipanggil akan tampil di sini beserta loket atau poli tujuannya.</p>
            </div>
          )}
        </section>

        <aside className="tv-side">
          <section className="tv-log" aria-labelledby="tv-log-title">
            <h2 id="tv-log-title" className="tv-section-title">
              Panggilan terakhir
            </h2>
            {log.length === 0 ? (
              <p className="tv-muted">—</p>
            ) : (
              <ol className="tv-log-list">
                {log.map((c) => (
                  <li key={callKey(c)} className="tv-log-row">
                    <span className="tv-log-code">{c.code}</span>
                    <span className="tv-log-place">{c.placeLabel}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="tv-services" aria-labelledby="tv-services-title">
            <h2 id="tv-services-title" className="tv-section-title">
              Menunggu
            </h2>
            {board.data === undefined ? (
              <p className="tv-muted">{board.error ? 'Jumlah antrean belum dapat dimuat.' : 'Memuat…'}</p>
            ) : lanes.length === 0 ? (
              <p className="tv-muted">Belum ada layanan antrean.</p>
            ) : (
              <ul className="tv-service-list">
                {lanes.map((l) => (
                  <Lane key={`${l.kind}-${l.serviceId ?? l.unitId}`} lane={l} />
                ))}
              </ul>
            )}
          </section>
        </aside>
      </main>

      <footer className="tv-foot">
        {s?.runningText ? (
          <div className="marquee" aria-label="Teks berjalan">
            {/* Two copies side by side scroll half their width: a seamless loop that starts on screen. */}
            <div className="marquee-track" style={{ animationDuration: `${Math.max(20, s.runningText.length * 0.3)}s` }}>
              <span className="marquee-text">{s.runningText}</span>
              <span className="marquee-text" aria-hidden="true">
                {s.runningText}
              </span>
            </div>
          </div>
        ) : null}
      </footer>
      <SoundGate className="tv-sound-gate" />
      {connection === 'terputus' ? (
        <div className="tv-offline" role="status">
          Terputus dari host — menyambung ulang…
        </div>
      ) : null}
    </div>
  );
}

function CurrentCall({ call, fresh }: { call: QueueCall; fresh: boolean }) {
  return (
    <div className={`tv-call${fresh ? ' tv-call-new' : ''}`} data-testid="panggilan-sekarang">
      <div className="tv-call-code">{call.code}</div>
      <div className="tv-call-place">
        <span className="tv-call-arrow" aria-hidden="true">
          ➜
        </span>
        {call.placeLabel}
      </div>
      <p className="tv-caption" data-testid="teks-panggilan">
        {call.announcement}
      </p>
    </div>
  );
}

function Lane({ lane }: { lane: LaneSummary }) {
  return (
    <li className="tv-service">
      <span className="tv-prefix">{lane.prefix}</span>
      <span className="tv-service-name">{lane.name}</span>
      <span className="tv-waiting">
        <b>{lane.waiting}</b> menunggu
      </span>
    </li>
  );
}
