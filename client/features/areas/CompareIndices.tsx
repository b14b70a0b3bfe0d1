// The compared areas against the whole city: each loyalty tier's index and the lapsed share's (100 = as in the
// city), as a plain table — it reads the same to everyone, screen readers included.
import type { ComparedArea } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';
import { indexTone } from '../audience/chart';

const TIERS = ['none', 'bronze', 'silver', 'gold'] as const;

export function CompareIndices({ areas }: { areas: ComparedArea[] }) {
  const { t, locale } = useI18n();
  const cell = (key: string, index: number | null | undefined) => (
    <td key={key} className="compare-indices__value" data-tone={indexTone(index ?? null)}>
      {index == null ? t('audience.city.noIndex') : formatNumber(locale, index)}
    </td>
  );
  return (
    <figure className="bar-chart compare-indices" data-metric="indices">
      <figcaption className="bar-chart__title">{t('compare.city.title')}</figcaption>
      <table className="compare-indices__table">
        <thead>
          <tr>
            <th scope="col">{t('compare.area')}</th>
            {TIERS.map((tier) => (
              <th scope="col" key={tier}>
                {t(`tier.${tier}`)}
              </th>
            ))}
            <th scope="col">{t('compare.city.lapsed')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.id} data-area={area.id}>
              <th scope="row" title={area.name}>
                {area.name}
              </th>
              {TIERS.map((tier) =>
                cell(tier, area.loyaltyTiers.find((b) => b.key === tier)?.index),
              )}
              {cell('lapsed', area.lapsedIndex)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted compare-mix__legend">{t('compare.city.legend')}</p>
    </figure>
  );
}
