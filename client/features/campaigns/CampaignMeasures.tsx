// The measures a campaign is judged by, treated against held out: conversion, retention after 30/60/90 days, sales
// growth against the period before and revenue per customer, each with the lift's 95 % interval and what it allows
// one to say ("no conclusion yet" and why). A picker shows one area's or one home store's part instead of the whole.
import { Fragment, useState } from 'react';
import type { CampaignMeasures as Measures, Lift, MeasuredGroup } from '../../api/contract';
import { formatDate, formatMoney, formatNumber, useI18n } from '../../i18n';
import { useCurrency } from '../audience/useFacets';
import { liftFigure, liftVerdict, type LiftUnit } from './lift-text';

interface Row {
  key: string;
  label: string;
  treated: string;
  holdout: string;
  lift: Lift | null;
  unit: LiftUnit;
}

export function CampaignMeasures({ measures }: { measures: Measures }) {
  const { t, locale } = useI18n();
  const currency = useCurrency();
  const groups = new Map<string, MeasuredGroup>([
    ['all', measures.overall],
    ...measures.byArea.map((g) => [`area:${g.key}`, g] as const),
    ...measures.byStore.map((g) => [`store:${g.key}`, g] as const),
  ]);
  const [key, setKey] = useState('all');
  const group = groups.get(key) ?? measures.overall;
  const percent = (v: number | null) =>
    v === null ? '—' : formatNumber(locale, v, { style: 'percent', maximumFractionDigits: 1 });
  const money = (v: number | null) => (v === null ? '—' : formatMoney(locale, v, currency));
  const growth = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${percent(v)}`);
  const rows = (g: MeasuredGroup): Row[] => [
    {
      key: 'conversion',
      label: t('campaignMeasures.conversion', { days: measures.window.conversionDays }),
      treated: percent(g.treated.conversion),
      holdout: percent(g.holdout.conversion),
      lift: g.lift.conversion,
      unit: 'points',
    },
    ...g.lift.retention.map((r, i): Row => ({
      key: `retention${r.days}`,
      label: t('campaignMeasures.retention', { days: r.days }),
      treated: percent(g.treated.retention[i]?.rate ?? null),
      holdout: percent(g.holdout.retention[i]?.rate ?? null),
      lift: r.lift,
      unit: 'points',
    })),
    {
      key: 'revenuePerCustomer',
      label: t('campaignMeasures.revenuePerCustomer'),
      treated: money(g.treated.revenuePerCustomer),
      holdout: money(g.holdout.revenuePerCustomer),
      lift: g.lift.revenuePerCustomer,
      unit: 'money',
    },
  ];
  const w = measures.window;
  const totals = measures.totals;
  return (
    <section className="measures" data-measures>
      <p className="muted measures__window">
        {t('campaignMeasures.window', {
          from: formatDate(locale, w.from),
          to: formatDate(locale, w.to),
          beforeFrom: formatDate(locale, w.beforeFrom),
          beforeTo: formatDate(locale, w.beforeTo),
        })}
      </p>
      {groups.size > 1 && (
        <label className="measures__pick">
          <span>{t('campaignMeasures.part')}</span>
          <select value={key} onChange={(e) => setKey(e.target.value)}>
            <option value="all">{t('campaignMeasures.whole')}</option>
            {measures.byArea.map((g) => (
              <option key={`a${g.key}`} value={`area:${g.key}`}>
                {t('campaignMeasures.area', { name: g.name ?? g.key })}
              </option>
            ))}
            {measures.byStore.map((g) => (
              <option key={`s${g.key}`} value={`store:${g.key}`}>
                {g.key === ''
                  ? t('campaignMeasures.noStore')
                  : t('campaignMeasures.store', { name: g.name ?? g.key })}
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="measures__table">
        <caption className="visually-hidden">{t('campaignMeasures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('campaignMeasures.measure')}</th>
            <th scope="col">
              {t('campaignMeasures.treated', {
                count:
                  group.treated.customers === null
                    ? '—'
                    : formatNumber(locale, group.treated.customers),
              })}
            </th>
            <th scope="col">
              {t('campaignMeasures.holdout', {
                count:
                  group.holdout.customers === null
                    ? '—'
                    : formatNumber(locale, group.holdout.customers),
              })}
            </th>
            <th scope="col">{t('campaignMeasures.lift')}</th>
          </tr>
        </thead>
        <tbody>
          {rows(group).map((r) => {
            const figure = r.lift ? liftFigure(r.lift, r.unit, locale, currency) : null;
            const conclusion = r.lift?.conclusion ?? 'hidden';
            // The interval and the verdict get a line of their own under the figures: a side panel is narrow.
            return (
              <Fragment key={r.key}>
                <tr data-measure={r.key} data-conclusion={conclusion}>
                  <th scope="row">{r.label}</th>
                  <td>{r.treated}</td>
                  <td>{r.holdout}</td>
                  <td>
                    {figure === null
                      ? '—'
                      : r.unit === 'points'
                        ? t('campaignMeasures.points', { value: figure.value })
                        : figure.value}
                  </td>
                </tr>
                <tr
                  className="measures__verdict-row"
                  data-verdict={r.key}
                  data-conclusion={conclusion}
                >
                  <td colSpan={4}>
                    {figure && (
                      <span className="measures__interval">
                        {t('campaignMeasures.interval', { interval: figure.interval })}
                      </span>
                    )}
                    <span className="measures__verdict">
                      {liftVerdict(r.lift, t, measures.minConclusiveGroup)}
                    </span>
                  </td>
                </tr>
              </Fragment>
            );
          })}
          <tr data-measure="growth">
            <th scope="row">{t('campaignMeasures.growth')}</th>
            <td>{growth(group.treated.growth)}</td>
            <td>{growth(group.holdout.growth)}</td>
            <td>
              {group.lift.growthPoints === null
                ? '—'
                : t('campaignMeasures.points', {
                    value: `${group.lift.growthPoints < 0 ? '−' : '+'}${formatNumber(locale, Math.abs(group.lift.growthPoints) * 100, { maximumFractionDigits: 1 })}`,
                  })}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {totals.purchases === null
          ? t('campaignMeasures.totalsHidden')
          : t('campaignMeasures.totals', {
              purchases: formatNumber(locale, totals.purchases),
              revenue: money(totals.revenue),
              unlinked: totals.unlinked === null ? '—' : formatNumber(locale, totals.unlinked),
            })}
      </p>
    </section>
  );
}
