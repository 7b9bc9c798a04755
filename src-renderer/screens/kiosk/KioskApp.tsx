import { useEffect, useState } from 'react';
import type { Service } from '../../../src-main/contract';
import { useConnection, useRemote } from '../../api/react';
import { hariTanggal, jam, zonaSingkat } from '../../lib/format';
import { useNow } from '../../lib/clock';

const NOT_ENABLED = 'Pengambilan nomor antrean belum diaktifkan di host ini. Silakan langsung menuju loket pendaftaran.';

/** The ticket kiosk: one large button per active service. Tickets are not issued yet. */
export function KioskApp() {
  const settings = useRemote('settings.public', {}, { refreshOn: ['settings.changed'] });
  const services = useRemote('services.list', {}, { refreshOn: ['reference.changed'] });
  const connection = useConnection();
  const now = useNow(1000);
  const [chosen, setChosen] = useState<Service | null>(null);
  const s = settings.data;
  const timeZone = s?.timeZone ?? 'Asia/Jakarta';
  const active = (services.data ?? []).filter((x) => x.active);

  useEffect(() => {
    if (!chosen) return;
    const t = setTimeout(() => setChosen(null), 8000);
    return () => clearTimeout(t);
  }, [chosen]);

  return (
    <div className="kiosk">
      <header className="kiosk-head">
        <div className="tv-org">
          <span className="logo-mark" aria-hidden="true">
            L
          </span>
          <h1 className="kiosk-name">{s?.puskesmasName ?? 'Memuat…'}</h1>
        </div>
        <div className="kiosk-time">
          <span className="kiosk-clock">
            {jam(now, timeZone)} {zonaSingkat(timeZone)}
          </span>
          <span>{hariTanggal(now, timeZone)}</span>
        </div>
      </header>
      <main className="kiosk-main">
        <h2 className="kiosk-title">Ambil nomor antrean</h2>
        <p className="kiosk-notice" role="note">
          {NOT_ENABLED}
        </p>
        {services.data === undefined ? (
          <p className="kiosk-muted">{services.error ? 'Daftar layanan belum dapat dimuat.' : 'Memuat layanan…'}</p>
        ) : active.length === 0 ? (
          <p className="kiosk-muted">Belum ada layanan antrean.</p>
        ) : (
          <ul className="kiosk-grid">
            {active.map((x) => (
              <li key={x.id}>
                <button type="button" className="kiosk-button" aria-describedby="kiosk-status" onClick={() => setChosen(x)}>
                  <span className="kiosk-prefix">{x.prefix}</span>
                  <span className="kiosk-service">{x.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p id="kiosk-status" className="kiosk-status" aria-live="polite">
          {chosen ? `${chosen.name}: ${NOT_ENABLED}` : ''}
        </p>
      </main>
      {connection === 'terputus' ? (
        <div className="tv-offline" role="status">
          Terputus
        </div>
      ) : null}
    </div>
  );
}
