// Puts the map on the page: picks the basemap, creates the map, wires sync and interactions, reports errors.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { apiUrls } from '../api/client';
import { translatorFor } from '../i18n';
import type { AppStore } from '../store';
import { chooseBasemap, CREDITED_SOURCE } from './basemap';
import { createMap, createScale, enablePmtiles } from './create-map';
import { addControls, localizeMap, mapUiStrings, type CreditLines } from './map-locale';
import { bindDraw } from '../draw/bridge';
import { bindInteractions, type MapActions } from './interactions';
import { offlineStyle } from './offline-style';
import { readPalette } from './palette';
import { syncMap } from './sync';
import { exposeForTests } from './test-hook';
import { panelPadding } from './fit';

export interface MountedMap {
  map: MapLibreMap;
  destroy: () => void;
}

/** Map errors (a tile or glyph that failed) are shown, but at most one every few seconds. */
function throttledErrors(reportError: MapActions['reportError'], intervalMs = 10_000) {
  let last = 0;
  return (event: { error?: unknown }) => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    reportError(event.error ?? new Error('Map error'));
  };
}

/** Loaded only when the server has an archive: the Protomaps style and reader stay out of the main bundle. */
async function archiveStyle(origin: string, archiveUrl: string, locale: string) {
  const [{ protomapsStyle }] = await Promise.all([import('./protomaps-style'), enablePmtiles()]);
  const attribution = translatorFor(locale)('map.attribution.protomaps');
  return protomapsStyle({ origin, archiveUrl, locale, attribution });
}

/** Resolves with the mounted map, or null when `signal` aborted while the basemap was being chosen. */
export async function mountMap(
  container: HTMLElement,
  store: AppStore,
  signal: AbortSignal,
  actions: MapActions,
): Promise<MountedMap | null> {
  const { config, locale } = store.getState();
  if (!config.data) throw new Error('mountMap needs the workspace config');
  const { workspace, basemap } = config.data;
  const palette = readPalette();
  const origin = location.origin;
  const root = document.documentElement;
  root.dataset.mapState = 'loading';

  const choice = await chooseBasemap({
    styleUrl: basemap.styleUrl,
    offline: offlineStyle({
      origin,
      palette,
      attribution: translatorFor(locale)('map.attribution.offline'),
    }),
    archive: basemap.pmtilesUrl ? await archiveStyle(origin, basemap.pmtilesUrl, locale) : null,
    glyphsUrl: apiUrls.glyphs(origin),
  });
  if (signal.aborted) return null;
  store.getState().setBasemap({ mode: choice.mode, reason: choice.reason, detail: choice.detail });
  root.dataset.basemap = choice.mode;

  const t = translatorFor(locale);
  const distanceUnits = () => store.getState().config.data?.workspace.distanceUnits ?? 'metric';
  const scale = createScale(distanceUnits());
  const map = createMap({
    container,
    style: choice.style,
    center: workspace.center,
    zoom: workspace.zoom,
    bounds: workspace.bbox,
    boundsPadding: panelPadding(container),
    uiStrings: mapUiStrings(t),
    ariaLabel: t('map.label'),
  });
  let controls = addControls(map, scale);
  exposeForTests({ map, store });
  // Our own basemaps' credit lines follow the language; an online style's are its publisher's.
  const credits: CreditLines = (tr): Record<string, string> => {
    if (choice.mode === 'offline')
      return { [CREDITED_SOURCE.offline]: tr('map.attribution.offline') };
    if (choice.mode === 'archive')
      return { [CREDITED_SOURCE.archive]: tr('map.attribution.protomaps') };
    return {};
  };

  const stopSync = syncMap(map, store, {
    palette,
    onFirstIdle: () => {
      root.dataset.mapState = 'idle';
      if (window.__catchment) window.__catchment.firstIdleMs = performance.now();
    },
  });
  const stopInteractions = bindInteractions(map, store, actions);
  const stopScaleUnits = store.subscribe((state, previous) => {
    if (state.config !== previous.config) scale.setUnit(distanceUnits());
  });
  // A language switch needs no reload: the controls and credits are put into the new language in place.
  const stopLocale = store.subscribe((state, previous) => {
    if (state.locale !== previous.locale)
      controls = localizeMap(map, controls, translatorFor(state.locale), credits);
  });
  // terra-draw needs a loaded style to add its layers to.
  let stopDraw: (() => void) | null = null;
  map.once('load', () => {
    stopDraw = bindDraw(map, store, palette);
  });
  map.on('error', throttledErrors(actions.reportError));

  return {
    map,
    destroy: () => {
      stopDraw?.();
      stopInteractions();
      stopScaleUnits();
      stopLocale();
      stopSync();
      map.remove();
      delete window.__catchment;
      delete root.dataset.mapState;
    },
  };
}
