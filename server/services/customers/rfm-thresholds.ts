// The workspace's RFM quintile cuts from the index's columns: every live buyer's last purchase day, purchases and
// spend. Days and purchases are whole numbers and are counted, not sorted; only spend is sorted (~80 ms a million).
import { quintileCuts, type RfmThresholds } from '../../domain/rfm.js';
import { NEVER, ROWS, type IndexColumns } from './columns.js';

/** Cuts of whole numbers by counting (range ≤ 4M), falling back to a sort for a wider range. */
function integerCuts(values: Int32Array): number[] {
  const n = values.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min > 4_000_000) return quintileCuts(values);
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[(values[i] as number) - min]!++;
  const cuts: number[] = [];
  let seen = 0;
  let v = 0;
  for (const k of [1, 2, 3, 4]) {
    const rank = Math.max(1, Math.ceil((k * n) / 5));
    while (seen + (counts[v] as number) < rank) seen += counts[v++] as number;
    cuts.push(v + min);
  }
  return cuts;
}

export function rfmThresholdsOf(c: IndexColumns): RfmThresholds {
  const rows = Atomics.load(c.meta, ROWS);
  let buyers = 0;
  for (let i = 0; i < rows; i++)
    if (c.alive[i] === 1 && c.lastDay[i] !== NEVER && (c.visits[i] as number) > 0) buyers++;
  const days = new Int32Array(buyers);
  const visits = new Int32Array(buyers);
  const spend = new Float64Array(buyers);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    if (c.alive[i] !== 1 || c.lastDay[i] === NEVER || !((c.visits[i] as number) > 0)) continue;
    days[k] = c.lastDay[i] as number;
    visits[k] = Math.min(c.visits[i] as number, 0x7fffffff);
    spend[k++] = c.spend[i] as number;
  }
  return {
    recency: integerCuts(days),
    frequency: integerCuts(visits),
    monetary: quintileCuts(spend),
  };
}
