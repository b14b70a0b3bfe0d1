// Weekly purchases, buyers or revenue as columns, the weeks an offer was live shaded behind them. Screen readers get
// every week as a table (the columns are decoration to them).
import { useId, useState } from 'react';
import type { Trends } from '../../api/contract';
import { formatDate, formatMoney, formatNumber, useI18n } from '../../i18n';
import { useCurrency } from '../audience/useFacets';
import { barHeights, weekWasLive, type WeekMetric } from './weeks';

const METRICS: WeekMetric[] = ['purchases', 'customers', 'revenue'];

export function WeeklyTrend({ trends }: { trends: Trends }) {
  const { t, locale } = useI18n();
  const currency = useCurrency();
  const titleId = useId();
  const [metric, setMetric] = useState<WeekMetric>('purchases');
  const heights = barHeights(trends.weeks, metric);
  const live = trends.weeks.map((w) => weekWasLive(w.week, trends.livePeriods));
  const value = (v: number | null, m: WeekMetric) =>
    v === null
      ? t('audience.hiddenValue')
      : m === 'revenue'
        ? formatMoney(locale, v, currency, { maximumFractionDigits: 0 })
        : formatNumber(locale, v);
  const max = trends.weeks.reduce((m, w) => Math.max(m, w[metric] ?? 0), 0);
  const first = trends.weeks[0];
  const last = trends.weeks.at(-1);
  return (
    <figure className="trend" aria-labelledby={titleId} data-chart="weekly">
      <figcaption className="bar-chart__title" id={titleId}>
        {t(`trends.weekly.${metric}`)}
      </figcaption>
      <div className="trend__metrics" role="radiogroup" aria-label={t('trends.show')}>
        {METRICS.map((m) => (
          <label key={m} className="trend__metric">
            <input
              type="radio"
              name={`${titleId}-metric`}
              checked={metric === m}
              onChange={() => setMetric(m)}
            />
            {t(`trends.metric.${m}`)}
          </label>
        ))}
      </div>
      <div className="trend__plot" aria-hidden="true">
        <span className="trend__max">{value(max, metric)}</span>
        <ol className="trend__weeks">
          {trends.weeks.map((w, i) => (
            <li
              key={w.week}
              className="trend__week"
              data-live={live[i] || undefined}
              title={`${formatDate(locale, w.week)}: ${value(w[metric], metric)}`}
            >
              {heights[i] !== null && (
                <span
                  className="trend__bar"
                  style={{ blockSize: `${Math.max(heights[i]! > 0 ? 2 : 0, heights[i]!)}%` }}
                />
              )}
            </li>
          ))}
        </ol>
        {first && last && (
          <span className="trend__axis">
            <span>{formatDate(locale, first.week)}</span>
            <span>{formatDate(locale, last.week)}</span>
          </span>
        )}
      </div>
      {trends.livePeriods.length > 0 && (
        <p className="muted trend__legend">
          <span className="trend__swatch" aria-hidden="true" />
          {t('trends.liveLegend')}
        </p>
      )}
      <div className="visually-hidden">
        <table>
          <caption>{t('trends.weekly.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trends.week')}</th>
              {METRICS.map((m) => (
                <th scope="col" key={m}>
                  {t(`trends.metric.${m}`)}
                </th>
              ))}
              <th scope="col">{t('trends.live')}</th>
            </tr>
          </thead>
          <tbody>
            {trends.weeks.map((w, i) => (
              <tr key={w.week}>
                <th scope="row">{formatDate(locale, w.week)}</th>
                {METRICS.map((m) => (
                  <td key={m}>{value(w[m], m)}</td>
                ))}
                <td>{live[i] ? t('trends.liveYes') : t('trends.liveNo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
