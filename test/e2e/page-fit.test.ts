// The page fits its window, in a real Chromium at a laptop's and a phone's size, with classic scrollbars drawn (they
// take room, as on a desktop): with each main panel open (the areas list, an area, a comparison, an event, a campaign,
// the shortcuts and the workspace settings) the document is no larger than the viewport, tabbing through the panel
// scrolls the panel and never the whole app, and nothing that matters is cut off at its box's edge.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { goToInApp, openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const DAY_MS = 86_400_000;
/** A long but ordinary address: it must read whole in the users table, on a phone too. */
const LONG_EMAIL = 'annemarie.schneider@kaffeehaus-mitte.example';

/** Lines each cell of the users table takes (its text's line boxes), and the narrowest cell and button, in px. */
function usersTableLayout(page: Page) {
  return page.evaluate(() => {
    const lines = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    const rows = [...document.querySelectorAll('.admin-table tbody tr')];
    const cells = rows.flatMap((row) => [...row.querySelectorAll('th, td')]);
    const buttons = rows.flatMap((row) => [...row.querySelectorAll('button')]);
    return {
      emailLines: Object.fromEntries(
        rows.map((row) => [row.getAttribute('data-user'), lines(row.querySelector('th')!)]),
      ),
      narrowestCell: Math.min(...cells.map((c) => c.getBoundingClientRect().width)),
      narrowestButton: Math.min(...buttons.map((b) => b.getBoundingClientRect().width)),
      buttonsOffScreen: buttons.filter((b) => b.getBoundingClientRect().right > innerWidth).length,
    };
  });
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** How far the document reaches past the window, and how far any box of the shell above the panels is scrolled. */
function documentFit(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const shell = ['body', '#root', '.app', '.workspace', '.map-area'].map(
      (selector) => [selector, document.querySelector(selector)?.scrollTop ?? 0] as const,
    );
    return {
      tooTall: Math.max(0, root.scrollHeight - innerHeight),
      tooWide: Math.max(0, root.scrollWidth - innerWidth),
      scrolled: [['document', document.scrollingElement!.scrollTop] as const, ...shell].filter(
        ([, top]) => top !== 0,
      ),
    };
  });
}

const FITS = { tooTall: 0, tooWide: 0, scrolled: [] };

/**
 * Boxes that cut their own content off sideways: an element that clips or scrolls (overflow not visible) whose content
 * is wider than its box. Left out: text that ends in an ellipsis on purpose, the screen-reader-only labels, MapLibre's
 * own controls, and a data table's wrapper that scrolls sideways (a wide table on a phone scrolls rather than squeezes).
 */
function clippedBoxes(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.getClientRects().length === 0) continue;
      if (element.closest('.visually-hidden, .maplibregl-map')) continue;
      const style = getComputedStyle(element);
      // Kept for screen readers only, the way .visually-hidden does it (a phone's stacked table hides its heads so).
      if (style.clipPath === 'inset(50%)') continue;
      if (style.overflowX === 'visible' || style.textOverflow === 'ellipsis') continue;
      const scrollsTable =
        style.overflowX === 'auto' && element.firstElementChild?.tagName === 'TABLE';
      if (scrollsTable) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth}): "${element.textContent?.trim().slice(0, 40)}"`,
        );
    }
    return found;
  });
}

/** Presses Tab `times` times, checking after each press that no box of the shell has scrolled. */
async function tabThrough(page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    const { scrolled } = await documentFit(page);
    expect(scrolled, `after ${i + 1} presses of Tab`).toEqual([]);
  }
}

/**
 * Whether `selector`'s element shows whole: its own content fits its box, and its box lies inside the visible part of
 * every ancestor that clips (a scrolling panel's client area, without its scrollbar). '' when it does.
 */
function cutOff(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return `${selector} is missing`;
    element.scrollIntoView({ block: 'center' });
    if (element.scrollWidth > element.clientWidth + 1)
      return `${selector} is cut in its own box (${element.scrollWidth} > ${element.clientWidth})`;
    const r = element.getBoundingClientRect();
    for (let box = element.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const b = box.getBoundingClientRect();
      const left = b.left + box.clientLeft;
      const right = left + box.clientWidth;
      if (r.left < left - 0.5 || r.right > right + 0.5)
        return `${selector} (${r.left.toFixed(0)}–${r.right.toFixed(0)}) is cut by ${box.tagName.toLowerCase()}.${box.className} (${left.toFixed(0)}–${right.toFixed(0)})`;
    }
    return '';
  }, selector);
}

describe.skipIf(skipReason)('the page fits its window', () => {
  let server: TestServer;
  let browser: Browser;
  let areaIds: string[] = [];
  let eventId = '';
  let campaignId = '';

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 5_000 }),
      launchChromium({ scrollbars: true }),
    ]);
    areaIds = [];
    for (const [name, center] of [
      ['Mitte west', [13.39, 52.52]],
      ['Mitte east', [13.41, 52.52]],
    ] as const) {
      const response = await server.fetch(
        '/api/areas',
        json('POST', { name, kind: 'radius', params: { center, radiusMeters: 1000 } }),
      );
      expect(response.status).toBe(201);
      areaIds.push(((await response.json()) as { properties: { id: string } }).properties.id);
    }
    const now = Date.now();
    const events = await server.fetch(
      `/api/events?${new URLSearchParams({
        from: new Date(now + DAY_MS).toISOString(),
        to: new Date(now + 80 * DAY_MS).toISOString(),
      }).toString()}`,
    );
    eventId = ((await events.json()) as { features: { id: string }[] }).features[0]!.id;
    const campaign = await server.fetch(
      '/api/campaigns',
      json('POST', {
        name: 'Rainy day coffee',
        areaIds: [areaIds[0]],
        offer: { headline: 'Coffee for a rainy day', code: 'RAIN10', discountPercent: 10 },
        channel: 'in_store',
        startsAt: new Date(now - DAY_MS).toISOString(),
        endsAt: new Date(now + 30 * DAY_MS).toISOString(),
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
        triggerMode: 'any',
      }),
    );
    expect(campaign.status).toBe(201);
    campaignId = ((await campaign.json()) as { id: string }).id;
    const user = await server.fetch(
      '/api/users',
      json('POST', {
        email: LONG_EMAIL,
        name: 'Annemarie Schneider-Hoffmann',
        password: 'a long enough password',
        role: 'marketer',
      }),
    );
    expect(user.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Each main panel: the address that opens it, and what shows once it is open (ids filled in beforeAll). */
  const panels = [
    { name: 'areas', url: () => '/', ready: '.area-list' },
    { name: 'area', url: () => `/?sel=area:${areaIds[0]}`, ready: '.details__title' },
    {
      name: 'compare',
      url: () => `/?cmp=${areaIds.join(',')}`,
      ready: '.details[data-kind="compare"]',
    },
    { name: 'event', url: () => `/?sel=event:${eventId}`, ready: '.details__title' },
    { name: 'campaign', url: () => `/?sel=campaign:${campaignId}`, ready: '.details__title' },
    { name: 'settings', url: () => '/?admin=users', ready: 'dialog[open]' },
  ];

  for (const { name, viewport } of SIZES) {
    const phone = name === 'phone';

    describe(name, () => {
      // One page per size: each panel is reached through the app's own back/forward handling, as a person moving
      // between them would, and a reload per panel would only repeat the map's first draw.
      let page: Page;
      let errors: string[];

      beforeAll(async () => {
        ({ page, errors } = await openAppPage(browser, `${server.url}/`, {
          viewport,
          session: server.fetch.session,
        }));
      });

      afterAll(async () => {
        await page?.close();
      });

      for (const panel of panels)
        it(`${name}, ${panel.name}: the document stays the window's size, and tabbing through the panel never scrolls the app`, async () => {
          errors.length = 0;
          await goToInApp(page, panel.url());
          await page.locator(panel.ready).first().waitFor();
          // On a phone the panel is the bottom sheet: at full height it has the most to tab through.
          if (phone && panel.name !== 'settings')
            await page.evaluate(() => window.__catchment!.store!.getState().setSheet('full'));
          await expect(documentFit(page)).resolves.toEqual(FITS);
          await tabThrough(page, 30);
          await expect(documentFit(page)).resolves.toEqual(FITS);
          expect(await clippedBoxes(page)).toEqual([]);
          await page.screenshot({ path: `test-results/page-fit-${panel.name}-${name}.png` });
          expect(errors).toEqual([]);
        });

      it(`${name}: the users table reads whole: every email on one line, no squeezed cell, every action a whole button`, async () => {
        errors.length = 0;
        await goToInApp(page, '/?admin=users');
        await page.locator(`.admin-table tr[data-user="${LONG_EMAIL}"]`).waitFor();
        const layout = await usersTableLayout(page);
        expect(Object.keys(layout.emailLines).length).toBeGreaterThanOrEqual(2);
        for (const [email, lines] of Object.entries(layout.emailLines))
          expect(lines, email).toBe(1);
        expect(layout.narrowestCell).toBeGreaterThanOrEqual(phone ? 200 : 40);
        expect(layout.narrowestButton).toBeGreaterThanOrEqual(44);
        expect(layout.buttonsOffScreen).toBe(0);
        await expect(documentFit(page)).resolves.toEqual(FITS);
        expect(await clippedBoxes(page)).toEqual([]);
        await page.screenshot({ path: `test-results/page-fit-users-${name}.png` });
        expect(errors).toEqual([]);
      });

      it(`${name}: the shortcuts list shows every key whole, and the neighbourhood list every figure`, async () => {
        errors.length = 0;
        await goToInApp(page, '/');
        if (phone)
          await page.evaluate(() => window.__catchment!.store!.getState().setSheet('full'));
        // The longest name with a six-digit figure: where a scrollbar once pushed the figure out of its row.
        const row = page.locator('.item--row', { hasText: 'Hohenschönhausen' });
        await row.waitFor();
        await expect(
          row.evaluate((element) => element.setAttribute('data-probe', 'figure')),
        ).resolves.toBeUndefined();
        await expect(cutOff(page, '[data-probe="figure"] .item__figure')).resolves.toBe('');
        await expect(cutOff(page, '[data-probe="figure"] .item__label')).resolves.toBe('');
        await expect(documentFit(page)).resolves.toEqual(FITS);

        await page.locator('.maplibregl-canvas').focus();
        await page.keyboard.press('?');
        await page.locator('.shortcuts-dialog').waitFor();
        for (const id of ['undo', 'redo']) {
          await expect(cutOff(page, `[data-shortcut="${id}"] dt`)).resolves.toBe('');
          // Every key of every combination inside the row, none of them stacked over another.
          const keys = await page
            .locator(`[data-shortcut="${id}"] kbd:not(.shortcut-combo)`)
            .evaluateAll((kbds) => {
              const row = kbds[0]!.closest('.shortcut-list__row')!.getBoundingClientRect();
              const rects = kbds.map((k) => k.getBoundingClientRect());
              const outside = rects.filter(
                (r) =>
                  r.left < row.left ||
                  r.right > row.right ||
                  r.top < row.top ||
                  r.bottom > row.bottom,
              ).length;
              const overlapping = rects.filter((a, i) =>
                rects.some(
                  (b, j) =>
                    i !== j &&
                    a.left < b.right &&
                    b.left < a.right &&
                    a.top < b.bottom &&
                    b.top < a.bottom,
                ),
              ).length;
              return { count: rects.length, outside, overlapping };
            });
          expect(keys.count, id).toBeGreaterThanOrEqual(2);
          expect(keys, id).toMatchObject({ outside: 0, overlapping: 0 });
        }
        await tabThrough(page, 10);
        await expect(documentFit(page)).resolves.toEqual(FITS);
        expect(await clippedBoxes(page)).toEqual([]);
        await page.screenshot({ path: `test-results/page-fit-shortcuts-${name}.png` });
        expect(errors).toEqual([]);
      });
    });
  }
});
