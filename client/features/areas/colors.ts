// The categorical area palette (the domain's, shared with the server) and the colour a new area gets.
import { areaPalette as palette } from '../../../server/domain/schemas/area';

/** The colours an area may take, in order (hex, as the area schema stores them). */
export function areaPalette(): readonly string[] {
  return palette;
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
