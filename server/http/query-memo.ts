// A GET route's query parsed once per distinct query string: a till asks for the offers at its own fixed point again
// and again, and parsing that query with its schema (decimal checks, ranges, the optional instant) was about a tenth
// of the lookup's CPU. Parsing is pure, so the kept result is exactly what parsing again would give.
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidFields } from './router.js';

export type QueryResult<T> = { ok: true; query: T } | { ok: false; response: Response };

/** Parses a request's query; `kept` is the result already parsed for a raw query string, if any. */
export type MemoisedQuery<T> = ((c: Context) => QueryResult<T>) & {
  kept(rawQuery: string): T | undefined;
};

/**
 * A parser for `schema` over a request's query that keeps up to `maxEntries` valid results by the raw query string
 * (dropped whole when full). Invalid queries are parsed every time and answer 400 naming the field, as the routers'
 * own validation does.
 */
export function memoisedQuery<S extends z.ZodType>(
  schema: S,
  maxEntries = 4096,
): MemoisedQuery<Readonly<z.output<S>>> {
  const kept = new Map<string, Readonly<z.output<S>>>();
  const parse = (c: Context): QueryResult<Readonly<z.output<S>>> => {
    const url = c.req.url;
    const start = url.indexOf('?');
    const raw = start < 0 ? '' : url.slice(start + 1);
    const hit = kept.get(raw);
    if (hit !== undefined) return { ok: true, query: hit };
    const result = schema.safeParse(c.req.query());
    if (!result.success)
      return { ok: false, response: invalidFields(c, 400, 'query', result.error) };
    if (kept.size >= maxEntries) kept.clear();
    const query = Object.freeze(result.data) as Readonly<z.output<S>>;
    kept.set(raw, query);
    return { ok: true, query };
  };
  return Object.assign(parse, { kept: (rawQuery: string) => kept.get(rawQuery) });
}
