// The categorical area palette (tokens --area-1 … --area-8) and the colour a new area gets.
import { readPalette } from '../../map/palette';

let cached: string[] | null = null;

/** The area colours from the design tokens, read once (hex, as the area schema stores them). */
export function areaPalette(): string[] {
  if (!cached || cached.length === 0) cached = readPalette().areas.filter((c) => /^#[0-9a-f]{6}$/i.test(c));
  return cached.length ? cached : ['#1f77b4'];
}

/**
 * The least-used colour, first in palette order on a tie, so neighbouring new areas differ.
 * @example pickColor(['#1f77b4'], ['#1f77b4', '#d62728']) // '#d62728'
 */
export function pickColor(used: readonly string[], palette: readonly string[]): string {
  const counts = new Map(palette.map((c) => [c.toLowerCase(), 0]));
  for (const c of used) {
    const key = c.toLowerCase();
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  let best = palette[0] ?? '#1f77b4';
  let bestCount = Infinity;
  for (const c of palette) {
    const n = counts.get(c.toLowerCase()) ?? 0;
    if (n < bestCount) [best, bestCount] = [c, n];
  }
  return best;
}
