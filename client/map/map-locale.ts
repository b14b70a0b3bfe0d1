// MapLibre's own words (control tooltips, the canvas's name) and our basemaps' credit lines in the active language,
// switched in place when the language changes. MapLibre 6 has no setLocale, and its controls read their strings
// once, when added: the table the controls read (`map._locale`, the `locale` option's home) is patched and the
// controls are added again. The map, its view, its style and our layers stay as they are.
import * as maplibregl from 'maplibre-gl';
import type { Translate } from '../i18n';
import { COVERS_MAP_ATTR } from './fit';

/** The strings of MapLibre's controls that Catchment shows, in the language of `t`. */
export function mapUiStrings(t: Translate): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'NavigationControl.ResetBearing': t('map.resetBearing'),
    'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
  };
}

/**
 * The credit line of each basemap source we build, by source id; an online style's credits are its publisher's
 * words and are left alone.
 */
export type CreditLines = (t: Translate) => Record<string, string>;

export interface MapControls {
  navigation: maplibregl.NavigationControl;
  scale: maplibregl.ScaleControl;
  attribution: maplibregl.AttributionControl;
}

/** Zoom buttons top-right; the scale and the credits bottom-right, floating over the map like our panels. */
export function addControls(map: maplibregl.Map, scale: maplibregl.ScaleControl): MapControls {
  const controls = {
    navigation: new maplibregl.NavigationControl({ showCompass: false }),
    scale,
    attribution: new maplibregl.AttributionControl({ compact: true }),
  };
  map.addControl(controls.navigation, 'top-right');
  map.addControl(controls.scale, 'bottom-right');
  map.addControl(controls.attribution, 'bottom-right');
  // A fitted shape keeps clear of the controls too (see map/fit.ts).
  for (const corner of map
    .getContainer()
    .querySelectorAll('.maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-right'))
    corner.setAttribute(COVERS_MAP_ATTR, '');
  return controls;
}

/**
 * Puts the map's words into the language of `t` without reloading it; returns the controls now on the map.
 * @example controls = localizeMap(map, controls, translatorFor('de'), credits) // zoom button: 'Hineinzoomen'
 */
export function localizeMap(
  map: maplibregl.Map,
  controls: MapControls,
  t: Translate,
  credits: CreditLines,
): MapControls {
  Object.assign(map._locale, mapUiStrings(t));
  map.getCanvas().setAttribute('aria-label', t('map.label'));
  for (const [id, line] of Object.entries(credits(t))) {
    const source = map.getSource(id);
    if (source) source.attribution = line;
  }
  map.removeControl(controls.navigation);
  map.removeControl(controls.scale);
  map.removeControl(controls.attribution);
  return addControls(map, controls.scale);
}
