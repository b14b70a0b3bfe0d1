// What the area panels do: load, edit (rename, recolour, radius), delete, combine, rings, territories and
// neighbourhood areas. Each change that is undoable records a history entry (store/history).
import {
  combineAreas,
  createArea,
  deleteArea,
  listAreas,
  makeRings,
  makeTerritories,
  patchArea,
  type AreaFeature,
  type CombineOp,
  type RingsRequest,
} from '../../api/areas';
import { bboxOf } from '../../map/geometry';
import type { AppStore } from '../../store';
import { record, snapshotOf } from '../../store/history';
import { reportError } from '../toast/report';
import { uniqueName } from './unique-name';
import { areaPalette, pickColor } from './colors';

const areaById = (store: AppStore, id: string) =>
  store.getState().areas.data?.features.find((f) => f.properties.id === id);

export async function loadAreas(store: AppStore): Promise<void> {
  const { setAreas } = store.getState();
  setAreas({ status: 'loading', data: null, error: null });
  try {
    setAreas({ status: 'ready', data: await listAreas(), error: null });
  } catch (error) {
    setAreas({
      status: 'error',
      data: null,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    reportError(store, error);
  }
}

/** Selects an area and fits the map to it. */
export function showArea(store: AppStore, id: string): void {
  const area = areaById(store, id);
  store.getState().select({ kind: 'area', id });
  if (area) store.getState().flyTo({ bbox: bboxOf(area.geometry) });
}

/** Fits the map around several areas (territories, rings), selecting the first. */
function showAreas(store: AppStore, areas: AreaFeature[]) {
  if (!areas.length) return;
  store.getState().select({ kind: 'area', id: areas[0]!.properties.id });
  fitAreas(store, areas);
}

/** Fits the map around these areas (the ones compared side by side, so the map shows what the panel compares). */
export function fitAreas(store: AppStore, areas: AreaFeature[]): void {
  if (!areas.length) return;
  store.getState().flyTo({ bbox: bboxOf({ type: 'FeatureCollection', features: areas }) });
}

/** Server-made areas (combine, rings, territories, neighbourhoods) come in as one undoable create. */
function created(store: AppStore, areas: AreaFeature[]) {
  if (!areas.length) return;
  store.getState().putAreas(areas);
  store
    .getState()
    .setHistory(record(store.getState().history, { type: 'create', areas: areas.map(snapshotOf) }));
}

type Change = { name?: string; color?: string; params?: AreaFeature['properties']['params'] };

/** Rename, recolour or new radius: a PATCH with the version we have; a stale one is reported (409). */
export async function changeArea(store: AppStore, id: string, change: Change): Promise<boolean> {
  const before = areaById(store, id);
  if (!before) return false;
  try {
    const after = await patchArea(id, { ...change, version: before.properties.version });
    store.getState().putAreas([after]);
    store.getState().setHistory(
      record(store.getState().history, {
        type: 'update',
        before: snapshotOf(before),
        after: snapshotOf(after),
      }),
    );
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}

export async function removeArea(store: AppStore, id: string): Promise<boolean> {
  const area = areaById(store, id);
  if (!area) return false;
  try {
    await deleteArea(id);
    store.getState().dropAreas([id]);
    store
      .getState()
      .setHistory(record(store.getState().history, { type: 'delete', areas: [snapshotOf(area)] }));
    const { selection, select } = store.getState();
    if (selection?.kind === 'area' && selection.id === id) select(null);
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}

/** Union, subtract or intersect two areas into a new one. Failures are returned to show next to the form. */
export async function combine(
  store: AppStore,
  op: CombineOp,
  areaIds: [string, string],
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    const areas = await combineAreas({ op, areaIds });
    created(store, areas);
    showAreas(store, areas);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Concentric rings (donuts) around a store or a point. */
export async function rings(store: AppStore, request: RingsRequest): Promise<boolean> {
  try {
    const areas = await makeRings(request);
    created(store, areas);
    showAreas(store, areas);
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}

/** Nearest-store territories for all stores (or the ones given). Cancellable with `signal`. */
export async function territories(
  store: AppStore,
  storeIds: string[] | undefined,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    const areas = await makeTerritories(storeIds?.length ? { storeIds } : {}, { signal });
    created(store, areas);
    showAreas(store, areas);
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}

/** The picked neighbourhoods become one area (the server unions them). */
export async function areaFromBoundaries(
  store: AppStore,
  boundaryIds: string[],
  name: string,
): Promise<boolean> {
  try {
    const areas = store.getState().areas.data?.features ?? [];
    const used = areas.map((f) => f.properties.color);
    const area = await createArea({
      name: uniqueName(
        name,
        areas.map((f) => f.properties.name),
      ),
      kind: 'boundary',
      color: pickColor(used, areaPalette()),
      params: { boundaryIds },
    });
    created(store, [area]);
    store.getState().clearBoundaryPick();
    showArea(store, area.properties.id);
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}

/** A white-space hexagon becomes a saved polygon area, shown on its own (the search closes). Undo removes it. */
export async function areaFromHexagon(
  store: AppStore,
  geometry: AreaFeature['geometry'],
  name: string,
): Promise<boolean> {
  try {
    const areas = store.getState().areas.data?.features ?? [];
    const used = areas.map((f) => f.properties.color);
    const area = await createArea({
      name: uniqueName(
        name,
        areas.map((f) => f.properties.name),
      ),
      kind: 'polygon',
      color: pickColor(used, areaPalette()),
      params: {},
      geometry,
    });
    created(store, [area]);
    store.getState().setWhiteSpace(null);
    showArea(store, area.properties.id);
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}
