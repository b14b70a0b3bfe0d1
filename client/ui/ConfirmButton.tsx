// An action asked twice (a destructive one, or one that makes a lot): the first press shows the question in place,
// with confirm and cancel.
import { useState } from 'react';
import { useI18n } from '../i18n';

interface ConfirmButtonProps {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** 'danger' for what destroys (the default), 'primary' for what makes many things at once. */
  tone?: 'danger' | 'primary';
  /** Marks the first button for tests and tours (data-action). */
  action?: string;
}

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  tone = 'danger',
  action,
}: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className="button button--secondary"
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-action={action}
      >
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className={`button button--${tone}`}
        data-action={action ? `${action}-confirm` : undefined}
        // The question replaced the button that had focus; keep the keyboard where it was.
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
        {t('admin.cancel')}
      </button>
    </span>
  );
}
