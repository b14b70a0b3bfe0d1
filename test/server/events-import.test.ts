// POST /api/events/import with hand-written calendar files (test/fixtures/ics): time zones with a DST change, all-day
// events, weekly recurrence with an EXDATE, folded and escaped text, GEO and LOCATION-only events; re-import is
// idempotent, and a broken file answers 422 naming its line and writes nothing. Expected instants are worked out by
// hand from the Berlin offsets (CET = UTC+1, CEST = UTC+2 from 29 March 2026 02:00) and New York's (EDT = UTC−4).
// The server's clock stands at 15 April 2026, so the recurrence horizon is 15 April 2025 to 14 April 2028.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

interface ImportResult {
  inserted: number;
  updated: number;
  needsPlace: number;
  events: string[];
  horizon: { from: string; to: string };
  truncated: {
    count: number;
    series: { uid: string; name: string; reason: 'horizon' | 'series-cap'; kept: number }[];
  };
}
interface EventFeature {
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown> & {
    name: string;
    startsAt: string;
    endsAt: string;
    icsUid: string | null;
    version: number;
    needsPlace: boolean;
  };
}

const NOW = new Date('2026-04-15T00:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ customers: 200, clock: () => NOW });
});
afterAll(async () => {
  await server?.close();
});

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8');
const window = `from=${encodeURIComponent('2026-03-01T00:00:00Z')}&to=${encodeURIComponent('2026-06-01T00:00:00Z')}`;
const importFile = (text: string, query = window) =>
  server.fetch(`/api/events/import?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
    body: text,
  });
const imported = async (name: string) => {
  const response = await importFile(fixture(name));
  expect(response.status, name).toBe(200);
  return (await response.json()) as ImportResult;
};
const eventsOf = async (ids: string[]) =>
  Promise.all(
    ids.map(async (id) => (await (await server.fetch(`/api/events/${id}`)).json()) as EventFeature),
  );
const byUid = (events: EventFeature[], uid: string) =>
  events.filter((e) => e.properties.icsUid === uid);
const tableSnapshot = () => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM events ORDER BY id').all());
  } finally {
    db.close();
  }
};

describe('importing calendar files', () => {
  it('converts VTIMEZONE times to UTC on both sides of the DST change', async () => {
    const result = await imported('berlin-dst.ics');
    expect(result).toMatchObject({ inserted: 3, updated: 0, needsPlace: 0 });
    const events = await eventsOf(result.events);
    const times = Object.fromEntries(
      events.map((e) => [e.properties.icsUid, [e.properties.startsAt, e.properties.endsAt]]),
    );
    expect(times).toEqual({
      'winter-side@catchment.test': ['2026-03-28T09:00:00Z', '2026-03-28T15:00:00Z'],
      'summer-side@catchment.test': ['2026-03-30T08:00:00Z', '2026-03-30T14:00:00Z'],
      'across-change@catchment.test': ['2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z'],
    });
    const winter = byUid(events, 'winter-side@catchment.test')[0]!;
    expect(winter.geometry).toEqual({ type: 'Point', coordinates: [13.4026, 52.5434] });
    expect(winter.properties).toMatchObject({
      source: 'ics',
      timezone: 'Europe/Berlin',
      category: 'market',
      status: 'confirmed',
      allDay: false,
      needsPlace: false,
    });
    expect(byUid(events, 'summer-side@catchment.test')[0]!.properties.status).toBe('planned');
  });

  it('expands a weekly RRULE inside the window, leaving out the EXDATE, across the DST change', async () => {
    const result = await imported('weekly-exdate.ics');
    const events = await eventsOf(result.events);
    const weekly = byUid(events, 'street-food-thursday@catchment.test');
    expect(weekly.map((e) => [e.properties.startsAt, e.properties.endsAt])).toEqual([
      ['2026-03-19T16:00:00Z', '2026-03-19T21:00:00Z'],
      ['2026-03-26T16:00:00Z', '2026-03-26T21:00:00Z'],
      // 2 April is excluded; from here on it is summer time.
      ['2026-04-09T15:00:00Z', '2026-04-09T20:00:00Z'],
      ['2026-04-16T15:00:00Z', '2026-04-16T20:00:00Z'],
    ]);
    // An endless daily rule: only the occurrences overlapping 1 March – 1 June (92 days), no LOCATION-only GEO.
    const daily = byUid(events, 'daily-forever@catchment.test');
    expect(daily).toHaveLength(92);
    expect(daily[0]!.properties.startsAt).toBe('2026-03-01T12:00:00Z');
    expect(daily.at(-1)!.properties.startsAt).toBe('2026-05-31T12:00:00Z');
    expect(result.needsPlace).toBe(92);
    expect(
      daily.every(
        (e) =>
          e.geometry === null &&
          e.properties.needsPlace &&
          e.properties.locationText === 'Somewhere in Mitte',
      ),
    ).toBe(true);
    expect(result.inserted).toBe(96);
    // Inside the horizon both rules are expanded in full: nothing is reported cut.
    expect(result.truncated).toEqual({ count: 0, series: [] });
  });

  it('expands an endless rule only up to the horizon however wide the window, and says where it stopped', async () => {
    const response = await importFile(
      fixture('weekly-exdate.ics').replace(/daily-forever/g, 'daily-capped'),
      `from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2031-01-01T00:00:00Z')}`,
    );
    const result = (await response.json()) as ImportResult;
    const db = new Database(server.dbFile, { readonly: true });
    const [count, last] = db
      .prepare(
        "SELECT count(*), max(starts_at) FROM events WHERE ics_uid = 'daily-capped@catchment.test'",
      )
      .raw()
      .get() as [number, string];
    db.close();
    // Daily from 1 January 2026 to the horizon's end on 14 April 2028: 365 + 365 + 104 days.
    expect([count, last]).toEqual([834, '2028-04-13T12:00:00Z']);
    expect(result.horizon).toEqual({
      from: '2025-04-15T00:00:00.000Z',
      to: '2028-04-14T00:00:00.000Z',
    });
    expect(result.truncated).toEqual({
      count: 1,
      series: [
        {
          uid: 'daily-capped@catchment.test',
          name: 'Lunch concert every day',
          reason: 'horizon',
          kept: 834,
        },
      ],
    });
  });

  it('reads all-day events as midnight to midnight in the calendar time zone', async () => {
    const result = await imported('all-day.ics');
    const events = await eventsOf(result.events);
    expect(
      events.map((e) => [
        e.properties.icsUid,
        e.properties.startsAt,
        e.properties.endsAt,
        e.properties.allDay,
        e.properties.timezone,
      ]),
    ).toEqual([
      [
        'christmas-days@catchment.test',
        '2026-12-23T23:00:00Z',
        '2026-12-26T23:00:00Z',
        true,
        'Europe/Berlin',
      ],
      // No DTEND: one day; in July Berlin is UTC+2.
      [
        'one-day@catchment.test',
        '2026-07-03T22:00:00Z',
        '2026-07-04T22:00:00Z',
        true,
        'Europe/Berlin',
      ],
    ]);
    expect(result.needsPlace).toBe(1);
  });

  it('unfolds lines and unescapes text, and reads GEO as the position', async () => {
    const result = await imported('folded-escaped.ics');
    const [event] = await eventsOf(result.events);
    expect(event!.properties.name).toBe(
      'Festival of lights, opening night; with music at the Brandenburg Gate',
    );
    expect(event!.properties.notes).toBe(
      'Line one\nLine two with a backslash \\ and a comma, folded across three physical lines of the file so that the unfolding is tested for real.',
    );
    expect(event!.properties.locationText).toBe('Pariser Platz, Berlin');
    expect(event!.geometry).toEqual({ type: 'Point', coordinates: [13.3777, 52.5163] });
  });

  it('imports LOCATION-only events as needing a place, and a TZID without VTIMEZONE through the IANA database', async () => {
    const result = await imported('location-only.ics');
    expect(result).toMatchObject({ inserted: 2, needsPlace: 2 });
    const [tasting, parade] = await eventsOf(result.events);
    expect(tasting!.geometry).toBeNull();
    expect(tasting!.properties).toMatchObject({
      needsPlace: true,
      locationText: 'Markthalle Neun, Eisenbahnstraße 42, Berlin',
      startsAt: '2026-06-12T15:00:00Z',
    });
    expect(parade!.properties).toMatchObject({
      timezone: 'America/New_York',
      startsAt: '2026-07-04T13:00:00Z',
      endsAt: '2026-07-04T15:00:00Z',
    });
  });

  it('re-imports by UID and occurrence: updates, never duplicates, and keeps a place set by hand', async () => {
    const first = await imported('location-only.ics');
    expect(first).toMatchObject({ inserted: 0, updated: 2 });
    const [tasting] = await eventsOf(first.events);
    const placed = await server.fetch(`/api/events/${tasting!.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: tasting!.properties.version,
        location: { type: 'Point', coordinates: [13.4318, 52.5023] },
      }),
    });
    expect(placed.status).toBe(200);

    const weeklyBefore = tableSnapshot();
    const again = await imported('weekly-exdate.ics');
    expect(again).toMatchObject({ inserted: 0, updated: 96 });
    expect(tableSnapshot()).toBe(weeklyBefore); // nothing changed, not even versions

    const second = await imported('location-only.ics');
    expect(second).toMatchObject({ inserted: 0, updated: 2, needsPlace: 1 });
    expect(second.events).toEqual(first.events);
    const [kept] = await eventsOf(second.events);
    expect(kept!.geometry).toEqual({ type: 'Point', coordinates: [13.4318, 52.5023] });

    // A changed SUMMARY updates the same event and bumps its version.
    const renamed = await importFile(
      fixture('location-only.ics').replace(
        'SUMMARY:Tasting at Markthalle Neun',
        'SUMMARY:Tasting at Markthalle Neun (new menu)',
      ),
    );
    const third = (await renamed.json()) as ImportResult;
    expect(third.events).toEqual(first.events);
    const [after] = await eventsOf(third.events);
    expect(after!.properties.name).toBe('Tasting at Markthalle Neun (new menu)');
    expect(after!.properties.version).toBe(kept!.properties.version + 1);
  });

  it('removes an event, or one occurrence, that a re-imported calendar marks cancelled; the rest stay', async () => {
    const event = (lines: string[]) => [
      'BEGIN:VEVENT',
      'DTSTAMP:20260101T000000Z',
      ...lines,
      'END:VEVENT',
    ];
    const file = (...events: string[][]) =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Catchment tests//cancel//EN',
        ...events.flat(),
        'END:VCALENDAR',
        '',
      ].join('\r\n');
    const fair = [
      'UID:cancel-fair@catchment.test',
      'DTSTART:20260410T100000Z',
      'DTEND:20260410T160000Z',
      'SUMMARY:Spring fair',
    ];
    const yoga = [
      'UID:cancel-yoga@catchment.test',
      'DTSTART:20260406T070000Z',
      'DTEND:20260406T080000Z',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'SUMMARY:Park yoga',
    ];
    const first = (await (
      await importFile(file(event(fair), event(yoga)))
    ).json()) as ImportResult & { removed: number };
    expect(first).toMatchObject({ inserted: 4, removed: 0 });

    const rainedOff = [
      'UID:cancel-yoga@catchment.test',
      'RECURRENCE-ID:20260413T070000Z',
      'DTSTART:20260413T070000Z',
      'DTEND:20260413T080000Z',
      'SUMMARY:Park yoga',
      'STATUS:CANCELLED',
    ];
    const second = (await (
      await importFile(file(event([...fair, 'STATUS:CANCELLED']), event(yoga), event(rainedOff)))
    ).json()) as ImportResult & { removed: number };
    expect(second).toMatchObject({ inserted: 0, updated: 2, removed: 2 });
    const statuses = await Promise.all(
      first.events.map(async (id) => (await server.fetch(`/api/events/${id}`)).status),
    );
    expect(statuses).toEqual([404, 200, 404, 200]); // the fair, then the yoga mornings of 6, 13 and 20 April
    const left = await eventsOf(first.events.filter((_, i) => statuses[i] === 200));
    expect(left.map((e) => e.properties.startsAt)).toEqual([
      '2026-04-06T07:00:00Z',
      '2026-04-20T07:00:00Z',
    ]);
    // Importing the same file again removes nothing more.
    expect(
      await (
        await importFile(file(event([...fair, 'STATUS:CANCELLED']), event(yoga), event(rainedOff)))
      ).json(),
    ).toMatchObject({ removed: 0, updated: 2 });
  });

  it('expands RDATEs: DTSTART is the first instance, extra dates join an RRULE, an instant both produce counts once', async () => {
    const result = await imported('rdate.ics');
    const events = await eventsOf(result.events);
    // Berlin: 15 March is CET (UTC+1), April and May CEST (UTC+2); 7 June is outside the window.
    expect(
      byUid(events, 'flea-market-dates@catchment.test').map((e) => [
        e.properties.startsAt,
        e.properties.endsAt,
      ]),
    ).toEqual([
      ['2026-03-15T09:00:00Z', '2026-03-15T15:00:00Z'],
      ['2026-04-12T08:00:00Z', '2026-04-12T14:00:00Z'],
      ['2026-05-10T08:00:00Z', '2026-05-10T14:00:00Z'],
    ]);
    // First Mondays (COUNT=3) plus one extra Wednesday.
    expect(
      byUid(events, 'rule-plus-extra@catchment.test').map((e) => e.properties.startsAt),
    ).toEqual([
      '2026-03-02T18:00:00Z',
      '2026-03-25T18:00:00Z',
      '2026-04-06T18:00:00Z',
      '2026-05-04T18:00:00Z',
    ]);
    // A PERIOD RDATE gives its start; the occurrence lasts as long as the event (its own length is not read).
    expect(
      byUid(events, 'period-dates@catchment.test').map((e) => [
        e.properties.startsAt,
        e.properties.endsAt,
      ]),
    ).toEqual([
      ['2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z'],
      ['2026-04-08T09:00:00Z', '2026-04-08T10:00:00Z'],
    ]);
    expect(result).toMatchObject({ inserted: 9, updated: 0 });

    const twice = fixture('rdate.ics')
      .replace('RDATE:20260325T180000Z', 'RDATE:20260325T180000Z,20260406T180000Z')
      .replace(/rule-plus-extra/g, 'rule-and-rdate-overlap');
    const overlap = (await (await importFile(twice)).json()) as ImportResult;
    expect(new Set(overlap.events).size).toBe(overlap.events.length);
    expect(
      byUid(await eventsOf(overlap.events), 'rule-and-rdate-overlap@catchment.test'),
    ).toHaveLength(4);

    const exdated = fixture('rdate.ics')
      .replace(
        'RDATE;TZID=Europe/Berlin:20260607T100000',
        'EXDATE;TZID=Europe/Berlin:20260315T100000',
      )
      .replace(/flea-market-dates/g, 'flea-market-exdate');
    const withoutFirst = await eventsOf(
      ((await (await importFile(exdated)).json()) as ImportResult).events,
    );
    expect(
      byUid(withoutFirst, 'flea-market-exdate@catchment.test').map((e) => e.properties.startsAt),
    ).toEqual(['2026-04-12T08:00:00Z', '2026-05-10T08:00:00Z']);
  });

  it('reads a Google Calendar export, ignoring X-WR-* headers, alarms, attendees and other extensions', async () => {
    const result = await imported('google-export.ics');
    expect(result).toMatchObject({ inserted: 2, needsPlace: 2 });
    const [fair, party] = await eventsOf(result.events);
    expect(fair!.properties).toMatchObject({
      name: 'Spring fair at Boxhagener Platz',
      startsAt: '2026-04-18T12:00:00Z',
      endsAt: '2026-04-18T16:00:00Z',
      timezone: 'Europe/Berlin',
      status: 'confirmed',
      locationText: 'Boxhagener Platz, 10245 Berlin, Germany',
      notes: 'Bring your own cup.<br>Live music from 15:00.', // the alarm's DESCRIPTION stays with the alarm
    });
    // An all-day event in the calendar's X-WR-TIMEZONE.
    expect(party!.properties).toMatchObject({
      name: 'Labour day street party',
      allDay: true,
      startsAt: '2026-04-30T22:00:00Z',
      endsAt: '2026-05-01T22:00:00Z',
      status: 'planned',
    });
    // Attendees are personal data the app has no use for: nothing of them is stored.
    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(
        JSON.stringify(db.prepare('SELECT * FROM events WHERE ics_uid LIKE ?').all('%@google.com')),
      ).not.toMatch(/jane|max@|mailto/i);
    } finally {
      db.close();
    }
  });

  it('answers a broken file with 422 naming the line, and writes nothing', async () => {
    const before = tableSnapshot();
    const problem = await expectProblem(
      await importFile(fixture('broken.ics')),
      422,
      'body.line.7',
    );
    expect(problem.errors).toHaveLength(1);
    // The good event before the bad one is not written either.
    await expectProblem(await importFile(fixture('broken-date.ics')), 422, 'body.line.13');
    await expectProblem(
      await importFile(
        'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20260101T100000Z\nEND:VCALENDAR\n',
      ),
      422,
      'body.line.5',
    );
    await expectProblem(await importFile('hello'), 422, 'body.line.1');
    await expectProblem(
      await importFile(
        'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101T100000Z\nEND:VEVENT\nEND:VCALENDAR\n',
      ),
      422,
      'body.line.2',
    );
    expect(tableSnapshot()).toBe(before);
  });

  it('wants text/calendar (or JSON with a feed url), a sane window, and the events:write permission', async () => {
    await expectProblem(
      await server.fetch(`/api/events/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'BEGIN:VCALENDAR',
      }),
      415,
      'headers.content-type',
    );
    await expectProblem(
      await server.fetch(`/api/events/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
      422,
      'body.url',
    );
    await expectProblem(
      await importFile(
        fixture('all-day.ics'),
        `from=${encodeURIComponent('2026-06-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-01T00:00:00Z')}`,
      ),
      400,
      'query.to',
    );
    const viewer = await server.as('viewer');
    await expectProblem(
      await viewer('/api/events/import', {
        method: 'POST',
        headers: { 'Content-Type': 'text/calendar' },
        body: fixture('all-day.ics'),
      }),
      403,
    );
  });
});

describe('the limits of an import', () => {
  const event = (uid: string, ...lines: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260420T100000Z',
    'DURATION:PT1S',
    `SUMMARY:${uid}`,
    ...lines,
    'END:VEVENT',
  ];
  const file = (...events: string[][]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Catchment tests//limits//EN',
      ...events.flat(),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  const rowsOf = (uid: string) => {
    const db = new Database(server.dbFile, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM events WHERE ics_uid = ?').pluck().get(uid) as number;
    } finally {
      db.close();
    }
  };

  it('an endless FREQ=SECONDLY rule adds 1,000 events, and the result says the rule was cut at the series cap', async () => {
    const response = await importFile(
      file(event('every-second@catchment.test', 'RRULE:FREQ=SECONDLY')),
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as ImportResult;
    expect(result).toMatchObject({
      inserted: 1000,
      truncated: {
        count: 1,
        series: [
          {
            uid: 'every-second@catchment.test',
            name: 'every-second@catchment.test',
            reason: 'series-cap',
            kept: 1000,
          },
        ],
      },
    });
    expect(rowsOf('every-second@catchment.test')).toBe(1000);
  });

  it('COUNT=1000000000 adds 1,000 events, and the result says so', async () => {
    const result = (await (
      await importFile(
        file(event('a-billion@catchment.test', 'RRULE:FREQ=MINUTELY;COUNT=1000000000')),
      )
    ).json()) as ImportResult;
    expect(result.truncated.series).toEqual([
      {
        uid: 'a-billion@catchment.test',
        name: 'a-billion@catchment.test',
        reason: 'series-cap',
        kept: 1000,
      },
    ]);
    expect(rowsOf('a-billion@catchment.test')).toBe(1000);
  });

  it('refuses 10,000 VCALENDARs nested in one another with 422 naming the line, and writes nothing', async () => {
    const before = tableSnapshot();
    const nested = 'BEGIN:VCALENDAR\r\n'.repeat(10_000) + 'END:VCALENDAR\r\n'.repeat(10_000);
    const problem = await expectProblem(await importFile(nested), 422, 'body.line.2');
    expect(problem.errors?.[0]?.message).toMatch(/calendars do not nest/);
    expect(tableSnapshot()).toBe(before);
  });

  it('refuses an import that would add more than 5,000 events with 422 naming body, and writes nothing', async () => {
    const before = tableSnapshot();
    const busy = Array.from({ length: 5 }, (_, i) =>
      event(`busy-${i}@catchment.test`, 'RRULE:FREQ=MINUTELY'),
    );
    const problem = await expectProblem(
      await importFile(file(...busy, event('one-too-many@catchment.test'))),
      422,
      'body',
    );
    expect(problem.detail).toMatch(/more than 5,000 events; nothing was imported/);
    expect(tableSnapshot()).toBe(before);
  });

  it('states the horizon and the limits in the API description', async () => {
    const doc = (await (await server.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { description?: string } }>;
    };
    const description = doc.paths['/api/events/import']?.post?.description ?? '';
    expect(description).toMatch(/365 days before the import to 730 days after it/);
    expect(description).toMatch(/at most 1,000 occurrences each/);
    expect(description).toMatch(/more than 5,000 events/);
  });
});
