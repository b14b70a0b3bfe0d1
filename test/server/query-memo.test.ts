// A memoised query parse answers exactly what parsing again would: each distinct query its own result, invalid
// queries a 400 naming the field every time, and a full memo starts over rather than growing.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoisedQuery } from '../../server/http/query-memo.js';
import { expectProblem } from '../helpers/problem.js';

function appWith(maxEntries: number) {
  let parses = 0;
  const schema = z.object({ lat: z.string().transform((s) => (parses++, Number(s))) });
  const query = memoisedQuery(schema, maxEntries);
  const app = new Hono().get('/q', (c) => {
    const parsed = query(c);
    return parsed.ok ? c.json(parsed.query) : parsed.response;
  });
  return { app, parses: () => parses };
}

describe('a memoised query', () => {
  it('parses each distinct query string once and answers each with its own values', async () => {
    const { app, parses } = appWith(16);
    expect(await (await app.request('/q?lat=52.5')).json()).toEqual({ lat: 52.5 });
    expect(await (await app.request('/q?lat=48.1')).json()).toEqual({ lat: 48.1 });
    expect(await (await app.request('/q?lat=52.5')).json()).toEqual({ lat: 52.5 });
    expect(parses()).toBe(2);
  });

  it('answers an invalid query 400 naming the field, every time', async () => {
    const { app } = appWith(16);
    await expectProblem(await app.request('/q'), 400, 'query.lat');
    await expectProblem(await app.request('/q'), 400, 'query.lat');
  });

  it('starts over when full instead of growing', async () => {
    const { app, parses } = appWith(2);
    for (const lat of ['1', '2', '3', '1']) await app.request(`/q?lat=${lat}`);
    // 1 and 2 kept; 3 found the memo full and cleared it; so 1 was parsed again.
    expect(parses()).toBe(4);
  });
});
