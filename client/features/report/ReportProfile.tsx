// The profile against the city in print: each breakdown as a small table (share here, share in the whole city,
// index), and the groups most over-represented in the area.
import type { Audience } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';
import { breakdownCharts } from '../audience/breakdowns';
import { indexTone } from '../audience/chart';
import { formatCount } from '../audience/hidden-counts';
import { OVER_REPRESENTED_INDEX, topOverRepresented } from '../../../server/domain/city-index';
import { useSectionLabel } from './section-label';

/** Groups smaller than this give wild indices: the top list needs at least this many people (or k, if larger). */
export const TOP_MIN_PEOPLE = 20;
export const TOP_LIMIT = 6;

/** `areaTitleId`: the area's title in a comparison, which names its sections first. */
export function ReportProfile({
  audience,
  areaTitleId,
}: {
  audience: Audience;
  areaTitleId?: string;
}) {
  const { t, locale } = useI18n();
  const topLabel = useSectionLabel(areaTitleId);
  const profileLabel = useSectionLabel(areaTitleId);
  const k = audience.minGroupSize;
  const charts = breakdownCharts(audience.breakdown, audience.count, t, k);
  const percent = (share: number | null) =>
    share === null
      ? t('audience.city.noIndex')
      : formatNumber(locale, share, { style: 'percent', maximumFractionDigits: 1 });
  const index = (value: number | null) =>
    value === null ? t('audience.city.noIndex') : formatNumber(locale, value);
  const labelOf = new Map(
    charts.flatMap((chart) => chart.rows.map((row) => [`${chart.id}|${row.key}`, row.label])),
  );
  const titleOf = new Map(charts.map((chart) => [chart.id, chart.title]));
  const top = topOverRepresented(audience, {
    minCount: Math.max(TOP_MIN_PEOPLE, k ?? 0),
    limit: TOP_LIMIT,
  });
  return (
    <>
      <section className="report-section report-top" aria-labelledby={topLabel.labelledBy}>
        <h2 id={topLabel.headingId}>{t('report.top.title')}</h2>
        {top.length === 0 ? (
          <p className="muted">{t('report.top.none', { count: TOP_MIN_PEOPLE })}</p>
        ) : (
          <ol className="report-top__list">
            {top.map((group) => (
              <li key={`${group.breakdown}|${group.key}`} data-key={group.key}>
                <span className="report-top__index">{index(group.index)}</span>
                <span className="report-top__name">
                  {labelOf.get(`${group.breakdown}|${group.key}`) ?? group.key}
                  <span className="report-top__kind"> · {titleOf.get(group.breakdown)}</span>
                </span>
                <span className="report-top__shares">
                  {t('report.top.shares', {
                    here: percent(group.share),
                    city: percent(group.cityShare),
                    count: formatNumber(locale, group.count),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
        <p className="report-note">
          {t('report.top.note', {
            count: Math.max(TOP_MIN_PEOPLE, k ?? 0),
            index: formatNumber(locale, OVER_REPRESENTED_INDEX),
          })}
        </p>
      </section>
      <section className="report-section report-profile" aria-labelledby={profileLabel.labelledBy}>
        <h2 id={profileLabel.headingId}>{t('report.profile.title')}</h2>
        <p className="report-note">{t('audience.city.legend')}</p>
        <div className="report-profile__tables">
          {charts
            .filter((chart) => chart.rows.length > 0)
            .map((chart) => (
              <table className="report-table" key={chart.id} data-breakdown={chart.id}>
                <caption>{chart.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audience.chart.category')}</th>
                    <th scope="col">{t('audience.chart.customers')}</th>
                    <th scope="col">{t('report.profile.here')}</th>
                    <th scope="col">{t('audience.city.share')}</th>
                    <th scope="col">{t('report.profile.index')}</th>
                  </tr>
                </thead>
                <tbody>
                  {chart.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td>{formatCount(locale, row.count, k, t)}</td>
                      <td>{percent(row.share)}</td>
                      <td>{percent(row.cityShare)}</td>
                      <td className="report-table__index" data-tone={indexTone(row.index)}>
                        {index(row.index)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </div>
      </section>
    </>
  );
}
