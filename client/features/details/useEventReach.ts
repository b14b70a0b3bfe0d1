// Fetches an event's reach for the Details panel; a new radius (debounced while the slider moves) cancels the last request.
import { useEffect, useState } from 'react';
import { getEvent, getEventReach } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { EventFeature, EventReach, Segment } from '../../api/contract';
import { useAppStore } from '../../store';
import { reportError } from '../toast/report';

export type ReachState =
  { status: 'loading' } | { status: 'ready'; reach: EventReach } | { status: 'error' };

const DEBOUNCE_MS = 150;

/** `key` changes when the event moves (a new version), so its reach is counted again; so does a new segment. */
export function useEventReach(
  id: string,
  within: { meters: number; walkMinutes: number | null },
  segment: Segment,
  key: number,
): ReachState {
  const withinMeters = within.meters;
  const walkMinutes = within.walkMinutes;
  const [state, setState] = useState<{ ask: string; value: ReachState }>({
    ask: '',
    value: { status: 'loading' },
  });
  // New data (an import committed) is asked about again.
  const dataVersion = useAppStore((s) => s.dataVersion);
  const ask = `${id}|${withinMeters}|${walkMinutes}|${key}|${JSON.stringify(segment)}|${dataVersion}`;
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getEventReach(id, { meters: withinMeters, walkMinutes }, segment, {
        signal: controller.signal,
      })
        .then((reach) => {
          setState({ ask, value: { status: 'ready', reach } });
          // A walk has no shape the client can draw itself: the map draws the one the server counted over.
          useAppStore.getState().setEventReachArea(walkMinutes === null ? null : reach.geometry);
        })
        .catch((error: unknown) => {
          if (isAbort(error)) return;
          setState({ ask, value: { status: 'error' } });
          reportError(useAppStore, error);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `ask` stands for id, radius, version and segment (a new segment object with the same filters asks nothing new).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask]);
  // While the next answer is on its way, the last one stays (the numbers change in place, no flicker).
  return state.value.status === 'ready' || state.ask === ask ? state.value : { status: 'loading' };
}

export type EventState =
  { status: 'loading' } | { status: 'ready'; event: EventFeature } | { status: 'missing' };

/** The selected event: from the loaded range, or fetched by id (a link to an event outside the range). */
export function useEvent(id: string): EventState {
  const loaded = useAppStore((s) => s.events.data?.features.find((f) => f.id === id));
  const [fetched, setFetched] = useState<{ id: string; state: EventState } | null>(null);
  useEffect(() => {
    if (loaded) return;
    const controller = new AbortController();
    getEvent(id, { signal: controller.signal })
      .then((event) => setFetched({ id, state: { status: 'ready', event } }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setFetched({ id, state: { status: 'missing' } });
      });
    return () => controller.abort();
  }, [id, loaded]);
  if (loaded) return { status: 'ready', event: loaded };
  return fetched?.id === id ? fetched.state : { status: 'loading' };
}
