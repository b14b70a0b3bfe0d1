// The URL is the state: pure parse/serialize of the query string. The camera is MapLibre's own `#map=` hash.
//   ?sel=store:st-01            the selection (store | boundary | customer | area | event | campaign), id after the first colon;
//                               an unsaved draft is never written (it exists only in this tab)
//   ?layers=stores,customers    visible layers, only when different from the default ("none" for none)
//   ?nav=closed                 the left panel, only when closed
//   ?lang=de                    the chosen language
//   ?seg=age:25-40;tier:gold    the audience segment (see segment-param.ts), only when it filters something
//   ?admin=users                the workspace settings view and its tab (users | tokens | audit | privacy)
//   ?cmp=ar-1,ar-2              areas compared side by side, in order (empty while none is chosen yet)
//   ?ws=1.5                     the white-space search, with how far (km) from every store a hexagon must be
//   ?mkt=st-03  ?chor=…         the market-share panel and the choropleth (see market-params.ts)
// Unknown parameters are kept, so other features can add their own.
import {
  defaultLayers,
  layerNames,
  selectionKinds,
  type LayerName,
  type LayerVisibility,
  type Selection,
} from '../store/types';
import type { Segment } from '../../server/domain/schemas/segment';
import { parseSegment, serializeSegment } from './segment-param';
import { parseAdminTab } from '../features/admin/admin-tabs';
import type { AdminTab } from '../store/slices/panels';
import type { ChoroplethChoice } from '../store/slices/market';
import {
  parseChoropleth,
  parseMarketShare,
  serializeChoropleth,
  serializeMarketShare,
  type MarketShareState,
} from './market-params';

export interface UrlState {
  selection: Selection | null;
  layers: LayerVisibility;
  navOpen: boolean;
  lang: string | null;
  segment: Segment;
  admin: AdminTab | null;
  compare: string[] | null;
  whiteSpace: { minStoreKm: number } | null;
  marketShare: MarketShareState | null;
  choropleth: ChoroplethChoice | null;
}

const isKind = (v: string): v is (typeof selectionKinds)[number] =>
  (selectionKinds as readonly string[]).includes(v);
const isLayer = (v: string): v is LayerName => (layerNames as readonly string[]).includes(v);

/** `store:st-01` → `{ kind: 'store', id: 'st-01' }`; anything else → null. */
export function parseSelection(value: string | null): Selection | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  if (colon < 1) return null;
  const kind = value.slice(0, colon);
  const id = value.slice(colon + 1);
  return isKind(kind) && id.length > 0 ? { kind, id } : null;
}

export function parseLayers(value: string | null): LayerVisibility {
  if (value === null) return { ...defaultLayers };
  const named = new Set(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(isLayer),
  );
  return Object.fromEntries(layerNames.map((name) => [name, named.has(name)])) as LayerVisibility;
}

export function serializeLayers(layers: LayerVisibility): string | null {
  if (layerNames.every((name) => layers[name] === defaultLayers[name])) return null;
  const visible = layerNames.filter((name) => layers[name]);
  return visible.length ? visible.join(',') : 'none';
}

/** `ar-1,ar-2` → the ids, each once, at most eight; null when the parameter is absent. */
export function parseCompare(value: string | null): string[] | null {
  if (value === null) return null;
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= 120),
    ),
  ].slice(0, 8);
}

/** `1.5` → 1.5 km; an unreadable or out-of-range value opens the search at 1.5 km; absent → closed. */
export function parseWhiteSpace(value: string | null): { minStoreKm: number } | null {
  if (value === null) return null;
  const km = Number(value);
  return { minStoreKm: value !== '' && Number.isFinite(km) && km >= 0 && km <= 50 ? km : 1.5 };
}

/**
 * Reads the app state from a query string.
 * @example parseUrlState('?sel=store:st-01&layers=stores').selection // { kind: 'store', id: 'st-01' }
 */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  return {
    selection: parseSelection(params.get('sel')),
    layers: parseLayers(params.get('layers')),
    navOpen: params.get('nav') !== 'closed',
    lang: params.get('lang') || null,
    segment: parseSegment(params.get('seg')),
    admin: parseAdminTab(params.get('admin')),
    compare: parseCompare(params.get('cmp')),
    whiteSpace: parseWhiteSpace(params.get('ws')),
    marketShare: parseMarketShare(params.get('mkt')),
    choropleth: parseChoropleth(params.get('chor')),
  };
}

/**
 * Writes the app state into a query string, keeping unknown parameters of `current`.
 * Returns '' or a string starting with '?', ready for `history.replaceState`.
 * @example serializeUrlState({ selection: { kind: 'store', id: 'st-01' }, layers: defaultLayers, navOpen: true, lang: null, segment: {}, admin: null })
 * // '?sel=store:st-01'
 */
export function serializeUrlState(state: UrlState, current = ''): string {
  const params = new URLSearchParams(current);
  const put = (key: string, value: string | null) =>
    value === null ? params.delete(key) : params.set(key, value);
  const linkable = state.selection && isKind(state.selection.kind) ? state.selection : null;
  put('sel', linkable ? `${linkable.kind}:${linkable.id}` : null);
  put('layers', serializeLayers(state.layers));
  put('nav', state.navOpen ? null : 'closed');
  put('lang', state.lang);
  put('seg', serializeSegment(state.segment));
  put('admin', state.admin);
  put('cmp', state.compare === null ? null : state.compare.join(','));
  put('ws', state.whiteSpace === null ? null : String(state.whiteSpace.minStoreKm));
  put('mkt', serializeMarketShare(state.marketShare ?? null));
  put('chor', serializeChoropleth(state.choropleth ?? null));
  // `:` `,` `;` are safe in a query value; unescaped they keep links readable (`seg=age:25-40;tier:gold`).
  const text = params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%3B/gi, ';');
  return text ? `?${text}` : '';
}
