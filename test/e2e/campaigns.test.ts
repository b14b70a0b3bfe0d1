// Campaigns end to end in a real Chromium against a real server: from a saved area's panel "Create campaign" opens the
// builder with the area chosen; a rain trigger and an offer later the campaign is in the list and in GET
// /api/campaigns with the right body; its page changes status through the allowed actions; rain makes it live (badge,
// glowing area, a bar on the timeline); a taken code shows next to the Code field; an offer made from an event's page
// gets its trigger, its day and a 500 m area around it; a viewer sees the list, no New or Edit.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRecord, EventCollection } from '../../client/api/contract';
import { eventDay } from '../../client/features/campaigns/event-offer';
import { de } from '../../client/i18n/messages/de';
import { createTranslator } from '../../client/i18n/translate';
import { localToUtc, utcToLocal } from '../../server/domain/time';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { expectQueryParam, openAppPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();

const campaignsList = (page: Page) =>
  page.locator('.nav-panel .list-section', { has: page.locator('h2', { hasText: 'Campaigns' }) });
const dialog = (page: Page) => page.locator('dialog.dialog--campaign');
const input = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true });
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe.skipIf(skipReason)('campaigns in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let areaId: string;
  let center: [number, number];
  let campaignId: string;
  /**
   * The owner's page at 1440×900, shared by the owner's tests: opened by the first, reached in-app by the rest (with
   * the lists loaded again after a test changed campaigns through the API, as a page load would).
   */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const ownerAt = (address: string, moving?: { listsChanged?: boolean }) =>
    shared.at(
      address,
      { session: server.fetch.session, viewport: { width: 1440, height: 900 } },
      moving,
    );

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { geometry: { coordinates: [number, number] } }[];
    };
    center = stores.features[0]!.geometry.coordinates;
    const response = await server.fetch(
      '/api/areas',
      json('POST', { name: 'Rainy corner', kind: 'radius', params: { center, radiusMeters: 800 } }),
    );
    expect(response.status).toBe(201);
    areaId = ((await response.json()) as { properties: { id: string } }).properties.id;
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('a campaign made from an area with a rain trigger is listed, stored as built, and paused from its page', async () => {
    const { page, errors } = await ownerAt(`/?sel=area:${areaId}`);
    await page.locator('.details-panel .details__title', { hasText: 'Rainy corner' }).waitFor();
    await page.locator('[data-action="area-campaign"]').click();
    await dialog(page).waitFor();
    // The area is chosen already: one click and a name (plus the offer) make the campaign.
    await expect(
      dialog(page).getByRole('checkbox', { name: 'Rainy corner' }).isChecked(),
    ).resolves.toBe(true);
    await dialog(page).locator('[data-builder="audience"]').waitFor();
    await input(page, 'Name').fill('Rainy-day latte');
    await input(page, 'Headline').fill('20% off when it rains');
    await input(page, 'Code').fill('rain20');
    await input(page, 'Discount (%)').fill('20');
    await input(page, 'Start as').selectOption('active');
    await dialog(page).locator('[data-add-trigger="weather"]').click();
    await input(page, 'Threshold (mm/h)').fill('1');
    const zone = await input(page, 'Time zone').inputValue();
    // A new campaign starts at the next full hour; this one is to go live within this hour (the next test), so it
    // starts at the top of the current one.
    await input(page, 'Starts').fill(
      utcToLocal(new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000), zone),
    );
    const start = await input(page, 'Starts').inputValue();
    await page.screenshot({ path: 'test-results/campaign-builder.png', fullPage: true });
    await dialog(page).getByRole('button', { name: 'Create campaign' }).click();
    await dialog(page).waitFor({ state: 'hidden' });

    await campaignsList(page).locator('.item', { hasText: 'Rainy-day latte' }).waitFor();
    await page.locator('.details-panel .details__title', { hasText: 'Rainy-day latte' }).waitFor();
    const { campaigns } = (await (await server.fetch('/api/campaigns')).json()) as {
      campaigns: CampaignRecord[];
    };
    const stored = campaigns.find((c) => c.name === 'Rainy-day latte')!;
    expect(stored).toMatchObject({
      areaIds: [areaId],
      offer: { headline: '20% off when it rains', code: 'RAIN20', discountPercent: 20 },
      channel: 'in_store',
      status: 'active',
      timezone: zone,
      triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
      triggerMode: 'any',
    });
    expect(Date.parse(stored.startsAt)).toBe(Date.parse(localToUtc(start, zone)!));
    campaignId = stored.id;
    await expectQueryParam(page, 'sel', `campaign:${campaignId}`);
    await expect(
      page.locator('.details-panel [data-campaign="triggers"]').textContent(),
    ).resolves.toContain('Rain ≥ 1 mm/h');
    await page.locator('.details-panel .state-message', { hasText: 'Not live yet' }).waitFor();
    await page.screenshot({ path: 'test-results/campaign-page.png' });

    // Only the allowed changes are offered: active → paused or ended.
    const actions = await page
      .locator('.details-panel [data-status-action]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-status-action')));
    expect(actions).toEqual(['paused', 'ended']);
    await page.locator('.details-panel [data-status-action="paused"]').click();
    await page.locator('.details-panel .status-chip', { hasText: 'Paused' }).waitFor();
    const paused = (await (
      await server.fetch(`/api/campaigns/${campaignId}`)
    ).json()) as CampaignRecord;
    expect(paused).toMatchObject({ status: 'paused', version: stored.version + 1 });
    await campaignsList(page)
      .locator('.item', { hasText: 'Rainy-day latte' })
      .locator('.status-chip', { hasText: 'Paused' })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('rain in the area makes it live: badge in the list, the area glowing on the map, a bar on the timeline', async () => {
    expect(
      (
        await server.fetch(
          `/api/campaigns/${campaignId}`,
          json('PATCH', { status: 'active', version: 2 }),
        )
      ).status,
    ).toBe(200);
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const [lng, lat] = center;
    const scenario = {
      default: { temperatureC: 7 },
      cells: [
        {
          bbox: [lng - 0.05, lat - 0.05, lng + 0.05, lat + 0.05],
          from: new Date(hour - 3_600_000).toISOString(),
          to: new Date(hour + 6 * 3_600_000).toISOString(),
          set: { precipitationMmH: 2.5 },
        },
      ],
    };
    expect((await server.fetch('/api/weather/scenario', json('PUT', scenario))).status).toBe(200);
    const evaluated = (await (
      await server.fetch('/api/triggers/evaluate', { method: 'POST' })
    ).json()) as { live: { campaignId: string; areaId: string }[] };
    expect(evaluated.live).toContainEqual(expect.objectContaining({ campaignId, areaId }));
    // The live-offers API says so too, at the area's centre, with the rain as the reason.
    const { offers } = (await (
      await server.fetch(`/api/offers/live?lat=${lat}&lng=${lng}`)
    ).json()) as {
      offers: {
        campaignId: string;
        code: string;
        reasons: { type: string; observed?: number }[];
      }[];
    };
    expect(offers).toContainEqual(expect.objectContaining({ campaignId, code: 'RAIN20' }));
    expect(
      offers.find((o) => o.campaignId === campaignId)!.reasons.find((r) => r.type === 'weather'),
    ).toMatchObject({ observed: 2.5 });

    const { page, errors } = await ownerAt(`/?sel=campaign:${campaignId}`, {
      listsChanged: true,
    });
    await campaignsList(page)
      .locator('.item', { hasText: 'Rainy-day latte' })
      .locator('[data-live]')
      .waitFor();
    await page.locator('.details-panel [data-activation]').first().waitFor();
    const title = await page
      .locator('.details-panel [data-activation]')
      .first()
      .getAttribute('title');
    expect(title).toMatch(/Rain 2\.5 mm\/h ≥ 1 mm\/h/);
    await page.evaluate(
      (id) => window.__catchment!.store!.getState().select({ kind: 'area', id }),
      areaId,
    );
    await page.waitForFunction(
      (id) =>
        window
          .__catchment!.map.queryRenderedFeatures({ layers: ['areas-live'] })
          .some((f) => f.properties.id === id),
      areaId,
      { timeout: 15_000 },
    );
    await page.screenshot({ path: 'test-results/campaign-live.png' });

    // It ran, so it cannot be deleted: the server's reason shows in place.
    await page.evaluate(
      (id) => window.__catchment!.store!.getState().select({ kind: 'campaign', id }),
      campaignId,
    );
    await page
      .locator('.details-panel')
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await page.locator('.details-panel').getByRole('button', { name: 'Delete campaign' }).click();
    await expect(
      page.locator('.details-panel [data-campaign="delete-error"]').textContent(),
    ).resolves.toMatch(/already run.*end it instead/);
    expect((await server.fetch(`/api/campaigns/${campaignId}`)).status).toBe(200);
    await page.screenshot({ path: 'test-results/campaign-page-live.png' });

    // Edit: the builder opens with what is stored; a new headline is saved with the version read.
    const before = (await (
      await server.fetch(`/api/campaigns/${campaignId}`)
    ).json()) as CampaignRecord;
    await page.locator('.details-panel [data-action="edit-campaign"]').click();
    await dialog(page).waitFor();
    await expect(input(page, 'Threshold (mm/h)').inputValue()).resolves.toBe('1');
    await expect(input(page, 'Code').inputValue()).resolves.toBe('RAIN20');
    await input(page, 'Headline').fill('25% off when it pours');
    await dialog(page).getByRole('button', { name: 'Save changes' }).click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page
      .locator('.details-panel .campaign-offer__headline', { hasText: '25% off when it pours' })
      .waitFor();
    const after = (await (
      await server.fetch(`/api/campaigns/${campaignId}`)
    ).json()) as CampaignRecord;
    expect(after).toMatchObject({
      version: before.version + 1,
      status: 'active',
      offer: { headline: '25% off when it pours', code: 'RAIN20' },
      startsAt: before.startsAt,
      triggers: before.triggers,
    });
    // The browser logs the refused delete's 409 itself; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
  });

  it('a code taken by a running campaign shows next to the Code field, in the viewer’s language', async () => {
    // In German: the server words its rules in English, the builder shows them from the catalog.
    const t = createTranslator('de', de);
    const { page, errors } = await ownerAt('/');
    await page.locator('.lang-menu select').selectOption('de');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await page.locator('[data-action="new-campaign"]').click();
    await dialog(page).waitFor();
    const create = dialog(page).getByRole('button', { name: t('campaigns.form.create') });
    // Nothing filled: the schema's own checks name the fields before anything is sent.
    await create.click();
    await input(page, t('campaigns.form.name'))
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    await expect(dialog(page).locator('#campaign-areas-error').textContent()).resolves.toBe(
      'Wähle mindestens ein Gebiet aus.',
    );
    // A code the schema refuses is worded from the catalog too.
    await input(page, t('campaigns.form.code')).fill('R');
    await create.click();
    await expect
      .poll(() => dialog(page).locator('[data-field-error]').allTextContents())
      .toContain(t('fieldError.offerCode'));
    await dialog(page).getByRole('checkbox', { name: 'Rainy corner' }).check();
    await input(page, t('campaigns.form.name')).fill('Copycat');
    await input(page, t('campaigns.form.headline')).fill('Also 20% off');
    await input(page, t('campaigns.form.code')).fill('RAIN20');
    await input(page, t('campaigns.form.status')).selectOption('active');
    await create.click();
    await input(page, t('campaigns.form.code'))
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    // The server's 422 names the rule (code_taken): the message shown is German, not its English sentence.
    const shown = await dialog(page).locator('[data-field-error]').allTextContents();
    expect(shown).toEqual(['Eine laufende oder geplante Kampagne nutzt diesen Code schon.']);
    await page.screenshot({ path: 'test-results/campaign-code-taken.png' });
    const { campaigns } = (await (await server.fetch('/api/campaigns')).json()) as {
      campaigns: CampaignRecord[];
    };
    expect(campaigns.map((c) => c.name)).not.toContain('Copycat');
    // The browser logs the refused code's 422 itself; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    // The page is shared: the builder closed and English again for the next tests.
    await dialog(page)
      .getByRole('button', { name: t('campaigns.form.cancel') })
      .click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.locator('.lang-menu select').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('an offer from an event’s page: an event trigger, the event’s day, a 500 m area made around it, and listed on the event', async () => {
    const now = Date.now();
    const query = new URLSearchParams({
      from: new Date(now + 86_400_000).toISOString(),
      to: new Date(now + 60 * 86_400_000).toISOString(),
    });
    const events = (await (await server.fetch(`/api/events?${query}`)).json()) as EventCollection;
    const event = events.features.find((f) => f.geometry !== null)!;
    const { page, errors } = await ownerAt(`/?sel=event:${event.id}`);
    await page
      .locator('.details-panel .details__title', { hasText: event.properties.name })
      .waitFor();
    await page
      .locator('.details-panel .event-offers', { hasText: 'No offers are tied to this event yet.' })
      .waitFor();
    await page.locator('[data-action="event-offer"]').click();
    await dialog(page).waitFor();
    await expect(input(page, 'Event').inputValue()).resolves.toBe(event.id);
    await expect(input(page, 'Within (m)').inputValue()).resolves.toBe('500');
    await expect(input(page, 'Time zone').inputValue()).resolves.toBe(event.properties.timezone);
    const day = eventDay(event.properties);
    await expect(input(page, 'Starts').inputValue()).resolves.toBe(day.start);
    await dialog(page).locator('[data-action="event-area"]').click();
    const areaName = `500 m around ${event.properties.name}`;
    await expect(dialog(page).getByRole('checkbox', { name: areaName }).isChecked()).resolves.toBe(
      true,
    );
    await input(page, 'Headline').fill('Free cookie for loyalty members');
    await input(page, 'Code').fill('COOKIE1');
    await input(page, 'Start as').selectOption('active');
    await dialog(page).getByRole('button', { name: 'Create campaign' }).click();
    await dialog(page).waitFor({ state: 'hidden' });

    const { campaigns } = (await (
      await server.fetch(`/api/campaigns?eventId=${encodeURIComponent(event.id)}`)
    ).json()) as { campaigns: CampaignRecord[] };
    expect(campaigns).toHaveLength(1);
    const offer = campaigns[0]!;
    expect(offer).toMatchObject({
      name: event.properties.name,
      timezone: event.properties.timezone,
      triggers: [
        {
          type: 'event',
          eventId: event.id,
          withinMeters: 500,
          beforeMinutes: 60,
          afterMinutes: 60,
        },
      ],
    });
    expect(Date.parse(offer.startsAt)).toBe(
      Date.parse(localToUtc(day.start, event.properties.timezone)!),
    );
    expect(Date.parse(offer.endsAt)).toBe(
      Date.parse(localToUtc(day.end, event.properties.timezone)!),
    );
    const area = (await (await server.fetch(`/api/areas/${offer.areaIds[0]}`)).json()) as {
      properties: {
        name: string;
        kind: string;
        params: { center: number[]; radiusMeters: number };
      };
    };
    expect(area.properties).toMatchObject({
      name: areaName,
      kind: 'radius',
      params: { center: event.geometry!.coordinates, radiusMeters: 500 },
    });

    // Live around the event during its window (from an hour before to an hour after), not before, not elsewhere.
    const [eventLng, eventLat] = event.geometry!.coordinates as [number, number];
    const codesAt = async (lng: number, lat: number, at: number) =>
      (
        (await (
          await server.fetch(
            `/api/offers/live?lat=${lat}&lng=${lng}&at=${new Date(at).toISOString()}`,
          )
        ).json()) as { offers: { code: string }[] }
      ).offers.map((o) => o.code);
    const starts = Date.parse(event.properties.startsAt);
    expect(await codesAt(eventLng, eventLat, starts + 30 * 60_000)).toContain('COOKIE1');
    if (starts - 61 * 60_000 >= Date.parse(offer.startsAt))
      expect(await codesAt(eventLng, eventLat, starts - 61 * 60_000)).not.toContain('COOKIE1');
    expect(await codesAt(eventLng + 0.05, eventLat, starts + 30 * 60_000)).not.toContain('COOKIE1');

    await page.evaluate(
      (id) => window.__catchment!.store!.getState().select({ kind: 'event', id }),
      event.id,
    );
    await page
      .locator('.details-panel .event-offers button', { hasText: event.properties.name })
      .waitFor();
    await page.screenshot({ path: 'test-results/campaign-event-offers.png' });
    expect(errors).toEqual([]);
  });

  it('a viewer sees the campaigns and their pages, but no New, Edit or status actions', async () => {
    const viewer = await server.as('viewer');
    const { page, errors } = await openAppPage(browser, server.url, { session: viewer.session });
    await campaignsList(page).locator('.item', { hasText: 'Rainy-day latte' }).click();
    await page.locator('.details-panel .details__title', { hasText: 'Rainy-day latte' }).waitFor();
    await page.screenshot({ path: 'test-results/campaign-list.png' });
    await expect(page.locator('[data-action="new-campaign"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-action="edit-campaign"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-status-action]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('what if it rains over the area tomorrow morning: the rainy-day campaign would fire, nothing is recorded', async () => {
    const before = (
      (await (await server.fetch(`/api/campaigns/${campaignId}/activations`)).json()) as {
        activations: unknown[];
      }
    ).activations.length;
    const { page, errors } = await ownerAt(`/?sel=area:${areaId}`);
    const panel = page.locator('.details-panel .what-if');
    await panel.waitFor();
    await panel.locator('[data-action="what-if"]').click();
    const row = panel.locator(`[data-campaign="${campaignId}"]`);
    await row.waitFor();
    // Rain from 07:00 to 11:00: four hours lit on the strip.
    await expect(row.locator('.what-if__hour[data-live]').count()).resolves.toBe(4);
    // A legend says what a lit and an unlit mark mean, and which hours the strip spans.
    const legend = panel.locator('[data-what-if="legend"]');
    await expect(legend.textContent()).resolves.toMatch(
      /Offer live.*Not live.*One mark per hour, 07:00.*11:00/,
    );
    await expect(legend.locator('.what-if__hour[data-live]').count()).resolves.toBe(1);
    await legend.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/campaign-what-if.png' });
    await row.getByRole('button').click();
    await page.locator('.details-panel [data-action="edit-campaign"]').waitFor();
    const after = (
      (await (await server.fetch(`/api/campaigns/${campaignId}/activations`)).json()) as {
        activations: unknown[];
      }
    ).activations.length;
    expect(after).toBe(before);
    expect(errors).toEqual([]);

    // On a phone the legend sits with the result in the sheet, readable.
    const phone = await openAppPage(browser, `${server.url}/?sel=area:${areaId}`, {
      session: server.fetch.session,
      viewport: { width: 390, height: 844 },
    });
    const phonePanel = phone.page.locator('.what-if');
    await phonePanel.locator('[data-action="what-if"]').click();
    const phoneLegend = phonePanel.locator('[data-what-if="legend"]');
    await phoneLegend.waitFor();
    await phoneLegend.scrollIntoViewIfNeeded();
    const box = (await phoneLegend.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: 'test-results/campaign-what-if-phone.png' });
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  });

  it('what if it rains and is cold: a campaign that needs both fires only once the second condition is added', async () => {
    const now = Date.now();
    const body = {
      name: 'Cold rain soup',
      areaIds: [areaId],
      offer: { headline: 'Soup of the day', code: 'SOUP5', discountPercent: 5 },
      channel: 'in_store',
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 30 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      status: 'active',
      triggers: [
        { type: 'weather', condition: 'rain', threshold: 1 },
        { type: 'weather', condition: 'temperature_below', threshold: 5 },
      ],
      triggerMode: 'all',
    };
    const created = await server.fetch('/api/campaigns', json('POST', body));
    expect(created.status).toBe(201);
    const soupId = ((await created.json()) as CampaignRecord).id;
    // The what-if answer comes from the server, which knows the new campaign: no new page load is needed.
    const { page, errors } = await ownerAt(`/?sel=area:${areaId}`);
    const panel = page.locator('.details-panel .what-if');
    await panel.waitFor();

    // Rain alone (the simulated base weather is 12 °C): the rainy-day campaign fires, the soup does not.
    await panel.locator('[data-action="what-if"]').click();
    await panel.locator(`[data-campaign="${campaignId}"]`).waitFor();
    await expect(panel.locator(`[data-campaign="${soupId}"]`).count()).resolves.toBe(0);

    // And cold, 2 °C: heat is no longer offered to the first row, and the soup fires for the four hours.
    await panel.locator('[data-action="what-if-add"]').click();
    const second = panel.locator('[data-condition-row="1"]');
    await second.getByLabel('And').selectOption('cold');
    await second.getByLabel('Value (°C)').fill('2');
    await expect(
      panel.locator('[data-condition-row="0"] option').allTextContents(),
    ).resolves.toEqual(['Rain', 'Snow', 'Wind']);
    await panel.locator('[data-action="what-if"]').click();
    const soup = panel.locator(`[data-campaign="${soupId}"]`);
    await soup.waitFor();
    await expect(soup.locator('.what-if__hour[data-live]').count()).resolves.toBe(4);
    await page.screenshot({ path: 'test-results/campaign-what-if-cold-rain.png' });

    // Removing the cold row asks the rain-only question again.
    await second.getByRole('button', { name: 'Remove Cold' }).click();
    await expect(panel.locator('[data-condition-row]').count()).resolves.toBe(1);
    await panel.locator('[data-action="what-if"]').click();
    await soup.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('a three-month campaign shows its latest week, and pages back to a rainy afternoon 17 days ago', async () => {
    const DAY = 86_400_000;
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const body = {
      name: 'Winter umbrella',
      areaIds: [areaId],
      offer: { headline: 'Umbrella 10% off', code: 'BROLLY10', discountPercent: 10 },
      channel: 'in_store',
      startsAt: new Date(hour - 30 * DAY).toISOString(),
      endsAt: new Date(hour + 60 * DAY).toISOString(),
      timezone: 'Europe/Berlin',
      status: 'active',
      triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
    };
    const created = await server.fetch('/api/campaigns', json('POST', body));
    expect(created.status).toBe(201);
    const id = ((await created.json()) as CampaignRecord).id;
    // Rain over the area for three hours 17 days ago, evaluated as it happened: one closed activation.
    const [lng, lat] = center;
    const rainFrom = hour - 17 * DAY;
    const scenario = {
      cells: [
        {
          bbox: [lng - 0.05, lat - 0.05, lng + 0.05, lat + 0.05],
          from: new Date(rainFrom).toISOString(),
          to: new Date(rainFrom + 3 * 3_600_000).toISOString(),
          set: { precipitationMmH: 3 },
        },
      ],
    };
    expect((await server.fetch('/api/weather/scenario', json('PUT', scenario))).status).toBe(200);
    for (const at of [rainFrom, rainFrom + 3 * 3_600_000])
      expect(
        (
          await server.fetch(`/api/triggers/evaluate?at=${new Date(at).toISOString()}`, {
            method: 'POST',
          })
        ).status,
      ).toBe(200);
    const { activations } = (await (
      await server.fetch(`/api/campaigns/${id}/activations`)
    ).json()) as { activations: { endedAt: string | null }[] };
    expect(activations).toHaveLength(1);
    expect(activations[0]!.endedAt).not.toBeNull();

    const { page, errors } = await ownerAt(`/?sel=campaign:${id}`, { listsChanged: true });
    const timeline = page.locator('.details-panel .campaign-section', {
      has: page.locator('#campaign-timeline-title'),
    });
    await timeline.locator('.state-message', { hasText: 'Not live yet in this period' }).waitFor();
    await expect(timeline.getByRole('button', { name: 'Later week' }).isDisabled()).resolves.toBe(
      true,
    );
    // This week, then the week before: still nothing; two weeks back holds the rainy afternoon.
    await timeline.getByRole('button', { name: 'Earlier week' }).click();
    await timeline.locator('.state-message', { hasText: 'Not live yet in this period' }).waitFor();
    await timeline.getByRole('button', { name: 'Earlier week' }).click();
    await timeline.locator('[data-activation]').waitFor();
    await expect(timeline.locator('[data-activation]').getAttribute('title')).resolves.toMatch(
      /Rain 3 mm\/h ≥ 1 mm\/h/,
    );
    await page.screenshot({ path: 'test-results/campaign-timeline-earlier.png' });
    await timeline.getByRole('button', { name: 'Later week' }).click();
    await timeline.locator('.state-message', { hasText: 'Not live yet in this period' }).waitFor();
    expect(errors).toEqual([]);
  });
});
