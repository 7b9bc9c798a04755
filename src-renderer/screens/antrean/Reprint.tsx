import { useState, type ReactNode } from 'react';
import type { QueueTicket } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError, useClient } from '../../api/react';
import { PrintPreview, type PrintJob } from '../../components/PrintPreview';

export interface Reprint {
  /** Prints the ticket's karcis again, marked SALINAN (a lost or torn karcis). */
  start: (ticket: QueueTicket) => void;
  busy: boolean;
  message: string | null;
  error: ClientError | null;
  /** The print preview when the karcis comes back as HTML (no ticket printer on the host). */
  view: ReactNode;
}

export function useReprint(): Reprint {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [job, setJob] = useState<PrintJob | null>(null);

  const start = (ticket: QueueTicket) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    setError(null);
    client.call('documents.queueTicket', { ticketId: ticket.id, copy: true }).then(
      (r) => {
        setBusy(false);
        if (r.mode === 'escpos') setMessage(`Karcis ${ticket.code} (SALINAN) dikirim ke printer karcis ${r.printer}.`);
        else setJob({ label: `Karcis ${ticket.code}`, printer: 'label', load: async () => r.document });
      },
      (e: unknown) => {
        setBusy(false);
        setError(asClientError(e));
      },
    );
  };

  const view = job ? (
    <PrintPreview
      job={job}
      onClose={(printed) => {
        setJob(null);
        if (printed) setMessage(printed);
      }}
    />
  ) : null;
  return { start, busy, message, error, view };
}
