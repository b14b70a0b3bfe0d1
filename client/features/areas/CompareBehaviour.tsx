// Buying behaviour of the compared areas over a chosen window: conversion, 30-day retention and sales growth as
// bars of their index against the compared set's average (100 = average), each labelled with its value and index.
import type { AreaComparison } from '../../api/contract';
import { formatDate, formatNumber, useI18n } from '../../i18n';
import { CompareBars } from './CompareBars';

export const COMPARE_WINDOWS = [30, 90, 180, 365] as const;
type Figure = 'conversion' | 'retention' | 'growth';
const FIGURES: Figure[] = ['conversion', 'retention', 'growth'];

export function CompareWindowPicker({
  days,
  onChange,
}: {
  days: number;
  onChange: (days: number) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="measures__pick">
      <span>{t('compare.window.label')}</span>
      <select value={days} onChange={(e) => onChange(Number(e.target.value))} data-compare-window>
        {COMPARE_WINDOWS.map((d) => (
          <option key={d} value={d}>
            {t('compare.window.option', { count: d })}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CompareBehaviour({ comparison }: { comparison: AreaComparison }) {
  const { t, locale } = useI18n();
  const w = comparison.window;
  const percent = (v: number) =>
    formatNumber(locale, v, { style: 'percent', maximumFractionDigits: 1 });
  // Null is a hidden small group for aggregate roles; otherwise there is nothing to compute yet (no buyer old enough
  // for retention, no purchases before for growth).
  const missing =
    comparison.minGroupSize === undefined ? t('compare.noData') : t('audience.hiddenValue');
  const value = (f: Figure, v: number | null) =>
    v === null ? missing : f === 'growth' ? `${v >= 0 ? '+' : ''}${percent(v)}` : percent(v);
  return (
    <>
      <p className="muted">
        {t('compare.window.range', {
          from: formatDate(locale, w.from),
          to: formatDate(locale, w.to),
          beforeFrom: formatDate(locale, w.beforeFrom),
          beforeTo: formatDate(locale, w.beforeTo),
        })}
      </p>
      {FIGURES.map((f) => (
        <CompareBars
          key={f}
          metric={f}
          title={t(`compare.metric.${f}`)}
          bars={comparison.areas.map((a) => {
            const index = a.behaviour[`${f}Index`];
            return {
              id: a.id,
              label: a.name,
              color: a.color,
              value: index,
              text:
                a.behaviour[f] === null
                  ? missing
                  : t('compare.withIndex', {
                      value: value(f, a.behaviour[f]),
                      index:
                        index === null
                          ? '–'
                          : formatNumber(locale, index, { maximumFractionDigits: 0 }),
                    }),
            };
          })}
        />
      ))}
    </>
  );
}
