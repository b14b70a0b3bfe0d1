// Loading, empty and error states for lists and panels, with an optional retry.
import type { ReactNode } from 'react';

interface StateMessageProps {
  tone: 'loading' | 'empty' | 'error';
  children: ReactNode;
  action?: { label: string; onClick: () => void };
}

export function StateMessage({ tone, children, action }: StateMessageProps) {
  return (
    <div
      className={`state-message state-message--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      {tone === 'loading' && <span className="spinner" aria-hidden="true" />}
      <p>{children}</p>
      {action && (
        <button type="button" className="button button--secondary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
