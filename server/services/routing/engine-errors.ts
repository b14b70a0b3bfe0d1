// A remote engine's failure as the problem the client sees: 504 when it did not answer in time, 503 when it could
// not be reached (or kept failing), 502 when it answered something unusable; a 4xx about the request names the origin.
import { ServiceError } from '../errors.js';
import type { EngineAnswer } from './engine-http.js';
import type { EngineName } from './engine.js';

/** The engine's own words, from Valhalla's `{ error }` or openrouteservice's `{ error: { message } }`. */
export function engineMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'string') return error.slice(0, 300);
  if (error && typeof error === 'object') {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message.slice(0, 300);
  }
  return null;
}

export function engineFailure(
  engine: EngineName,
  answer: Extract<EngineAnswer, { ok: false }>,
  /** The request field a refusal is about; null when the caller sent no point of its own (a Huff matrix). */
  field: string | null = 'body.origin',
): ServiceError {
  const extensions = { engine, attempts: answer.attempts };
  const said = engineMessage(answer.body);
  switch (answer.kind) {
    case 'timeout':
      return new ServiceError(
        'upstream-timeout',
        `The ${engine} routing engine did not answer in time (${answer.error}, ${answer.attempts} attempts).`,
        undefined,
        { ...extensions, code: 'routing_timeout' },
      );
    case 'unreachable':
      return new ServiceError(
        'unavailable',
        `The ${engine} routing engine is not reachable (${answer.error} after ${answer.attempts} attempts); try again later.`,
        undefined,
        { ...extensions, code: 'routing_unavailable' },
      );
    case 'refused':
      if (field !== null && /^HTTP (400|404|422)$/.test(answer.error))
        return new ServiceError(
          'invalid',
          `The ${engine} routing engine cannot route from this point: ${said ?? answer.error}`,
          [{ field, code: 'no_route', message: said ?? 'no route from this point' }],
          extensions,
        );
      return new ServiceError(
        'upstream-failed',
        `The ${engine} routing engine refused the request (${answer.error}${said ? `: ${said}` : ''}).`,
        undefined,
        { ...extensions, code: 'routing_failed' },
      );
    case 'malformed':
      return badAnswer(
        engine,
        answer.error,
        field === null ? 'a travel-time matrix' : 'an isochrone',
      );
  }
}

export function badAnswer(engine: EngineName, why: string, what = 'an isochrone'): ServiceError {
  return new ServiceError(
    'upstream-failed',
    `The ${engine} routing engine answered something that is not ${what} (${why}).`,
    undefined,
    { engine, code: 'routing_failed' },
  );
}
