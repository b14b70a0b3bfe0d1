// Details of a customer: every attribute, formatted with Intl; marketing consent shown plainly.
import { showOnMap } from '../../app/actions';
import type { CustomerFeature } from '../../api/contract';
import {
  dataLabel,
  formatDate,
  formatMoney,
  formatNumber,
  formatRelativeDate,
  useI18n,
} from '../../i18n';
import { useAppStore } from '../../store';
import { selectStore } from '../../store/selectors';
import { DetailList } from '../../ui/DetailList';

/** The workspace currency is not in /api/config yet; the demo workspace is in Berlin. */
const CURRENCY = 'EUR';

export function ConsentBadge({ consent }: { consent: boolean }) {
  const { t } = useI18n();
  return (
    <p className={consent ? 'consent consent--yes' : 'consent consent--no'}>
      <span className="consent__mark" aria-hidden="true">
        {consent ? '✓' : '✕'}
      </span>
      {consent ? t('details.customer.consentYes') : t('details.customer.consentNo')}
    </p>
  );
}

export function CustomerDetails({ customer }: { customer: CustomerFeature }) {
  const { t, locale } = useI18n();
  const p = customer.properties;
  const homeStore = useAppStore(selectStore(p.homeStoreId ?? ''));
  const lastPurchase = p.lastPurchaseAt ? (
    <>
      {formatDate(locale, p.lastPurchaseAt)}{' '}
      <span className="muted">({formatRelativeDate(locale, p.lastPurchaseAt, new Date())})</span>
    </>
  ) : (
    t('details.customer.none')
  );
  const home = homeStore ? (
    <button
      type="button"
      className="link-button"
      onClick={() => showOnMap(useAppStore, { kind: 'store', id: homeStore.properties.id })}
    >
      {homeStore.properties.name}
    </button>
  ) : (
    (p.homeStoreId ?? t('details.customer.none'))
  );
  return (
    <>
      <ConsentBadge consent={p.consent} />
      <DetailList
        rows={[
          {
            label: t('details.customer.totalSpend'),
            value: formatMoney(locale, p.totalSpend, CURRENCY),
            figure: true,
          },
          {
            label: t('details.customer.visits'),
            value: formatNumber(locale, p.visits),
            figure: true,
          },
          {
            label: t('details.customer.loyaltyTier'),
            value: (
              <span className={`tier tier--${p.loyaltyTier}`}>{t(`tier.${p.loyaltyTier}`)}</span>
            ),
          },
          { label: t('details.customer.lastPurchase'), value: lastPurchase },
          { label: t('details.customer.homeStore'), value: home },
          {
            label: t('details.customer.email'),
            value: p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null,
          },
          {
            label: t('details.customer.phone'),
            value: p.phone ? <a href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</a> : null,
          },
          {
            label: t('details.customer.age'),
            value:
              p.age === null
                ? t('details.customer.unknown')
                : t('details.customer.ageValue', { count: p.age }),
          },
          { label: t('details.customer.gender'), value: t(`gender.${p.gender}`) },
          {
            label: t('details.customer.jobTitle'),
            value: p.jobTitle && dataLabel(t, 'job', p.jobTitle),
          },
          {
            label: t('details.customer.industry'),
            value: p.industry && dataLabel(t, 'industry', p.industry),
          },
          {
            label: t('details.customer.interests'),
            value: p.interests.length ? (
              <ul className="chips">
                {p.interests.map((interest) => (
                  <li key={interest} className="chip">
                    {dataLabel(t, 'interest', interest)}
                  </li>
                ))}
              </ul>
            ) : null,
          },
        ]}
      />
    </>
  );
}
