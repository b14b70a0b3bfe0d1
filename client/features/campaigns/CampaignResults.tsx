// What a campaign achieved: its audience (treated and held out), how long its offer was live, the codes redeemed and
// their revenue and conversion — with redemptions per day as bars — then the measures from purchases (treated against
// held out, with the lift's interval) and the audience's purchases over time.
import { useEffect, useId, useState } from 'react';
import { getCampaignResults } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { CampaignResults as Results } from '../../api/contract';
import { formatMoney, formatNumber, useI18n } from '../../i18n';
import { StateMessage } from '../../ui/StateMessage';
import { formatCount } from '../audience/hidden-counts';
import { useCurrency } from '../audience/useFacets';
import { distinctFraction } from '../../format/distinct-digits';
import { PurchaseTrends } from '../trends/PurchaseTrends';
import { CampaignMeasures } from './CampaignMeasures';

type State = { status: 'loading' } | { status: 'ready'; results: Results } | { status: 'error' };

function useResults(id: string, key: number): State {
  const [state, setState] = useState<{ key: string; value: State }>({
    key: '',
    value: { status: 'loading' },
  });
  const ask = `${id}@${key}`;
  useEffect(() => {
    const controller = new AbortController();
    getCampaignResults(id, { signal: controller.signal })
      .then((results) => setState({ key: ask, value: { status: 'ready', results } }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ key: ask, value: { status: 'error' } });
      });
    return () => controller.abort();
  }, [id, ask]);
  return state.key === ask ? state.value : { status: 'loading' };
}

/** `version` changes when the campaign does, so its results are read again. */
export function CampaignResults({ campaignId, version }: { campaignId: string; version: number }) {
  const { t, locale } = useI18n();
  const currency = useCurrency();
  const headingId = useId();
  const state = useResults(campaignId, version);
  let body;
  if (state.status === 'loading')
    body = <StateMessage tone="loading">{t('campaignResults.loading')}</StateMessage>;
  else if (state.status === 'error')
    body = <StateMessage tone="error">{t('campaignResults.error')}</StateMessage>;
  else {
    const r = state.results;
    const k = r.minGroupSize;
    // Conversion and lift side by side: the same decimals, enough to tell them apart and to show a small rate.
    const fraction = distinctFraction([r.conversionRate], { scale: 100, max: 2 });
    const percent = (value: number | null) =>
      value === null ? '—' : formatNumber(locale, value, { style: 'percent', ...fraction });
    const figures: { key: string; label: string; value: string; note?: string }[] = [
      {
        key: 'audience',
        label: t('campaignResults.audience'),
        value: formatCount(locale, r.audience.count, k, t),
        note: t('campaignResults.consented', {
          count: formatCount(locale, r.audience.consented, k, t),
        }),
      },
      {
        key: 'liveHours',
        label: t('campaignResults.liveHours'),
        value: formatNumber(locale, r.activations.liveHours, { maximumFractionDigits: 1 }),
        note: t('campaignResults.activations', { count: r.activations.count }),
      },
      {
        key: 'redemptions',
        label: t('campaignResults.redemptions'),
        value: formatCount(locale, r.redemptions.count, k, t),
      },
      {
        key: 'revenue',
        label: t('campaignResults.revenue'),
        value:
          r.redemptions.revenue === null
            ? '—'
            : formatMoney(locale, r.redemptions.revenue, currency),
      },
      {
        key: 'conversion',
        label: t('campaignResults.conversion'),
        value: percent(r.conversionRate),
      },
      {
        key: 'holdout',
        label: t('campaignResults.heldOut'),
        value: formatCount(locale, r.holdout.customers, k, t),
        note:
          r.holdout.percent > 0
            ? t('campaignResults.holdoutShare', {
                percent: formatNumber(locale, r.holdout.percent),
              })
            : t('campaignResults.noHoldout'),
      },
    ];
    const most = Math.max(1, ...r.redemptions.byDay.map((d) => d.count));
    // Aggregate roles: days (or all redemptions) of fewer than k people are left out, and the chart says so.
    const shownByDay = r.redemptions.byDay.reduce((sum, d) => sum + d.count, 0);
    const hiddenDays =
      k !== undefined && (r.redemptions.count === null || shownByDay < r.redemptions.count);
    body = (
      <>
        <dl className="audience-figures campaign-results__figures">
          {figures.map((f) => (
            <div className="audience-figure" key={f.key} data-result={f.key}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
              {f.note && <dd className="audience-figure__note">{f.note}</dd>}
            </div>
          ))}
        </dl>
        {r.redemptions.byDay.length > 0 ? (
          <figure className="campaign-results__days">
            <figcaption>{t('campaignResults.byDay')}</figcaption>
            <ol className="campaign-results__bars">
              {r.redemptions.byDay.map((d) => (
                <li
                  key={d.day}
                  title={`${d.day}: ${formatNumber(locale, d.count)} · ${formatMoney(locale, d.revenue, currency)}`}
                >
                  <span
                    className="campaign-results__bar"
                    style={{ blockSize: `${Math.max(4, (d.count / most) * 100)}%` }}
                  />
                  <span className="visually-hidden">{`${d.day}: ${d.count}`}</span>
                </li>
              ))}
            </ol>
          </figure>
        ) : (
          r.redemptions.count === 0 && <p className="muted">{t('campaignResults.noRedemptions')}</p>
        )}
        <CampaignMeasures measures={r.measures} />
        {hiddenDays && (
          <p className="muted">
            {t('campaignResults.smallDaysHidden', { k: formatNumber(locale, k ?? 0) })}
          </p>
        )}
      </>
    );
  }
  return (
    <section
      className="campaign-results"
      aria-labelledby={headingId}
      aria-busy={state.status === 'loading'}
    >
      <h3 className="audience__title" id={headingId}>
        {t('campaignResults.title')}
      </h3>
      {body}
      <PurchaseTrends of="campaign" id={campaignId} version={version} />
    </section>
  );
}
