// terra-draw on our MapLibre map: the four drawing modes and a select mode that edits the one draft.
// Key handling is ours (app/shortcuts), so every mode's own key events are off.
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawFreehandMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  TerraDrawSessionUndoRedo,
  type GeoJSONStoreFeatures,
  type HexColor,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { MapPalette } from '../map/palette';
import { COORDINATE_PRECISION } from './draft-shape';

/** The property terra-draw's select mode gives a vertex handle: the id of the feature it belongs to. */
const SELECTION_POINT_FEATURE_ID = 'selectionPointFeatureId';

const hex = (color: string, fallback: HexColor): HexColor =>
  /^#[0-9a-f]{6}$/i.test(color) ? (color as HexColor) : fallback;

function shapeStyles(color: HexColor, halo: HexColor) {
  return {
    fillColor: color,
    fillOpacity: 0.2,
    outlineColor: color,
    outlineWidth: 2,
    closingPointColor: color,
    closingPointOutlineColor: halo,
    closingPointWidth: 7,
    closingPointOutlineWidth: 2,
  };
}

/** terra-draw's layer of points (vertex handles among them), named by its adapter's default prefix. */
export const DRAW_POINT_LAYER = 'td-point';

/**
 * A zero-width point is not drawn at all, so the map neither shows nor reports it (rim vertices of a circle, which
 * terra-draw keeps to resize by). Called after each start: the adapter adds its layers then.
 */
export function hideZeroWidthPoints(map: MapLibreMap): void {
  if (map.getLayer(DRAW_POINT_LAYER))
    map.setFilter(DRAW_POINT_LAYER, ['!=', ['get', 'pointWidth'], 0]);
}

export interface DrawOptions {
  /** Whether a feature's vertices are grabbed without being shown (a circle: circle-handles.ts shows two handles). */
  unseenVertices: (featureId: unknown) => boolean;
}

export function createDraw(
  map: MapLibreMap,
  palette: MapPalette,
  { unseenVertices }: DrawOptions,
): TerraDraw {
  const color = hex(palette.selection, '#3b5bdb');
  const halo = hex(palette.symbolHalo, '#ffffff');
  const styles = shapeStyles(color, halo);
  const unseenParent = (f: GeoJSONStoreFeatures) =>
    unseenVertices(f.properties[SELECTION_POINT_FEATURE_ID]);
  const editable = {
    draggable: true,
    coordinates: { draggable: true, midpoints: true, deletable: true },
  };
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: COORDINATE_PRECISION }),
    modes: [
      // Drag out a circle, or click the centre and click again at the edge.
      new TerraDrawCircleMode({
        styles: { fillColor: color, fillOpacity: 0.2, outlineColor: color, outlineWidth: 2 },
        keyEvents: null,
        drawInteraction: 'click-move-or-drag',
      }),
      // Click (or tap) to add points; click the first or last point to close.
      new TerraDrawPolygonMode({ styles, keyEvents: { cancel: null, finish: 'Enter' } }),
      new TerraDrawFreehandMode({
        styles: { fillColor: color, fillOpacity: 0.2, outlineColor: color, outlineWidth: 2 },
        keyEvents: null,
      }),
      new TerraDrawRectangleMode({
        styles: { fillColor: color, fillOpacity: 0.2, outlineColor: color, outlineWidth: 2 },
        keyEvents: null,
        drawInteraction: 'click-move-or-drag',
      }),
      new TerraDrawSelectMode({
        keyEvents: null,
        // The draft stays selected (handles visible) until it is saved or discarded.
        allowManualDeselection: false,
        flags: {
          polygon: { feature: editable },
          freehand: { feature: editable },
          rectangle: { feature: { draggable: true, coordinates: { resizable: 'opposite' } } },
          // Circles move and resize as circles: dragging a handle changes the radius, the centre stays.
          circle: { feature: { draggable: true, coordinates: { resizable: 'center-fixed' } } },
        },
        styles: {
          selectedPolygonColor: color,
          selectedPolygonFillOpacity: 0.25,
          selectedPolygonOutlineColor: color,
          selectedPolygonOutlineWidth: 3,
          selectionPointColor: halo,
          selectionPointOutlineColor: color,
          // A circle's vertices are unseen; a polygon's are small, so a dense outline stays readable.
          selectionPointWidth: (f) => (unseenParent(f) ? 0 : 3),
          selectionPointOutlineWidth: (f) => (unseenParent(f) ? 0 : 1.5),
          midPointColor: color,
          midPointOutlineColor: halo,
          midPointWidth: 4,
          midPointOutlineWidth: 1,
        },
      }),
    ],
    undoRedo: {
      modeLevel: new TerraDrawModeUndoRedo(),
      sessionLevel: new TerraDrawSessionUndoRedo(),
    },
  });
}
