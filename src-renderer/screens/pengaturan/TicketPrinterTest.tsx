import { useState } from 'react';
import type { TicketPrint } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient } from '../../api/react';
import { useSession } from '../../app/session';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';
import { ErrorNote, Panel } from '../../components/ui';

/**
 * "Cetak uji": a sample karcis marked CETAK UJI to the saved ticket printer (after changing the
 * printer, the paper or the address). Without a printer (html) the sample opens in the print
 * preview, as the kiosk's browser would print it.
 */
export function TicketPrinterTest() {
  const client = useClient();
  const { can } = useSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [job, setJob] = useState<PrintJob | null>(null);
  if (!can('pengaturan:correction')) return null;

  const test = () => {
    setBusy(true);
    setResult(null);
    setError(null);
    client.call('documents.testTicketPrinter', {}).then(
      (r: TicketPrint) => {
        setBusy(false);
        if (r.mode === 'escpos')
          setResult(`Contoh karcis dikirim ke ${r.printer} (${r.bytes} byte, ${Math.round(r.ms)} ms). Periksa hasil cetaknya.`);
        else setJob({ label: 'Karcis contoh', printer: 'label', load: async () => r.document });
      },
      (e: unknown) => {
        setBusy(false);
        setError(asClientError(e));
      },
    );
  };

  return (
    <Panel title="Cetak uji printer karcis">
      <div className="form-footer">
        <p className="muted small">Simpan pengaturan printer karcis dulu, lalu kirim contoh karcis bertanda CETAK UJI.</p>
        <button type="button" className="btn" onClick={test} disabled={busy}>
          {busy ? 'Mengirim…' : 'Cetak uji karcis'}
        </button>
      </div>
      <div aria-live="polite">
        {error ? <ErrorNote error={error} /> : null}
        {result ? <p className="note">{result}</p> : null}
      </div>
      {job ? <PrintPreview job={job} onClose={() => setJob(null)} /> : null}
    </Panel>
  );
}
