import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { ClientError } from '../api/client';
import type { Remote } from '../api/react';

/** A screen: its heading takes the focus when the screen opens (keyboard users land there). */
export function Screen({
  title,
  subtitle,
  actions,
  focusHeading = true,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  focusHeading?: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus({ preventScroll: true });
  }, [focusHeading]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-head">
        <div>
          <h1 id="screen-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {subtitle ? <p className="screen-sub">{subtitle}</p> : null}
        </div>
        {actions ? <div className="screen-actions">{actions}</div> : null}
      </header>
      <div className="screen-body">{children}</div>
    </section>
  );
}

export function Panel({ title, actions, children, className }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`panel ${className ?? ''}`}>
      {title || actions ? (
        <header className="panel-head">
          {title ? <h2>{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** Loading, error and empty states of one remote list; renders children once data is there. */
export function RemoteView<T>({ remote, empty, children }: { remote: Remote<T>; empty?: (data: T) => ReactNode; children: (data: T) => ReactNode }) {
  if (remote.data === undefined) {
    if (remote.error) return <ErrorNote error={remote.error} onRetry={remote.reload} />;
    return (
      <p className="muted" role="status">
        Memuat data…
      </p>
    );
  }
  const emptyNode = empty?.(remote.data);
  return (
    <>
      {remote.error ? <ErrorNote error={remote.error} onRetry={remote.reload} /> : null}
      {emptyNode ?? children(remote.data)}
    </>
  );
}

export function ErrorNote({ error, onRetry }: { error: ClientError | string; onRetry?: () => void }) {
  return (
    <div className="note note-error" role="alert">
      <span>{typeof error === 'string' ? error : error.message}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Coba lagi
        </button>
      ) : null}
    </div>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'ok' | 'warn' | 'off' | 'accent'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="ok">Aktif</Badge> : <Badge tone="off">Nonaktif</Badge>;
}

export interface FieldShell {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  wide?: boolean;
  /** Shows "*" after the label; the host decides what is really required. */
  mark?: boolean;
  className?: string | undefined;
}

/** Label, control, and the error or hint under it: the one frame every form field uses. */
export function FieldFrame({ id, label, error, hint, wide, mark, className, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {mark ? (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({ label, error, hint, wide, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} wide={wide}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined} {...input} />
    </FieldFrame>
  );
}

export function TextArea({ label, error, hint, wide, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} wide={wide}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  wide,
  options,
  ...select
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} wide={wide}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Bottom line of a form: the host's message (or a success note) and the buttons. */
export function FormFooter({
  error,
  saved,
  busy,
  submitLabel,
  onCancel,
  disabled,
}: {
  error: ClientError | null;
  saved?: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel?: () => void;
  disabled?: boolean;
}) {
  return (
    <div className="form-footer">
      <div className="form-message" aria-live="polite">
        {error ? (
          <span className="text-error" role="alert">
            {error.code === 'VALIDATION' && error.fields.length > 0 ? 'Isian belum benar — periksa kolom yang ditandai merah.' : error.message}
          </span>
        ) : saved ? (
          <span className="text-ok" role="status">
            {saved}
          </span>
        ) : null}
      </div>
      <div className="form-buttons">
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Batal
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy || disabled}>
          {busy ? 'Menyimpan…' : submitLabel}
        </button>
      </div>
    </div>
  );
}
