import { useRef, useState, type FormEvent } from 'react';
import type { LetterVerification } from '../../../src-main/contract';
import { asClientError, useClient } from '../../api/react';
import { ErrorNote, Panel } from '../../components/ui';
import { tanggalPanjang } from '../../lib/format';

const headline: Record<LetterVerification['result'], string> = {
  sah: 'SURAT SAH',
  batal: 'SURAT DIBATALKAN',
  tidak_sah: 'KODE TIDAK SAH',
  tidak_dikenal: 'KODE TIDAK DIKENAL',
};

/** Checks a letter brought back to the puskesmas: type the code under its QR, or scan the QR with a 2D scanner. */
export function Verifikasi() {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<LetterVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    client.call('letters.verify', { code }).then(
      (v) => {
        setResult(v);
        input.current?.select();
      },
      (e: unknown) => setError(asClientError(e).message),
    );
  };
  const l = result?.letter;
  return (
    <Panel title="Verifikasi keaslian surat">
      <form className="surat-lookup" onSubmit={check} role="search" noValidate>
        <label htmlFor="surat-kode">Kode verifikasi (di bawah kode QR) atau pindai QR</label>
        <input
          id="surat-kode"
          ref={input}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="mis. 1K-7Q2M9XH4TB1C lalu Enter"
          autoComplete="off"
          autoFocus
        />
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {result ? (
        <div className={`surat-verify surat-verify-${result.result}`} role="status" aria-live="polite">
          <h3>{headline[result.result]}</h3>
          <p>{result.message}</p>
          {l ? (
            <dl className="surat-facts">
              <dt>Jenis surat</dt>
              <dd>{l.kindLabel}</dd>
              <dt>Nomor</dt>
              <dd className="mono">{l.number}</dd>
              <dt>Tanggal</dt>
              <dd>{tanggalPanjang(l.issuedDate)}</dd>
              <dt>Pasien (inisial)</dt>
              <dd>{l.patientInitials}</dd>
              <dt>No. RM</dt>
              <dd className="mono">{l.rmTail}</dd>
              <dt>Penanda tangan</dt>
              <dd>{l.signerName}</dd>
              <dt>Status</dt>
              <dd>{l.status === 'batal' ? `Dibatalkan${l.cancelledDate ? ` ${tanggalPanjang(l.cancelledDate)}` : ''}` : 'Berlaku'}</dd>
            </dl>
          ) : null}
        </div>
      ) : null}
    </Panel>
  );
}
