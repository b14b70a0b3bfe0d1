// Union, subtract and intersect saved areas ("1.5 km around the store minus the industrial park"), never throwing.
import { area, difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { fromPolygons, polygonsOf, snapGeometry } from './snap.js';

export const combineOps = ['union', 'subtract', 'intersect'] as const;
export type CombineOp = (typeof combineOps)[number];

export const COMBINE_REASONS = {
  tooFew: 'too-few',
  empty: 'empty',
  failed: 'failed',
} as const;

export type CombineReason = (typeof COMBINE_REASONS)[keyof typeof COMBINE_REASONS];
export type CombineResult =
  | { ok: true; geometry: Polygon | MultiPolygon }
  | { ok: false; reason: CombineReason; message: string };

/** Pieces smaller than this (m²) are rounding dust, not area: dropped from results. */
export const MIN_PIECE_M2 = 1;
/** Grids tried in turn (decimals of a degree): 0.1 mm first, then 1 cm, then 10 cm when the clipper still fails. */
const SNAP_DIGITS = [9, 7, 6];

const operations: Record<
  CombineOp,
  (
    fc: ReturnType<typeof featureCollection<Polygon | MultiPolygon>>,
  ) => Feature<Polygon | MultiPolygon> | null
> = {
  union: (fc) => union(fc),
  subtract: (fc) => difference(fc),
  intersect: (fc) => intersect(fc),
};

const verbs: Record<CombineOp, string> = {
  union: 'joining',
  subtract: 'subtracting',
  intersect: 'intersecting',
};

/** Drops dust pieces and holes; null when nothing of substance is left. */
function withoutDust(
  geometry: Polygon | MultiPolygon,
  minPieceM2: number,
): Polygon | MultiPolygon | null {
  const pieces = polygonsOf(geometry)
    .filter((rings) => area({ type: 'Polygon', coordinates: rings }) >= minPieceM2)
    .map(([shell, ...holes]) => [
      shell!,
      ...holes.filter((hole) => area({ type: 'Polygon', coordinates: [hole] }) >= minPieceM2),
    ]);
  return fromPolygons(pieces);
}

/**
 * Combines areas: `union` joins all, `subtract` takes the first minus all others, `intersect` keeps what all share.
 * Coordinates are snapped to a fine grid first (near-identical vertices crash clippers); a clipper error is retried
 * on a coarser grid and reported as `failed`, an empty result as `empty`.
 * @example combineAreas('subtract', [circle, park]) // { ok: true, geometry: the circle with a bite out of it }
 */
export function combineAreas(
  op: CombineOp,
  geometries: (Polygon | MultiPolygon)[],
  options: { minPieceM2?: number } = {},
): CombineResult {
  const minPieceM2 = options.minPieceM2 ?? MIN_PIECE_M2;
  if (geometries.length < 2)
    return {
      ok: false,
      reason: COMBINE_REASONS.tooFew,
      message: `${verbs[op]} needs at least two areas, got ${geometries.length}`,
    };
  let lastError = '';
  for (const digits of SNAP_DIGITS) {
    const snapped = geometries.map((g) => snapGeometry(g, digits));
    if (op !== 'union' && snapped.some((g) => g === null)) {
      // An input with no area left: intersecting gives nothing, and the first operand of subtract is all there is.
      if (op === 'intersect' || snapped[0] === null)
        return {
          ok: false,
          reason: COMBINE_REASONS.empty,
          message: `${verbs[op]} these areas leaves nothing`,
        };
    }
    const inputs = snapped.filter((g): g is Polygon | MultiPolygon => g !== null);
    if (inputs.length === 1) return finish(op, inputs[0]!, minPieceM2);
    if (inputs.length === 0)
      return {
        ok: false,
        reason: COMBINE_REASONS.empty,
        message: `${verbs[op]} these areas leaves nothing`,
      };
    try {
      const result = operations[op](featureCollection(inputs.map((g) => feature(g))));
      if (!result)
        return {
          ok: false,
          reason: COMBINE_REASONS.empty,
          message: `${verbs[op]} these areas leaves nothing`,
        };
      return finish(op, result.geometry, minPieceM2);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return {
    ok: false,
    reason: COMBINE_REASONS.failed,
    message: `${verbs[op]} these areas failed in the geometry engine (${lastError}); try simplifying them`,
  };
}

function finish(
  op: CombineOp,
  geometry: Polygon | MultiPolygon,
  minPieceM2: number,
): CombineResult {
  const snapped = snapGeometry(geometry, 9);
  const cleaned = snapped && withoutDust(snapped, minPieceM2);
  if (!cleaned)
    return {
      ok: false,
      reason: COMBINE_REASONS.empty,
      message: `${verbs[op]} these areas leaves nothing`,
    };
  return { ok: true, geometry: cleaned };
}
