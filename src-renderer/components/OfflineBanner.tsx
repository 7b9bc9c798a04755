import { useConnection } from '../api/react';

/** Red bar while the host cannot be reached; it goes away by itself on reconnection. */
export function OfflineBanner() {
  const connection = useConnection();
  if (connection !== 'terputus') return null;
  return (
    <div className="offline-banner" role="alert">
      <span className="offline-dot" aria-hidden="true" />
      Terputus dari host — mencoba menyambung ulang…
    </div>
  );
}
