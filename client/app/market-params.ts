// The market panel and the choropleth in the URL, so a reload or a shared link shows the same analysis:
//   ?mkt=                       the market-share panel open, no probability surface
//   ?mkt=st-03                  … showing store st-03's probability surface
//   ?chor=revenue,h3,9,quantile,7   the choropleth: metric, level, H3 resolution, class method, classes
// A part that cannot be read falls back to its default, so an old or hand-edited link still opens something sensible.
import { CHOROPLETH_METRICS } from '../../server/domain/choropleth';
import { CHOROPLETH_LEVELS, CLASS_METHODS } from '../../server/domain/schemas/choropleth';
import { defaultChoropleth, type ChoroplethChoice } from '../store/slices/market';

export interface MarketShareState {
  surfaceStoreId: string | null;
}

/** `st-03` → that store's surface; '' → the panel without one; absent → closed. */
export function parseMarketShare(value: string | null): MarketShareState | null {
  if (value === null) return null;
  const id = value.trim();
  return { surfaceStoreId: id.length > 0 && id.length <= 120 ? id : null };
}

export const serializeMarketShare = (state: MarketShareState | null): string | null =>
  state === null ? null : (state.surfaceStoreId ?? '');

const oneOf = <T extends string>(values: readonly T[], value: string | undefined, fallback: T) =>
  values.includes(value as T) ? (value as T) : fallback;

function intIn(value: string | undefined, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/**
 * @example parseChoropleth('revenue,h3,9,quantile,7')
 * // { metric: 'revenue', level: 'h3', resolution: 9, method: 'quantile', classes: 7 }
 */
export function parseChoropleth(value: string | null): ChoroplethChoice | null {
  if (value === null) return null;
  const [metric, level, resolution, method, classes] = value.split(',').map((s) => s.trim());
  const d = defaultChoropleth;
  return {
    metric: oneOf(CHOROPLETH_METRICS, metric, d.metric),
    level: oneOf(CHOROPLETH_LEVELS, level, d.level),
    resolution: intIn(resolution, 7, 9, d.resolution),
    method: oneOf(CLASS_METHODS, method, d.method),
    classes: intIn(classes, 2, 7, d.classes),
  };
}

export const serializeChoropleth = (choice: ChoroplethChoice | null): string | null =>
  choice === null
    ? null
    : [choice.metric, choice.level, choice.resolution, choice.method, choice.classes].join(',');
