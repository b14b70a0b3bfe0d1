// Travel-time areas in the client: ask the server for a preview (from a store, an event or a clicked point), show it
// in its panel and on the map, change mode or minutes, and save it as an area (kind isochrone) or discard it.
import { createArea } from '../../api/areas';
import { previewIsochrone } from '../../api/travel';
import { translatorFor } from '../../i18n';
import { bboxOf } from '../../map/geometry';
import type { AppStore } from '../../store';
import { record, snapshotOf } from '../../store/history';
import { TRAVEL_ID, type TravelRequest } from '../../store/slices/travel';
import { reportError } from '../toast/report';
import { areaPalette, pickColor } from '../areas/colors';
import { uniqueName } from '../areas/unique-name';

export const TRAVEL_MINUTES = [5, 10, 15, 20, 25, 30] as const;
export const DEFAULT_TRAVEL = { mode: 'walk', minutes: 15 } as const;

let inFlight: AbortController | null = null;

/** Shows the travel-time area for a request: its panel at once, the polygon when the server answers. */
export async function showTravel(store: AppStore, request: TravelRequest): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const { travel, setTravel, select, setTravelPicking } = store.getState();
  setTravelPicking(false);
  setTravel({ request, status: 'loading', preview: travel?.preview ?? null });
  select({ kind: 'travel', id: TRAVEL_ID });
  const { mode, minutes, origin, storeId, eventId } = request;
  try {
    const preview = await previewIsochrone(
      { mode, minutes, ...(storeId ? { storeId } : eventId ? { eventId } : { origin }) },
      { signal: controller.signal },
    );
    if (inFlight !== controller) return;
    store.getState().setTravel({ request, status: 'ready', preview });
    store.getState().flyTo({ bbox: bboxOf(preview.geometry), reveal: true });
  } catch (error) {
    if (controller.signal.aborted) return;
    store.getState().setTravel({ request, status: 'error', preview: null });
    reportError(store, error);
  }
}

/** Another mode or number of minutes for the travel-time area being previewed. */
export function changeTravel(
  store: AppStore,
  change: Partial<Pick<TravelRequest, 'mode' | 'minutes'>>,
): void {
  const travel = store.getState().travel;
  if (travel) void showTravel(store, { ...travel.request, ...change });
}

/** Drops the preview; the store or event it started from is selected again. */
export function discardTravel(store: AppStore): void {
  inFlight?.abort();
  const { travel, setTravel, select } = store.getState();
  setTravel(null);
  const from = travel?.request;
  select(
    from?.storeId
      ? { kind: 'store', id: from.storeId }
      : from?.eventId
        ? { kind: 'event', id: from.eventId }
        : null,
  );
}

/** "15 min walk from Kiezkaffee Mitte", unique among the saved areas. */
export function travelName(store: AppStore, request: TravelRequest): string {
  const { locale, areas } = store.getState();
  const t = translatorFor(locale);
  const how = t(`travel.name.${request.mode}`, { minutes: request.minutes });
  const name = request.originName ? t('travel.name.from', { how, place: request.originName }) : how;
  return uniqueName(
    name,
    (areas.data?.features ?? []).map((f) => f.properties.name),
  );
}

/** Saves the preview as an isochrone area (its parameters; the server draws the same polygon) and selects it. */
export async function saveTravel(store: AppStore): Promise<boolean> {
  const travel = store.getState().travel;
  const preview = travel?.preview;
  if (!travel || !preview || travel.status !== 'ready') return false;
  const { request } = travel;
  const used = (store.getState().areas.data?.features ?? []).map((f) => f.properties.color);
  try {
    const saved = await createArea({
      kind: 'isochrone',
      name: travelName(store, request),
      color: pickColor(used, areaPalette()),
      params: {
        isochrone: {
          mode: preview.properties.mode,
          minutes: preview.properties.minutes,
          origin: preview.properties.origin,
        },
        ...(request.storeId ? { storeId: request.storeId } : {}),
        ...(request.eventId ? { eventId: request.eventId } : {}),
      },
    });
    const state = store.getState();
    state.putAreas([saved]);
    state.setHistory(record(state.history, { type: 'create', areas: [snapshotOf(saved)] }));
    state.setTravel(null);
    state.select({ kind: 'area', id: saved.properties.id });
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}

/** The Travel time tool: drawing stops, and the next click on the map is where the trip starts. */
export function startTravelPicking(store: AppStore): void {
  const { setTool, setTravelPicking, travelPicking } = store.getState();
  setTool('select');
  setTravelPicking(!travelPicking);
}

/** The click of the Travel time tool: a preview from that point, in the mode and minutes last chosen. */
export function travelFromPoint(store: AppStore, origin: [number, number]): void {
  const last = store.getState().travel?.request;
  void showTravel(store, {
    mode: last?.mode ?? DEFAULT_TRAVEL.mode,
    minutes: last?.minutes ?? DEFAULT_TRAVEL.minutes,
    origin,
    originName: null,
  });
}
