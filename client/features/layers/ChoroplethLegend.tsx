// The choropleth's legend: one swatch per class with its range, the hatch for regions below the minimum group size,
// and the value of the region under the pointer.
import type { ChoroplethAnswer } from '../../api/contract';
import { formatMoney, formatNumber, useI18n, type Translate } from '../../i18n';
import { rampToken } from '../../map/market-layers';
import { useAppStore } from '../../store';
import type { ChoroplethRegion } from '../../store/slices/market';
import { useCurrency } from '../audience/useFacets';

type Metric = ChoroplethAnswer['metric'];

/** A value of the metric as people read it: shares as percentages, money in the workspace currency. */
export function metricFormatter(
  metric: Metric,
  locale: string,
  currency: string,
  breaks: readonly number[],
): (value: number) => string {
  if (metric === 'penetration' || metric === 'segmentShare') {
    // Penetration can be a fraction of a percent: enough digits that neighbouring breaks read differently.
    const smallest = Math.min(...breaks.filter((b) => b > 0), 1);
    const digits = smallest < 0.01 ? 2 : smallest < 0.1 ? 1 : 0;
    return (v) => formatNumber(locale, v, { style: 'percent', maximumFractionDigits: digits });
  }
  if (metric === 'revenue' || metric === 'averageSpend')
    return (v) => formatMoney(locale, v, currency, { maximumFractionDigits: 0 });
  return (v) => formatNumber(locale, Math.round(v));
}

function hoverText(
  region: ChoroplethRegion,
  answer: ChoroplethAnswer,
  format: (v: number) => string,
  t: Translate,
  locale: string,
): string {
  const name = region.name ?? t('choropleth.hexagon');
  if (region.value !== null) return t('choropleth.hover', { name, value: format(region.value) });
  if (region.small)
    return t('choropleth.hoverSmall', { name, k: formatNumber(locale, answer.minGroupSize) });
  return t('choropleth.hoverNone', { name });
}

/** `titled`: name the metric above the classes (when the card is folded and the choices are out of sight). */
export function ChoroplethLegend({
  answer,
  titled = false,
}: {
  answer: ChoroplethAnswer;
  titled?: boolean;
}) {
  const { t, locale } = useI18n();
  const currency = useCurrency();
  const hover = useAppStore((s) => s.choroplethHover);
  const format = metricFormatter(answer.metric, locale, currency, answer.breaks);
  const classes = answer.breaks.length - 1;
  const hasSmall = answer.features.some((f) => f.properties.small);
  if (classes < 1) return <p className="muted">{t('choropleth.noData')}</p>;
  return (
    <div
      className="legend choropleth-legend"
      aria-label={t('choropleth.legend', { metric: t(`choropleth.metric.${answer.metric}`) })}
      role="group"
    >
      {titled && <p className="legend__title">{t(`choropleth.metric.${answer.metric}`)}</p>}
      <ul className="choropleth-legend__classes">
        {Array.from({ length: classes }, (_, c) => (
          <li key={c} data-class={c}>
            <span
              className="choropleth-legend__swatch"
              style={{ background: rampToken(c, classes) }}
              aria-hidden="true"
            />
            <span>
              {t('choropleth.range', {
                from: format(answer.breaks[c]!),
                to: format(answer.breaks[c + 1]!),
              })}
            </span>
          </li>
        ))}
        {hasSmall && (
          <li data-class="small">
            <span
              className="choropleth-legend__swatch choropleth-legend__swatch--hatch"
              aria-hidden="true"
            />
            <span>{t('choropleth.small', { k: formatNumber(locale, answer.minGroupSize) })}</span>
          </li>
        )}
      </ul>
      <p className="choropleth-legend__hover" aria-live="polite" data-hover={hover?.id}>
        {hover ? hoverText(hover, answer, format, t, locale) : '\u00a0'}
      </p>
    </div>
  );
}
