// Retention by month of first purchase as a table whose cells are shaded by their share: the chart and its text in
// one, read by screen readers as the table it is.
import type { CohortRow } from '../../api/contract';
import { dateTimeFormat, formatNumber, useI18n } from '../../i18n';
import { formatCount } from '../audience/hidden-counts';

const monthFormat = (locale: string) =>
  dateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function CohortTable({
  cohorts,
  minGroupSize,
}: {
  cohorts: CohortRow[];
  minGroupSize?: number | undefined;
}) {
  const { t, locale } = useI18n();
  if (cohorts.length === 0) return <p className="muted">{t('trends.cohorts.empty')}</p>;
  const months = cohorts[0]!.retained.map((_, i) => i + 1);
  const format = monthFormat(locale);
  return (
    <div className="cohorts" data-chart="cohorts">
      <table className="cohorts__table">
        <caption className="bar-chart__title">{t('trends.cohorts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trends.cohorts.month')}</th>
            <th scope="col">{t('trends.cohorts.customers')}</th>
            {months.map((m) => (
              <th scope="col" key={m}>
                {t('trends.cohorts.after', { count: m })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.month}>
              <th scope="row">{format.format(new Date(`${c.month}-01T00:00:00Z`))}</th>
              <td>{formatCount(locale, c.customers, minGroupSize, t)}</td>
              {c.retained.map((share, j) => (
                <td
                  key={j}
                  className="cohorts__cell"
                  style={share === null ? undefined : { ['--share' as string]: String(share) }}
                  data-empty={share === null || undefined}
                >
                  {share === null
                    ? '–'
                    : formatNumber(locale, share, { style: 'percent', maximumFractionDigits: 0 })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
