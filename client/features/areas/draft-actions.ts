// The draft: an unsaved shape (or a saved area being edited) shown in the Details panel until Save or Discard.
import turfDistance from '@turf/distance';
import type { Polygon } from 'geojson';
import { createArea, patchArea } from '../../api/areas';
import { ProblemError } from '../../api/problem';
import { circlePolygon, clampRadius, type CircleParams } from '../../draw/circle';
import { asSchemaPolygon, draftGeometry } from '../../draw/draft-shape';
import { translatorFor } from '../../i18n';
import type { AppStore } from '../../store';
import { record, snapshotOf } from '../../store/history';
import { DRAFT_ID, type Draft, type DraftShape } from '../../store/slices/areas';
import { reportError } from '../toast/report';
import { areaPalette, pickColor } from './colors';
import { formatDistance } from './format';
import { bboxOf } from '../../map/geometry';
import { uniqueName } from './unique-name';

function defaultName(
  store: AppStore,
  shape: DraftShape,
  circle: CircleParams | null,
  storeName: string | null = null,
  /** The area being edited, whose own name does not count as taken. */
  areaId: string | null = null,
): string {
  const { locale, areas, config } = store.getState();
  const t = translatorFor(locale);
  const distance = formatDistance(
    locale,
    circle?.radiusMeters ?? 0,
    config.data?.workspace.distanceUnits,
  );
  const name =
    shape === 'circle' && storeName
      ? t('areas.draft.aroundStore', { distance, store: storeName })
      : shape === 'circle'
        ? t('areas.draft.name.circle', { distance })
        : t(`areas.draft.name.${shape}`);
  const taken = (areas.data?.features ?? [])
    .filter((f) => f.properties.id !== areaId)
    .map((f) => f.properties.name);
  return uniqueName(name, taken);
}

function show(store: AppStore, draft: Draft) {
  const { setDraft, select, setTool } = store.getState();
  setDraft(draft);
  setTool('select');
  select({ kind: 'draft', id: DRAFT_ID });
}

/** Undo of a discard: the draft is back, in its panel and on the map where it was. */
export function showDraft(store: AppStore, draft: Draft): void {
  show(store, draft);
  store.getState().flyTo({ bbox: bboxOf(draft.geometry), reveal: true });
}

/** A shape was just finished on the map: it becomes the draft (replacing an earlier unsaved one). */
export function draftFromShape(store: AppStore, shape: DraftShape, polygon: Polygon): void {
  const { geometry, circle } = draftGeometry(shape, polygon);
  const storeName = circle ? storeAt(store, circle) : null;
  show(store, {
    areaId: null,
    version: null,
    shape,
    geometry,
    circle,
    name: defaultName(store, shape, circle, storeName),
    named: false,
    storeName,
    color: null,
  });
  // The panel that opens for the draft may cover where it was drawn: bring it back into the free part of the map.
  store.getState().flyTo({ bbox: bboxOf(geometry), reveal: true });
}

/** The store a circle was drawn around: the nearest one within a quarter of the radius (at most 100 m) of its centre. */
function storeAt(store: AppStore, circle: CircleParams): string | null {
  const reach = Math.min(100, circle.radiusMeters / 4);
  let best: { name: string; meters: number } | null = null;
  for (const f of store.getState().stores.data?.features ?? []) {
    const meters = turfDistance(circle.center, f.geometry.coordinates as [number, number], {
      units: 'meters',
    });
    if (meters <= reach && (!best || meters < best.meters))
      best = { name: f.properties.name, meters };
  }
  return best?.name ?? null;
}

/** The draft was edited on the map (vertex moved, circle resized or moved, undo/redo of that). */
export function updateDraftShape(store: AppStore, polygon: Polygon): void {
  const { draft, setDraft } = store.getState();
  if (!draft) return;
  setDraft(renamed(store, { ...draft, ...draftGeometry(draft.shape, polygon) }));
}

/** A name the user has not typed follows the radius. */
function renamed(store: AppStore, draft: Draft): Draft {
  return draft.named || draft.areaId
    ? draft
    : { ...draft, name: defaultName(store, draft.shape, draft.circle, draft.storeName) };
}

/** A circle draft around a point; with `storeName`, a store's "Target around this store". */
export function startCircleDraft(
  store: AppStore,
  circle: CircleParams,
  storeName: string | null = null,
): void {
  const geometry = asSchemaPolygon(circlePolygon(circle));
  const name = defaultName(store, 'circle', circle, storeName);
  show(store, {
    areaId: null,
    version: null,
    shape: 'circle',
    geometry,
    circle,
    name,
    named: false,
    storeName,
    color: null,
  });
}

/** Typed or preset radius: the circle follows (the bridge pushes it into terra-draw). */
export function setDraftRadius(store: AppStore, meters: number): void {
  const { draft, setDraft } = store.getState();
  if (!draft?.circle) return;
  const circle = { ...draft.circle, radiusMeters: clampRadius(meters) };
  setDraft(renamed(store, { ...draft, circle, geometry: asSchemaPolygon(circlePolygon(circle)) }));
}

export function setDraftName(store: AppStore, name: string): void {
  const { draft, setDraft } = store.getState();
  if (draft) setDraft({ ...draft, name, named: name.trim() !== '' });
}

/** Drops the draft; an edited area goes back to being selected as it was. Ctrl+Z brings the draft back. */
export function discardDraft(store: AppStore): void {
  const { draft, history, setHistory } = store.getState();
  if (!draft) return;
  setHistory(record(history, { type: 'discardDraft', draft }));
  dropDraft(store);
}

/** Drops the draft without a history entry (a redo of a discard). */
export function dropDraft(store: AppStore): void {
  const { draft, setDraft, select } = store.getState();
  if (!draft) return;
  setDraft(null);
  select(draft.areaId ? { kind: 'area', id: draft.areaId } : null);
}

/** Loads a saved area into terra-draw's select mode for editing (Polygon areas; radius areas as circles). */
export function editAreaGeometry(store: AppStore, id: string): void {
  const area = store.getState().areas.data?.features.find((f) => f.properties.id === id);
  if (!area || area.geometry.type !== 'Polygon') return;
  const p = area.properties;
  const circle =
    p.kind === 'radius' && p.params.center && p.params.radiusMeters
      ? {
          center: [p.params.center[0], p.params.center[1]] as [number, number],
          radiusMeters: p.params.radiusMeters,
        }
      : null;
  show(store, {
    areaId: id,
    version: p.version,
    shape: circle ? 'circle' : 'polygon',
    geometry: area.geometry,
    circle,
    name: p.name,
    named: true,
    storeName: null,
    color: p.color,
  });
}

export type SaveOutcome = 'saved' | 'conflict' | 'failed';

/** Saves the draft: a new area (radius areas as centre + radius), or a PATCH of the edited one with its version. */
export async function saveDraft(store: AppStore): Promise<SaveOutcome> {
  const { draft } = store.getState();
  if (!draft) return 'failed';
  const name =
    draft.name.trim() ||
    defaultName(store, draft.shape, draft.circle, draft.storeName, draft.areaId);
  const shape = draft.circle
    ? { params: { center: draft.circle.center, radiusMeters: draft.circle.radiusMeters } }
    : { geometry: draft.geometry };
  try {
    if (draft.areaId) {
      const before = store
        .getState()
        .areas.data?.features.find((f) => f.properties.id === draft.areaId);
      const params =
        draft.circle && before ? { ...before.properties.params, ...shape.params } : undefined;
      const saved = await patchArea(draft.areaId, {
        version: draft.version ?? 1,
        name,
        ...(params ? { params } : { geometry: draft.geometry }),
      });
      store.getState().putAreas([saved]);
      if (before)
        store.getState().setHistory(
          record(store.getState().history, {
            type: 'update',
            before: snapshotOf(before),
            after: snapshotOf(saved),
          }),
        );
      finish(store, saved.properties.id);
    } else {
      const used = (store.getState().areas.data?.features ?? []).map((f) => f.properties.color);
      const color = draft.color ?? pickColor(used, areaPalette());
      const saved = await createArea({
        name,
        kind: draft.circle ? 'radius' : 'polygon',
        color,
        params: {},
        ...shape,
      });
      store.getState().putAreas([saved]);
      store
        .getState()
        .setHistory(
          record(store.getState().history, { type: 'create', areas: [snapshotOf(saved)] }),
        );
      finish(store, saved.properties.id);
    }
    return 'saved';
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) return 'conflict';
    reportError(store, error);
    return 'failed';
  }
}

function finish(store: AppStore, id: string) {
  store.getState().setDraft(null);
  store.getState().select({ kind: 'area', id });
}
