// Triggers and the reasons an offer was live, in words with their units ("Rain ≥ 1 mm/h for 2 h", "Mon–Fri
// 07:00–11:00"), in the user's language: the evaluator's structured fields (observed, threshold, unit) are worded
// here, its English `detail` is only the last resort.
import type { Reason, Trigger } from '../../api/contract';
import {
  defaultClearMaxCloudPct,
  weatherThresholds,
  type WeatherCondition,
} from '../../../server/domain/schemas/campaign';
import { dateTimeFormat, formatNumber } from '../../i18n/format';
import { formatDistance, formatMeasure, type UnitPreferences } from '../../i18n/units';
import { dataLabel } from '../../i18n/data-labels';
import type { Translate } from '../../i18n/types';

export interface WordingOptions {
  t: Translate;
  locale: string;
  /** The workspace's display units; thresholds are stored in SI. Metric and °C when absent. */
  units?: UnitPreferences;
  /** An event's name for its id; the id when unknown. */
  eventName?: (id: string) => string | undefined;
}

/** Short weekday names in the locale, ISO order (1 = Monday at index 0). */
export function weekdayNames(locale: string): string[] {
  const format = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}

/**
 * ISO weekdays as runs: [1, 2, 3, 4, 5, 7] → 'Mon–Fri, Sun'.
 * @example formatDays([1, 2, 3, 4, 5], 'en') // 'Mon–Fri'
 */
export function formatDays(days: readonly number[], locale: string): string {
  const names = weekdayNames(locale);
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = names[sorted[i]! - 1]!;
    const to = names[sorted[j]! - 1]!;
    runs.push(j - i >= 2 ? `${from}–${to}` : j > i ? `${from}, ${to}` : from);
    i = j + 1;
  }
  return runs.join(', ');
}

const num = (locale: string, n: number) => formatNumber(locale, n, { maximumFractionDigits: 2 });

/** "≥ 1 mm/h" style: the comparison a condition makes against its threshold. */
function comparison(condition: WeatherCondition): string {
  return condition === 'temperature_below' || condition === 'clear' ? '≤' : '≥';
}

/**
 * A trigger in words.
 * @example describeTrigger({ type: 'weather', condition: 'rain', threshold: 1, sustainedHours: 2 }, { t, locale: 'en' })
 * // 'Rain ≥ 1 mm/h, for 2 h in a row'
 */
export function describeTrigger(
  trigger: Trigger,
  { t, locale, eventName, units }: WordingOptions,
): string {
  if (trigger.type === 'weather') {
    const { unit } = weatherThresholds[trigger.condition];
    // Clear sky without a threshold means the default most cloud cover.
    const threshold =
      trigger.threshold ?? (trigger.condition === 'clear' ? defaultClearMaxCloudPct : undefined);
    const parts = [t(`campaigns.condition.${trigger.condition}`)];
    if (threshold !== undefined)
      parts[0] += ` ${comparison(trigger.condition)} ${formatMeasure(locale, threshold, unit, units)}`;
    if (trigger.sustainedHours)
      parts.push(t('campaigns.trigger.sustained', { hours: trigger.sustainedHours }));
    if (trigger.withinHours)
      parts.push(t('campaigns.trigger.within', { hours: trigger.withinHours }));
    return parts.join(', ');
  }
  if (trigger.type === 'event') {
    const what = trigger.eventId
      ? (eventName?.(trigger.eventId) ?? trigger.eventId)
      : t('campaigns.trigger.category', {
          category: dataLabel(t, 'eventCategory', trigger.category ?? ''),
        });
    return t('campaigns.trigger.event', {
      what,
      distance: formatDistance(locale, trigger.withinMeters, units?.distance),
      before: trigger.beforeMinutes,
      after: trigger.afterMinutes,
    });
  }
  return `${formatDays(trigger.daysOfWeek, locale)} ${trigger.from}–${trigger.to}`;
}

/**
 * Why an offer was live, in words: the observed value against the threshold for weather and events, the local time
 * for schedules, the campaign's window otherwise.
 * @example describeReason({ type: 'weather', condition: 'rain', observed: 2.5, threshold: 1, unit: 'mm/h' }, { t, locale: 'en' })
 * // 'Rain 2.5 mm/h ≥ 1 mm/h'
 */
export function describeReason(reason: Reason, { t, locale, units }: WordingOptions): string {
  const value = (v: number | string | null | undefined) =>
    typeof v === 'number' ? num(locale, v) : (v ?? '');
  const unit = 'unit' in reason && reason.unit ? ` ${reason.unit}` : '';
  if (reason.type === 'weather' && reason.condition && typeof reason.observed === 'number') {
    const condition = reason.condition as WeatherCondition;
    const sign =
      reason.holds === false ? (comparison(condition) === '≥' ? '<' : '>') : comparison(condition);
    const measure = (v: number | string | null | undefined) =>
      typeof v === 'number' && reason.unit
        ? formatMeasure(locale, v, reason.unit, units)
        : `${value(v)}${unit}`;
    return `${t(`campaigns.condition.${condition}`)} ${measure(reason.observed)} ${sign} ${measure(reason.threshold)}`;
  }
  if (reason.type === 'event' && typeof reason.observed === 'number') {
    const distance = (v: number | string | null | undefined) =>
      typeof v === 'number' ? formatDistance(locale, v, units?.distance) : value(v);
    return t('campaigns.reason.event', {
      name: reason.eventName ?? '',
      distance: distance(reason.observed),
      within: distance(reason.threshold),
    });
  }
  if (reason.type === 'schedule' && reason.observed != null)
    return t('campaigns.reason.schedule', {
      observed: value(reason.observed),
      window: value(reason.threshold),
    });
  if (reason.type === 'window') return t('campaigns.reason.window');
  return reason.detail ?? reason.type;
}
