// A labelled form field with its error below it. The error sits outside the <label>, so it describes the input
// (aria-describedby) instead of becoming part of its name.
import { useId, type ReactNode } from 'react';

export interface FieldInputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (input: FieldInputProps) => ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && (
        <p className="dialog__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <span className="field__error" id={`${id}-error`} data-field-error>
          {error}
        </span>
      )}
    </div>
  );
}
