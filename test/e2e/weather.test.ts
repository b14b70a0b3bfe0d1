// An area's weather in its details panel, in a real Chromium against a real server: simulated rain from a scenario
// set through the API inside the area, then the default once the scenario moves the rain elsewhere.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { openAppPage } from '../helpers/page';

const skipReason = chromiumSkipReason();
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe.skipIf(skipReason)('weather in the area details', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ customers: 500 }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the simulated rain over a selected area, marked simulated', async () => {
    const created = await server.fetch(
      '/api/areas',
      json('POST', {
        name: 'Rainy corner',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [13.4, 52.5],
              [13.42, 52.5],
              [13.42, 52.52],
              [13.4, 52.52],
              [13.4, 52.5],
            ],
          ],
        },
      }),
    );
    const { id } = (await created.json()) as { id: string };
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const scenario = {
      default: { temperatureC: 7 },
      cells: [
        {
          bbox: [13.39, 52.49, 13.43, 52.53],
          from,
          to,
          set: { precipitationMmH: 3.5, windKmh: 25 },
        },
      ],
    };
    expect((await server.fetch('/api/weather/scenario', json('PUT', scenario))).status).toBe(200);

    const { page, errors } = await openAppPage(browser, `${server.url}/?sel=area:${id}`, {
      session: server.fetch.session,
    });
    const section = page.locator('.area-weather');
    await section.locator('[data-testid="weather-freshness"]').waitFor({ timeout: 15_000 });
    await expect(section.locator('[data-testid="weather-freshness"]').textContent()).resolves.toBe(
      'Simulated',
    );
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('Weather now');
    expect(text).toContain('3.5 mm/h');
    expect(text).toContain('7°C');
    expect(text).toContain('25 km/h');
    await page.screenshot({ path: 'test-results/weather-area-details.png' });

    // The rain moves west; opening the area again shows the dry default.
    expect(
      (
        await server.fetch(
          '/api/weather/scenario',
          json('PUT', {
            ...scenario,
            cells: [{ ...scenario.cells[0], bbox: [13.0, 52.49, 13.1, 52.53] }],
          }),
        )
      ).status,
    ).toBe(200);
    await page.reload();
    await page
      .locator('.area-weather [data-testid="weather-freshness"]')
      .waitFor({ timeout: 15_000 });
    await expect(page.locator('.area-weather').textContent()).resolves.toContain('0 mm/h');
    expect(errors).toEqual([]);
  });
});
