// Importing a calendar from the Events panel in a real Chromium: a small .ics (one event with GEO, one with only a
// LOCATION) is chosen in the file input, the panel sums up what was added, the LOCATION-only event waits under
// "Needs a place" and is placed by a click on the map, the same file dropped onto the panel updates instead of adding;
// a broken file shows its error by line and adds nothing.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventCollection, EventFeature } from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DAY_MS = 86_400_000;

const eventsList = (page: Page) =>
  page.locator('.nav-panel .list-section', { has: page.locator('h2', { hasText: 'Events' }) });
const icsTime = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function calendar(events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//catchment//e2e//EN',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe.skipIf(skipReason)('importing a calendar in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  const allEvents = async () => {
    const now = Date.now();
    const query = new URLSearchParams({
      from: new Date(now - 60 * DAY_MS).toISOString(),
      to: new Date(now + 400 * DAY_MS).toISOString(),
    });
    return (
      (await (await server.fetch(`/api/events?${query.toString()}`)).json()) as EventCollection
    ).features;
  };

  /** The owner's page: the first test opens it, the broken file's test reaches it in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('imports a file chosen in the panel, sums it up, and the event without GEO is placed by a map click', async () => {
    const start = new Date(Date.now() + 5 * DAY_MS);
    const end = new Date(start.getTime() + 3 * 3_600_000);
    const ics = calendar([
      'BEGIN:VEVENT',
      'UID:e2e-import-geo@catchment',
      `DTSTAMP:${icsTime(new Date())}`,
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(end)}`,
      'SUMMARY:Harbour jazz night',
      'GEO:52.52;13.405',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:e2e-import-location@catchment',
      `DTSTAMP:${icsTime(new Date())}`,
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(end)}`,
      'SUMMARY:Spring book fair',
      'LOCATION:Old library hall',
      'END:VEVENT',
    ]);

    const { page, errors } = await shared.at('/', { session: server.fetch.session });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const list = eventsList(page);
    await list.getByText('Import calendar (.ics)').waitFor();
    await list
      .locator('input[type="file"]')
      .setInputFiles({ name: 'city.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });

    await list
      .locator('[data-import="done"]', { hasText: '2 added, 0 updated, 1 needs a place' })
      .waitFor();
    const needsPlace = list.locator('[data-group="needs-place"]');
    await needsPlace.locator('.item__label', { hasText: 'Spring book fair' }).waitFor();
    await list.locator('.item__label', { hasText: 'Harbour jazz night' }).first().waitFor();
    await page.screenshot({ path: 'test-results/events-import.png' });

    const imported = (await allEvents()).filter(
      (f) => f.properties.name === 'Spring book fair' || f.properties.name === 'Harbour jazz night',
    );
    expect(imported).toHaveLength(2);
    const unplaced = imported.find((f) => f.properties.name === 'Spring book fair')!;
    expect(unplaced.geometry).toBeNull();

    await page.getByRole('button', { name: 'Place Spring book fair on the map' }).click();
    await page.locator('.place-bar').waitFor();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = { x: box.width / 2, y: box.height / 2 };
    const lngLat = await page.evaluate(
      (p) => window.__catchment!.map.unproject([p.x, p.y]).toArray(),
      at,
    );
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(
      (id) =>
        window.__catchment!.store!.getState().events.data?.features.find((f) => f.id === id)
          ?.geometry != null,
      unplaced.id,
    );

    const placed = (await (
      await server.fetch(`/api/events/${encodeURIComponent(unplaced.id)}`)
    ).json()) as EventFeature;
    expect(placed.properties.needsPlace).toBe(false);
    expect(placed.geometry!.coordinates[0]).toBeCloseTo(lngLat[0]!, 5);
    expect(placed.geometry!.coordinates[1]).toBeCloseTo(lngLat[1]!, 5);
    await needsPlace
      .locator('.item__label', { hasText: 'Spring book fair' })
      .waitFor({ state: 'detached' });

    // The same file dropped onto the panel updates both events instead of adding them again.
    await list.evaluate((element, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'city.ics', { type: 'text/calendar' }));
      element.dispatchEvent(
        new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
      element.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    }, ics);
    await list.locator('[data-import="done"]', { hasText: /^0 added, 2 updated/ }).waitFor();
    expect(
      (await allEvents()).filter(
        (f) =>
          f.properties.name === 'Spring book fair' || f.properties.name === 'Harbour jazz night',
      ),
    ).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('a broken file shows its error by line and imports nothing', async () => {
    const before = (await allEvents()).length;
    const start = new Date(Date.now() + 6 * DAY_MS);
    const broken = calendar([
      'BEGIN:VEVENT',
      'UID:e2e-import-broken@catchment',
      `DTSTAMP:${icsTime(new Date())}`,
      `DTSTART:${icsTime(start)}`,
      'SUMMARY:Never imported',
      'GEO:not-a-place',
      'END:VEVENT',
    ]);
    const { page, errors } = await shared.at('/', { session: server.fetch.session });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const list = eventsList(page);
    await list.locator('input[type="file"]').setInputFiles({
      name: 'broken.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(broken),
    });
    const failure = list.locator('[data-import="error"]');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/Line 9: /);
    expect(await failure.textContent()).toContain(
      'broken.ics: The calendar file has errors; nothing was imported',
    );
    await page.screenshot({ path: 'test-results/events-import-error.png' });
    expect((await allEvents()).length).toBe(before);
    await expect(list.locator('.item__label', { hasText: 'Never imported' }).count()).resolves.toBe(
      0,
    );
    // The 422 is shown in the panel; the browser logs the failed request, nothing else.
    expect(errors.filter((e) => !/422|Unprocessable/.test(e))).toEqual([]);
  });
});
