// Legends drawn from the same tokens and shapes as the map layers.
import { numberFormat, useI18n } from '../../i18n';
import { CLUSTER_STEPS } from '../../map/layers';
import { eventCategories } from '../../map/event-categories';
import { EventMark } from './EventMark';
import { BrandMark } from './BrandMark';
import { useBrandStyles } from './brand-styles';

export function StoreLegend() {
  const styles = useBrandStyles();
  if (!styles.length) return null;
  return (
    <ul className="legend legend--brands">
      {styles.map((style) => (
        <li key={style.brand}>
          <BrandMark style={style} />
          <span>{style.brand}</span>
        </li>
      ))}
    </ul>
  );
}

const tiers = ['none', 'bronze', 'silver', 'gold'] as const;

export function CustomerLegend() {
  const { t, locale } = useI18n();
  const nf = numberFormat(locale);
  const sizes = [
    { className: 'legend-cluster--s', label: `< ${nf.format(CLUSTER_STEPS[0])}` },
    { className: 'legend-cluster--m', label: `< ${nf.format(CLUSTER_STEPS[1])}` },
    { className: 'legend-cluster--l', label: `≥ ${nf.format(CLUSTER_STEPS[1])}` },
  ];
  return (
    <div className="legend">
      <ul className="legend__row legend__clusters">
        {sizes.map((s) => (
          <li key={s.className}>
            <span className={`legend-cluster ${s.className}`} aria-hidden="true" />
            <span>{s.label}</span>
          </li>
        ))}
      </ul>
      <div className="legend__row legend__tiers">
        <span className="legend-dots" aria-hidden="true">
          {tiers.map((tier) => (
            <span
              key={tier}
              className={`legend-dot legend-dot--${tier}`}
              title={t(`tier.${tier}`)}
            />
          ))}
        </span>
        <span>{t('legend.tiers', { lowest: t('tier.none'), highest: t('tier.gold') })}</span>
      </div>
    </div>
  );
}

export function HeatmapLegend() {
  const { t } = useI18n();
  return (
    <div className="legend">
      <div className="legend-ramp" role="img" aria-label={t('legend.customers.scale')} />
      <div className="legend-ramp__labels" aria-hidden="true">
        <span>{t('legend.customers.few')}</span>
        <span>{t('legend.customers.many')}</span>
      </div>
    </div>
  );
}

export function BoundaryLegend() {
  const { t } = useI18n();
  return (
    <div className="legend legend__row">
      <span className="legend-outline" aria-hidden="true" />
      <span>{t('legend.boundaries')}</span>
    </div>
  );
}

/** One badge per event category, the same shapes the events layer draws. */
export function EventLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend legend--brands legend--events">
      {eventCategories.map((category) => (
        <li key={category}>
          <EventMark category={category} size={20} />
          <span>{t(`data.eventCategory.${category}` as const)}</span>
        </li>
      ))}
    </ul>
  );
}
