// The phone's bottom sheet in a real Chromium at 390×844: real pointer drags on its handle carry it between peek, half
// and full, a fast swipe down brings it back to the peek and a swipe down from the peek returns to the map; the
// handle works by keyboard too. The search field shows its whole placeholder, and at both sizes the draw toolbar
// keeps clear of MapLibre's scale bar.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const sheetHeight = (page: Page) =>
  page.locator('.bottom-sheet').evaluate((sheet) => (sheet as HTMLElement).dataset.height);

/** Waits for the sheet to come to rest (no transition running), then gives its resting height and its top edge. */
async function restingSheet(page: Page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
  return {
    height: await sheetHeight(page),
    top: await page.locator('.bottom-sheet').evaluate((s) => s.getBoundingClientRect().top),
  };
}

/**
 * Drags the handle by `dy` px (negative: upwards) with the mouse. Slowly (`flick` false): `steps` moves 40 ms apart,
 * placing the sheet where the pointer stops. A flick: the moves and the release sent back to back without waiting
 * for each round trip to the browser (which alone can take longer than a thumb's whole swipe).
 */
async function dragHandle(page: Page, dy: number, { steps = 20, flick = false } = {}) {
  const box = (await page.locator('.bottom-sheet__handle').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const moves = Array.from({ length: steps }, (_, i) => y + (dy * (i + 1)) / steps);
  if (flick) {
    await Promise.all([...moves.map((to) => page.mouse.move(x, to)), page.mouse.up()]);
    return;
  }
  for (const to of moves) {
    await page.mouse.move(x, to);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
}

/** The rectangles of the draw toolbar and the scale bar, and whether they overlap. */
function toolbarAndScale(page: Page) {
  return page.evaluate(() => {
    const toolbar = document.querySelector('.draw-toolbar')!.getBoundingClientRect();
    const scale = document.querySelector('.maplibregl-ctrl-scale')!.getBoundingClientRect();
    const overlap =
      toolbar.left < scale.right &&
      scale.left < toolbar.right &&
      toolbar.top < scale.bottom &&
      scale.top < toolbar.bottom;
    const onScreen = scale.top >= 0 && scale.bottom <= innerHeight && scale.width > 0;
    return { overlap, onScreen };
  });
}

describe.skipIf(skipReason)('the phone layout', () => {
  let server: TestServer;
  let browser: Browser;
  /** The phone tests' one page: the first opens it (and finds the sheet as a fresh page has it), the rest reach it. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const phone = () => shared.at('/', { viewport: PHONE, session: server.fetch.session });
  /** The shared phone page with its sheet back at the peek a fresh page opens with. */
  const phoneAtPeek = async () => {
    const opened = await phone();
    await opened.page.evaluate(() => window.__catchment!.store!.getState().setSheet('peek'));
    expect((await restingSheet(opened.page)).height).toBe('peek');
    return opened;
  };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 5_000 }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  const open = (viewport: { width: number; height: number }) =>
    openAppPage(browser, `${server.url}/`, { viewport, session: server.fetch.session });

  it('pointer drags on the handle carry the sheet between peek, half and full; swipes down return to the map', async () => {
    const { page, errors } = await phone();
    const peek = await restingSheet(page);
    expect(peek.height).toBe('peek');

    // A slow drag to the middle of the screen leaves the sheet at half height.
    await dragHandle(page, PHONE.height / 2 - peek.top + 20);
    const half = await restingSheet(page);
    expect(half.height).toBe('half');
    expect(Math.abs(half.top - PHONE.height / 2)).toBeLessThan(2);
    expect(await page.locator('.bottom-sheet__handle').getAttribute('aria-expanded')).toBe('true');

    // A short, quick flick upwards goes one step further.
    await dragHandle(page, -80, { steps: 4, flick: true });
    const full = await restingSheet(page);
    expect(full.height).toBe('full');
    expect(full.top).toBeLessThan(half.top);
    await page.screenshot({ path: 'test-results/bottom-sheet-full-phone.png' });

    // A drag that ends short of a height settles at the nearest one: from full, down to about half.
    await dragHandle(page, half.top - full.top - 30);
    expect((await restingSheet(page)).height).toBe('half');

    // A fast swipe down from high up returns to the map: the sheet drops to its peek.
    await page.evaluate(() => window.__catchment!.store!.getState().setSheet('full'));
    await restingSheet(page);
    await dragHandle(page, 200, { steps: 4, flick: true });
    expect(await restingSheet(page)).toEqual(peek);

    // A swipe down from the peek leaves the handle alone over the map, and the draw toolbar follows it down.
    const toolbarAtPeek = (await page.locator('.draw-toolbar').boundingBox())!;
    await dragHandle(page, 70);
    const min = await restingSheet(page);
    expect(min.height).toBe('min');
    expect(PHONE.height - min.top).toBeLessThanOrEqual(60);
    expect(await page.locator('.bottom-sheet__content').isHidden()).toBe(true);
    const toolbarAtMin = (await page.locator('.draw-toolbar').boundingBox())!;
    expect(toolbarAtMin.y).toBeGreaterThan(toolbarAtPeek.y + 40);
    expect(toolbarAtMin.y + toolbarAtMin.height).toBeLessThanOrEqual(min.top);
    expect(await page.locator('.bottom-sheet__handle').getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: 'test-results/bottom-sheet-min-phone.png' });

    // A tap (no drag) still steps up.
    await page.locator('.bottom-sheet__handle').click();
    expect((await restingSheet(page)).height).toBe('peek');
    expect(errors).toEqual([]);
  });

  it('the handle is a button: Enter cycles the heights, Arrow Up and Down step through them', async () => {
    const { page, errors } = await phoneAtPeek();
    const handle = page.locator('.bottom-sheet__handle');
    await handle.focus();
    await page.keyboard.press('Enter');
    expect(await sheetHeight(page)).toBe('half');
    await page.keyboard.press('Enter');
    expect(await sheetHeight(page)).toBe('full');
    expect(await handle.getAttribute('aria-label')).toBe('Collapse panel');
    await page.keyboard.press('Enter');
    expect(await sheetHeight(page)).toBe('peek');
    await page.keyboard.press('ArrowDown');
    expect(await sheetHeight(page)).toBe('min');
    expect(await handle.getAttribute('aria-description')).toMatch(/map is in full view/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await sheetHeight(page)).toBe('half');
    // The arrows move the sheet, not the page or the map.
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the search field shows its whole placeholder on a phone', async () => {
    const { page } = await phone();
    const fit = await page.locator('.search input').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room =
        input.clientWidth -
        parseFloat(style.paddingInlineStart) -
        parseFloat(style.paddingInlineEnd);
      return { text: input.placeholder, width: context.measureText(input.placeholder).width, room };
    });
    expect(fit.text).not.toBe('');
    expect(fit.width, `"${fit.text}" in ${fit.room} px`).toBeLessThanOrEqual(fit.room);
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`${name}: the draw toolbar keeps clear of the scale bar`, async () => {
      const { page, errors } = await (name === 'phone' ? phoneAtPeek() : open(viewport));
      await expect(toolbarAndScale(page)).resolves.toEqual({ overlap: false, onScreen: true });
      if (name === 'phone') {
        // Nor when the sheet is lowered to its handle and the toolbar comes down with it.
        await page.evaluate(() => window.__catchment!.store!.getState().setSheet('min'));
        await restingSheet(page);
        await expect(toolbarAndScale(page)).resolves.toEqual({ overlap: false, onScreen: true });
      }
      await page.screenshot({ path: `test-results/toolbar-scale-${name}.png` });
      expect(errors).toEqual([]);
      if (name === 'desktop') await page.close();
    });
  }
});
