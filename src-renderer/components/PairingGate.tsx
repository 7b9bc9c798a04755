import { useEffect, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { deviceScopeLabels, type PairReply, type Reply } from '../../src-main/contract';
import { NETWORK_MESSAGE } from '../api/client';
import { useClient } from '../api/react';
import { TextField } from './ui';
import './pairing.css';

/**
 * A browser on another PC that is not a paired device sees this instead of the page: the code
 * shown on the host buys it a device token, which the host keeps in an HttpOnly cookie (never
 * in this script, never in a URL). After pairing the page reloads and starts over.
 */
export function PairingGate({ children }: { children: ReactNode }) {
  const client = useClient();
  const refusal = useSyncExternalStore(client.deviceUnpaired.subscribe, client.deviceUnpaired.get);
  // The event stream would only be refused again and again: stop it; pairing reloads the page.
  useEffect(() => {
    if (refusal !== null) client.close();
  }, [refusal, client]);
  return refusal === null ? children : <PairingPage reason={refusal} />;
}

export function PairingPage({ reason }: { reason: string }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PairReply | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void pair(code).then((reply) => {
      setBusy(false);
      if (!reply.ok) {
        setError(reply.error.message);
        return;
      }
      setDone(reply.value);
      setTimeout(() => window.location.reload(), 800);
    });
  };

  return (
    <main className="pairing-page">
      <form className="pairing-box" onSubmit={submit} noValidate aria-labelledby="pairing-title">
        <h1 id="pairing-title">Pasangkan perangkat ini</h1>
        {done ? (
          <p className="text-ok" role="status">
            Perangkat “{done.name}” terpasang sebagai {deviceScopeLabels[done.scope]}. Memuat ulang…
          </p>
        ) : (
          <>
            <p className="pairing-reason">{reason}</p>
            <TextField
              label="Masukkan kode pemasangan yang tampil di komputer utama"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              error={error ?? undefined}
              hint="Di komputer utama: Pengaturan → Perangkat → Pasangkan perangkat. Kode berlaku 5 menit."
              autoFocus
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              className="pairing-code"
              wide
            />
            <div className="form-buttons">
              <button type="submit" className="btn btn-primary" disabled={busy || code.trim() === ''}>
                {busy ? 'Memasangkan…' : 'Pasangkan'}
              </button>
            </div>
          </>
        )}
      </form>
    </main>
  );
}

async function pair(code: string): Promise<Reply<PairReply>> {
  try {
    const response = await fetch('/api/pair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'same-origin',
    });
    return (await response.json()) as Reply<PairReply>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } };
  }
}
