// The bridge between terra-draw and the store. terra-draw owns the one shape being drawn or edited; the store owns
// the draft it becomes. Events cross on `finish` (a shape done, an edit done) and on store changes (tool, typed
// radius, save/discard) — never per mouse move. Saved areas are not in terra-draw: they are an ordinary layer.
import type { Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import { draftFromShape, updateDraftShape } from '../features/areas/draft-actions';
import type { MapPalette } from '../map/palette';
import type { AppState, AppStore } from '../store';
import { drawTools, type DraftShape } from '../store/slices/areas';
import { addCircleHandles } from './circle-handles';
import { setDrawController } from './controller';
import { forDraw } from './draft-shape';
import { createDraw, hideZeroWidthPoints } from './setup';

const shapes = new Set<string>(drawTools.filter((t) => t !== 'select'));
const isShape = (f: GeoJSONStoreFeatures): boolean =>
  f.geometry.type === 'Polygon' &&
  typeof f.properties.mode === 'string' &&
  shapes.has(f.properties.mode);

export function bindDraw(map: MapLibreMap, store: AppStore, palette: MapPalette): () => void {
  let draw: TerraDraw;
  let handles: ReturnType<typeof addCircleHandles>;
  /** The terra-draw feature that is the draft. */
  let featureId: string | number | null = null;
  /** The draft geometry terra-draw already shows (set when it came from terra-draw, or after pushing it there). */
  let shown: object | null = null;
  /** True while the draft is being updated from terra-draw, so the store's echo is not pushed back. */
  let pulling = false;

  /** Updates the draft from terra-draw without echoing the change back (it would land in terra-draw's history). */
  const fromDraw = (update: () => void) => {
    pulling = true;
    try {
      update();
    } finally {
      pulling = false;
    }
    shown = store.getState().draft?.geometry ?? null;
  };

  const reselect = () => {
    if (featureId === null || !draw.hasFeature(featureId)) return;
    if (draw.getMode() !== 'select') draw.setMode('select');
    draw.selectFeature(featureId);
  };

  /** Reads the draft back from terra-draw after an edit, an undo or a redo. */
  const pull = () => {
    if (featureId === null) return;
    const feature = draw.getSnapshotFeature(featureId);
    if (!feature || feature.geometry.type !== 'Polygon') return;
    fromDraw(() => updateDraftShape(store, feature.geometry as Polygon));
  };

  /**
   * terra-draw's history starts from what it holds now, so the draft is deselected for it: a selected feature's
   * vertex handles would enter that history too, and their removal on the next undo would become a step of its own
   * (one that brings stale handles back). The caller selects it again.
   */
  const startHistory = () => {
    if (featureId !== null && draw.hasFeature(featureId) && draw.getMode() === 'select')
      draw.deselectFeature(featureId);
    draw.clearUndoRedoHistory();
  };

  const onFinish = (id: string | number, context: { mode: string; action: string }) => {
    const feature = draw.getSnapshotFeature(id);
    if (!feature || !isShape(feature)) return;
    if (context.action === 'draw') {
      // A new shape replaces an unsaved one: only one shape lives in terra-draw.
      const others = draw
        .getSnapshot()
        .filter((f) => f.id !== id && isShape(f))
        .map((f) => f.id!);
      if (others.length) draw.removeFeatures(others);
      featureId = id;
      fromDraw(() =>
        draftFromShape(store, context.mode as DraftShape, feature.geometry as Polygon),
      );
      // terra-draw is still inside its event: start the draft's history and switch to select mode afterwards.
      setTimeout(() => {
        startHistory();
        reselect();
      });
      return;
    }
    if (id === featureId) pull();
  };

  /** Shows the store's draft in terra-draw: a new one is added (its history starts there), a changed one updated. */
  const push = (s: AppState) => {
    const draft = s.draft;
    if (!draft || draft.geometry.type !== 'Polygon') return;
    const geometry = forDraw(draft.geometry);
    if (featureId !== null && draw.hasFeature(featureId)) {
      draw.updateFeatureGeometry(featureId, geometry);
      shown = draft.geometry;
      draw.deselectFeature(featureId);
      reselect();
      return;
    }
    const id = draw.getFeatureId();
    const [result] = draw.addFeatures([
      { id, type: 'Feature', geometry, properties: { mode: draft.shape } },
    ]);
    if (!result?.valid) return;
    featureId = id;
    shown = draft.geometry;
    startHistory();
    reselect();
  };

  const clearShapes = () => {
    featureId = null;
    shown = null;
    draw.clear();
    draw.clearUndoRedoHistory();
    showHandles();
  };

  const isCircleDraft = (id: unknown) =>
    id === featureId && store.getState().draft?.shape === 'circle';

  /** The circle's two handles while it is selected for editing, none otherwise; they follow every change live. */
  const showHandles = () => {
    const feature =
      featureId !== null && draw.hasFeature(featureId)
        ? draw.getSnapshotFeature(featureId)
        : undefined;
    const editing =
      feature?.geometry.type === 'Polygon' &&
      feature.properties.selected === true &&
      isCircleDraft(featureId);
    handles.show(editing ? (feature.geometry as Polygon) : null);
  };
  const onChange = (ids: (string | number)[]) => {
    if (featureId !== null && ids.includes(featureId)) showHandles();
  };

  const start = (mode: string, features: GeoJSONStoreFeatures[]) => {
    draw = createDraw(map, palette, { unseenVertices: isCircleDraft });
    draw.start();
    hideZeroWidthPoints(map);
    handles = addCircleHandles(map, palette);
    draw.on('finish', onFinish);
    draw.on('change', onChange);
    draw.on('select', showHandles);
    draw.on('deselect', showHandles);
    if (features.length) draw.addFeatures(features);
    draw.setMode(mode);
    reselect();
  };
  /** Stops this terra-draw (its layers may already be gone with an old style: nothing else to undo then). */
  const stop = () => {
    draw.off('finish', onFinish);
    draw.off('change', onChange);
    draw.off('select', showHandles);
    draw.off('deselect', showHandles);
    try {
      draw.stop();
      handles.remove();
    } catch {
      // The style or the map is already gone.
    }
  };
  start(store.getState().tool, []);
  if (store.getState().draft) push(store.getState());

  // terra-draw's sources and layers go with the style (the basemap fallback calls setStyle): start it again,
  // with the draft and the tool it had.
  const onStyleLoad = () => {
    const features = draw.getSnapshot().filter(isShape);
    const mode = draw.getMode();
    stop();
    start(mode, features);
  };
  map.on('style.load', onStyleLoad);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.tool !== prev.tool && draw.getMode() !== s.tool) draw.setMode(s.tool);
    if (s.tool !== prev.tool && s.tool === 'select') reselect();
    if (s.draft !== prev.draft && !pulling) {
      if (!s.draft) clearShapes();
      else if (s.draft.geometry !== shown) push(s);
    }
  });

  setDrawController({
    isDrawing: () => draw.getModeState() === 'drawing',
    cancelDrawing: () => {
      if (draw.getModeState() !== 'drawing') return false;
      // Leaving a mode drops its half-drawn shape; come straight back to keep drawing.
      const mode = draw.getMode();
      draw.setMode('select');
      draw.setMode(mode);
      return true;
    },
    canUndo: () => draw.canUndo(),
    canRedo: () => draw.canRedo(),
    undo: () => {
      if (!draw.canUndo()) return false;
      const drawing = draw.getModeState() === 'drawing';
      draw.undo();
      if (!drawing) {
        pull();
        reselect();
      }
      return true;
    },
    redo: () => {
      if (!draw.canRedo()) return false;
      const drawing = draw.getModeState() === 'drawing';
      draw.redo();
      if (!drawing) {
        pull();
        reselect();
      }
      return true;
    },
  });

  return () => {
    setDrawController(null);
    unsubscribe();
    map.off('style.load', onStyleLoad);
    stop();
  };
}
