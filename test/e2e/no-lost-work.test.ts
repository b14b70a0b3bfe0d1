// No key press loses work, in a real Chromium: Escape in a half-filled campaign form asks "Discard changes?" (Keep
// editing keeps every value; Discard closes), while an untouched form still closes at once; and an unsaved circle
// thrown away with Escape comes back with Ctrl+Z and with the toolbar's Undo.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const VIEWPORT = { width: 1440, height: 900 };
const dialog = (page: Page) => page.locator('dialog.dialog--campaign');
const input = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true });
const question = (page: Page) => dialog(page).locator('[data-discard-question]');
const draft = (page: Page) =>
  page.evaluate(() => {
    const d = window.__catchment!.store!.getState().draft;
    return d && { center: d.circle?.center, radiusMeters: d.circle?.radiusMeters };
  });

describe.skipIf(skipReason)('no key press loses work', () => {
  let server: TestServer;
  let browser: Browser;
  /** One page: the form test opens it, the drawing test reaches it in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const ownerPage = () => shared.at('/', { viewport: VIEWPORT, session: server.fetch.session });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('Escape in a half-filled campaign form asks first; Keep editing keeps the values, Discard closes', async () => {
    const { page, errors } = await ownerPage();
    // Untouched, the form closes at once: there is nothing to lose.
    await page.locator('#new-campaign-button').click();
    await input(page, 'Name').waitFor();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });

    await page.locator('#new-campaign-button').click();
    await input(page, 'Name').fill('Autumn latte');
    await input(page, 'Headline').fill('A second cup free');
    await page.keyboard.press('Escape');
    await question(page).waitFor();
    await expect(question(page).textContent()).resolves.toContain('Discard changes?');
    await expect(dialog(page).isVisible()).resolves.toBe(true);
    // Keep editing is the answer Enter gives: it has the focus.
    await page.keyboard.press('Enter');
    await question(page).waitFor({ state: 'detached' });
    await expect(input(page, 'Name').inputValue()).resolves.toBe('Autumn latte');
    await expect(input(page, 'Headline').inputValue()).resolves.toBe('A second cup free');
    // Escape pressed twice in a row (the browser may not let the second one be refused) still loses nothing.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await expect(
      dialog(page).evaluate((element) => (element as HTMLDialogElement).open),
    ).resolves.toBe(true);
    await expect(input(page, 'Name').inputValue()).resolves.toBe('Autumn latte');

    // × asks the same; Discard closes and the next form starts empty.
    await dialog(page).getByRole('button', { name: 'Close' }).first().click();
    await question(page).locator('[data-action="discard-changes"]').click();
    await dialog(page).waitFor({ state: 'hidden' });
    await page.locator('#new-campaign-button').click();
    await expect(input(page, 'Name').inputValue()).resolves.toBe('');
    expect(errors).toEqual([]);
    // The page is shared: the untouched form closed again for the next test.
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
  });

  it('an unsaved circle discarded with Escape comes back with Ctrl+Z and with the toolbar Undo', async () => {
    const { page, errors } = await ownerPage();
    // The view a first load of `#map=13/52.52/13.40` opens with.
    await page.evaluate(() => window.__catchment!.map.jumpTo({ center: [13.4, 52.52], zoom: 13 }));
    await page.waitForFunction(() => window.__catchment!.map.loaded());
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.keyboard.press('c');
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(centre.x + i * 8, centre.y);
    await page.mouse.up();
    await page.locator('[data-action="save-draft"]').waitFor();
    const drawn = await draft(page);
    expect(drawn?.radiusMeters).toBeGreaterThan(100);

    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Escape');
    await page.locator('[data-action="save-draft"]').waitFor({ state: 'detached' });
    await expect(draft(page)).resolves.toBeNull();
    await page.keyboard.press('Control+z');
    await page.locator('[data-action="save-draft"]').waitFor();
    await expect(draft(page)).resolves.toEqual(drawn);

    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => draft(page)).toBeNull();
    await page.locator('.draw-toolbar [data-action="undo"]').click();
    await expect.poll(() => draft(page)).toEqual(drawn);
    // The circle is back on the map too, in terra-draw, ready to be edited (drawn on a later frame).
    await expect
      .poll(() =>
        page.evaluate(() =>
          window.__catchment!.map.queryRenderedFeatures().some((f) => f.source.startsWith('td-')),
        ),
      )
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
