// Events of a date range as a timeline grouped by day, with a range and category filter and, for writers, "New
// event"; events that need a place come first, each with a "Place on map" action (the next map click sets its
// place, see map/interactions).
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { isSelected } from '../../store/selectors';
import { loadEvents, showEvent, viewerTimeZone } from '../events/actions';
import { formatDay, formatEventTime, formatStartTime } from '../events/format';
import { StateMessage } from '../../ui/StateMessage';
import { categoriesOf, groupByDay } from '../events/timeline';
import { rangePresets } from '../../store/slices/events';
import { EventMark } from '../layers/EventMark';
import { EventImport, EventImportDrop } from '../events/EventImport';
import { NEW_EVENT_BUTTON_ID } from '../events/EventFormDialog';
import { openEventForm } from '../events/form-actions';
import { ariaKeyShortcuts } from '../../app/shortcuts';
import { categoryLabel } from '../events/category-label';
import type { EventFeature } from '../../api/contract';
import { ListItem } from '../../ui/ListItem';
import { ListSection } from '../../ui/ListSection';

function EventRow({ event }: { event: EventFeature }) {
  const { t, locale } = useI18n();
  const selected = useAppStore((s) => isSelected(s.selection, 'event', event.id));
  const p = event.properties;
  return (
    <ListItem selected={selected} onClick={() => showEvent(useAppStore, event.id)}>
      <span className="item__label with-mark">
        <EventMark category={p.category} />
        {p.name}
      </span>
      <span className="item__meta">
        {p.allDay ? t('nav.events.allDay') : formatStartTime(locale, p)}
        {p.locationText ? ` · ${p.locationText}` : ''}
      </span>
    </ListItem>
  );
}

function Filters() {
  const { t } = useI18n();
  const range = useAppStore((s) => s.eventRange);
  const setRange = useAppStore((s) => s.setEventRange);
  const category = useAppStore((s) => s.eventCategory);
  const setCategory = useAppStore((s) => s.setEventCategory);
  const features = useAppStore((s) => s.events.data?.features);
  const categories = useMemo(() => categoriesOf(features ?? []), [features]);
  return (
    <div className="event-filters">
      <div className="event-filters__range" role="group" aria-label={t('nav.events.range')}>
        {rangePresets.map((preset) => (
          <button
            key={preset}
            type="button"
            className="chip-button"
            aria-pressed={range === preset}
            onClick={() => setRange(preset)}
          >
            {t(`nav.events.range.${preset}` as const)}
          </button>
        ))}
      </div>
      <label className="event-filters__category">
        <span className="visually-hidden">{t('nav.events.category')}</span>
        <select
          className="field__input"
          value={category ?? ''}
          onChange={(e) => setCategory(e.target.value || null)}
        >
          <option value="">{t('nav.events.category.all')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(t, c)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function EventList() {
  const { t, locale } = useI18n();
  const resource = useAppStore((s) => s.events);
  const range = useAppStore((s) => s.eventRange);
  const category = useAppStore((s) => s.eventCategory);
  const mayRead = useAppStore((s) => can(s.me, 'events:read'));
  const mayPlace = useAppStore((s) => can(s.me, 'events:write'));
  const setPlacing = useAppStore((s) => s.setPlacingEvent);
  const startCompare = useAppStore((s) => s.startSiteCompare);
  const selection = useAppStore((s) => s.selection);
  const timeline = useMemo(
    () => groupByDay(resource.data?.features ?? [], viewerTimeZone(), category),
    [resource.data, category],
  );
  const total =
    timeline.unplaced.length + timeline.days.reduce((sum, d) => sum + d.events.length, 0);

  // The first load comes with the workspace (app/load-data); a new range loads again.
  const loaded = resource.status !== 'idle';
  useEffect(() => {
    if (loaded) void loadEvents(useAppStore);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of range reloads
  }, [range]);

  if (!mayRead) return null;
  return (
    <EventImportDrop>
      <ListSection
        title={t('nav.events.title')}
        count={resource.status === 'ready' ? t('nav.events.count', { count: total }) : undefined}
        resource={resource}
        isEmpty={false}
        messages={{
          loading: t('nav.events.loading'),
          empty: t('nav.events.empty'),
          error: t('nav.events.error'),
        }}
        onRetry={() => void loadEvents(useAppStore)}
      >
        <Filters />
        <EventImport />
        <div className="event-actions">
          {mayPlace && (
            <button
              type="button"
              id={NEW_EVENT_BUTTON_ID}
              className="button button--primary button--small"
              data-action="new-event"
              aria-keyshortcuts={ariaKeyShortcuts('newEvent')}
              title={`${t('events.new')} (E)`}
              onClick={() => openEventForm(useAppStore)}
            >
              {t('events.new')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            data-action="compare-sites"
            onClick={() => startCompare()}
          >
            {t('sites.start')}
          </button>
        </div>
        {total === 0 && <StateMessage tone="empty">{t('nav.events.empty')}</StateMessage>}
        {timeline.unplaced.length > 0 && (
          <div className="list-group" data-group="needs-place">
            <h3 className="list-group__title">{t('nav.events.needsPlace')}</h3>
            <ul className="item-list">
              {timeline.unplaced.map((event) => (
                <li className="event-unplaced" key={event.id}>
                  <button
                    type="button"
                    className="item"
                    aria-current={isSelected(selection, 'event', event.id) ? 'true' : undefined}
                    onClick={() => showEvent(useAppStore, event.id)}
                  >
                    <span className="item__label with-mark">
                      <EventMark category={event.properties.category} />
                      {event.properties.name}
                    </span>
                    <span className="item__meta">
                      {event.properties.locationText || formatEventTime(locale, event.properties)}
                    </span>
                  </button>
                  {mayPlace && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('nav.events.placeLabel', { name: event.properties.name })}
                      onClick={() => setPlacing(event.id)}
                    >
                      {t('nav.events.place')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {timeline.days.map((day) => (
          <div className="list-group" key={day.day} data-day={day.day}>
            <h3 className="list-group__title">{formatDay(locale, day.day)}</h3>
            <ul className="item-list">
              {day.events.map((event) => (
                <EventRow key={event.id} event={event} />
              ))}
            </ul>
          </div>
        ))}
      </ListSection>
    </EventImportDrop>
  );
}
