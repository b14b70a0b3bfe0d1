// A circle draft in edit mode shows two handles, not terra-draw's point per vertex (128 dots on its rim): its
// centre, where a drag moves the circle, and one point on the rim, where a drag changes the radius. terra-draw
// still does the dragging (a drag inside the circle moves it, a drag at a rim vertex resizes it about the fixed
// centre, live, one history step per drag); this layer only shows where to grab, and follows each change.
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapPalette } from '../map/palette';
import { circleFromRing } from './circle';

export const CIRCLE_HANDLES_SOURCE = 'draft-circle-handles';
export const CIRCLE_HANDLES_LAYER = 'draft-circle-handles';

export type CircleHandleRole = 'centre' | 'radius';

const empty = (): FeatureCollection<Point, { role: CircleHandleRole }> => ({
  type: 'FeatureCollection',
  features: [],
});

/**
 * The two handles of a circle-shaped polygon: its centre, and its first vertex (the one terra-draw's resize keeps
 * on the same bearing, so the handle stays where the hand left it).
 * @example circleHandles(circlePolygon({ center: [13.4, 52.5], radiusMeters: 500 })).features.length // 2
 */
export function circleHandles(
  polygon: Polygon,
): FeatureCollection<Point, { role: CircleHandleRole }> {
  const ring = polygon.coordinates[0] ?? [];
  const rim = ring[0];
  if (!rim) return empty();
  const { center } = circleFromRing(ring);
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: center },
        properties: { role: 'centre' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [rim[0]!, rim[1]!] },
        properties: { role: 'radius' },
      },
    ],
  };
}

/** Adds the handles' source and layer (on top of terra-draw's) and returns how to show or hide them. */
export function addCircleHandles(map: MapLibreMap, palette: MapPalette) {
  if (!map.getSource(CIRCLE_HANDLES_SOURCE))
    map.addSource(CIRCLE_HANDLES_SOURCE, { type: 'geojson', data: empty() });
  if (!map.getLayer(CIRCLE_HANDLES_LAYER))
    map.addLayer({
      id: CIRCLE_HANDLES_LAYER,
      type: 'circle',
      source: CIRCLE_HANDLES_SOURCE,
      paint: {
        // The centre reads as a hollow ring (move), the rim handle as a solid dot (pull).
        'circle-radius': 7,
        'circle-color': ['match', ['get', 'role'], 'radius', palette.selection, palette.symbolHalo],
        'circle-stroke-color': [
          'match',
          ['get', 'role'],
          'radius',
          palette.symbolHalo,
          palette.selection,
        ],
        'circle-stroke-width': 2.5,
        'circle-pitch-alignment': 'map',
      },
    });
  return {
    /** Shows the handles of this circle, or none (null). */
    show(polygon: Polygon | null) {
      const source = map.getSource<GeoJSONSource>(CIRCLE_HANDLES_SOURCE);
      source?.setData(polygon ? circleHandles(polygon) : empty());
    },
    remove() {
      if (map.getLayer(CIRCLE_HANDLES_LAYER)) map.removeLayer(CIRCLE_HANDLES_LAYER);
      if (map.getSource(CIRCLE_HANDLES_SOURCE)) map.removeSource(CIRCLE_HANDLES_SOURCE);
    },
  };
}
