import type { LoketClient } from '../api/client';
import type { PrintJob } from './PrintPreview';

/**
 * The kwitansi of a pasien umum's visit as a print job for the preview (Enter prints, Esc skips).
 * `copy`: a reprint, marked SALINAN; the host counts every one.
 */
export function receiptJob(client: LoketClient, visitId: number, copy: boolean): PrintJob {
  return {
    label: copy ? 'Salinan kwitansi' : 'Kwitansi',
    printer: 'letter',
    load: () => client.call('documents.receipt', { visitId, copy }),
  };
}
