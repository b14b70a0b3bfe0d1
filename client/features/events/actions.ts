// What the events panel does: load the chosen date range, select an event, and place an unplaced one on the map.
import {
  getEventFeeds,
  getEvents,
  importEventFeed,
  importEvents,
  stopEventFeed,
  syncEventFeed,
  updateEvent,
} from '../../api/client';
import { formatProblem, ProblemError } from '../../api/problem';
import { aroundCircle } from '../../map/camera-targets';
import type { Translate } from '../../i18n/types';
import type { EventFeed, EventImportResult } from '../../api/contract';
import type { AppStore } from '../../store';
import { can } from '../../store/slices/session';
import { reportError } from '../toast/report';
import { rangeFor } from './timeline';

/** The time zone the timeline's days and ranges are counted in: the viewer's own. */
export const viewerTimeZone = (): string =>
  Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

let latest = 0;

/**
 * Loads the events of the chosen range (for roles that may read them); an answer to an older request (the range
 * changed since) is dropped. A refresh (after an import or a sync) keeps the list on screen until the answer comes:
 * showing "Loading…" would unmount the panel's forms and the button that has focus.
 */
export async function loadEvents(
  store: AppStore,
  at: Date = new Date(),
  { refresh = false } = {},
): Promise<void> {
  // A role without events:read has no Events panel and asks nothing (the server would refuse).
  if (!can(store.getState().me, 'events:read')) return;
  const request = ++latest;
  const { setEvents, eventRange, events } = store.getState();
  if (!(refresh && events.status === 'ready'))
    setEvents({ status: 'loading', data: null, error: null });
  try {
    const data = await getEvents(rangeFor(eventRange, at, viewerTimeZone()));
    if (request === latest) setEvents({ status: 'ready', data, error: null });
  } catch (error) {
    if (request !== latest) return;
    setEvents({
      status: 'error',
      data: null,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    reportError(store, error);
  }
}

const eventById = (store: AppStore, id: string) =>
  store.getState().events.data?.features.find((f) => f.id === id);

/** Selects an event and, when it has a place, fits the map to its reach and the streets around it. */
export function showEvent(store: AppStore, id: string): void {
  const state = store.getState();
  state.select({ kind: 'event', id });
  const event = eventById(store, id);
  if (event?.geometry)
    state.flyTo(
      aroundCircle({
        center: event.geometry.coordinates as [number, number],
        radiusMeters: state.eventReachMeters,
      }),
    );
}

/** Sets an event's place with the version it was loaded at (a stale one answers 409 and the list reloads). */
export async function placeEvent(
  store: AppStore,
  id: string,
  lngLat: [number, number],
): Promise<void> {
  const event = eventById(store, id);
  store.getState().setPlacingEvent(null);
  if (!event) return;
  try {
    const placed = await updateEvent(id, {
      version: event.properties.version,
      location: { type: 'Point', coordinates: lngLat },
    });
    store.getState().putEvent(placed);
    store.getState().select({ kind: 'event', id });
  } catch (error) {
    reportError(store, error);
    void loadEvents(store);
  }
}

/**
 * Imports a calendar file: the panel shows progress, then the summary and the reloaded events; a file the server
 * refuses (422, nothing imported) shows its errors, each naming a line; other failures go to the toast as well.
 */
export function importCalendar(
  store: AppStore,
  file: { name: string; text: () => Promise<string> },
  t: Translate,
): Promise<void> {
  return runImport(store, file.name, async () => importEvents(await file.text()), t);
}

/** The host a feed URL names, for the panel's messages (the full URL may carry a secret token); the text itself when unreadable. */
export function feedLabel(url: string): string {
  try {
    return new URL(url.trim().replace(/^webcals?:/i, 'https:')).host || url;
  } catch {
    return url.trim();
  }
}

/** Imports a calendar feed by URL (the server fetches it); same progress, summary and errors as a file. */
export async function importFeed(
  store: AppStore,
  url: string,
  keepInSync: boolean,
  t: Translate,
): Promise<void> {
  await runImport(store, feedLabel(url), () => importEventFeed(url.trim(), keepInSync), t);
  if (keepInSync) await loadEventFeeds(store);
}

/** Loads the kept feeds, for roles that may import (the server refuses the rest). */
export async function loadEventFeeds(store: AppStore): Promise<void> {
  if (!can(store.getState().me, 'events:write')) return;
  const { setEventFeeds } = store.getState();
  if (store.getState().eventFeeds.status !== 'ready')
    setEventFeeds({ status: 'loading', data: null, error: null });
  try {
    setEventFeeds({ status: 'ready', data: (await getEventFeeds()).feeds, error: null });
  } catch (error) {
    setEventFeeds({
      status: 'error',
      data: null,
      error: error instanceof Error ? error : new Error(String(error)),
    });
  }
}

/**
 * Fetches a kept feed now. The feed's row shows what happened: the summary, or the failure the server recorded
 * (its answer carries the feed with lastError), so only unexpected failures also go to the toast.
 */
export async function syncFeedNow(store: AppStore, id: string, t: Translate): Promise<void> {
  // The last import's message is about another action; the sync reports in the toast and on the feed's row.
  if (store.getState().eventImport.status !== 'running')
    store.getState().setEventImport({ status: 'idle' });
  try {
    const { feed, summary } = await syncEventFeed(id);
    store.getState().putEventFeed(feed);
    store.getState().pushToast({
      tone: 'info',
      title: t('nav.events.feeds.synced'),
      detail: t('nav.events.feeds.summary', summary),
    });
    await loadEvents(store, new Date(), { refresh: true });
  } catch (error) {
    const feed =
      error instanceof ProblemError ? (error.problem as { feed?: EventFeed }).feed : undefined;
    if (feed) store.getState().putEventFeed(feed);
    else reportError(store, error);
    if (error instanceof ProblemError && error.status === 404) await loadEventFeeds(store);
  }
}

/** Stops keeping a feed in sync; its events stay in the list. */
export async function stopFeed(store: AppStore, id: string): Promise<void> {
  try {
    await stopEventFeed(id);
  } catch (error) {
    if (!(error instanceof ProblemError && error.status === 404)) reportError(store, error);
  }
  await loadEventFeeds(store);
}

async function runImport(
  store: AppStore,
  label: string,
  send: () => Promise<EventImportResult>,
  t: Translate,
): Promise<void> {
  const { setEventImport } = store.getState();
  if (
    !can(store.getState().me, 'events:write') ||
    store.getState().eventImport.status === 'running'
  )
    return;
  setEventImport({ status: 'running', fileName: label });
  try {
    const result = await send();
    setEventImport({ status: 'done', fileName: label, result });
    await loadEvents(store, new Date(), { refresh: true });
  } catch (error) {
    const { title, detail, fields } = formatProblem(error, t);
    // A calendar refused line by line is said as such, its lines listed below.
    const byLine = fields.some((f) => /^body\.line\.\d+$/.test(f.field));
    const reason = byLine ? t('nav.events.import.hasErrors') : detail || title;
    setEventImport({ status: 'error', fileName: label, title: reason, errors: fields });
    // Shown in the panel already: a refused calendar (422) and a feed that could not be fetched (naming body.url).
    const shown =
      error instanceof ProblemError &&
      (error.status === 422 || fields.some((f) => f.field === 'body.url'));
    if (!shown) reportError(store, error);
  }
}
