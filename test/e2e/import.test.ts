// Importing a till's messy customer export in a real Chromium against a real server: the file is dropped on the app
// (Windows-1252, semicolons, German headers and dates, a quoted line break, CRLF, one bad row), its columns are
// mapped (one by hand), it runs as a job with a progress bar, the report names the bad row, the toast sums it up,
// and the new customers are at once in an open area's audience and in the map's customer tiles. Desktop and phone
// screenshots of the mapping screen and the report go to test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFor } from '../../client/i18n/locale';
import { createTranslator } from '../../client/i18n/translate';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Where the new customers live: a few metres apart, in the demo city. */
const HOME: [number, number] = [13.3777, 52.5163];
const NEW_IDS = ['K-90001', 'K-90002', 'K-90003', 'K-90004'];
const at = (i: number) => [
  (HOME[1] + i * 0.0003).toFixed(6).replace('.', ','),
  (HOME[0] + i * 0.0004).toFixed(6).replace('.', ','),
];

/**
 * The till's export: German headers, semicolons, decimal commas, DD.MM.YYYY, a quoted field with a line break, CRLF
 * line ends, and row 5 (counting the header as row 1) with a latitude that is not a number. "Lieblingsthemen" is no
 * header the import knows: it is mapped to interests by hand.
 */
const CSV = [
  'Kundennummer;Vorname;E-Mail;Breitengrad;Längengrad;Geschlecht;Treuestufe;Einwilligung;Letzter Kauf;Alter;Lieblingsthemen',
  `K-90001;Jürgen;juergen@example.test;${at(0).join(';')};männlich;Gold;ja;03.11.2026;41;Radfahren`,
  `K-90002;Bärbel;baerbel@example.test;${at(1).join(';')};w;Silber;nein;28.02.2026;35;"Kino;\r\nTheater"`,
  `K-90003;Zoë;zoe@example.test;${at(2).join(';')};d;Bronze;ja;01.12.2026;29;Kaffee`,
  `K-90099;Ömer;oemer@example.test;nördlich;${at(3)[1]};m;Gold;ja;15.06.2026;52;Fußball`,
  `K-90004;Björn;bjoern@example.test;${at(4).join(';')};m;keine;;;;`,
].join('\r\n');
/** Windows-1252: every character above is in Latin-1, where both agree. */
const FILE_BYTES = [...Buffer.from(`${CSV}\r\n`, 'latin1')];
const FILE_NAME = 'Kunden-Export.csv';

/** Drags the file over the app and drops it, as the browser does for a file from the desktop. */
async function dropFile(page: Page) {
  await page.evaluate(
    ([bytes, name]) => {
      const file = new File([new Uint8Array(bytes)], name, { type: 'text/csv' });
      const data = new DataTransfer();
      data.items.add(file);
      const target = document.querySelector('.maplibregl-canvas') ?? document.body;
      for (const type of ['dragenter', 'dragover'])
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
        );
    },
    [FILE_BYTES, FILE_NAME] as const,
  );
  // While a file is over the window, the overlay says what a drop does.
  await page.getByTestId('drop-overlay').waitFor();
  await page.evaluate(
    ([bytes, name]) => {
      const file = new File([new Uint8Array(bytes)], name, { type: 'text/csv' });
      const data = new DataTransfer();
      data.items.add(file);
      const target = document.querySelector('.maplibregl-canvas') ?? document.body;
      target.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
    },
    [FILE_BYTES, FILE_NAME] as const,
  );
  await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
}

/** The mapping screen of the dropped file, once its preview is in. */
async function mappingScreen(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Import data' });
  await dialog.getByTestId('import-preview').waitFor();
  return dialog;
}

const columnSelect = (page: Page, header: string) =>
  page.getByRole('combobox', { name: `Field for the column ${header}`, exact: true });

/** The audience panel's figure once its newest answer is in. */
async function shownCount(page: Page): Promise<number> {
  await page
    .locator('.audience[data-status="ready"]:not([data-stale])')
    .waitFor({ timeout: 15_000 });
  const text = await page.locator('.audience-figure[data-figure="count"] dd').first().textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

async function audienceCount(server: TestServer, areaId: string): Promise<number> {
  const response = await server.fetch('/api/audience', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ areaId }),
  });
  return ((await response.json()) as { count: number }).count;
}

describe.skipIf(skipReason)('importing a messy customer file in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let areaId: string;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      // Anything over 200 bytes runs as a job, so the file shows the progress bar.
      startTestServer({ customers: 500, imports: { inlineMaxBytes: 200, batchRows: 2 } }),
      launchChromium(),
    ]);
    // A 250 m circle around where the new customers live, open in the details panel while they are imported.
    const created = await server.fetch('/api/areas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Around the new customers',
        kind: 'radius',
        params: { center: HOME, radiusMeters: 250 },
      }),
    });
    expect(created.status).toBe(201);
    areaId = ((await created.json()) as { properties: { id: string } }).properties.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('maps, imports as a job, reports the bad row, and shows the new customers in the audience and on the map', async () => {
    const before = await audienceCount(server, areaId);
    // The app, without waiting for the map to settle: the drop and the panels do not need it.
    const { page, errors } = await openPage(
      browser,
      `${server.url}/?sel=area:${encodeURIComponent(areaId)}`,
      { viewport: WIDE, session: server.fetch.session },
    );
    expect(await shownCount(page)).toBe(before);

    await dropFile(page);
    const dialog = await mappingScreen(page);
    // Read as Windows-1252 with semicolons, the first rows shown as they are, the quoted line break kept.
    await expect(dialog.locator('.import__file .dialog__hint').textContent()).resolves.toBe(
      'CSV · windows-1252 · separated by “;”',
    );
    await expect(dialog.getByLabel('This file holds').inputValue()).resolves.toBe('customers');
    const preview = dialog.getByTestId('import-preview');
    await expect(preview.locator('tbody tr').count()).resolves.toBe(5);
    await expect(preview.locator('thead th').nth(4).textContent()).resolves.toMatch(/^Längengrad/);
    await expect(
      preview.locator('tbody tr').nth(1).locator('td').nth(1).textContent(),
    ).resolves.toBe('Bärbel');
    // The guessed columns, shown by their labels; the one it could not guess is mapped by hand.
    const guessed = {
      Kundennummer: 'id',
      Vorname: 'firstName',
      'E-Mail': 'email',
      Breitengrad: 'lat',
      Längengrad: 'lng',
      Geschlecht: 'gender',
      Treuestufe: 'loyaltyTier',
      Einwilligung: 'consent',
      'Letzter Kauf': 'lastPurchaseAt',
      Alter: 'age',
    };
    for (const [header, field] of Object.entries(guessed))
      await expect(columnSelect(page, header).inputValue(), header).resolves.toBe(field);
    await expect(
      columnSelect(page, 'Längengrad').locator('option:checked').textContent(),
    ).resolves.toBe('Longitude');
    await expect(columnSelect(page, 'Lieblingsthemen').inputValue()).resolves.toBe('');
    const unmapped = dialog.getByText('Column “Lieblingsthemen” is not imported.');
    await expect(unmapped.count()).resolves.toBe(1);
    await columnSelect(page, 'Lieblingsthemen').selectOption({ label: 'Interests' });
    await expect(columnSelect(page, 'Lieblingsthemen').inputValue()).resolves.toBe('interests');
    await expect(unmapped.count()).resolves.toBe(0);
    // German values mapped to ours, dates read day first.
    await expect(
      dialog.getByRole('combobox', { name: '“männlich” in Geschlecht means' }).inputValue(),
    ).resolves.toBe('male');
    await expect(
      dialog.getByRole('combobox', { name: '“Silber” in Treuestufe means' }).inputValue(),
    ).resolves.toBe('silver');
    await expect(dialog.getByLabel('Dates').inputValue()).resolves.toBe('dmy');
    await page.screenshot({ path: 'test-results/import-mapping-desktop.png' });

    await dialog.getByTestId('import-submit').click();
    // A job: the progress bar first, then the report.
    await dialog.getByTestId('import-progress').waitFor();
    await expect(
      dialog.getByRole('progressbar', { name: 'Import progress' }).count(),
    ).resolves.toBe(1);
    const report = dialog.getByTestId('import-report');
    await report.waitFor({ timeout: 15_000 });
    const figure = (label: string) =>
      report.locator('.import__figure', { hasText: label }).locator('dd').textContent();
    await expect(figure('Added')).resolves.toBe('4');
    await expect(figure('Updated')).resolves.toBe('0');
    await expect(figure('Rejected')).resolves.toBe('1');
    // The bad row by its number in the file and the field that is wrong.
    const rejectedRow = report.locator('.import__rejected tbody tr');
    await expect(rejectedRow.count()).resolves.toBe(1);
    await expect(rejectedRow.locator('td').nth(0).textContent()).resolves.toBe('5');
    await expect(rejectedRow.locator('td').nth(1).textContent()).resolves.toBe('Latitude');
    // The reason is worded from its code (not_a_number), quoting the cell.
    await expect(rejectedRow.locator('td').nth(2).textContent()).resolves.toBe(
      '“nördlich” is not a number.',
    );
    await page.screenshot({ path: 'test-results/import-report-desktop.png' });

    // Done: the toast sums it up and brings the report back.
    await dialog.getByRole('button', { name: 'Done' }).click();
    const toast = page.locator('.toast', { hasText: 'Customers imported' });
    await expect(toast.locator('.toast__detail').textContent()).resolves.toBe(
      '4 added, 0 updated, 1 rejected',
    );

    // The area still open in the details panel counts them now, without a reload.
    await page.waitForFunction(
      (n) =>
        Number(
          document
            .querySelector(
              '.audience[data-status="ready"]:not([data-stale]) .audience-figure[data-figure="count"] dd',
            )
            ?.textContent?.replace(/[^\d]/g, ''),
        ) === n,
      before + 4,
      { timeout: 15_000 },
    );
    expect(await audienceCount(server, areaId)).toBe(before + 4);
    // So does the area's line in the list.
    await page
      .locator('.item__figure', { hasText: `${before + 4} customers` })
      .waitFor({ timeout: 5_000 });

    // And the map's customer tiles hold them: close up, each one is a point of its own.
    await page.evaluate((center) => window.__catchment!.map.jumpTo({ center, zoom: 17 }), HOME);
    await page.waitForFunction(
      (ids) => {
        const shown = new Set(
          window
            .__catchment!.map.querySourceFeatures('catchment-customers', {
              sourceLayer: 'customers',
            })
            .map((f) => f.properties.id as string),
        );
        return ids.every((id) => shown.has(id));
      },
      NEW_IDS,
      { timeout: 15_000 },
    );

    await toast.getByRole('button', { name: 'Show report' }).click();
    await page.getByTestId('import-report').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the same file maps with the saved mapping and updates instead of duplicating', async () => {
    const { page, errors } = await openPage(browser, server.url, {
      viewport: PHONE,
      session: server.fetch.session,
    });
    await page.locator('.maplibregl-canvas').waitFor();
    await dropFile(page);
    const dialog = await mappingScreen(page);
    await dialog
      .getByText('These columns were mapped before: the saved mapping is used.')
      .waitFor();
    await expect(columnSelect(page, 'Lieblingsthemen').inputValue()).resolves.toBe('interests');
    await page.screenshot({ path: 'test-results/import-mapping-phone.png' });
    await dialog.getByTestId('import-submit').click();
    const report = dialog.getByTestId('import-report');
    await report.waitFor({ timeout: 15_000 });
    await expect(
      report.locator('.import__figure', { hasText: 'Updated' }).locator('dd').textContent(),
    ).resolves.toBe('4');
    await page.screenshot({ path: 'test-results/import-report-phone.png' });
    const customers = await (await server.fetch('/api/customers/K-90002')).json();
    expect(customers.properties).toMatchObject({
      firstName: 'Bärbel',
      gender: 'female',
      loyaltyTier: 'silver',
      consent: false,
      lastPurchaseAt: '2026-02-28',
      interests: ['Kino', 'Theater'],
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the report words the rejected row’s reason in the viewer’s language (Kazakh, Persian, Hebrew)', async () => {
    // One page, put into the next language with the menu as a viewer would: a page load per language cost seconds.
    const { page, errors } = await openPage(browser, `${server.url}/?lang=kk`, {
      viewport: WIDE,
      session: server.fetch.session,
    });
    await page.locator('.maplibregl-canvas').waitFor();
    for (const lang of ['kk', 'fa', 'he']) {
      const t = createTranslator(lang, catalogFor(lang));
      if (lang !== 'kk') {
        await page.setViewportSize(WIDE);
        await page.locator('.lang-menu select').selectOption(lang);
        await page.waitForFunction((code) => document.documentElement.lang === code, lang);
      }
      await dropFile(page);
      await page.getByTestId('import-preview').waitFor();
      await page.getByTestId('import-submit').click();
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 15_000 });
      const reason = report.locator('.import__rejected tbody tr td').nth(2);
      await expect(reason.textContent()).resolves.toBe(
        t('fieldError.notANumber', { value: 'nördlich' }),
      );
      await page.screenshot({ path: `test-results/import-report-${lang}-desktop.png` });
      await page.setViewportSize(PHONE);
      await reason.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/import-report-${lang}-phone.png` });
      expect(errors, lang).toEqual([]);
      await page.getByRole('button', { name: t('import.report.close'), exact: true }).click();
      await report.waitFor({ state: 'detached' });
      // The toast that sums the import up would otherwise still show over the next language's screenshots.
      await page.evaluate(() => {
        const store = window.__catchment!.store!.getState();
        for (const shown of store.toasts) store.dismissToast(shown.id);
      });
    }
    await page.close();
  }, 120_000);
});
