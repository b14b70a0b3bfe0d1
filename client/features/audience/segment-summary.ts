// One short phrase per active segment filter ("Age 25–40", "Gold, Silver", "Lapsed ≥ 60 days") for the summary line.
import type { Segment } from '../../../server/domain/schemas/segment';
import { formatMoney } from '../../i18n/format';
import { dataLabel } from '../../i18n/data-labels';
import type { Translate } from '../../i18n/types';
import { behaviourSummary } from './behaviour-summary';

export interface SummaryOptions {
  t: Translate;
  locale: string;
  currency: string;
  /** A store's name for its id (home-store filter); the id itself when unknown. */
  storeName?: (id: string) => string | undefined;
}

/** At most this many values are named; the rest are counted ("Nurse, Teacher +3"). */
const NAMED = 2;

function listPhrase(items: readonly string[], t: Translate): string {
  const named = items.slice(0, NAMED).join(', ');
  return items.length > NAMED
    ? t('segment.summary.more', { items: named, count: items.length - NAMED })
    : named;
}

/**
 * @example segmentSummary({ ageMin: 25, ageMax: 40, loyaltyTiers: ['gold'] }, { t, locale: 'en', currency: 'EUR' })
 * // ['Age 25–40', 'Gold']
 */
export function segmentSummary(
  segment: Segment,
  { t, locale, currency, storeName }: SummaryOptions,
): string[] {
  const parts: string[] = [];
  const { ageMin, ageMax, minSpend, maxSpend } = segment;
  if (ageMin != null && ageMax != null)
    parts.push(t('segment.summary.age', { from: ageMin, to: ageMax }));
  else if (ageMin != null) parts.push(t('segment.summary.ageFrom', { from: ageMin }));
  else if (ageMax != null) parts.push(t('segment.summary.ageTo', { to: ageMax }));
  if (segment.genders?.length)
    parts.push(
      listPhrase(
        segment.genders.map((g) => t(`gender.${g}`)),
        t,
      ),
    );
  if (segment.loyaltyTiers?.length)
    parts.push(
      listPhrase(
        segment.loyaltyTiers.map((tier) => t(`tier.${tier}`)),
        t,
      ),
    );
  if (segment.lapsedDays != null)
    parts.push(t('segment.summary.lapsed', { count: segment.lapsedDays }));
  if (segment.activeWithinDays != null)
    parts.push(t('segment.summary.active', { count: segment.activeWithinDays }));
  const money = (value: number) => formatMoney(locale, value, currency);
  if (minSpend != null && maxSpend != null)
    parts.push(t('segment.summary.spend', { min: money(minSpend), max: money(maxSpend) }));
  else if (minSpend != null) parts.push(t('segment.summary.spendFrom', { min: money(minSpend) }));
  else if (maxSpend != null) parts.push(t('segment.summary.spendTo', { max: money(maxSpend) }));
  if (segment.jobTitles?.length)
    parts.push(
      t('segment.summary.jobTitles', {
        items: listPhrase(
          segment.jobTitles.map((v) => dataLabel(t, 'job', v)),
          t,
        ),
      }),
    );
  if (segment.industries?.length)
    parts.push(
      t('segment.summary.industries', {
        items: listPhrase(
          segment.industries.map((v) => dataLabel(t, 'industry', v)),
          t,
        ),
      }),
    );
  if (segment.interests?.length)
    parts.push(
      t('segment.summary.interests', {
        items: listPhrase(
          segment.interests.map((v) => dataLabel(t, 'interest', v)),
          t,
        ),
      }),
    );
  if (segment.storeIds?.length) {
    parts.push(
      t('segment.summary.stores', {
        items: listPhrase(
          segment.storeIds.map((id) => storeName?.(id) ?? id),
          t,
        ),
      }),
    );
  }
  if (segment.consentedOnly) parts.push(t('segment.summary.consented'));
  parts.push(...behaviourSummary(segment, { t, money }));
  return parts;
}
