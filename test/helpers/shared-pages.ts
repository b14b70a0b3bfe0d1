// One app page per viewport shared by a test file's tests: a page load (bundle, style, shaders, tiles in software
// WebGL) is the slowest step of a browser test, and a test that needs no fresh state can reach its screen in-app.
import type { Browser } from 'playwright-core';
import { goToInApp, openAppPage, reloadLists, type OpenedPage, type PageOptions } from './page';

export interface SharedPages {
  /**
   * The page for these `options` (viewport, session…) at `address` (`/?…`): opened there by the first test that
   * asks, moved there in-app (goToInApp, as Back/Forward does) for the next ones, whose errors then start empty.
   * `listsChanged`: the test changed stores, areas, events or campaigns through the API, so a page already open
   * loads those lists again first (as a page load would), then moves.
   */
  at(
    address: string,
    options?: PageOptions,
    moving?: { listsChanged?: boolean },
  ): Promise<OpenedPage>;
  /** Closes every page; for afterAll. */
  close(): Promise<void>;
}

/** Shared pages on `origin()` (read when a page opens: the test server starts in beforeAll). */
export function sharedPages(browser: () => Browser, origin: () => string): SharedPages {
  const pages = new Map<string, Promise<OpenedPage>>();
  return {
    async at(address, options = {}, { listsChanged = false } = {}) {
      const key = JSON.stringify(options);
      const shared = await pages.get(key)?.catch(() => undefined);
      if (!shared || shared.page.isClosed()) {
        const opening = openAppPage(browser(), `${origin()}${address}`, options);
        pages.set(key, opening);
        // A page that failed to open is opened afresh by the next test (above) rather than failing it too.
        return opening;
      }
      shared.errors.length = 0;
      if (listsChanged) await reloadLists(shared.page);
      await goToInApp(shared.page, address);
      return shared;
    },
    async close() {
      const opened = await Promise.allSettled(pages.values());
      pages.clear();
      for (const result of opened)
        if (result.status === 'fulfilled') await result.value.page.close();
    },
  };
}
