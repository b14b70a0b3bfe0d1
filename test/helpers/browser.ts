// Headless system Chromium for browser tests: skipped locally when it is missing, a failure in CI.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package; playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * SwiftShader gives MapLibre WebGL2 without a GPU. The page itself is composited in software: composited through
 * SwiftShader too, every frame of the page cost as much again as the map's own drawing (a page load took about half
 * as long again, with the map's WebGL calls waiting behind the compositor). The last keeps Chromium off the network.
 */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-compositing',
  '--no-sandbox',
  '--disable-background-networking',
];

/** The shared Chromium's address, set by test/setup/shared-browser.ts for the whole run. */
export const BROWSER_ENDPOINT_ENV = 'CATCHMENT_TEST_BROWSER';

const MISSING = `Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get install chromium\` to run the browser tests`;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Why browser tests cannot run here, for `describe.skipIf(chromiumSkipReason())`; undefined when they can.
 * Throws in CI (`CI=true`), where a missing browser must fail the run rather than pass it silently.
 */
export function chromiumSkipReason(): string | undefined {
  if (chromiumAvailable()) return undefined;
  if (process.env.CI === 'true') throw new Error(MISSING);
  console.warn(`skipping browser tests: ${MISSING}`);
  return MISSING;
}

/**
 * Headless Chromium: the run's shared one when the global setup started it (close() then only disconnects this file
 * and closes its pages), else a launch of its own. Throws with the install hint when it is missing. Close it in
 * afterAll. `scrollbars`: draw classic scrollbars, which take room as on a desktop (headless hides them by default),
 * for tests that check nothing is cut off by one: that needs a browser of its own.
 */
export async function launchChromium({ scrollbars = false } = {}): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(MISSING);
  const shared = process.env[BROWSER_ENDPOINT_ENV];
  if (shared && !scrollbars) return chromium.connect(shared);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
  });
}
