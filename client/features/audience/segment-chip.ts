// The words of the segment chip ("Segment: Gold, 25–44"): the figures beside it are narrowed to this segment. Short
// on purpose; segmentSummary gives the full phrases for its tooltip.
import type { Segment } from '../../../server/domain/schemas/segment';
import { formatMoney } from '../../i18n/format';
import { dataLabel } from '../../i18n/data-labels';
import { behaviourSummary } from './behaviour-summary';
import type { Translate } from '../../i18n/types';
import type { SummaryOptions } from './segment-summary';

/** At most this many values of one field are named; the rest are counted ("Nurse or Teacher +3"). */
const NAMED = 2;

const lists = new Map<string, Intl.ListFormat>();
function listFormat(locale: string, type: Intl.ListFormatType): Intl.ListFormat {
  const key = `${locale}|${type}`;
  let format = lists.get(key);
  if (!format) lists.set(key, (format = new Intl.ListFormat(locale, { type, style: 'short' })));
  return format;
}

/** The values of one field: any of them matches, so they are joined with "or". */
function anyOf(items: readonly string[], t: Translate, locale: string): string {
  const named = listFormat(locale, 'disjunction').format(items.slice(0, NAMED));
  return items.length > NAMED
    ? t('segment.summary.more', { items: named, count: items.length - NAMED })
    : named;
}

/**
 * One short phrase per active field, categories first: tiers, genders, then the age range and the rest.
 * @example segmentChipParts({ ageMin: 25, ageMax: 44, loyaltyTiers: ['gold'] }, options) // ['Gold', '25–44']
 */
export function segmentChipParts(
  segment: Segment,
  { t, locale, currency, storeName }: SummaryOptions,
): string[] {
  const parts: string[] = [];
  const list = (items: readonly string[]) => anyOf(items, t, locale);
  if (segment.loyaltyTiers?.length)
    parts.push(list(segment.loyaltyTiers.map((x) => t(`tier.${x}`))));
  if (segment.genders?.length) parts.push(list(segment.genders.map((g) => t(`gender.${g}`))));
  const { ageMin, ageMax, minSpend, maxSpend } = segment;
  if (ageMin != null && ageMax != null)
    parts.push(t('segment.chip.age', { from: ageMin, to: ageMax }));
  else if (ageMin != null) parts.push(t('segment.summary.ageFrom', { from: ageMin }));
  else if (ageMax != null) parts.push(t('segment.summary.ageTo', { to: ageMax }));
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
    parts.push(list(segment.jobTitles.map((v) => dataLabel(t, 'job', v))));
  if (segment.industries?.length)
    parts.push(list(segment.industries.map((v) => dataLabel(t, 'industry', v))));
  if (segment.interests?.length)
    parts.push(list(segment.interests.map((v) => dataLabel(t, 'interest', v))));
  if (segment.storeIds?.length)
    parts.push(
      t('segment.summary.stores', {
        items: list(segment.storeIds.map((id) => storeName?.(id) ?? id)),
      }),
    );
  if (segment.consentedOnly) parts.push(t('segment.summary.consented'));
  parts.push(...behaviourSummary(segment, { t, money }));
  return parts;
}

/**
 * The chip's text, or null when the segment filters nothing.
 * @example segmentChipText({ ageMin: 25, ageMax: 44, loyaltyTiers: ['gold'] }, options) // 'Segment: Gold, 25–44'
 */
export function segmentChipText(segment: Segment, options: SummaryOptions): string | null {
  const parts = segmentChipParts(segment, options);
  if (parts.length === 0) return null;
  return options.t('segment.chip', {
    filters: listFormat(options.locale, 'unit').format(parts),
  });
}
