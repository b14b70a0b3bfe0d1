// A small horizontal bar chart, bars labelled directly with their counts; where the city's share is known a tick on
// each bar marks it and the index follows the count. Screen readers get the same figures as a table (the bars
// themselves are decoration to them).
import { useId } from 'react';
import { formatNumber, useI18n } from '../../i18n';
import { formatCount } from './hidden-counts';
import { indexTone, type ChartRow } from './chart';
import { distinctFraction } from '../../format/distinct-digits';

interface BarChartProps {
  title: string;
  rows: ChartRow[];
  /** Shown instead of bars when there are no rows (e.g. nobody has a job title on record). */
  emptyText?: string;
  /** Bars in the categorical tier colours rather than the accent (loyalty tiers). */
  tone?: 'accent' | 'tier';
  /** Counts hidden as null are shown as "< k". */
  minGroupSize?: number | undefined;
}

export function BarChart({ title, rows, emptyText, tone = 'accent', minGroupSize }: BarChartProps) {
  const { t, locale } = useI18n();
  const countText = (count: number | null) => formatCount(locale, count, minGroupSize, t);
  const titleId = useId();
  // The shares of one chart get the same decimals, as many as tell them apart.
  const fraction = distinctFraction(
    rows.map((row) => row.share),
    { scale: 100 },
  );
  const percent = (share: number | null) =>
    share === null ? '' : formatNumber(locale, share, { style: 'percent', ...fraction });
  const withCity = rows.some((row) => row.cityShare !== null);
  const indexText = (index: number | null) =>
    index === null ? t('audience.city.noIndex') : formatNumber(locale, index);
  return (
    <figure className="bar-chart" aria-labelledby={titleId}>
      <figcaption className="bar-chart__title" id={titleId}>
        {title}
      </figcaption>
      {rows.length === 0 ? (
        <p className="bar-chart__empty">{emptyText ?? t('audience.chart.empty')}</p>
      ) : (
        <>
          <ul
            className={`bar-chart__rows${withCity ? ' bar-chart__rows--city' : ''}`}
            aria-hidden="true"
          >
            {rows.map((row) => (
              <li
                className="bar-chart__row"
                key={row.key}
                data-key={row.key}
                data-hidden={row.count === null || undefined}
              >
                <span className="bar-chart__label" title={row.label}>
                  {row.label}
                </span>
                <span className="bar-chart__track">
                  <span
                    className={`bar-chart__bar${row.count === null ? ' bar-chart__bar--hidden' : tone === 'tier' ? ` bar-chart__bar--tier-${row.key}` : ''}`}
                    style={{ inlineSize: `${row.lengthPct}%` }}
                  />
                  {row.cityPct !== null && (
                    <span
                      className="bar-chart__city"
                      style={{ insetInlineStart: `${Math.min(row.cityPct, 100)}%` }}
                      title={t('audience.city.tick', { share: percent(row.cityShare) })}
                    />
                  )}
                </span>
                <span className="bar-chart__count">{countText(row.count)}</span>
                {withCity && (
                  <span
                    className="bar-chart__index"
                    data-tone={indexTone(row.index)}
                    title={t('audience.city.indexTitle')}
                  >
                    {indexText(row.index)}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {/* A table ignores a 1 px width: the hidden box around it keeps it from widening the panel. */}
          <div className="visually-hidden">
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audience.chart.category')}</th>
                  <th scope="col">{t('audience.chart.customers')}</th>
                  <th scope="col">{t('audience.chart.share')}</th>
                  {withCity && <th scope="col">{t('audience.city.share')}</th>}
                  {withCity && <th scope="col">{t('audience.city.index')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{countText(row.count)}</td>
                    <td>{percent(row.share)}</td>
                    {withCity && <td>{percent(row.cityShare)}</td>}
                    {withCity && <td>{indexText(row.index)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
