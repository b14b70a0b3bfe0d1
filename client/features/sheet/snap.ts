// Where the phone's bottom sheet comes to rest after a drag on its handle: the resting height nearest to where the
// finger would have carried it, a fast flick going one step in its direction, and a fast flick down going back to the map.
import type { SheetHeight } from '../../store/types';

/** The resting heights, lowest first. */
export const SHEET_HEIGHTS: readonly SheetHeight[] = ['min', 'peek', 'half', 'full'];

/** px/ms: a release faster than this is a flick, not a placement (about what a thumb does in a quick swipe). */
export const FLICK_PX_PER_MS = 0.5;
/** How far ahead a slow release is projected, in ms: a gentle push still carries the sheet a little. */
const PROJECT_MS = 150;

export type SheetSnapsPx = Record<SheetHeight, number>;

export interface SheetRelease {
  /** The heights the sheet rests at, in px, measured now. */
  snapsPx: SheetSnapsPx;
  /** The sheet's height at release, in px. */
  heightPx: number;
  /** Upwards (the sheet growing) positive, in px/ms. */
  velocityPxPerMs: number;
  /** Where the drag started. */
  from: SheetHeight;
}

const step = (height: SheetHeight, by: 1 | -1): SheetHeight => {
  const i = SHEET_HEIGHTS.indexOf(height) + by;
  return SHEET_HEIGHTS[Math.min(SHEET_HEIGHTS.length - 1, Math.max(0, i))]!;
};

/**
 * The resting height after a drag.
 * @example snapAfterDrag({ snapsPx: { min: 52, peek: 132, half: 422, full: 780 }, heightPx: 400, velocityPxPerMs: 0, from: 'peek' }) // 'half'
 */
export function snapAfterDrag({
  snapsPx,
  heightPx,
  velocityPxPerMs,
  from,
}: SheetRelease): SheetHeight {
  // A fast swipe down returns to the map: to the peek from above it, to the handle alone from the peek.
  if (velocityPxPerMs <= -FLICK_PX_PER_MS)
    return from === 'half' || from === 'full' ? 'peek' : 'min';
  if (velocityPxPerMs >= FLICK_PX_PER_MS) {
    const above = SHEET_HEIGHTS.find((h) => snapsPx[h] > heightPx + 1);
    return above ?? 'full';
  }
  const projected = heightPx + velocityPxPerMs * PROJECT_MS;
  let nearest: SheetHeight = from;
  for (const h of SHEET_HEIGHTS)
    if (Math.abs(snapsPx[h] - projected) < Math.abs(snapsPx[nearest] - projected)) nearest = h;
  return nearest;
}

/** The next height a press on the handle (or Arrow Up / Down) moves to; a press cycles peek → half → full → peek. */
export function nextSheetHeight(height: SheetHeight, key: 'press' | 'up' | 'down'): SheetHeight {
  if (key === 'up') return step(height, 1);
  if (key === 'down') return step(height, -1);
  return height === 'full' ? 'peek' : step(height, 1);
}

/** A sheet's height while dragging: the finger's travel added, kept between the lowest and highest rest. */
export function draggedHeightPx(
  snapsPx: SheetSnapsPx,
  startPx: number,
  travelUpPx: number,
): number {
  return Math.min(snapsPx.full, Math.max(snapsPx.min, startPx + travelUpPx));
}

/** Upward speed in px/ms from the first to the last pointer sample (`y` grows downwards on screen); 0 with fewer than two. */
export function upwardVelocity(samples: readonly { t: number; y: number }[]): number {
  if (samples.length < 2) return 0;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  // Events a millisecond apart or less are as fast as the pointer reports: count them as one millisecond.
  return (first.y - last.y) / Math.max(1, last.t - first.t);
}
