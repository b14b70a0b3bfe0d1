// A store's trade areas from where its customers live: the primary area (the first 70 % of its home customers,
// adjustable) and the secondary ring up to 90 %, drawn on the map while the panel is open, listed with customers and
// share, each savable as an area. Cells are never shown one by one (aggregate-only roles see the dissolved areas only).
import { useEffect, useState } from 'react';
import type { StoreFeature } from '../../api/contract';
import { getTradeAreas, type TradeAreaRanking } from '../../api/travel';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { formatKm2 } from '../areas/format';
import { bboxOf } from '../../map/geometry';
import { reportError } from '../toast/report';
import { saveTradeArea } from './trade-actions';

const PRIMARY_CHOICES = [50, 60, 70, 80] as const;

export function TradeAreas({ store }: { store: StoreFeature }) {
  const { t, locale, units } = useI18n();
  const storeId = store.properties.id;
  const answer = useAppStore((s) => (s.tradeAreas?.storeId === storeId ? s.tradeAreas : null));
  const mayRead = useAppStore((s) => can(s.me, 'audience:read'));
  const mayWrite = useAppStore((s) => can(s.me, 'areas:write'));
  const [primary, setPrimary] = useState(70);
  const [rankBy, setRankBy] = useState<TradeAreaRanking>('distance');
  const [busy, setBusy] = useState(false);
  // The trade areas belong to this panel: they leave the map with it.
  useEffect(() => () => useAppStore.getState().setTradeAreas(null), [storeId]);
  if (!mayRead) return null;

  const show = async (next: { primary?: number; rankBy?: TradeAreaRanking } = {}) => {
    setBusy(true);
    try {
      const found = await getTradeAreas(storeId, {
        primary: next.primary ?? primary,
        secondary: 90,
        rankBy: next.rankBy ?? rankBy,
      });
      useAppStore.getState().setTradeAreas(found);
      const outer = found.tiers.flatMap((tier) => (tier.geometry ? [bboxOf(tier.geometry)] : []));
      if (outer.length)
        useAppStore.getState().flyTo({
          bbox: [
            Math.min(...outer.map((b) => b[0])),
            Math.min(...outer.map((b) => b[1])),
            Math.max(...outer.map((b) => b[2])),
            Math.max(...outer.map((b) => b[3])),
          ],
          reveal: true,
        });
    } catch (error) {
      reportError(useAppStore, error);
    }
    setBusy(false);
  };
  const percent = (value: number | null) =>
    value === null
      ? '–'
      : formatNumber(locale, value / 100, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <section className="trade-areas" aria-labelledby="trade-areas-title">
      <h3 className="audience__title" id="trade-areas-title">
        {t('trade.title')}
      </h3>
      <div className="travel-choice">
        <div className="field">
          <label className="field__label" htmlFor="trade-primary">
            {t('trade.primaryShare')}
          </label>
          <select
            id="trade-primary"
            className="field__input"
            value={primary}
            onChange={(e) => {
              setPrimary(Number(e.target.value));
              if (answer) void show({ primary: Number(e.target.value) });
            }}
          >
            {PRIMARY_CHOICES.map((p) => (
              <option key={p} value={p}>
                {percent(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="trade-rank">
            {t('trade.rankBy')}
          </label>
          <select
            id="trade-rank"
            className="field__input"
            value={rankBy}
            onChange={(e) => {
              const value = e.target.value as TradeAreaRanking;
              setRankBy(value);
              if (answer) void show({ rankBy: value });
            }}
          >
            <option value="distance">{t('trade.rankBy.distance')}</option>
            <option value="customers">{t('trade.rankBy.customers')}</option>
          </select>
        </div>
      </div>
      {!answer && (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          data-action="show-trade-areas"
          onClick={() => void show()}
        >
          {t('trade.show')}
        </button>
      )}
      {answer && (
        <ul className="trade-tiers" aria-live="polite">
          {answer.tiers.map((tier) => (
            <li key={tier.tier} className="trade-tier" data-tier={tier.tier}>
              <span className="trade-tier__swatch" aria-hidden="true" />
              <span className="trade-tier__text">
                <span className="item__label">{t(`trade.tier.${tier.tier}`)}</span>
                <span className="item__meta">
                  {t('trade.tierMeta', {
                    customers: tier.customers === null ? '–' : formatNumber(locale, tier.customers),
                    share: percent(tier.sharePercent),
                    cumulative: percent(tier.cumulativePercent),
                    size: formatKm2(locale, tier.areaKm2, units.distance),
                  })}
                </span>
              </span>
              {mayWrite && tier.geometry && (
                <button
                  type="button"
                  className="button button--secondary"
                  data-action={`save-trade-${tier.tier}`}
                  onClick={() => void saveTradeArea(useAppStore, store, answer, tier.tier)}
                >
                  {t('trade.save')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
