// openrouteservice's matrix (POST {url}/v2/matrix/{profile}): one `locations` list with `sources` and `destinations`
// as indices into it; `durations` answers in seconds, sources × destinations, null where there is no route.
// https://openrouteservice.org/dev/#/api-docs/v2/matrix/{profile}/post
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

const PROFILE: Record<TravelMode, string> = {
  walk: 'foot-walking',
  bike: 'cycling-regular',
  drive: 'driving-car',
};

export function openRouteServiceMatrixRequest({ sources, targets }: MatrixQuery) {
  return {
    locations: [...sources, ...targets].map(([lng, lat]) => [lng, lat]),
    sources: sources.map((_, i) => i),
    destinations: targets.map((_, j) => sources.length + j),
    metrics: ['duration'],
  };
}

export function parseOpenRouteServiceMatrix(
  body: unknown,
  sources: number,
  targets: number,
): Float64Array {
  const rows = (body as { durations?: unknown } | null)?.durations;
  if (!Array.isArray(rows) || rows.length !== sources)
    throw badAnswer(
      'openrouteservice',
      `durations should have ${sources} rows`,
      'a travel-time matrix',
    );
  const out = new Float64Array(sources * targets).fill(Number.NaN);
  rows.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== targets)
      throw badAnswer(
        'openrouteservice',
        `row ${i} should have ${targets} durations`,
        'a travel-time matrix',
      );
    row.forEach((seconds: unknown, j) => {
      if (typeof seconds === 'number') out[i * targets + j] = seconds / 60;
    });
  });
  return out;
}

export function openRouteServiceMatrix(options: {
  url: string;
  apiKey: string | null;
  retry: EngineRetryOptions;
  batching?: MatrixBatching;
}): TravelTimeMatrix {
  const base = options.url.replace(/\/+$/, '');
  const headers: Record<string, string> = options.apiKey ? { Authorization: options.apiKey } : {};
  return {
    engine: 'openrouteservice',
    minutes: (query) =>
      batchedMatrix(
        async (part) => {
          const answer = await postJsonWithRetry(
            `${base}/v2/matrix/${PROFILE[part.mode]}`,
            openRouteServiceMatrixRequest(part),
            { ...options.retry, headers },
          );
          if (!answer.ok) throw engineFailure('openrouteservice', answer, null);
          return parseOpenRouteServiceMatrix(answer.body, part.sources.length, part.targets.length);
        },
        query,
        options.batching ?? DEFAULT_MATRIX_BATCHING,
      ),
  };
}
