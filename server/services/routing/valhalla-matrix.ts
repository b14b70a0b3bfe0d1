// Valhalla's time-distance matrix (POST {url}/sources_to_targets): `sources_to_targets` is one row per source, each a
// list of { from_index, to_index, time (s), distance } with time null where there is no route.
// https://valhalla.github.io/valhalla/api/matrix/api-reference/
import type { TravelMode } from '../../domain/routing/travel-modes.js';
import { badAnswer, engineFailure } from './engine-errors.js';
import { postJsonWithRetry, type EngineRetryOptions } from './engine-http.js';
import {
  batchedMatrix,
  DEFAULT_MATRIX_BATCHING,
  type MatrixBatching,
  type MatrixQuery,
  type TravelTimeMatrix,
} from './matrix.js';

const COSTING: Record<TravelMode, string> = { walk: 'pedestrian', bike: 'bicycle', drive: 'auto' };

export function valhallaMatrixRequest({ mode, sources, targets }: MatrixQuery) {
  const location = ([lon, lat]: [number, number]) => ({ lon, lat });
  return {
    sources: sources.map(location),
    targets: targets.map(location),
    costing: COSTING[mode],
    verbose: true,
  };
}

interface Cell {
  from_index?: unknown;
  to_index?: unknown;
  time?: unknown;
}

export function parseValhallaMatrix(body: unknown, sources: number, targets: number): Float64Array {
  const rows = (body as { sources_to_targets?: unknown } | null)?.sources_to_targets;
  if (!Array.isArray(rows) || rows.length !== sources)
    throw badAnswer(
      'valhalla',
      `sources_to_targets should have ${sources} rows`,
      'a travel-time matrix',
    );
  const out = new Float64Array(sources * targets).fill(Number.NaN);
  rows.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== targets)
      throw badAnswer(
        'valhalla',
        `row ${i} should have ${targets} entries`,
        'a travel-time matrix',
      );
    row.forEach((cell: Cell | null, j) => {
      // The indices say where a cell belongs; the order is the same in every Valhalla we know, but trust them.
      const from = typeof cell?.from_index === 'number' ? cell.from_index : i;
      const to = typeof cell?.to_index === 'number' ? cell.to_index : j;
      if (typeof cell?.time === 'number' && from < sources && to < targets)
        out[from * targets + to] = cell.time / 60;
    });
  });
  return out;
}

export function valhallaMatrix(options: {
  url: string;
  retry: EngineRetryOptions;
  batching?: MatrixBatching;
}): TravelTimeMatrix {
  const endpoint = `${options.url.replace(/\/+$/, '')}/sources_to_targets`;
  return {
    engine: 'valhalla',
    minutes: (query) =>
      batchedMatrix(
        async (part) => {
          const answer = await postJsonWithRetry(
            endpoint,
            valhallaMatrixRequest(part),
            options.retry,
          );
          if (!answer.ok) throw engineFailure('valhalla', answer, null);
          return parseValhallaMatrix(answer.body, part.sources.length, part.targets.length);
        },
        query,
        options.batching ?? DEFAULT_MATRIX_BATCHING,
      ),
  };
}
