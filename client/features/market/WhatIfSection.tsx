// "What if we open here?": pick a point on the map, choose brand and attractiveness, and see the share the new store
// would take and from which stores, in customers and spend.
import { useEffect, useState } from 'react';
import { postHuffWhatIf } from '../../api/client';
import type { HuffWhatIf } from '../../api/contract';
import { isAbort } from '../../api/problem';
import { formatMoney, formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { selectBrands } from '../../store/selectors';
import { CompareBars } from '../areas/CompareBars';
import { useCurrency } from '../audience/useFacets';
import { useBrandStyles } from '../layers/brand-styles';
import { reportError } from '../toast/report';

const LEVELS = [1, 2, 3, 4, 5];
const SHOWN_LOSSES = 8;

/** The answer for this site, brand and attractiveness; null while it is on its way (an older one is not shown). */
function useWhatIf(point: [number, number] | null, brand: string, attractiveness: number) {
  const ask = JSON.stringify([point, brand, attractiveness]);
  const [state, setState] = useState<{ ask: string; answer: HuffWhatIf } | null>(null);
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    if (!point || !brand) return;
    const controller = new AbortController();
    postHuffWhatIf({ point, brand, attractiveness }, { signal: controller.signal })
      .then((answer) => setState({ ask, answer }))
      .catch((error: unknown) => {
        if (!isAbort(error)) reportError(useAppStore, error);
      });
    return () => controller.abort();
    // `ask` stands for the site, brand and attractiveness; new data (an import committed) asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask, dataVersion]);
  return state?.ask === ask ? state.answer : null;
}

export function WhatIfSection() {
  const { t, locale } = useI18n();
  const site = useAppStore((s) => s.whatIfSite);
  const brands = useAppStore(selectBrands);
  const [brand, setBrand] = useState('');
  const [attractiveness, setAttractiveness] = useState(3);
  const chosenBrand = brand || brands[0] || '';
  const answer = useWhatIf(site?.point ?? null, chosenBrand, attractiveness);
  const currency = useCurrency();
  const money = (v: number | null) =>
    v === null ? '—' : formatMoney(locale, v, currency, { maximumFractionDigits: 0 });
  const people = (v: number | null) =>
    v === null
      ? t('audience.belowMin', { k: formatNumber(locale, answer?.minGroupSize ?? 0) })
      : formatNumber(locale, Math.round(v));
  const brandStyles = useBrandStyles();
  const brandColor = (name: string) =>
    brandStyles.find((s) => s.brand === name)?.color ?? 'var(--seq-5)';
  const { setWhatIfSite } = useAppStore.getState();
  return (
    <section className="market__section" aria-labelledby="market-what-if">
      <h3 className="market__heading" id="market-what-if">
        {t('market.whatIf')}
      </h3>
      <p className="muted">{t('market.whatIfIntro')}</p>
      {site?.picking ? (
        <p className="market__picking" role="status">
          {t('market.picking')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setWhatIfSite({ picking: false, point: site.point })}
          >
            {t('market.cancelPick')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          data-action="what-if-pick"
          onClick={() => setWhatIfSite({ picking: true, point: site?.point ?? null })}
        >
          {t('market.pick')}
        </button>
      )}
      <div className="market__choices">
        <label className="field">
          <span className="field__label">{t('market.brand')}</span>
          <select
            className="input"
            data-field="what-if-brand"
            value={chosenBrand}
            onChange={(e) => setBrand(e.target.value)}
          >
            {brands.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('market.attractiveness')}</span>
          <select
            className="input"
            data-field="what-if-attractiveness"
            value={attractiveness}
            onChange={(e) => setAttractiveness(Number(e.target.value))}
          >
            {LEVELS.map((n) => (
              <option key={n} value={n}>
                {t('market.attractivenessValue', { value: n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {site?.point && !answer && <p className="muted">{t('market.predicting')}</p>}
      {site?.point && answer && (
        <div className="market__outcome" data-state="ready">
          <p className="market__predicted">
            <span className="muted">{t('market.predicted')}</span>
            <strong className="market__figure" data-figure="share">
              {formatNumber(locale, answer.share, { style: 'percent', maximumFractionDigits: 1 })}
            </strong>
            <span>
              {t('market.predictedCustomers', {
                customers: people(answer.customers),
                revenue: money(answer.revenue),
              })}
            </span>
          </p>
          <p className="muted">
            {t('market.sameBrand', {
              customers: people(answer.sameBrand.customers),
              revenue: money(answer.sameBrand.revenue),
            })}
          </p>
          <CompareBars
            title={t('market.cannibalisation')}
            metric="cannibalisation"
            bars={answer.losses.slice(0, SHOWN_LOSSES).map((loss) => ({
              id: loss.storeId,
              label: loss.name,
              color: brandColor(loss.brand),
              value: loss.customers,
              text: t('market.lost', {
                customers: people(loss.customers),
                revenue: money(loss.revenue),
              }),
            }))}
          />
        </div>
      )}
    </section>
  );
}
