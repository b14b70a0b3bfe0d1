// Global setup of the browser tests: one Chromium for the whole run, which each test file connects to (see
// launchChromium), instead of a launch per file. Skipped where there is no Chromium (launchChromium says why).
import { chromium, type BrowserServer } from 'playwright-core';
import {
  BROWSER_ENDPOINT_ENV,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  chromiumAvailable,
} from '../helpers/browser.js';

export default async function setup() {
  if (!chromiumAvailable()) return;
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  process.env[BROWSER_ENDPOINT_ENV] = server.wsEndpoint();
  return () => server.close();
}
