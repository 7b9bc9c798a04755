import { useState } from 'react';
import type { Download } from '../../../src-main/contract';
import type { ClientError } from '../../api/client';
import { asClientError } from '../../api/react';

/**
 * Saves a file the host sent as base64: a blob link clicked once. The browser downloads it; the
 * desktop app lets Electron's default download handling ask where to save it.
 */
export function saveDownload(file: Download): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** An Excel (or other file) button: asks the host, saves what comes back, and says which file or why not. */
export function useDownload(): {
  busy: boolean;
  error: ClientError | null;
  saved: string | null;
  run: (load: () => Promise<Download>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = async (load: () => Promise<Download>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const file = await load();
      saveDownload(file);
      setSaved(file.fileName);
    } catch (e) {
      setError(asClientError(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, saved, run };
}
