// A workspace set to feet, miles and °F in its settings: the radius field, the campaign builder's temperature
// trigger and the what-if value are typed in those units, and what is saved reaches the API in metres and °C; the
// area's size shows in square miles.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRecord } from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const builder = (page: Page) => page.locator('dialog.dialog--campaign');

describe.skipIf(skipReason)('imperial units and °F in the workspace settings', () => {
  let server: TestServer;
  let browser: Browser;
  let areaId: string;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const response = await server.fetch(
      '/api/areas',
      json('POST', {
        name: 'Corner shop',
        kind: 'radius',
        params: { center: [13.4, 52.52], radiusMeters: 1000 },
      }),
    );
    areaId = ((await response.json()) as { properties: { id: string } }).properties.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fields show ft and °F, and the area and trigger are stored in metres and °C', async () => {
    const { page, errors } = await openAppPage(browser, `${server.url}/?admin=privacy`, {
      session: server.fetch.session,
      viewport: { width: 1440, height: 900 },
    });
    const settings = page.getByRole('dialog', { name: 'Workspace settings' });
    await settings.locator('select[name="distanceUnits"]').selectOption('imperial');
    await settings.locator('select[name="temperatureUnit"]').selectOption('fahrenheit');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => (await (await server.fetch('/api/settings')).json()) as object)
      .toMatchObject({ distanceUnits: 'imperial', temperatureUnit: 'fahrenheit' });

    // The saved 1000 m circle, opened afresh, reads 3,281 ft; 1,640 ft typed is stored as 500 m.
    await page.goto(`${server.url}/?sel=area:${areaId}`);
    const radius = page.locator('.details [data-field="radius"]');
    await expect(radius.inputValue()).resolves.toBe('3281');
    await expect(radius.getAttribute('data-unit')).resolves.toBe('foot');
    // Its size is stored in km² (π × 1 km² = 3.14) and shown in square miles: 1.21 mi².
    await expect.poll(() => page.locator('.details').textContent()).toMatch(/(^|[^\d.,])1\.21 mi²/);
    await expect(page.locator('.details').textContent()).resolves.not.toContain('km²');
    await expect(page.locator('.details .radius-field .field__label').textContent()).resolves.toBe(
      'Radius (ft)',
    );
    await expect(
      page.locator('.details .radius-presets').evaluate((group) => group.textContent),
    ).resolves.toMatch(/500 ft.*0\.25 mi.*3 mi/);
    await radius.fill('1640');
    await radius.press('Enter');
    await expect
      .poll(async () => {
        const area = (await (await server.fetch(`/api/areas/${areaId}`)).json()) as {
          properties: { params: { radiusMeters: number } };
        };
        return area.properties.params.radiusMeters;
      })
      .toBe(500);
    await expect(radius.inputValue()).resolves.toBe('1640');

    // What-if values are asked in the workspace's units too.
    const whatIf = page.locator('.details .what-if');
    await whatIf.locator('select').first().selectOption('heat');
    await expect(whatIf.locator('input[name="what-if-value"]').inputValue()).resolves.toBe('89.6');
    await expect(
      whatIf
        .locator('[data-condition-row="0"] label', { has: page.locator('input') })
        .textContent(),
    ).resolves.toBe('Value (°F)');

    // A temperature trigger typed as 86 °F is sent and stored as 30 °C.
    await page.locator('[data-action="area-campaign"]').click();
    await builder(page).waitFor();
    const field = (label: string) => builder(page).getByLabel(label, { exact: true });
    await field('Name').fill('Hot day iced coffee');
    await field('Headline').fill('Iced coffee when it is hot');
    await field('Code').fill('HOT10');
    await builder(page).locator('[data-add-trigger="weather"]').click();
    await field('Condition').selectOption('temperature_above');
    await builder(page).locator('[data-add-trigger="event"]').click();
    await expect(field('Within (ft)').inputValue()).resolves.toBe('1640');
    await field('Within (ft)').fill('1000');
    await field('Category').fill('market');
    // Out of range, the limits are said in °F too (−60…60 °C).
    await field('Threshold (°F)').fill('200');
    await builder(page).getByRole('button', { name: 'Create campaign' }).click();
    await builder(page).getByText('Enter a value from -76°F to 140°F.').waitFor();
    await field('Threshold (°F)').fill('86');
    await page.screenshot({ path: 'test-results/units-imperial-builder.png' });
    await builder(page).getByRole('button', { name: 'Create campaign' }).click();
    await builder(page).waitFor({ state: 'hidden' });
    const { campaigns } = (await (await server.fetch('/api/campaigns')).json()) as {
      campaigns: CampaignRecord[];
    };
    expect(campaigns.find((c) => c.name === 'Hot day iced coffee')?.triggers).toMatchObject([
      { type: 'weather', condition: 'temperature_above', threshold: 30 },
      // 305 m would show as 1,001 ft: a tenth of a metre more keeps what was typed.
      { type: 'event', category: 'market', withinMeters: 304.8 },
    ]);
    await expect(
      page.locator('.details-panel [data-campaign="triggers"]').textContent(),
    ).resolves.toContain('86°F');
    expect(errors).toEqual([]);
    await page.close();
  });
});
