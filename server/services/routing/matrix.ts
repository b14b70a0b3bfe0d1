// Travel times from many places to many stores, from a remote routing engine's matrix service. The engines cap the
// pairs one request may ask for, so the matrix is asked for in blocks (a few at a time) and stitched back together.
import type { TravelMode } from '../../domain/routing/travel-modes.js';
import type { EngineName } from './engine.js';

export interface MatrixQuery {
  mode: TravelMode;
  /** [lng, lat] each. */
  sources: readonly [number, number][];
  targets: readonly [number, number][];
}

export interface TravelTimeMatrix {
  engine: Exclude<EngineName, 'offline'>;
  /** Minutes, row-major (row i = source i); NaN where the engine found no route. Throws ServiceError like isochrones. */
  minutes(query: MatrixQuery): Promise<Float64Array>;
}

/** One block's answer: minutes row-major over the block's sources × targets. */
export type MatrixBlock = (query: MatrixQuery) => Promise<Float64Array>;

export interface MatrixBatching {
  /** Source × target pairs per request: Valhalla's default `max_matrix_location_pairs` and ORS's default limit. */
  maxPairs: number;
  /** Requests in flight at once: an engine on a small box is not to be flooded. */
  concurrency: number;
}

export const DEFAULT_MATRIX_BATCHING: MatrixBatching = { maxPairs: 2500, concurrency: 4 };

/**
 * The whole matrix from blocks of at most `maxPairs` pairs.
 * @example await batchedMatrix(block, { mode: 'drive', sources, targets }) // Float64Array(sources × targets)
 */
export async function batchedMatrix(
  block: MatrixBlock,
  query: MatrixQuery,
  { maxPairs, concurrency }: MatrixBatching = DEFAULT_MATRIX_BATCHING,
): Promise<Float64Array> {
  const I = query.sources.length;
  const J = query.targets.length;
  const out = new Float64Array(I * J).fill(Number.NaN);
  const targetStep = Math.max(1, Math.min(J, maxPairs));
  const sourceStep = Math.max(1, Math.floor(maxPairs / targetStep));
  const blocks: { i0: number; i1: number; j0: number; j1: number }[] = [];
  for (let i0 = 0; i0 < I; i0 += sourceStep)
    for (let j0 = 0; j0 < J; j0 += targetStep)
      blocks.push({ i0, i1: Math.min(I, i0 + sourceStep), j0, j1: Math.min(J, j0 + targetStep) });
  let next = 0;
  let failed = false;
  const lane = async () => {
    // Once a block has failed (after its retries) the matrix cannot be whole: the other lanes stop asking.
    while (next < blocks.length && !failed) {
      const { i0, i1, j0, j1 } = blocks[next++]!;
      const part = await block({
        mode: query.mode,
        sources: query.sources.slice(i0, i1),
        targets: query.targets.slice(j0, j1),
      }).catch((error: unknown) => {
        failed = true;
        throw error;
      });
      const width = j1 - j0;
      for (let i = i0; i < i1; i++)
        out.set(part.subarray((i - i0) * width, (i - i0 + 1) * width), i * J + j0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, blocks.length) }, lane));
  return out;
}
