// Nearest-store territories from the server, for all stores or the ones chosen, with progress and a way to cancel.
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../ui/ConfirmButton';
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

  // Stores on the same spot share one territory (as the server makes them), so the question names what will be made.
  const made = distinctSpots(stores ?? []);

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
      <ConfirmButton
        label={t('areas.territories.all')}
        question={t('areas.territories.confirm', { count: made })}
        confirmLabel={t('areas.territories.make', { count: made })}
        onConfirm={() => void run(undefined)}
        disabled={made < 2}
        tone="primary"
        action="territories"
      />
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

/** Stores closer than this (decimals of a degree: 7 ≈ 1 cm) share a territory, as on the server. */
const SAME_SPOT_DIGITS = 7;

function distinctSpots(stores: readonly { geometry: { coordinates: number[] } }[]): number {
  const spots = new Set(
    stores.map((s) =>
      s.geometry.coordinates
        .slice(0, 2)
        .map((v) => v.toFixed(SAME_SPOT_DIGITS))
        .join(','),
    ),
  );
  return spots.size;
}
