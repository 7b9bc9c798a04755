import { useEffect, useRef, useState } from 'react';
import type { Printable, PrinterRole } from '../../src-main/contract';
import { ClientError } from '../api/client';
import { asClientError } from '../api/react';
import { useShortcut } from '../app/shortcuts';
import { ErrorNote } from './ui';

/** One document to print: how to fetch it, and which of the PC's printers takes it. */
export interface PrintJob {
  /** "Kartu berobat", "Label berkas", "Kwitansi": the dialog's title. */
  label: string;
  printer: PrinterRole;
  load: () => Promise<Printable>;
}

const MM_TO_PX = 96 / 25.4;
const PREVIEW_MAX_WIDTH = 640;
const PREVIEW_MAX_HEIGHT = 460;

/**
 * Shows the document exactly as it prints (the same HTML, in a sandboxed frame that runs no
 * script) and prints it with Enter: in the desktop app straight to the printer set for this PC
 * (Pengaturan → Komputer), in a browser through the browser's print dialog.
 */
export function PrintPreview({ job, onClose }: { job: PrintJob; onClose: (printed: string | null) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const [doc, setDoc] = useState<Printable | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  // Registered last, so Esc closes this dialog and not the panel beneath it.
  useShortcut({ keys: 'Escape', label: 'Tutup pratinjau cetak', group: 'Cetak', handler: () => onClose(null) });

  useEffect(() => {
    // Back to where the clerk was (the dialog is removed, not closed, so the browser will not).
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    let current = true;
    job.load().then(
      (p) => current && setDoc(p),
      (e: unknown) => current && setError(asClientError(e)),
    );
    return () => {
      current = false;
    };
  }, [job]);

  // Enter prints as soon as the document is there.
  useEffect(() => {
    if (doc) printButton.current?.focus();
  }, [doc]);

  const print = async () => {
    if (!doc || busy) return;
    setBusy(true);
    setError(null);
    try {
      onClose(await sendToPrinter(doc, job.printer, frame.current));
    } catch (e) {
      setError(asClientError(e));
      setBusy(false);
    }
  };

  const width = doc ? doc.paper.widthMm * MM_TO_PX : 0;
  const height = doc ? doc.paper.heightMm * MM_TO_PX : 0;
  const scale = doc ? Math.min(1.6, PREVIEW_MAX_WIDTH / width, PREVIEW_MAX_HEIGHT / height) : 1;
  return (
    <dialog
      ref={dialog}
      className="dialog print-dialog"
      aria-labelledby="print-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose(null);
      }}
    >
      <header className="dialog-head">
        <h2 id="print-title">Cetak {job.label.toLowerCase()}</h2>
        <div className="form-buttons">
          <button
            type="button"
            className="btn btn-primary"
            ref={printButton}
            onClick={() => void print()}
            disabled={!doc || busy}
            data-testid="cetak"
          >
            {busy ? 'Mencetak…' : 'Cetak (Enter)'}
          </button>
          <button type="button" className="btn" onClick={() => onClose(null)}>
            Tutup (Esc)
          </button>
        </div>
      </header>
      <div className="print-body">
        {error ? <ErrorNote error={error} /> : null}
        {doc ? (
          <div className="print-paper" style={{ width: width * scale, height: height * scale }}>
            <iframe
              ref={frame}
              title={`Pratinjau ${doc.title}`}
              // Same origin so the page can print the frame; no scripts may run inside it.
              sandbox="allow-same-origin allow-modals"
              srcDoc={doc.html}
              style={{ width, height, transform: `scale(${scale})` }}
              tabIndex={-1}
            />
          </div>
        ) : error ? null : (
          <p className="muted" role="status">
            Menyiapkan dokumen…
          </p>
        )}
        {doc ? (
          <p className="muted small">
            Kertas {formatMm(doc.paper.widthMm)} × {formatMm(doc.paper.heightMm)} mm.{' '}
            {window.loket
              ? 'Dicetak ke printer yang diatur di Pengaturan → Komputer (bila kosong, dialog cetak dibuka).'
              : 'Browser membuka dialog cetaknya.'}
          </p>
        ) : null}
      </div>
    </dialog>
  );
}

const formatMm = (mm: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(mm);

/** Prints and says in a sentence what happened, or throws a `ClientError` to show. */
async function sendToPrinter(doc: Printable, printer: PrinterRole, frame: HTMLIFrameElement | null): Promise<string | null> {
  if (window.loket) {
    const reply = await window.loket.print({ printable: doc, printer });
    if (!reply.ok) throw new ClientError(reply.error.code, reply.error.message);
    if (reply.value.cancelled) return null;
    return reply.value.printer ? `${doc.title} dikirim ke printer ${reply.value.printer}.` : `${doc.title} dicetak.`;
  }
  const target = frame?.contentWindow;
  if (!target) throw new ClientError('INTERNAL', 'Pratinjau belum siap; coba lagi.');
  // Blocks until the browser's print dialog closes; the browser does not say whether it printed.
  target.print();
  return `Dialog cetak ${doc.title.toLowerCase()} sudah dibuka.`;
}
