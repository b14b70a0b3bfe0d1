// The part of the map no panel covers, as fitBounds padding. Pure: rectangles in, padding out (client/map/fit.ts
// measures the page). Each covering rectangle can be avoided from one of four sides; the choice that leaves the
// largest free rectangle wins, so a card in a corner costs a strip on its narrow side, not on its long one.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const sides = ['top', 'right', 'bottom', 'left'] as const;

/** Enough to fit a shape in; a padding that leaves less is shrunk to this. */
export const MIN_FREE_PX = 64;

/** What a cover takes from the map when avoided from `side` (the strip from that edge to the cover's far edge). */
function strip(map: Rect, cover: Rect, side: (typeof sides)[number]): number {
  switch (side) {
    case 'top':
      return cover.bottom - map.top;
    case 'bottom':
      return map.bottom - cover.top;
    case 'left':
      return cover.right - map.left;
    case 'right':
      return map.right - cover.left;
  }
}

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Padding (in px from each edge of `map`) that keeps a fitted shape off every cover, plus `marginPx` of air.
 * @example freePadding({ left: 0, top: 0, right: 1000, bottom: 800 }, [{ left: 300, top: 12, right: 700, bottom: 60 }])
 * // { top: 60, right: 0, bottom: 0, left: 0 } — a toolbar at the top costs 60 px of height, not 700 px of width
 */
export function freePadding(map: Rect, covers: readonly Rect[], marginPx = 0): Padding {
  const relevant = covers.filter((cover) => overlaps(map, cover));
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  let best: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  let bestArea = -1;
  // Four choices per cover; there are a handful of covers, so trying every combination is cheap.
  const combos = 4 ** relevant.length;
  for (let combo = 0; combo < combos; combo++) {
    const padding: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
    let rest = combo;
    for (const cover of relevant) {
      const side = sides[rest % 4]!;
      rest = Math.floor(rest / 4);
      padding[side] = Math.max(padding[side], strip(map, cover, side));
    }
    const area =
      Math.max(0, width - padding.left - padding.right) *
      Math.max(0, height - padding.top - padding.bottom);
    if (area > bestArea) {
      bestArea = area;
      best = padding;
    }
  }
  return withMargin(best, width, height, marginPx);
}

/** Adds the margin, then gives back room where the padding would leave less than MIN_FREE_PX to fit into. */
function withMargin(padding: Padding, width: number, height: number, marginPx: number): Padding {
  const out = {
    top: padding.top + marginPx,
    right: padding.right + marginPx,
    bottom: padding.bottom + marginPx,
    left: padding.left + marginPx,
  };
  const shrink = (a: 'top' | 'left', b: 'bottom' | 'right', size: number) => {
    const excess = out[a] + out[b] - Math.max(0, size - MIN_FREE_PX);
    if (excess <= 0) return;
    const total = out[a] + out[b];
    out[a] = Math.max(0, Math.round(out[a] - (excess * out[a]) / total));
    out[b] = Math.max(0, Math.round(out[b] - (excess * out[b]) / total));
  };
  shrink('top', 'bottom', height);
  shrink('left', 'right', width);
  return out;
}
