// Details of an event: category, local start–end in its time zone, attendance, status, and its reach within a
// radius; writers edit it (the event form, prefilled) or delete it (asked first).
import type { EventFeature } from '../../api/contract';
import { formatDistance, formatNumber, numberFormat, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { StateMessage } from '../../ui/StateMessage';
import { formatCount } from '../audience/hidden-counts';
import { formatEventTime } from '../events/format';
import { EventMark } from '../layers/EventMark';
import { categoryLabel } from '../events/category-label';
import { BarChart } from '../audience/BarChart';
import { breakdownCharts } from '../audience/breakdowns';
import { SegmentBuilder } from '../audience/SegmentBuilder';
import { openEventForm, removeEvent } from '../events/form-actions';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DetailList } from '../../ui/DetailList';
import { EventOffers } from '../campaigns/EventOffers';
import { useEventReach } from './useEventReach';
import { SegmentChip } from '../audience/SegmentChip';
import { DEFAULT_TRAVEL, TRAVEL_MINUTES } from '../travel/travel-actions';
import { TravelButton } from '../travel/TravelButton';

export const REACH_MIN_M = 200;
export const REACH_MAX_M = 2000;

function Reach({ event }: { event: EventFeature }) {
  const { t, locale, units } = useI18n();
  const meters = useAppStore((s) => s.eventReachMeters);
  const setMeters = useAppStore((s) => s.setEventReachMeters);
  const walkMinutes = useAppStore((s) => s.eventReachWalkMinutes);
  const setWalkMinutes = useAppStore((s) => s.setEventReachWalkMinutes);
  const segment = useAppStore((s) => s.segment);
  const state = useEventReach(event.id, { meters, walkMinutes }, segment, event.properties.version);
  const distance = (m: number) => formatDistance(locale, m, units.distance);
  const metersText = distance(meters);
  let body;
  if (state.status === 'loading')
    body = <StateMessage tone="loading">{t('details.event.reachLoading')}</StateMessage>;
  else if (state.status === 'error')
    body = <StateMessage tone="error">{t('details.event.reachError')}</StateMessage>;
  else {
    const { reach } = state;
    const k = reach.minGroupSize;
    body = (
      <>
        <DetailList
          rows={[
            {
              label:
                reach.walkMinutes === undefined
                  ? t('details.event.count', { distance: distance(reach.withinMeters) })
                  : t('details.event.countWalk', { minutes: reach.walkMinutes }),
              value: <span data-reach="count">{formatCount(locale, reach.count, k, t)}</span>,
              figure: true,
            },
            {
              label: t('details.event.consented'),
              value: (
                <span data-reach="consented">{formatCount(locale, reach.consented, k, t)}</span>
              ),
              figure: true,
            },
            {
              label: t('details.event.nearestStores'),
              value: reach.nearestStores.length ? (
                <ol className="event-reach__stores">
                  {reach.nearestStores.map((s) => (
                    <li key={s.id}>
                      {/* Isolated: after a Latin name, the distance's digits would join its run in RTL. */}
                      <bdi>{s.name}</bdi>{' '}
                      <span className="muted">({distance(s.distanceMeters)})</span>
                    </li>
                  ))}
                </ol>
              ) : null,
            },
            { label: t('details.event.areas'), value: reach.areas.map((a) => a.name).join(', ') },
          ]}
        />
        {reach.count !== 0 && (
          <div className="audience-charts" data-reach="charts">
            {breakdownCharts(reach.breakdown, reach.count, t, k).map((chart) => (
              <BarChart
                key={chart.id}
                title={chart.title}
                rows={chart.rows}
                tone={chart.tone}
                minGroupSize={k}
              />
            ))}
          </div>
        )}
      </>
    );
  }
  return (
    <section className="event-reach" aria-labelledby="event-reach-title">
      <h3 className="audience__title" id="event-reach-title">
        {t('details.event.reach')}
      </h3>
      <SegmentChip />
      <label className="event-reach__radius">
        <span>{t('details.event.reachBy')}</span>
        <select
          className="field__input"
          data-field="reach-by"
          value={walkMinutes === null ? 'meters' : 'walk'}
          onChange={(e) =>
            setWalkMinutes(e.target.value === 'walk' ? DEFAULT_TRAVEL.minutes : null)
          }
        >
          <option value="meters">{t('details.event.reachBy.meters')}</option>
          <option value="walk">{t('details.event.reachBy.walk')}</option>
        </select>
      </label>
      {walkMinutes === null ? (
        <label className="event-reach__radius">
          <span>{t('details.event.radius')}</span>
          <input
            type="range"
            min={REACH_MIN_M}
            max={REACH_MAX_M}
            step={50}
            value={meters}
            aria-valuetext={metersText}
            onChange={(e) => setMeters(Number(e.target.value))}
          />
          <output>{metersText}</output>
        </label>
      ) : (
        <label className="event-reach__radius">
          <span>{t('travel.minutes')}</span>
          <select
            className="field__input"
            data-field="reach-walk-minutes"
            value={walkMinutes}
            onChange={(e) => setWalkMinutes(Number(e.target.value))}
          >
            {TRAVEL_MINUTES.map((m) => (
              <option key={m} value={m}>
                {numberFormat(locale, { style: 'unit', unit: 'minute' }).format(m)}
              </option>
            ))}
          </select>
        </label>
      )}
      <SegmentBuilder />
      {body}
    </section>
  );
}

export function EventDetails({ event }: { event: EventFeature }) {
  const { t, locale } = useI18n();
  const p = event.properties;
  const mayPlace = useAppStore((s) => can(s.me, 'events:write'));
  const setPlacing = useAppStore((s) => s.setPlacingEvent);
  return (
    <>
      <DetailList
        rows={[
          {
            label: t('details.event.category'),
            value: (
              <span className="with-mark">
                <EventMark category={p.category} />
                {categoryLabel(t, p.category)}
              </span>
            ),
          },
          {
            label: t('details.event.when'),
            value: <span data-event="when">{formatEventTime(locale, p)}</span>,
          },
          {
            label: t('details.event.attendance'),
            value:
              p.expectedAttendance === null ? null : formatNumber(locale, p.expectedAttendance),
            figure: true,
          },
          {
            label: t('details.event.status'),
            value: p.status ? t(`details.event.status.${p.status}` as const) : null,
          },
          { label: t('details.event.location'), value: p.locationText },
          { label: t('details.event.notes'), value: p.notes },
        ]}
      />
      {event.geometry ? (
        <>
          <Reach event={event} />
          <div className="form-actions">
            <TravelButton from={{ eventId: event.id, name: p.name }} />
          </div>
        </>
      ) : (
        <StateMessage
          tone="empty"
          action={
            mayPlace
              ? { label: t('nav.events.place'), onClick: () => setPlacing(event.id) }
              : undefined
          }
        >
          {t('details.event.needsPlace')}
        </StateMessage>
      )}
      <EventOffers event={event} />
      {mayPlace && (
        <div className="form-actions event-details__actions">
          <button
            type="button"
            className="button button--secondary"
            data-action="edit-event"
            onClick={() => openEventForm(useAppStore, event)}
          >
            {t('events.edit')}
          </button>
          <ConfirmButton
            label={t('events.delete')}
            question={t('events.deleteQuestion', { name: p.name })}
            confirmLabel={t('events.deleteConfirm')}
            onConfirm={() => void removeEvent(useAppStore, event)}
          />
        </div>
      )}
    </>
  );
}
