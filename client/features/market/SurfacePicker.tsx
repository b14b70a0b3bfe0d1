// Which store's probability surface the map shows, and its legend: the ramp from 0 to 100 %.
import { useEffect } from 'react';
import { getHuffSurface } from '../../api/client';
import type { HuffModel } from '../../api/contract';
import { isAbort } from '../../api/problem';
import { formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { reportError } from '../toast/report';

const RAMP_STEPS = [1, 2, 3, 4, 5, 6, 7];

export function SurfacePicker({ model }: { model: HuffModel }) {
  const { t, locale } = useI18n();
  const storeId = useAppStore((s) => s.marketShare?.surfaceStoreId ?? null);
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    const { setMarketSurface } = useAppStore.getState();
    if (!storeId) {
      setMarketSurface(null);
      return;
    }
    const controller = new AbortController();
    getHuffSurface(storeId, { signal: controller.signal })
      .then(setMarketSurface)
      .catch((error: unknown) => {
        if (!isAbort(error)) reportError(useAppStore, error);
      });
    return () => controller.abort();
  }, [storeId, dataVersion]);
  const store = model.stores.find((s) => s.id === storeId);
  const pct = (v: number) => formatNumber(locale, v, { style: 'percent' });
  return (
    <section className="market__section" aria-labelledby="market-surface">
      <h3 className="market__heading" id="market-surface">
        {t('market.surface')}
      </h3>
      <label className="field">
        <span className="field__label">{t('market.surfaceStore')}</span>
        <select
          className="input"
          data-field="surface-store"
          value={storeId ?? ''}
          onChange={(e) =>
            useAppStore.getState().setMarketShare({ surfaceStoreId: e.target.value || null })
          }
        >
          <option value="">{t('market.surfaceNone')}</option>
          {model.stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {store && (
        <div className="legend market__legend">
          <p className="legend__title">{t('market.surfaceLegend', { store: store.name })}</p>
          <div className="legend-classes" role="img" aria-label={`${pct(0)} – ${pct(1)}`}>
            {RAMP_STEPS.map((n) => (
              <span key={n} style={{ background: `var(--ramp-${n})` }} />
            ))}
          </div>
          <div className="legend-ramp__labels" aria-hidden="true">
            <span>{pct(0)}</span>
            <span>{pct(0.5)}</span>
            <span>{pct(1)}</span>
          </div>
        </div>
      )}
    </section>
  );
}
