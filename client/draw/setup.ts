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
  type HexColor,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { MapPalette } from '../map/palette';
import { COORDINATE_PRECISION } from './draft-shape';

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

export function createDraw(map: MapLibreMap, palette: MapPalette): TerraDraw {
  const color = hex(palette.selection, '#3b5bdb');
  const halo = hex(palette.symbolHalo, '#ffffff');
  const styles = shapeStyles(color, halo);
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
          // A circle shows a handle per vertex: small ones keep its outline readable.
          selectionPointWidth: 3,
          selectionPointOutlineWidth: 1.5,
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
