// The report's key figures: one area's as a list, or a comparison's side by side (a row per figure, a column per
// area), from the same figures so the two read alike.
import type { Audience } from '../../api/contract';
import type { AreaFeature } from '../../api/areas';
import { formatMoney, formatNumber, useI18n } from '../../i18n';
import { formatCount } from '../audience/hidden-counts';
import { useCurrency } from '../audience/useFacets';
import { formatKm2 } from '../areas/format';
import { useSectionLabel } from './section-label';

type Figure = readonly [key: string, label: string, value: string];

/** Size, customers, consented, revenue, average spend and the city's customers, formatted for the locale. */
function useFigures(): (area: AreaFeature, audience: Audience) => Figure[] {
  const { t, locale, units } = useI18n();
  const currency = useCurrency();
  return (area, audience) => {
    const k = audience.minGroupSize;
    const money = (value: number | null) =>
      value === null ? t('audience.hiddenValue') : formatMoney(locale, value, currency);
    return [
      [
        'size',
        t('compare.metric.areaKm2'),
        formatKm2(locale, area.properties.areaKm2, units.distance),
      ],
      ['customers', t('audience.customers'), formatCount(locale, audience.count, k, t)],
      ['consented', t('audience.consented'), formatCount(locale, audience.consented, k, t)],
      ['revenue', t('audience.revenue'), money(audience.revenue.total)],
      ['avgSpend', t('audience.avgSpend'), money(audience.revenue.avgSpend)],
      [
        'city',
        t('report.figures.cityCustomers'),
        formatCount(locale, audience.cityCount ?? null, k, t),
      ],
    ];
  };
}

function HiddenNote({ k }: { k: number | undefined }) {
  const { t, locale } = useI18n();
  if (k === undefined) return null;
  return <p className="report-note">{t('audience.hiddenNote', { k: formatNumber(locale, k) })}</p>;
}

export function Figures({ area, audience }: { area: AreaFeature; audience: Audience }) {
  const { t } = useI18n();
  const label = useSectionLabel();
  const figures = useFigures()(area, audience);
  return (
    <section className="report-section" aria-labelledby={label.labelledBy}>
      <h2 id={label.headingId}>{t('report.figures.title')}</h2>
      <dl className="report-figures">
        {figures.map(([key, label, value]) => (
          <div key={key} data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <HiddenNote k={audience.minGroupSize} />
    </section>
  );
}

export function FiguresSideBySide({
  areas,
  audiences,
}: {
  areas: AreaFeature[];
  audiences: Audience[];
}) {
  const { t } = useI18n();
  const label = useSectionLabel();
  const figuresOf = useFigures();
  const columns = areas.map((area, i) => figuresOf(area, audiences[i]!));
  return (
    <section className="report-section report-compare" aria-labelledby={label.labelledBy}>
      <h2 id={label.headingId}>{t('report.figures.title')}</h2>
      <table className="report-table report-table--wide report-compare__table">
        <thead>
          <tr>
            <td />
            {areas.map((area) => (
              <th scope="col" key={area.id} data-area={area.id}>
                <span className="report-swatch" style={{ background: area.properties.color }} />
                {area.properties.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns[0]!.map(([key, label], row) => (
            <tr key={key} data-figure={key}>
              <th scope="row">{label}</th>
              {columns.map((figures, i) => (
                <td key={areas[i]!.id}>{figures[row]![2]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <HiddenNote k={audiences[0]?.minGroupSize} />
    </section>
  );
}
