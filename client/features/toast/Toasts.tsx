// Toasts: errors (title + detail) stay until dismissed; notices leave after a few seconds.
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import type { Toast } from '../../store/types';
import { IconButton } from '../../ui/IconButton';

const NOTICE_MS = 6000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useI18n();
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    if (toast.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(toast.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <li className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast__text">
        <p className="toast__title">{toast.title}</p>
        {toast.detail && <p className="toast__detail">{toast.detail}</p>}
        {toast.action && (
          <button
            type="button"
            className="button button--secondary toast__action"
            onClick={() => {
              dismiss(toast.id);
              toast.action!.run();
            }}
          >
            {toast.action.label}
          </button>
        )}
      </div>
      <IconButton icon="close" label={t('toast.dismiss')} onClick={() => dismiss(toast.id)} />
    </li>
  );
}

export function Toasts() {
  const { t } = useI18n();
  const toasts = useAppStore((s) => s.toasts);
  return (
    <section className="toasts" aria-label={t('toast.region')}>
      <ol>
        {toasts.map((toast) => (
          <ToastItem toast={toast} key={toast.id} />
        ))}
      </ol>
    </section>
  );
}
