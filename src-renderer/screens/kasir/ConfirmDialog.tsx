import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ClientError } from '../../api/client';
import { asClientError } from '../../api/react';
import { useShortcut } from '../../app/shortcuts';
import { ErrorNote } from '../../components/ui';

/**
 * A modal question with one action: Enter (the focused button) does it, Esc closes. With
 * `reason`, a text field comes first and the action needs at least five characters in it.
 * The action's refusal stays in the dialog.
 */
export function ConfirmDialog({
  title,
  children,
  action,
  reason,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  action: string;
  reason?: { label: string };
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  useShortcut({ keys: 'Escape', label: `Tutup: ${title.toLowerCase()}`, group: 'Kasir', handler: onClose });
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    (reason ? field.current : button.current)?.focus();
  }, [reason]);
  const short = reason !== undefined && text.trim().length < 5;
  const confirm = async () => {
    if (busy || short) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(text.trim());
    } catch (e) {
      setError(asClientError(e));
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="dialog kasir-dialog"
      aria-labelledby="kasir-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <header className="dialog-head">
          <h2 id="kasir-dialog-title">{title}</h2>
          <button type="button" className="btn btn-small" onClick={onClose}>
            Batal (Esc)
          </button>
        </header>
        <div className="kasir-dialog-body">
          {children}
          {reason ? (
            <label className="kasir-reason">
              {reason.label}
              <input ref={field} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
            </label>
          ) : null}
          {error ? <ErrorNote error={error} /> : null}
          <div className="form-buttons">
            <button type="submit" ref={button} className="btn btn-primary" disabled={busy || short} data-testid="konfirmasi">
              {busy ? 'Memproses…' : `${action} (Enter)`}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
