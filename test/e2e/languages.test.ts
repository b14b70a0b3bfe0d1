// Every language on the main screens, in a real Chromium at a laptop's and a phone's size: nothing is cut off, and
// Persian and Hebrew lay the app out right to left (bars grow from the right) while the map stays as it is.
// Switching the language in the menu keeps the map view, the open panel and what was typed. Screenshots of every
// screen in every language at both sizes land in test-results/lang-<lang>-<screen>-<size>.png.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFor, supportedLanguages, textDirection } from '../../client/i18n/locale';
import { createTranslator } from '../../client/i18n/translate';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { overflowingText } from '../helpers/overflow';
import { goToInApp, openAppPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';
import { sharedPages } from '../helpers/shared-pages';

const skipReason = chromiumSkipReason();
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
/** Every language with a catalog, and the right-to-left ones even before their catalogs land. */
const LANGUAGES = [...new Set([...supportedLanguages, 'fa', 'he'])];
const DAY_MS = 86_400_000;

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Where a bar shorter than its track starts: at the track's right edge (rtl) or its left (ltr). */
async function barSide(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.bar-chart__bar')].some((bar) => {
      const width = bar.getBoundingClientRect().width;
      return width > 2 && width < bar.parentElement!.getBoundingClientRect().width - 2;
    }),
  );
  return page.locator('.bar-chart__bar').evaluateAll((bars) => {
    const bar = bars.find((b) => {
      const width = b.getBoundingClientRect().width;
      return width > 2 && width < b.parentElement!.getBoundingClientRect().width - 2;
    })!;
    const b = bar.getBoundingClientRect();
    const track = bar.parentElement!.getBoundingClientRect();
    return {
      fromRight: Math.abs(b.right - track.right) < 1.5,
      fromLeft: Math.abs(b.left - track.left) < 1.5,
    };
  });
}

/**
 * In a right-to-left language each nearest store's Latin name sits in an isolating element (<bdi>, dir=auto), so the
 * distance after it stays after it: "Kiezkaffee Siemensstadt (2.94 ק״מ)", not the digits pulled into the name's run.
 */
async function checkStoreNamesIsolated(page: Page, label: string, screenshot: string) {
  await page.locator('.event-reach__stores li').first().waitFor();
  // Scrolled into view and taken alone, to look at: the list may sit below the fold of the panel.
  await page.locator('.event-reach__stores').screenshot({ path: screenshot });
  const names = await page.locator('.event-reach__stores li').evaluateAll((items) =>
    items.map((item) => {
      const text = [...item.childNodes].find((node) => node.textContent!.trim() !== '')!;
      const holder = text instanceof Element ? text : text.parentElement!;
      return { name: holder.textContent, isolation: getComputedStyle(holder).unicodeBidi };
    }),
  );
  expect.soft(names.length, `${label}: nearest stores`).toBeGreaterThan(0);
  for (const { name, isolation } of names)
    expect.soft({ name, isolation }, `${label}: store name isolated`).toEqual({
      name: expect.stringMatching(/[A-Za-z]/) as string,
      isolation: expect.stringMatching(/^(isolate|isolate-override|plaintext)$/) as string,
    });
}

describe.skipIf(skipReason)('the app in every language', () => {
  let server: TestServer;
  let browser: Browser;
  const areaIds: string[] = [];
  let eventId = '';
  let campaignId = '';
  /** The page the per-language tests share (see below). */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 5_000 }),
      launchChromium(),
    ]);
    for (const [name, center] of [
      ['Kiezkaffee Mitte', [13.39, 52.52]],
      ['Mitte east', [13.41, 52.52]],
    ] as const) {
      const response = await server.fetch(
        '/api/areas',
        json('POST', { name, kind: 'radius', params: { center, radiusMeters: 1000 } }),
      );
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
        offer: { headline: 'Coffee for a rainy day', code: 'RAIN20', discountPercent: 20 },
        channel: 'in_store',
        startsAt: new Date(now - DAY_MS).toISOString(),
        endsAt: new Date(now + 30 * DAY_MS).toISOString(),
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
        triggerMode: 'any',
      }),
    );
    campaignId = ((await campaign.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  /** The main screens: the address that opens each, what shows once open, and whether it draws bar charts. */
  const screens = [
    { name: 'area', url: () => `sel=area:${areaIds[0]}`, ready: '.bar-chart', bars: true },
    {
      name: 'compare',
      url: () => `cmp=${areaIds.join(',')}`,
      ready: '.area-compare[data-state="ready"] .bar-chart',
      bars: true,
    },
    { name: 'event', url: () => `sel=event:${eventId}`, ready: '.details__title', bars: false },
    {
      name: 'campaign',
      url: () => `sel=campaign:${campaignId}`,
      ready: '.details__title',
      bars: false,
      open: '[data-action="edit-campaign"]',
      openReady: '.campaign-form [data-builder="triggers"]',
    },
    { name: 'admin', url: () => 'admin=privacy', ready: 'dialog[open]', bars: false },
  ];

  /** Everything a screen must get right in this language at this size; `label` names both in any failure. */
  async function checkScreen(
    page: Page,
    errors: string[],
    { lang, size, screen }: { lang: string; size: string; screen: (typeof screens)[number] },
  ) {
    const label = `${lang}, ${size}, ${screen.name}`;
    const rtl = textDirection(lang) === 'rtl';
    await goToInApp(page, `/?lang=${lang}&${screen.url()}`);
    await page.locator(screen.ready).first().waitFor();
    if (size === 'phone' && screen.name !== 'admin')
      // Lifted until it stays up and has stopped moving: the app lowers it to half on a new selection or size, which
      // can land after a lift made right away (a fresh page had settled by then), and a moving sheet hides text.
      await page.waitForFunction(() => {
        const store = window.__catchment!.store!.getState();
        if (store.sheet !== 'full') store.setSheet('full');
        const sheet = document.querySelector('.bottom-sheet');
        return store.sheet === 'full' && sheet !== null && sheet.getAnimations().length === 0;
      });
    if (screen.open) {
      await page.locator(screen.open).click();
      await page.locator(screen.openReady!).waitFor();
    }
    const root = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      mapDir: getComputedStyle(document.querySelector('.maplibregl-canvas')!).direction,
    }));
    expect.soft(root, label).toMatchObject({ lang, dir: rtl ? 'rtl' : 'ltr' });
    if (screen.bars) {
      const side = await barSide(page);
      expect
        .soft(side, `${label}: bars`)
        .toMatchObject(rtl ? { fromRight: true, fromLeft: false } : { fromLeft: true });
    }
    await page.screenshot({ path: `test-results/lang-${lang}-${screen.name}-${size}.png` });
    if (rtl && screen.name === 'event')
      await checkStoreNamesIsolated(page, label, `test-results/lang-${lang}-stores-${size}.png`);
    expect.soft(await overflowingText(page), `${label}: text cut off`).toEqual([]);
    // Taken per screen, so an error is blamed on the screen that caused it.
    expect.soft(errors.splice(0), `${label}: errors`).toEqual([]);
    if (screen.name === 'area') await checkProblemToast(page, errors, lang, label, size);
    if (screen.open) {
      // The edit form is a dialog of its own that outlives the selection: close it so the next screen is alone.
      await page.locator('.campaign-form .form-actions .button--secondary').click();
      await page.locator('.campaign-form').waitFor({ state: 'hidden' });
    }
  }

  /**
   * A refusal from the server reaches the toast in the page's language: deleting the area a campaign uses answers 409
   * with the field-error code `in_use`, worded from the catalog rather than the server's English sentence.
   */
  async function checkProblemToast(
    page: Page,
    errors: string[],
    lang: string,
    label: string,
    size: string,
  ) {
    const t = createTranslator(lang, catalogFor(lang));
    await page.locator('[data-action="delete-area"]').click();
    const toast = page.locator('.toast', { hasText: t('problem.title.409') });
    await toast.waitFor();
    expect
      .soft(await toast.locator('.toast__detail').textContent(), `${label}: toast`)
      .toBe(t('fieldError.inUse'));
    await page.screenshot({ path: `test-results/lang-${lang}-toast-${size}.png` });
    await page.evaluate(() => {
      const store = window.__catchment!.store!.getState();
      for (const shown of store.toasts) store.dismissToast(shown.id);
    });
    // The browser logs the refused delete's 409 itself; nothing else went wrong.
    expect
      .soft(
        errors.splice(0).filter((e) => !e.includes('409')),
        `${label}: errors`,
      )
      .toEqual([]);
  }

  // One page for every language, resized between the sizes, moving between the screens as Back/Forward would and
  // put into the next language with the menu (as the last test does): a reload per screen, then one per language,
  // made this file take minutes. The sizes start on a screen with a selection either way.
  for (const lang of LANGUAGES) {
    const rtl = textDirection(lang) === 'rtl';
    it(`${lang}: ${rtl ? 'right to left, ' : ''}no text cut off on any screen at either size`, async () => {
      const { page, errors } = await shared.at(`/?lang=${lang}`, {
        viewport: SIZES[0].viewport,
        session: server.fetch.session,
      });
      await page.setViewportSize(SIZES[0].viewport);
      if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
        await page.locator('.lang-menu select').selectOption(lang);
        await page.waitForFunction((code) => document.documentElement.lang === code, lang);
      }
      for (const { name: size, viewport } of SIZES) {
        await page.setViewportSize(viewport);
        // Wait for the phone layout: lifting the sheet before the app notices the size would be undone by it.
        if (size === 'phone') await page.locator('.bottom-sheet').waitFor();
        for (const screen of screens) await checkScreen(page, errors, { lang, size, screen });
      }
    }, 240_000); // ten screens in one test: the per-test limit of one screen is too tight on a shared machine
  }

  it('switching the language in the menu keeps the map view, the open panel and what was typed', async () => {
    const { page, errors } = await openAppPage(
      browser,
      `${server.url}/?lang=en&sel=area:${areaIds[0]}`,
      { viewport: SIZES[0].viewport, session: server.fetch.session },
    );
    await page.locator('.details__title').waitFor();
    await waitForMapIdle(page);
    const search = page.locator('.search input');
    await search.fill('Kiezkaffee');
    const centre = () =>
      page.evaluate(() =>
        window
          .__catchment!.map!.getCenter()
          .toArray()
          .map((v) => v.toFixed(6)),
      );
    const before = await centre();
    /** What MapLibre's controls say: the zoom button's name and the credit line, both set from our catalogs. */
    const mapWords = () =>
      page.evaluate(() => {
        const zoomIn = document.querySelector('.maplibregl-ctrl-zoom-in')!;
        return {
          zoomTitle: zoomIn.getAttribute('title'),
          zoomLabel: zoomIn.getAttribute('aria-label'),
          credits: document.querySelector('.maplibregl-ctrl-attrib-inner')!.textContent,
          toggle: document.querySelector('.maplibregl-ctrl-attrib-button')!.getAttribute('title'),
        };
      });
    const wordsIn = (lang: string) => {
      const t = createTranslator(lang, catalogFor(lang));
      return {
        zoomTitle: t('map.zoomIn'),
        zoomLabel: t('map.zoomIn'),
        credits: t('map.attribution.offline'),
        toggle: t('map.toggleAttribution'),
      };
    };
    expect(await mapWords()).toEqual(wordsIn('en'));
    // A mark on the window: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { beforeSwitch: true }));
    for (const target of ['de', 'he']) {
      await page.locator('.lang-menu select').selectOption(target);
      await page.waitForFunction((code) => document.documentElement.lang === code, target);
      await expect(page.evaluate(() => 'beforeSwitch' in window)).resolves.toBe(true);
      await expect(search.inputValue()).resolves.toBe('Kiezkaffee');
      await expect(page.locator('.details__title').textContent()).resolves.toContain(
        'Kiezkaffee Mitte',
      );
      expect(await centre(), target).toEqual(before);
      expect(new URL(page.url()).searchParams.get('lang')).toBe(target);
      expect(await mapWords(), `${target}: the map's controls`).toEqual(wordsIn(target));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
