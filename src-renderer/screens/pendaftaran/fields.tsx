import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldShell } from '../../components/ui';

/**
 * Fields of the registration screens: components/ui's frame, plus a ref (so a shortcut can move
 * the focus there) and a mark on required fields.
 */
type Shell = Omit<FieldShell, 'wide'>;

export function Text({
  label,
  error,
  hint,
  mark,
  className,
  ref,
  ...input
}: Shell & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} mark={mark} className={className}>
      <input
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-required={mark ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...input}
      />
    </FieldFrame>
  );
}

export function Select({
  label,
  error,
  hint,
  mark,
  className,
  options,
  ref,
  ...select
}: Shell & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[]; ref?: Ref<HTMLSelectElement> }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} mark={mark} className={className}>
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-required={mark ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A checkbox with its label on the right, in one line. */
export function Check({
  label,
  checked,
  onChange,
  ref,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  ref?: Ref<HTMLInputElement>;
  disabled?: boolean;
}) {
  return (
    <label className="reg-inline-check">
      <input ref={ref} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
