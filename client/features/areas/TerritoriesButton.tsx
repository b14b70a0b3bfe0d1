// Nearest-store territories from the server, for all stores or the ones chosen, with progress and a way to cancel.
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { territories } from './actions';

export function TerritoriesButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const controller = useRef<AbortController | null>(null);
  const stores = useAppStore((s) => s.stores.data?.features);

  const run = async (storeIds: string[] | undefined) => {
    controller.current = new AbortController();
    setBusy(true);
    const done = await territories(useAppStore, storeIds, controller.current.signal);
    controller.current = null;
    setBusy(false);
    if (done) setChosen([]);
  };

  if (busy) {
    return (
      <div className="progress-row" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('areas.territories.running')}</span>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => controller.current?.abort()}
        >
          {t('areas.territories.cancel')}
        </button>
      </div>
    );
  }
  const toggle = (id: string, on: boolean) =>
    setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <div className="territories">
      <button
        type="button"
        className="button button--secondary"
        disabled={(stores?.length ?? 0) < 2}
        onClick={() => void run(undefined)}
        data-action="territories"
      >
        {t('areas.territories.all')}
      </button>
      {stores && stores.length > 1 && (
        <details className="territories__choose">
          <summary>{t('areas.territories.choose')}</summary>
          <fieldset className="territories__stores">
            <legend className="visually-hidden">{t('areas.territories.choose')}</legend>
            {stores.map((s) => (
              <label key={s.properties.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.properties.id)}
                  onChange={(e) => toggle(s.properties.id, e.target.checked)}
                  data-store={s.properties.id}
                />
                <span>{s.properties.name}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button button--secondary"
            disabled={chosen.length === 0}
            onClick={() => void run(chosen)}
            data-action="territories-chosen"
          >
            {t('areas.territories.chosen', { count: chosen.length })}
          </button>
        </details>
      )}
    </div>
  );
}
