// Every camera move to a subject (fit an area, a comparison, a hexagon; fly to a store or an event) goes through here,
// so the subject lands in the part of the map no panel covers. Panels that float over the map (or sit beside it)
// carry `data-covers-map`; they are measured at the moment of the move, after any open/close transition.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { freePadding, type Padding, type Rect } from './free-rect';
import { PHONE_QUERY } from '../ui/useMediaQuery';
import { MAX_APP_ZOOM } from './camera-targets';

export const COVERS_MAP_ATTR = 'data-covers-map';
/** The deepest zoom a fit goes to: a small shape still shows its streets around it. */
export const FIT_MAX_ZOOM = MAX_APP_ZOOM;

type Bbox = [number, number, number, number];

const covers = () => [...document.querySelectorAll<HTMLElement>(`[${COVERS_MAP_ATTR}]`)];

/** Air between a fitted shape and the panels: less on a phone, where every pixel counts. */
const marginPx = () => (window.matchMedia(PHONE_QUERY).matches ? 16 : 32);

/** The padding that keeps a subject clear of every panel over the map in `container`, measured now. */
export function panelPadding(container: HTMLElement): Padding {
  const box = container.getBoundingClientRect();
  const rects: Rect[] = covers()
    .filter((element) => element.getClientRects().length > 0)
    .map((element) => element.getBoundingClientRect());
  return freePadding(box, rects, marginPx());
}

/** Where the panels and the map are now, as one comparable string. */
function layoutNow(container: HTMLElement): string {
  return [container, ...covers()]
    .map((element) => {
      const r = element.getBoundingClientRect();
      return `${r.left},${r.top},${r.width},${r.height}`;
    })
    .join('|');
}

/** Frames the layout must stay still before the camera moves, and the most frames to wait for that. */
const STILL_FRAMES = 4;
const MAX_FRAMES = 90;

/**
 * Runs `move` once the layout a selection causes has settled: the side panel mounted and the map resized, the phone's
 * sheet risen to its new height (React may raise it a few frames later, and its transition takes a while). Waits
 * until panels and map keep their places for a few frames, so they are measured at their final size.
 */
export function afterPanelsSettle(container: HTMLElement, move: () => void): void {
  let last = '';
  let still = 0;
  let frames = 0;
  const tick = () => {
    const now = layoutNow(container);
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= STILL_FRAMES || ++frames >= MAX_FRAMES) move();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Fits `bbox` into the free part of the map. */
export function fitToPanels(map: MapLibreMap, bbox: Bbox, maxZoom = FIT_MAX_ZOOM): void {
  map.fitBounds(bbox, { padding: panelPadding(map.getContainer()), maxZoom });
}

/** Where the free part's centre is, relative to the map's centre: an `offset` for flyTo/easeTo. */
export function freeCentreOffset(map: MapLibreMap): [number, number] {
  const p = panelPadding(map.getContainer());
  return [(p.left - p.right) / 2, (p.top - p.bottom) / 2];
}

/** Centres `center` in the free part of the map at `zoom`. */
export function flyToInPanels(map: MapLibreMap, center: [number, number], zoom: number): void {
  map.flyTo({ center, zoom, offset: freeCentreOffset(map) });
}

/**
 * Brings `bbox` into the free part of the map only when some of it is outside: a pan when it fits at this zoom,
 * otherwise a fit. A shape just drawn stays where it is when the panel that opened for it leaves it visible.
 */
export function revealInPanels(map: MapLibreMap, bbox: Bbox): void {
  const p = panelPadding(map.getContainer());
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const a = map.project([bbox[0], bbox[3]]);
  const b = map.project([bbox[2], bbox[1]]);
  const box = { left: a.x, top: a.y, right: b.x, bottom: b.y };
  const free = { left: p.left, top: p.top, right: width - p.right, bottom: height - p.bottom };
  const dx = shift(box.left, box.right, free.left, free.right);
  const dy = shift(box.top, box.bottom, free.top, free.bottom);
  if (dx === null || dy === null)
    return fitToPanels(map, bbox, Math.min(map.getZoom(), FIT_MAX_ZOOM));
  // panBy moves the view by the offset; the shape moves the other way.
  if (dx !== 0 || dy !== 0) map.panBy([-dx, -dy]);
}

/** How far a span must move to lie inside [min, max]: 0 when it does, null when it is longer than the room. */
function shift(from: number, to: number, min: number, max: number): number | null {
  if (to - from > max - min) return null;
  if (from < min) return min - from;
  if (to > max) return max - to;
  return 0;
}
