import { useConnection, useRemote } from '../../api/react';
import { hariTanggal, jam, zonaSingkat } from '../../lib/format';
import { useNow } from '../../lib/clock';

/**
 * The waiting-room TV: name, clock, services and their ticket prefixes, the last calls and
 * the running text. Public data only: never a patient's name.
 */
export function DisplayApp() {
  const settings = useRemote('settings.public', {}, { refreshOn: ['settings.changed'] });
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  const connection = useConnection();
  const now = useNow(1000);
  const s = settings.data;
  const timeZone = s?.timeZone ?? 'Asia/Jakarta';
  const active = (services.data ?? []).filter((x) => x.active);

  return (
    <div className="tv">
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
          <div className="tv-date">{hariTanggal(now, timeZone)}</div>
        </div>
      </header>

      <main className="tv-main">
        <section className="tv-calls" aria-labelledby="tv-calls-title">
          <h2 id="tv-calls-title" className="tv-section-title">
            Panggilan terakhir
          </h2>
          <div className="tv-calls-empty">
            <p className="tv-empty-title">Belum ada panggilan</p>
            <p className="tv-empty-note">Nomor antrean yang dipanggil akan tampil di sini beserta loket tujuannya.</p>
          </div>
        </section>
        <section className="tv-services" aria-labelledby="tv-services-title">
          <h2 id="tv-services-title" className="tv-section-title">
            Layanan
          </h2>
          {services.data === undefined ? (
            <p className="tv-muted">{services.error ? 'Daftar layanan belum dapat dimuat.' : 'Memuat layanan…'}</p>
          ) : active.length === 0 ? (
            <p className="tv-muted">Belum ada layanan antrean.</p>
          ) : (
            <ul className="tv-service-list">
              {active.map((x) => (
                <li key={x.id} className="tv-service">
                  <span className="tv-prefix">{x.prefix}</span>
                  <span className="tv-service-name">{x.name}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
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
      {connection === 'terputus' ? (
        <div className="tv-offline" role="status">
          Terputus
        </div>
      ) : null}
    </div>
  );
}
