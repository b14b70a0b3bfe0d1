// Opening the app in a browser page for end-to-end tests: console errors collected, and waiting for the map to settle.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../../server/services/accounts/auth.js';

export const DESKTOP = { width: 1280, height: 800 };

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught page errors and CSP violations, for `expect(errors).toEqual([])`. */
  errors: string[];
}

/** Resolves once the map has drawn everything it was asked to (the app sets data-map-state="idle"). */
export function waitForMapIdle(page: Page) {
  return page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
    timeout: 90_000,
  });
}

/** Frames in a row that waitForStill wants unchanged: more than the app's fit waits for (4, client/map/fit.ts). */
const STILL_FRAMES = 8;

/**
 * Resolves once the camera, the map's box and every panel over it (data-covers-map) have kept their places, with no
 * CSS transition running, for several animation frames in a row: a camera move the app makes once a panel has
 * settled (client/map/fit.ts) has landed by then. Frames rather than a fixed pause: as short as the page allows, and
 * as long as a busy page needs.
 */
export async function waitForStill(page: Page, timeoutMs = 15_000) {
  await page.evaluate(
    ([frames, timeoutMs]) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__catchment!.map;
        /** Everything that must hold still, as one comparable string; null while something moves. */
        const look = () => {
          const transitions = document
            .getAnimations()
            .some((a) => a instanceof CSSTransition && a.playState === 'running');
          if (transitions || map.isMoving()) return null;
          const boxes = [map.getContainer(), ...document.querySelectorAll('[data-covers-map]')].map(
            (element) => {
              const r = element.getBoundingClientRect();
              return `${r.left},${r.top},${r.width},${r.height}`;
            },
          );
          return `${map.getCenter().toArray().join()},${map.getZoom()},${map.getBearing()}|${boxes.join('|')}`;
        };
        const started = performance.now();
        let last: string | null = null;
        let still = 0;
        const tick = () => {
          const now = look();
          still = now !== null && now === last ? still + 1 : 0;
          last = now;
          if (still >= frames) return resolve();
          if (performance.now() - started > timeoutMs)
            return reject(new Error(`the page did not hold still for ${timeoutMs} ms`));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    [STILL_FRAMES, timeoutMs] as const,
  );
}

/**
 * Expects the page's own address to carry `name=value` in its query (`null`: no such parameter), waiting up to
 * `timeout` for the app to write it. Reads `location` in the page: Playwright's `page.url()` learns of
 * `history.pushState` from a protocol event that can arrive after the next assertion has run.
 */
export async function expectQueryParam(
  page: Page,
  name: string,
  value: string | null,
  timeout = 5_000,
) {
  await page
    .waitForFunction(
      ([param, wanted]) => new URLSearchParams(location.search).get(param) === wanted,
      [name, value] as const,
      { timeout },
    )
    .catch(() => undefined);
  expect(
    await page.evaluate((param) => new URLSearchParams(location.search).get(param), name),
    `the query parameter ${name}`,
  ).toBe(value);
}

/**
 * Opens another screen without a reload, the way Back/Forward does: a new address (`/?…`), then the popstate the app
 * follows (client/app/url-sync.ts) to put that address into its state.
 */
export async function goToInApp(page: Page, address: string) {
  await page.evaluate((target) => {
    const url = new URL(target, location.href);
    history.pushState(history.state, '', `${url.pathname}${url.search}${location.hash}`);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, address);
}

/**
 * Loads stores, areas, events and campaigns again in the page (what a page load fetches of them), for a test that
 * changed them through the API; waits until they are ready.
 */
export async function reloadLists(page: Page) {
  await page.evaluate(() => window.__catchment!.reloadLists!());
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /**
   * 'reduce' by default: the map then jumps instead of flying and shows labels without a fade, so a test waits for
   * (and software WebGL draws) far fewer frames. A test of motion itself asks for 'no-preference'.
   */
  reducedMotion?: 'reduce' | 'no-preference';
  /** A session id (from the test server's sign-in) to open the app signed in. */
  session?: string;
}

/** A new page (in its own browser context) at `url` with English locale, collecting errors; for pages without the map too. */
export async function openPage(
  browser: Browser,
  url: string,
  { viewport = DESKTOP, reducedMotion = 'reduce', session }: PageOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport,
    locale: 'en-US',
    reducedMotion,
  });
  if (session)
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: session,
        url: new URL(url).origin,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
  // A Content-Security-Policy violation is an error like any other: the app must run under the policy it is served with.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  // The browser may already be closing (its pages close first): nothing left to clean up then.
  page.once('close', () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

/** A new page at `url` (see openPage), open once the map is idle. */
export async function openAppPage(
  browser: Browser,
  url: string,
  options: PageOptions = {},
): Promise<OpenedPage> {
  const opened = await openPage(browser, url, options);
  await waitForMapIdle(opened.page);
  return opened;
}

/**
 * Each corner of each [w, s, e, n] box that is off the map or under an element matching one of `panels` (by default
 * whatever marks itself as covering the map), described; [] when every subject is in view (checked with map.project).
 */
export function hiddenCorners(
  page: Page,
  boxes: [number, number, number, number][],
  panels: readonly string[] = ['[data-covers-map]'],
): Promise<string[]> {
  return page.evaluate(
    ([boxes, panels]) => {
      const map = window.__catchment!.map;
      const canvas = map.getCanvas().getBoundingClientRect();
      const covers = panels.flatMap((selector) =>
        [...document.querySelectorAll(selector)]
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => ({ selector, rect: element.getBoundingClientRect() })),
      );
      const problems: string[] = [];
      boxes.forEach(([w, s, e, n], i) => {
        for (const corner of [
          [w, s],
          [w, n],
          [e, s],
          [e, n],
        ] as [number, number][]) {
          const p = map.project(corner);
          const x = canvas.left + p.x;
          const y = canvas.top + p.y;
          const where = `subject ${i} corner (${x.toFixed(0)}, ${y.toFixed(0)})`;
          if (
            x < Math.max(0, canvas.left) ||
            y < Math.max(0, canvas.top) ||
            x > Math.min(innerWidth, canvas.right) ||
            y > Math.min(innerHeight, canvas.bottom)
          )
            problems.push(`${where} is off the map`);
          for (const { selector, rect } of covers)
            if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom)
              problems.push(`${where} is under ${selector}`);
        }
      });
      return problems;
    },
    [boxes, panels] as const,
  );
}

/** Whether the element is inside the viewport and is what a tap at its centre would hit; a sentence when not. */
export function reach(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const element = [...document.querySelectorAll(selector)].find(
      (e) => e.getClientRects().length > 0,
    );
    if (!element) return `${selector} is missing`;
    const r = element.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
      return `${selector} is outside the viewport at ${JSON.stringify(r)}`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && element.contains(hit)
      ? 'reachable'
      : `${selector} is covered by ${hit?.tagName}.${hit?.className}`;
  }, selector);
}

/** The primary button is in reach without scrolling anything (waiting for a panel's transition to end). */
export async function expectInReach(page: Page, selector: string) {
  await expect.poll(() => reach(page, selector), { timeout: 10_000 }).toBe('reachable');
}
