// Which breakdown charts the audience panel shows, in what order, and how each bucket key is worded.
import type { AudienceBreakdown } from '../../../server/domain/schemas/audience';
import {
  genders,
  loyaltyTiers,
  type Gender,
  type LoyaltyTier,
} from '../../../server/domain/schemas/customer';
import { dataLabel } from '../../i18n/data-labels';
import type { Translate } from '../../i18n/types';
import { chartRows, type ChartRow } from './chart';

/**
 * A band key from the API in words: `<18` → "Under 18", `25-34` → "25–34", `65+` → "65+", `unknown` → "Unknown".
 * `unit` picks the day-count wording for the lapsed buckets.
 */
export function bandLabel(key: string, t: Translate, unit: 'years' | 'days'): string {
  if (key === 'unknown') return t('audience.band.unknown');
  if (key === 'never') return t('audience.band.never');
  const below = /^<(\d+)$/.exec(key);
  if (below)
    return t(unit === 'days' ? 'audience.band.underDays' : 'audience.band.under', {
      value: Number(below[1]),
    });
  const range = /^(\d+)-(\d+)$/.exec(key);
  if (range)
    return t(unit === 'days' ? 'audience.band.rangeDays' : 'audience.band.range', {
      from: Number(range[1]),
      to: Number(range[2]),
    });
  const above = /^(\d+)\+$/.exec(key);
  if (above)
    return t(unit === 'days' ? 'audience.band.overDays' : 'audience.band.over', {
      value: Number(above[1]),
    });
  return key;
}

const isGender = (key: string): key is Gender => (genders as readonly string[]).includes(key);
const isTier = (key: string): key is LoyaltyTier =>
  (loyaltyTiers as readonly string[]).includes(key);

export interface BreakdownChart {
  id: keyof AudienceBreakdown;
  title: string;
  rows: ChartRow[];
  tone: 'accent' | 'tier';
}

/** The charts for an audience, in reading order: who they are, how loyal, how recent, then what they do and like. */
export function breakdownCharts(
  breakdown: AudienceBreakdown,
  total: number | null,
  t: Translate,
  minGroupSize?: number,
): BreakdownChart[] {
  const chart = (
    id: keyof AudienceBreakdown,
    title: `audience.chart.${keyof AudienceBreakdown}`,
    labelFor: (key: string) => string,
    { tone = 'accent', hideEmpty = false }: { tone?: 'accent' | 'tier'; hideEmpty?: boolean } = {},
  ): BreakdownChart => ({
    id,
    title: t(title),
    rows: chartRows(breakdown[id], { total, labelFor, hideEmpty, minGroupSize }),
    tone,
  });
  return [
    // Bands are kept even when empty: a gap in the ages is itself worth seeing.
    chart('ageBands', 'audience.chart.ageBands', (k) => bandLabel(k, t, 'years'), {
      hideEmpty: false,
    }),
    chart('genders', 'audience.chart.genders', (k) => (isGender(k) ? t(`gender.${k}`) : k), {
      hideEmpty: true,
    }),
    chart('loyaltyTiers', 'audience.chart.loyaltyTiers', (k) => (isTier(k) ? t(`tier.${k}`) : k), {
      tone: 'tier',
    }),
    chart('lapsed', 'audience.chart.lapsed', (k) => bandLabel(k, t, 'days')),
    chart('jobTitles', 'audience.chart.jobTitles', (k) => dataLabel(t, 'job', k), {
      hideEmpty: true,
    }),
    chart('industries', 'audience.chart.industries', (k) => dataLabel(t, 'industry', k), {
      hideEmpty: true,
    }),
    chart('interests', 'audience.chart.interests', (k) => dataLabel(t, 'interest', k), {
      hideEmpty: true,
    }),
  ];
}
