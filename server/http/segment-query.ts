// A segment passed in a query string (URL-encoded JSON), as the audience export and an event's reach take it.
import { segment as segmentSchema, type Segment } from '../domain/schemas/segment.js';
import { fieldErrorsFromZod, ProblemError } from './problem.js';

/** The segment in `raw`, or undefined when absent or empty; 400 naming query.segment when it is not a valid one. */
export function segmentFromQuery(raw: string | undefined): Segment | undefined {
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ProblemError(400, 'segment is not valid JSON', [
      { field: 'query.segment', code: 'invalid_json', message: 'malformed JSON' },
    ]);
  }
  const parsed = segmentSchema.safeParse(value);
  if (!parsed.success)
    throw new ProblemError(
      400,
      'segment has invalid fields',
      fieldErrorsFromZod(parsed.error, 'query.segment'),
    );
  return parsed.data;
}
