// Details of a store: brand, franchisee, address, opening date and attractiveness.
import type { StoreFeature } from '../../api/contract';
import { formatDate, formatNumber, formatRelativeDate, useI18n } from '../../i18n';
import { BrandMark } from '../layers/BrandMark';
import { useBrandStyle } from '../layers/brand-styles';
import { DetailList } from '../../ui/DetailList';

function Attractiveness({ value, label }: { value: number; label: string }) {
  return (
    <span className="rating" role="img" aria-label={label}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span
          key={i}
          className={i <= value ? 'rating__dot rating__dot--on' : 'rating__dot'}
          aria-hidden="true"
        />
      ))}
      <span className="rating__text" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}

export function StoreDetails({ store }: { store: StoreFeature }) {
  const { t, locale } = useI18n();
  const p = store.properties;
  const style = useBrandStyle(p.brand);
  const opened = p.opened ? (
    <>
      {formatDate(locale, p.opened, 'long')}{' '}
      <span className="muted">({formatRelativeDate(locale, p.opened, new Date())})</span>
    </>
  ) : null;
  return (
    <DetailList
      rows={[
        {
          label: t('details.store.homeCustomers'),
          value: formatNumber(locale, p.homeCustomers),
          figure: true,
        },
        {
          label: t('details.store.brand'),
          value: (
            <span className="with-mark">
              <BrandMark style={style} />
              {p.brand}
            </span>
          ),
        },
        { label: t('details.store.franchisee'), value: p.franchisee },
        { label: t('details.store.address'), value: p.address },
        { label: t('details.store.opened'), value: opened },
        {
          label: t('details.store.attractiveness'),
          value: (
            <Attractiveness
              value={p.attractiveness}
              label={t('details.store.attractivenessValue', { value: p.attractiveness })}
            />
          ),
        },
      ]}
    />
  );
}
