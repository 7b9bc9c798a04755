import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ClientError } from '../api/client';
import { asClientError } from '../api/react';

export interface Submitter {
  onSubmit: (event: FormEvent) => void;
  busy: boolean;
  error: ClientError | null;
  saved: string | null;
  /** The error message for one field path, from the host's `error.fields` (or the client's check). */
  fieldError: (path: string) => string | undefined;
  reset: () => void;
}

/**
 * Runs a form's action on submit (Enter in any field submits, as forms do), keeps the host's
 * error with its field messages, and a short success note.
 */
export function useSubmit<T>(action: () => Promise<T>, options: { onDone?: (value: T) => void; savedText?: string } = {}): Submitter {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const latest = useRef({ action, options });
  useEffect(() => {
    latest.current = { action, options };
  });

  const onSubmit = useCallback((event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(null);
    setError(null);
    latest.current.action().then(
      (value) => {
        setBusy(false);
        setSaved(latest.current.options.savedText ?? 'Tersimpan.');
        latest.current.options.onDone?.(value);
      },
      (e: unknown) => {
        setBusy(false);
        setError(asClientError(e));
      },
    );
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setSaved(null);
  }, []);

  return {
    onSubmit,
    busy,
    error,
    saved,
    reset,
    fieldError: (path) => error?.fieldMessage(path),
  };
}

/** A form-side refusal that never reached the host (e.g. two passwords that differ). */
export function localError(path: string, message: string): ClientError {
  return new ClientError('VALIDATION', `Isian tidak valid — ${message}`, [{ path, message }]);
}

/** '' → null, for optional fields the contract takes as nullable. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s);
