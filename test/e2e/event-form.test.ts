// Adding, editing and deleting events by hand end to end in a real Chromium against a real server: "New event" with
// typed coordinates lands in the list, on the map and in GET /api/events with the local times converted to UTC; an
// edit picks a new place with a real click on the map; an event without a place is listed under "Needs a place";
// a delete asks first; errors show on their fields; a 409 offers a reload; a viewer sees none of the controls.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventFeature } from '../../client/api/contract';
import { localToUtc, utcToLocal } from '../../server/domain/time';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, waitForMapIdle } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DAY_MS = 86_400_000;
const ZONE = 'Europe/Berlin';

const eventsList = (page: Page) =>
  page.locator('.nav-panel .list-section', { has: page.locator('h2', { hasText: 'Events' }) });
const dialog = (page: Page) => page.locator('dialog.dialog--event');
const input = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true });
const storedEvents = (page: Page) =>
  page.evaluate(() => window.__catchment!.store!.getState().events.data?.features ?? []);
const onMap = (page: Page, id: string) =>
  page.waitForFunction(
    (eventId) =>
      window
        .__catchment!.map.queryRenderedFeatures({ layers: ['events-symbol'] })
        .some((f) => f.properties.id === eventId),
    id,
    { timeout: 15_000 },
  );

/** The local day five days from now in Berlin, at a given time. */
function berlinTime(hhmm: string, days = 5): string {
  return `${utcToLocal(new Date(Date.now() + days * DAY_MS), ZONE).slice(0, 10)}T${hhmm}`;
}

describe.skipIf(skipReason)('adding, editing and deleting events by hand', () => {
  let server: TestServer;
  let browser: Browser;
  /** The owner's page: the writer's test opens it, the conflict test reaches it in-app with the events loaded again. */
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

  it('a writer creates an event with typed coordinates, edits it with a place picked on the map, and adds and deletes one without a place', async () => {
    const { page, errors } = await shared.at('/', { session: server.fetch.session });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const centre = await page.evaluate(() => window.__catchment!.map.getCenter().toArray());
    const [lng, lat] = centre.map((n) => Number(n.toFixed(5))) as [number, number];

    await page.locator('[data-action="new-event"]').click();
    await dialog(page).waitFor();
    await input(page, 'Name').fill('Harvest market on the square');
    await input(page, 'Category').selectOption('market');
    await input(page, 'Time zone').fill(ZONE);
    await input(page, 'Starts').fill(berlinTime('14:00'));
    await input(page, 'Ends').fill(berlinTime('13:00'));
    await input(page, 'Expected attendance').fill('800');
    await input(page, 'Own promo event').selectOption('confirmed');
    await input(page, 'Latitude').fill(String(lat));
    await input(page, 'Longitude').fill(String(lng));
    // Ends before it starts: flagged on the Ends field before anything is sent.
    await dialog(page).getByRole('button', { name: 'Create event' }).click();
    await expect(dialog(page).locator('[data-field-error]').allTextContents()).resolves.toEqual([
      'Ends before it starts.',
    ]);
    await expect(input(page, 'Ends').getAttribute('aria-invalid')).resolves.toBe('true');
    await input(page, 'Ends').fill(berlinTime('18:30'));
    // A budget the server refuses (over its maximum): the server's error shows next to the Budget field.
    await input(page, 'Budget').fill('2000000000000');
    await dialog(page).getByRole('button', { name: 'Create event' }).click();
    await input(page, 'Budget').and(page.locator('[aria-invalid="true"]')).waitFor();
    await expect(dialog(page).locator('[data-field-error]').count()).resolves.toBe(1);
    await input(page, 'Budget').fill('250');
    await page.screenshot({ path: 'test-results/event-form.png' });
    await dialog(page).getByRole('button', { name: 'Create event' }).click();
    await dialog(page).waitFor({ state: 'hidden' });

    const created = (await storedEvents(page)).find(
      (f) => f.properties.name === 'Harvest market on the square',
    )!;
    expect(created).toBeDefined();
    await eventsList(page)
      .locator('.item__label', { hasText: 'Harvest market on the square' })
      .waitFor();
    await page
      .locator('.details-panel .details__title', { hasText: 'Harvest market on the square' })
      .waitFor();
    await onMap(page, created.id);
    const fromApi = (await (
      await server.fetch(
        `/api/events?${new URLSearchParams({ from: new Date().toISOString(), to: new Date(Date.now() + 30 * DAY_MS).toISOString() })}`,
      )
    ).json()) as {
      features: EventFeature[];
    };
    const listed = fromApi.features.find((f) => f.id === created.id)!;
    expect(listed.properties).toMatchObject({
      name: 'Harvest market on the square',
      category: 'market',
      timezone: ZONE,
      allDay: false,
      expectedAttendance: 800,
      status: 'confirmed',
      budget: 250,
      source: 'manual',
    });
    // 14:00 to 18:30 Berlin time, whatever the browser's own zone.
    expect(Date.parse(listed.properties.startsAt)).toBe(
      Date.parse(localToUtc(berlinTime('14:00'), ZONE)!),
    );
    expect(Date.parse(listed.properties.endsAt)).toBe(
      Date.parse(localToUtc(berlinTime('18:30'), ZONE)!),
    );
    expect(listed.geometry!.coordinates).toEqual([lng, lat]);

    // Edit: a new name and a new place picked with a real click on the map.
    await page.locator('.details-panel [data-action="edit-event"]').click();
    await dialog(page).waitFor();
    await expect(input(page, 'Name').inputValue()).resolves.toBe('Harvest market on the square');
    await expect(input(page, 'Starts').inputValue()).resolves.toBe(berlinTime('14:00'));
    await input(page, 'Name').fill('Harvest market by the river');
    await dialog(page).getByRole('button', { name: 'Pick on map' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.locator('.place-bar', { hasText: 'Harvest market by the river' }).waitFor();
    await waitForMapIdle(page);
    // The camera may still be framing the event: the fit waits up to 90 frames for the panels to settle before it
    // moves, so the view must hold for well over that (five looks 400 ms apart) before a pick can be compared.
    const view = () =>
      page.evaluate(() => {
        const map = window.__catchment!.map;
        return map.isMoving() ? null : `${map.getCenter().toArray().join()},${map.getZoom()}`;
      });
    const seen: (string | null)[] = [];
    await expect
      .poll(
        async () => {
          seen.push(await view());
          const last = seen.slice(-5);
          return last.length === 5 && last[0] !== null && last.every((v) => v === last[0]);
        },
        { interval: 400, timeout: 15_000 },
      )
      .toBe(true);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = { x: box.width * 0.4, y: box.height * 0.6 };
    const picked = await page.evaluate(
      (p) => window.__catchment!.map.unproject([p.x, p.y]).toArray(),
      at,
    );
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await dialog(page).waitFor();
    expect(Number(await input(page, 'Latitude').inputValue())).toBeCloseTo(picked[1]!, 4);
    expect(Number(await input(page, 'Longitude').inputValue())).toBeCloseTo(picked[0]!, 4);
    await dialog(page).getByRole('button', { name: 'Save changes' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page
      .locator('.details-panel .details__title', { hasText: 'Harvest market by the river' })
      .waitFor();
    await eventsList(page)
      .locator('.item__label', { hasText: 'Harvest market by the river' })
      .waitFor();
    const edited = (await (
      await server.fetch(`/api/events/${encodeURIComponent(created.id)}`)
    ).json()) as EventFeature;
    expect(edited.properties.name).toBe('Harvest market by the river');
    expect(edited.properties.version).toBe(created.properties.version + 1);
    expect(edited.properties.startsAt).toBe(created.properties.startsAt);
    expect(edited.geometry!.coordinates[0]).toBeCloseTo(picked[0]!, 4);
    expect(edited.geometry!.coordinates[1]).toBeCloseTo(picked[1]!, 4);
    // The map shows it at the new place (tile coordinates are rounded: within about 10 m).
    await page.waitForFunction(
      ({ id, lngLat }) =>
        window.__catchment!.map.queryRenderedFeatures({ layers: ['events-symbol'] }).some((f) => {
          const [x, y] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
          return (
            f.properties.id === id &&
            Math.abs(x - lngLat[0]!) < 1e-4 &&
            Math.abs(y - lngLat[1]!) < 1e-4
          );
        }),
      { id: created.id, lngLat: picked },
      { timeout: 15_000 },
    );

    // Without a place: listed under "Needs a place"; then deleted, after a confirmation.
    await page.locator('[data-action="new-event"]').click();
    await dialog(page).waitFor();
    await input(page, 'Name').fill('Pop-up stall, place to be decided');
    await input(page, 'Category').selectOption('__custom');
    await input(page, 'Category name').fill('pop-up');
    await dialog(page).getByRole('button', { name: 'Create event' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    const needsPlace = eventsList(page).locator('[data-group="needs-place"]');
    await needsPlace
      .locator('.item__label', { hasText: 'Pop-up stall, place to be decided' })
      .waitFor();
    const unplaced = (await storedEvents(page)).find(
      (f) => f.properties.name === 'Pop-up stall, place to be decided',
    )!;
    const unplacedFromApi = (await (
      await server.fetch(`/api/events/${encodeURIComponent(unplaced.id)}`)
    ).json()) as EventFeature;
    expect(unplacedFromApi.geometry).toBeNull();
    expect(unplacedFromApi.properties).toMatchObject({ needsPlace: true, category: 'pop-up' });

    await page
      .locator('.details-panel .details__title', { hasText: 'Pop-up stall, place to be decided' })
      .waitFor();
    await page
      .locator('.details-panel')
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await page.locator('.details-panel .confirm').waitFor();
    await page.screenshot({ path: 'test-results/event-delete.png' });
    await page.locator('.details-panel').getByRole('button', { name: 'Delete event' }).click();
    await needsPlace.waitFor({ state: 'detached' });
    await page.locator('.details-panel').waitFor({ state: 'detached' });
    await expect(
      server.fetch(`/api/events/${encodeURIComponent(unplaced.id)}`).then((r) => r.status),
    ).resolves.toBe(404);
    // The browser logs the refused budget's 422 itself; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });

  it('saving an edit someone else overtook says so and reloads the event on request', async () => {
    const startsAt = new Date(Date.now() + 4 * DAY_MS);
    const response = await server.fetch('/api/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Night run',
        category: 'sports',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        timezone: ZONE,
      }),
    });
    const event = (await response.json()) as EventFeature;
    const { page, errors } = await shared.at(
      `/?sel=event:${event.id}`,
      { session: server.fetch.session },
      { listsChanged: true },
    );
    await page.locator('.details-panel [data-action="edit-event"]').click();
    await dialog(page).waitFor();
    const other = await server.fetch(`/api/events/${encodeURIComponent(event.id)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: event.properties.version, name: 'Night run (moved)' }),
    });
    expect(other.status).toBe(200);
    await input(page, 'Expected attendance').fill('120');
    await dialog(page).getByRole('button', { name: 'Save changes' }).click();
    await dialog(page)
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this event' })
      .waitFor();
    await page.screenshot({ path: 'test-results/event-form-conflict.png' });
    await dialog(page).getByRole('button', { name: 'Reload event' }).click();
    await page.waitForFunction(
      () =>
        (
          document.querySelector(
            'dialog.dialog--event input[name="name"]',
          ) as HTMLInputElement | null
        )?.value === 'Night run (moved)',
    );
    await expect(dialog(page).getByRole('alert').count()).resolves.toBe(0);
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
  });

  it('a viewer sees the events but no New, Edit or Delete, and the E key opens nothing', async () => {
    const viewer = await server.as('viewer');
    const { page, errors } = await openAppPage(browser, server.url, { session: viewer.session });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    await eventsList(page).locator('.item').first().click();
    await page.locator('.details-panel[aria-labelledby] [data-kind="event"]').waitFor();
    await expect(page.locator('[data-action="new-event"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-action="edit-event"]').count()).resolves.toBe(0);
    await expect(
      page.locator('.details-panel').getByRole('button', { name: 'Delete' }).count(),
    ).resolves.toBe(0);
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('e');
    await expect(
      page.evaluate(() => window.__catchment!.store!.getState().eventForm),
    ).resolves.toBeNull();
    await expect(dialog(page).locator('form').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
