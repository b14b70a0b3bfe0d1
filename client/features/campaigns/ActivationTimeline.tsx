// When the offer was live: one strip per area over the campaign's window (or a week of a long one, paged back and
// forth), each live interval a bar whose title says when and why. A list under it says the same for screen readers.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { getCampaignActivations } from '../../api/client';
import { ProblemError, isAbort } from '../../api/problem';
import type { Activation, CampaignRecord } from '../../api/contract';
import { dateTimeFormat, type UnitPreferences, useI18n } from '../../i18n';
import type { Translate } from '../../i18n/types';
import { useAppStore } from '../../store';
import { Icon } from '../../ui/Icon';
import { StateMessage } from '../../ui/StateMessage';
import { layoutTimeline, timelineRange } from './activation-timeline';
import { areaName } from './selectors';
import { describeReason } from './trigger-text';

type State =
  { status: 'loading' } | { status: 'ready'; activations: Activation[] } | { status: 'error' };

function useActivations(campaign: CampaignRecord): State {
  const ask = `${campaign.id}@${campaign.version}`;
  const [state, setState] = useState<{ ask: string; value: State }>({
    ask: '',
    value: { status: 'loading' },
  });
  useEffect(() => {
    const controller = new AbortController();
    getCampaignActivations(campaign.id, { signal: controller.signal })
      .then((result) =>
        setState({ ask, value: { status: 'ready', activations: result.activations } }),
      )
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        // The activations route may not exist on this server yet: nothing has been recorded then.
        setState({
          ask,
          value:
            error instanceof ProblemError && error.status === 404
              ? { status: 'ready', activations: [] }
              : { status: 'error' },
        });
      });
    return () => controller.abort();
  }, [campaign.id, ask]);
  return state.ask === ask ? state.value : { status: 'loading' };
}

function intervalText(
  a: Activation,
  c: CampaignRecord,
  { t, locale, units }: { t: Translate; locale: string; units: UnitPreferences },
): string {
  const format = dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: c.timezone,
  });
  const reasons = a.reasons
    .filter((r) => r.type !== 'window')
    .map((r) => describeReason(r, { t, locale, units }));
  return t('campaigns.timeline.interval', {
    from: format.format(new Date(a.startedAt)),
    to: a.endedAt ? format.format(new Date(a.endedAt)) : t('campaigns.timeline.now'),
    reasons: reasons.join('; ') || t('campaigns.reason.window'),
  });
}

export function ActivationTimeline({ campaign }: { campaign: CampaignRecord }) {
  const { t, locale, units } = useI18n();
  const state = useActivations(campaign);
  const names = useAppStore(
    useShallow((s) =>
      Object.fromEntries(campaign.areaIds.map((id) => [id, areaName(s, id) ?? id])),
    ),
  );
  const [now] = useState(() => new Date());
  // A long window is shown a week at a time; 0 is the latest week.
  const [weeksBack, setWeeksBack] = useState(0);
  const range = timelineRange(campaign, now, weeksBack);
  // Short: the two ends of the axis share one line under the strips.
  const format = dateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: campaign.timezone,
  });

  let body;
  if (state.status === 'loading')
    body = <StateMessage tone="loading">{t('campaigns.timeline.loading')}</StateMessage>;
  else if (state.status === 'error')
    body = <StateMessage tone="error">{t('campaigns.timeline.error')}</StateMessage>;
  else {
    const rows = layoutTimeline(state.activations, campaign.areaIds, range, now);
    const any = rows.some((r) => r.bars.length > 0);
    body = (
      <>
        <div className="timeline" aria-hidden="true">
          {rows.map((row) => (
            <div className="timeline__row" key={row.areaId}>
              <span className="timeline__label" title={names[row.areaId] ?? row.areaId}>
                {names[row.areaId] ?? row.areaId}
              </span>
              <span className="timeline__track">
                {row.bars.map((bar) => (
                  <span
                    key={bar.activation.id}
                    className={bar.open ? 'timeline__bar timeline__bar--open' : 'timeline__bar'}
                    style={{ insetInlineStart: `${bar.left}%`, width: `max(${bar.width}%, 3px)` }}
                    title={intervalText(bar.activation, campaign, { t, locale, units })}
                    data-activation={bar.activation.id}
                  />
                ))}
              </span>
            </div>
          ))}
          <div className="timeline__axis">
            <span>{format.format(new Date(range.from))}</span>
            <span>{format.format(new Date(range.to))}</span>
          </div>
        </div>
        {range.earlier || range.later ? (
          <div className="timeline__paging">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!range.earlier}
              onClick={() => setWeeksBack((w) => w + 1)}
              data-page="earlier"
            >
              <Icon name="arrowBack" size={16} />
              {t('campaigns.timeline.earlier')}
            </button>
            {/* The axis shows the period to the eye; this says it, and says it again after a page. */}
            <span className="visually-hidden" aria-live="polite">
              {t('campaigns.timeline.range', {
                from: format.format(new Date(range.from)),
                to: format.format(new Date(range.to)),
              })}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!range.later}
              onClick={() => setWeeksBack((w) => Math.max(0, w - 1))}
              data-page="later"
            >
              {t('campaigns.timeline.later')}
              <Icon name="arrowForward" size={16} />
            </button>
          </div>
        ) : null}
        {any ? (
          <ul className="visually-hidden">
            {rows.flatMap((row) =>
              row.bars.map((bar) => (
                <li
                  key={bar.activation.id}
                >{`${names[row.areaId] ?? row.areaId}: ${intervalText(bar.activation, campaign, { t, locale, units })}`}</li>
              )),
            )}
          </ul>
        ) : (
          <StateMessage tone="empty">{t('campaigns.timeline.empty')}</StateMessage>
        )}
      </>
    );
  }
  return (
    <section className="campaign-section" aria-labelledby="campaign-timeline-title">
      <h3 className="audience__title" id="campaign-timeline-title">
        {t('campaigns.timeline.title')}
      </h3>
      {body}
    </section>
  );
}
