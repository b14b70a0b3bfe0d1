// Purchases over time for a campaign's audience or an area's customers: the weekly chart with live periods shaded,
// then retention by month of first purchase. Read again when `version` changes.
import { useEffect, useId, useState } from 'react';
import { getAreaTrends, getCampaignTrends } from '../../api/client';
import type { Trends } from '../../api/contract';
import { isAbort } from '../../api/problem';
import { useI18n } from '../../i18n';
import { StateMessage } from '../../ui/StateMessage';
import { CohortTable } from './CohortTable';
import { WeeklyTrend } from './WeeklyTrend';

type State = { status: 'loading' } | { status: 'ready'; trends: Trends } | { status: 'error' };

export function PurchaseTrends({
  of,
  id,
  version,
}: {
  of: 'campaign' | 'area';
  id: string;
  version: number;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const ask = `${of}:${id}@${version}`;
  const [state, setState] = useState<{ ask: string; value: State }>({
    ask: '',
    value: { status: 'loading' },
  });
  useEffect(() => {
    const controller = new AbortController();
    const load = of === 'campaign' ? getCampaignTrends : getAreaTrends;
    load(id, { signal: controller.signal })
      .then((trends) => setState({ ask, value: { status: 'ready', trends } }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ ask, value: { status: 'error' } });
      });
    return () => controller.abort();
  }, [of, id, ask]);
  const current = state.ask === ask ? state.value : { status: 'loading' as const };
  return (
    <section
      className="trends"
      aria-labelledby={headingId}
      aria-busy={current.status === 'loading'}
    >
      <h3 className="audience__title" id={headingId}>
        {t('trends.title')}
      </h3>
      {current.status === 'loading' && (
        <StateMessage tone="loading">{t('trends.loading')}</StateMessage>
      )}
      {current.status === 'error' && <StateMessage tone="error">{t('trends.error')}</StateMessage>}
      {current.status === 'ready' && (
        <>
          <WeeklyTrend trends={current.trends} />
          <CohortTable
            cohorts={current.trends.cohorts}
            minGroupSize={current.trends.minGroupSize}
          />
        </>
      )}
    </section>
  );
}
