import type { Printable } from '../../../src-main/contract';
import type { LoketClient } from '../../api/client';

/** How long the hidden frame stays after print() returned (some browsers print asynchronously). */
const FRAME_LINGER_MS = 60_000;

/**
 * Prints the karcis of a ticket just issued: the host sends ESC/POS to its ticket printer, or
 * (no printer set: `html`) hands back the karcis page, which this browser prints from a hidden
 * frame that runs no script. A kiosk browser started with `--kiosk-printing` prints without a
 * dialog. Resolves with what to tell the patient; a printer fault rejects with the host's
 * message (the number stays valid).
 */
export async function printTicket(client: LoketClient, ticketId: number): Promise<string> {
  const result = await client.call('documents.queueTicket', { ticketId });
  if (result.mode === 'escpos') return 'Karcis dicetak. Silakan ambil karcis Anda.';
  await printInFrame(result.document);
  return 'Silakan ambil karcis Anda.';
}

function printInFrame(doc: Printable): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    // Same origin so the page may call print() on it; no scripts may run inside.
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = doc.title;
    Object.assign(frame.style, {
      position: 'fixed',
      left: '-10000px',
      top: '0',
      width: `${doc.paper.widthMm}mm`,
      height: `${doc.paper.heightMm}mm`,
      border: '0',
    });
    frame.addEventListener(
      'load',
      () => {
        const target = frame.contentWindow;
        if (!target) {
          frame.remove();
          reject(new Error('Karcis tidak dapat disiapkan untuk dicetak.'));
          return;
        }
        // Blocks while a print dialog is open; returns at once in kiosk-printing mode.
        target.print();
        setTimeout(() => frame.remove(), FRAME_LINGER_MS);
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = doc.html;
    document.body.appendChild(frame);
  });
}
