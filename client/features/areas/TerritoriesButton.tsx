// "Territories for all stores": nearest-store areas from the server, with progress and a way to cancel.
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { territories } from './actions';

export function TerritoriesButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const storeCount = useAppStore((s) => s.stores.data?.features.length ?? 0);

  const run = async () => {
    controller.current = new AbortController();
    setBusy(true);
    await territories(useAppStore, undefined, controller.current.signal);
    controller.current = null;
    setBusy(false);
  };

  if (busy) {
    return (
      <div className="progress-row" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('areas.territories.running')}</span>
        <button type="button" className="button button--secondary" onClick={() => controller.current?.abort()}>
          {t('areas.territories.cancel')}
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="button button--secondary" disabled={storeCount < 2} onClick={() => void run()} data-action="territories">
      {t('areas.territories.all')}
    </button>
  );
}
