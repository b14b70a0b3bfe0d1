// A report as PDF: Debian's Chromium (through playwright-core) opens the report page of the app itself, signed in as
// the person who asked, waits until the page says it is ready (data loaded, map image drawn) and prints it. At most
// `maxConcurrent` renderings at once (each is a browser page: memory and CPU); the others wait their turn within the
// same time limit. Chromium is started on first use and kept for the next report.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Db } from '../../db/connection.js';
import { SESSION_COOKIE } from '../accounts/auth.js';
import { startReportSession } from './report-session.js';

export const REPORT_FORMATS = ['A4', 'Letter'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Why no PDF came out: no browser on this machine, or the page was not ready in time. */
export class ReportRenderError extends Error {
  constructor(
    readonly reason: 'chromium-missing' | 'timeout' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'ReportRenderError';
  }
}

export interface ReportRequest {
  userId: string;
  /** The app's query string for the report page, e.g. `report=area:ar-1&lang=de&seg=tier:gold`. */
  query: URLSearchParams;
  format: ReportFormat;
}

export interface ReportRenderer {
  pdf(request: ReportRequest): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ReportRendererOptions {
  db: Db;
  clock: () => Date;
  /** Where this server answers, from inside this machine (http://127.0.0.1:port); known once it listens. */
  baseUrl: () => string;
  chromiumPath?: string;
  timeoutMs?: number;
  maxConcurrent?: number;
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** WebGL without a GPU (the map), and nothing fetched that the report does not ask for. */
const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
];
/** The page sets this on <html> once every section has its data and the map image is drawn. */
export const REPORT_READY_ATTR = 'data-report-ready';

export function createReportRenderer({
  db,
  clock,
  baseUrl,
  chromiumPath = DEFAULT_CHROMIUM_PATH,
  timeoutMs = 60_000,
  maxConcurrent = 2,
}: ReportRendererOptions): ReportRenderer {
  let browser: Promise<Browser> | null = null;
  let running = 0;
  const waiting: (() => void)[] = [];

  function launch(): Promise<Browser> {
    browser ??= import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS }),
      )
      .then((b) => {
        // A crashed browser is started again for the next report.
        b.on('disconnected', () => (browser = null));
        return b;
      })
      .catch((error: unknown) => {
        browser = null;
        throw error;
      });
    return browser;
  }

  async function turn(deadline: number): Promise<void> {
    if (running < maxConcurrent) {
      running++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(new ReportRenderError('timeout', 'Other reports were being printed; try again.'));
      }, deadline - Date.now());
      waiting.push(go);
    });
  }
  function done(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  async function render({ userId, query, format }: ReportRequest, deadline: number) {
    const session = startReportSession(db, userId, { now: clock(), ttlMs: timeoutMs });
    const context = await (await launch()).newContext({ viewport: { width: 1000, height: 1400 } });
    try {
      const url = new URL(`/?${query.toString()}`, baseUrl());
      await context.addCookies([
        {
          name: SESSION_COOKIE,
          value: session.id,
          url: url.origin,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      const page = await context.newPage();
      page.setDefaultTimeout(Math.max(1, deadline - Date.now()));
      await page.goto(url.href);
      await page.waitForSelector(`html[${REPORT_READY_ATTR}]`);
      const failed = await page.getAttribute('html', REPORT_READY_ATTR);
      if (failed === 'error')
        throw new ReportRenderError('failed', 'The report page could not load its data.');
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ format, printBackground: true, preferCSSPageSize: false });
    } finally {
      await context.close().catch(() => {});
      session.end();
    }
  }

  return {
    async pdf(request) {
      if (!existsSync(chromiumPath))
        throw new ReportRenderError(
          'chromium-missing',
          `Chromium is not installed at ${chromiumPath}: install it (apt-get install chromium) to download reports as PDF. Printing from the browser works without it.`,
        );
      const deadline = Date.now() + timeoutMs;
      await turn(deadline);
      try {
        return await render(request, deadline);
      } catch (error) {
        if (error instanceof ReportRenderError) throw error;
        if (error instanceof Error && error.name === 'TimeoutError')
          throw new ReportRenderError(
            'timeout',
            `The report was not ready within ${timeoutMs / 1000} s.`,
          );
        throw new ReportRenderError(
          'failed',
          error instanceof Error ? error.message : String(error),
        );
      } finally {
        done();
      }
    },
    async close() {
      const b = browser;
      browser = null;
      await (await b?.catch(() => null))?.close();
    },
  };
}
