// parseIcs on calendars built to hurt: rules that never end or end after a billion occurrences, windows wider than
// the recurrence horizon, files over the events limit, nesting 10,000 deep, and rules ical.js would expand forever
// (those run in a worker thread, so a regression fails the test at a deadline instead of hanging the run).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_EVENTS,
  MAX_OCCURRENCES_PER_SERIES,
  RECURRENCE_FUTURE_DAYS,
  RECURRENCE_PAST_DAYS,
} from '../../server/domain/calendar-limits.js';
import { parseIcs, type IcsResult, type IcsWindow } from '../../server/services/events/ics.js';

const DAY_MS = 86_400_000;
const at = new Date('2026-04-15T00:00:00Z');
/** The default window of an import: 30 days back, a year ahead. */
const window: IcsWindow = {
  from: new Date(at.getTime() - 30 * DAY_MS),
  to: new Date(at.getTime() + 365 * DAY_MS),
};

const vevent = (uid: string, start: string, ...lines: string[]) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  'DTSTAMP:20260101T000000Z',
  `DTSTART:${start}`,
  'DURATION:PT1H',
  `SUMMARY:${uid}`,
  ...lines,
  'END:VEVENT',
];
const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Catchment tests//limits//EN',
    ...events.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const parsed = (text: string, within: IcsWindow = window) => {
  const result = parseIcs(text, within, at);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
};

/** parseIcs in a worker thread: a calendar that would hold the process forever fails the test at the deadline. */
async function parseInWorker(text: string, deadlineMs = 20_000): Promise<IcsResult> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import('tsx/esm/api')
      .then(({ register }) => { register(); return import(workerData.module); })
      .then(({ parseIcs }) => parentPort.postMessage(parseIcs(workerData.text, workerData.window, workerData.at)));
  `;
  const module = new URL('../../server/services/events/ics.ts', import.meta.url).href;
  const worker = new Worker(code, { eval: true, workerData: { module, text, window, at } });
  try {
    return await new Promise<IcsResult>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`parseIcs still busy after ${deadlineMs} ms`)),
        deadlineMs,
      );
      worker.once('message', (result: IcsResult) => (clearTimeout(timer), resolve(result)));
      worker.once('error', (error) => (clearTimeout(timer), reject(error)));
    });
  } finally {
    await worker.terminate();
  }
}

describe('recurring events are expanded within stated limits, and what was cut is said', () => {
  it('an endless FREQ=SECONDLY rule gives 1,000 occurrences and is reported cut at the series cap', () => {
    const result = parsed(
      calendar(vevent('every-second@test', '20260415T100000Z', 'RRULE:FREQ=SECONDLY')),
    );
    expect(result.events).toHaveLength(MAX_OCCURRENCES_PER_SERIES);
    expect(result.events.at(-1)!.startsAt).toBe('2026-04-15T10:16:39Z');
    expect(result.truncated).toEqual({
      count: 1,
      series: [
        { uid: 'every-second@test', name: 'every-second@test', reason: 'series-cap', kept: 1000 },
      ],
    });
  });

  it('COUNT=1000000000 is cut the same way', () => {
    const result = parsed(
      calendar(
        vevent('a-billion@test', '20260415T100000Z', 'RRULE:FREQ=MINUTELY;COUNT=1000000000'),
      ),
    );
    expect(result.events).toHaveLength(1000);
    expect(result.truncated.series).toEqual([
      { uid: 'a-billion@test', name: 'a-billion@test', reason: 'series-cap', kept: 1000 },
    ]);
  });

  it('a weekly rule inside the horizon is expanded in full, and nothing is reported cut', () => {
    const result = parsed(
      calendar(vevent('weekly@test', '20260408T170000Z', 'RRULE:FREQ=WEEKLY;COUNT=52')),
    );
    expect(result.events).toHaveLength(52);
    expect(result.events.at(-1)!.startsAt).toBe('2027-03-31T17:00:00Z');
    expect(result.truncated).toEqual({ count: 0, series: [] });
    expect(result.horizon).toEqual({
      from: new Date(at.getTime() - RECURRENCE_PAST_DAYS * DAY_MS),
      to: new Date(at.getTime() + RECURRENCE_FUTURE_DAYS * DAY_MS),
    });
  });

  it('a window wider than the horizon is expanded only inside the horizon, and the rule is reported cut there', () => {
    const wide = { from: new Date('2023-01-01T00:00:00Z'), to: new Date('2031-01-01T00:00:00Z') };
    const result = parsed(
      calendar(vevent('weekly-forever@test', '20240103T100000Z', 'RRULE:FREQ=WEEKLY')),
      wide,
    );
    const { from, to } = result.horizon;
    const expected: string[] = [];
    for (let t = Date.parse('2024-01-03T10:00:00Z'); t <= to.getTime(); t += 7 * DAY_MS)
      if (t + 3_600_000 >= from.getTime())
        expected.push(new Date(t).toISOString().replace('.000Z', 'Z'));
    expect(result.events.map((e) => e.startsAt)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(150); // about three years of Wednesdays
    expect(result.truncated.series).toEqual([
      {
        uid: 'weekly-forever@test',
        name: 'weekly-forever@test',
        reason: 'horizon',
        kept: expected.length,
      },
    ]);
  });

  it(`refuses a calendar with more than ${MAX_IMPORT_EVENTS} events, naming the body; exactly that many is fine`, () => {
    const busy = Array.from({ length: MAX_IMPORT_EVENTS / 1000 }, (_, i) =>
      vevent(`busy-${i}@test`, '20260415T100000Z', 'RRULE:FREQ=MINUTELY'),
    );
    expect(parsed(calendar(...busy)).events).toHaveLength(MAX_IMPORT_EVENTS);
    const result = parseIcs(
      calendar(...busy, vevent('one-more@test', '20260420T100000Z')),
      window,
      at,
    );
    expect(result).toMatchObject({
      ok: false,
      detail: expect.stringContaining('more than 5,000 events'),
      errors: [{ field: 'body', message: expect.stringContaining('at most 5,000') }],
    });
  });

  it('refuses a VCALENDAR nested in another, 10,000 deep, at its line and at once', () => {
    const deep = 'BEGIN:VCALENDAR\r\n'.repeat(10_000) + 'END:VCALENDAR\r\n'.repeat(10_000);
    const started = performance.now();
    const result = parseIcs(deep, window, at);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'body.line.2', message: expect.stringContaining('calendars do not nest') }],
    });
  });

  it('refuses components nested deeper than a calendar needs', () => {
    const inner = 'BEGIN:X-BOX\r\n'.repeat(10_000) + 'END:X-BOX\r\n'.repeat(10_000);
    const result = parseIcs(
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${inner}END:VCALENDAR\r\n`,
      window,
      at,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'body.line.8', message: expect.stringContaining('at most 6') }],
    });
  });
});

describe('rules ical.js would expand for minutes or forever stop at a step budget', () => {
  it('a rule no instant satisfies (30 February, hourly) keeps its first instance and is reported cut', async () => {
    const result = await parseInWorker(
      calendar(
        vevent('never@test', '20260415T100000Z', 'RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30'),
      ),
    );
    expect(result).toMatchObject({
      ok: true,
      truncated: { count: 1, series: [{ uid: 'never@test', reason: 'series-cap', kept: 1 }] },
    });
  });

  it('a file of such rules is refused whole, naming the body', async () => {
    const rules = Array.from({ length: 11 }, (_, i) =>
      vevent(`never-${i}@test`, '20260415T100000Z', 'RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30'),
    );
    const result = await parseInWorker(calendar(...rules));
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'body', message: expect.stringContaining('steps') }],
    });
  });

  it('a time zone whose offset "changes" every minute is refused, not expanded since 1970', async () => {
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Every/Minute',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'DTSTART:19700101T000000',
      'RRULE:FREQ=MINUTELY',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const result = await parseInWorker(
      calendar(
        zone,
        vevent('meeting@test', '20260420T100000Z').map((line) =>
          line.replace(/^DTSTART:(.*)Z$/, 'DTSTART;TZID=Every/Minute:$1'),
        ),
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'body', message: expect.stringContaining('VTIMEZONE') }],
    });
  });
});
