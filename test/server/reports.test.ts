// GET /api/reports/area/{id}.pdf and /api/reports/compare/{id,id}.pdf against a real server: a PDF of the report page
// printed by Chromium as the caller, refused to anonymous callers and API tokens, 404 for an area the caller may not see, bad paper sizes
// named, and a clear 503 when Chromium is missing. The report session it signs in with does not outlive the render.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { chromiumSkipReason } from '../helpers/browser.js';
import { defaultDistDir } from '../../server/server.js';

let server: TestServer;
let missing: TestServer;
let areaId: string;

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const sessions = () =>
  (server.deps.db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;

beforeAll(async () => {
  [server, missing] = await Promise.all([
    startTestServer({ customers: 600, reports: { timeoutMs: 60_000 } }),
    startTestServer({ customers: 50, reports: { chromiumPath: '/nonexistent/chromium' } }),
  ]);
  const created = await server.fetch(
    '/api/areas',
    json({ name: 'Mitte', kind: 'radius', params: { center: [13.4, 52.52], radiusMeters: 1500 } }),
  );
  expect(created.status).toBe(201);
  areaId = ((await created.json()) as { properties: { id: string } }).properties.id;
  // Two servers seeding at once on a shared machine.
}, 60_000);
afterAll(async () => {
  await Promise.all([server?.close(), missing?.close()]);
});

describe('refusals', () => {
  it('refuses anonymous callers', async () => {
    const response = await fetch(`${server.url}/api/reports/area/${areaId}.pdf`);
    await expectProblem(response, 401);
  });

  it('refuses API tokens: the report is printed as a signed-in user', async () => {
    const created = await server.fetch(
      '/api/tokens',
      json({ name: 'reports', scopes: ['audience:read', 'areas:read'] }),
    );
    const { secret } = (await created.json()) as { secret: string };
    const response = await fetch(`${server.url}/api/reports/area/${areaId}.pdf`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    await expectProblem(response, 403);
  });

  it('names a bad paper size, language or file name', async () => {
    const bad = await expectProblem(
      await server.fetch(`/api/reports/area/${areaId}.pdf?format=A3`),
      400,
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['query.format']);
    const lang = await expectProblem(
      await server.fetch(`/api/reports/area/${areaId}.pdf?lang=%3Cscript%3E`),
      400,
    );
    expect(lang.errors?.map((e) => e.field)).toEqual(['query.lang']);
    const file = await expectProblem(await server.fetch(`/api/reports/area/${areaId}.png`), 400);
    expect(file.errors?.map((e) => e.field)).toEqual(['params.file']);
  });

  it('names the file of a comparison that is not two areas, and answers 404 when one of them is unknown', async () => {
    const same = await expectProblem(
      await server.fetch(`/api/reports/compare/${areaId},${areaId}.pdf`),
      400,
    );
    expect(same.errors?.map((e) => e.field)).toEqual(['params.file']);
    await expectProblem(
      await server.fetch(`/api/reports/compare/${areaId}.pdf`),
      400,
      'params.file',
    );
    const unknown = await expectProblem(
      await server.fetch(`/api/reports/compare/${areaId},ar-nope.pdf`),
      404,
    );
    expect(JSON.stringify(unknown)).not.toContain('ar-nope');
  });

  it("answers 404 for an unknown area and for a store manager's colleague's private area", async () => {
    const unknown = await expectProblem(await server.fetch('/api/reports/area/ar-nope.pdf'), 404);
    expect(unknown.errors?.map((e) => e.field)).toEqual(['params.file']);
    const owner = await server.as('store_manager', { storeIds: [] });
    const theirs = await owner(
      '/api/areas',
      json({ name: 'Mine', kind: 'radius', params: { center: [13.4, 52.52], radiusMeters: 500 } }),
    );
    const privateId = ((await theirs.json()) as { properties: { id: string } }).properties.id;
    const other = await server.as('store_manager', { storeIds: [] });
    await expectProblem(await other(`/api/reports/area/${privateId}.pdf`), 404);
  });

  it('says Chromium is missing with a 503 problem, not a stack', async () => {
    const created = await missing.fetch(
      '/api/areas',
      json({ name: 'X', kind: 'radius', params: { center: [13.4, 52.52], radiusMeters: 500 } }),
    );
    const id = ((await created.json()) as { properties: { id: string } }).properties.id;
    const problem = await expectProblem(await missing.fetch(`/api/reports/area/${id}.pdf`), 503);
    expect(problem).toMatchObject({ reason: 'chromium-missing' });
    expect(problem.detail).toContain('Chromium is not installed at /nonexistent/chromium');
  });
});

const printable =
  chromiumSkipReason() ??
  (existsSync(`${defaultDistDir}index.html`) ? undefined : 'no built client: run vite build');
describe.skipIf(printable)('the PDF', () => {
  it('is a PDF of the report, for A4 and Letter, and leaves no session behind', async () => {
    const before = sessions();
    const [a4, letter] = await Promise.all([
      server.fetch(`/api/reports/area/${areaId}.pdf?format=A4&lang=de`),
      server.fetch(`/api/reports/area/${areaId}.pdf?format=Letter&lang=en&seg=tier:gold`),
    ]);
    const widths: number[] = [];
    for (const response of [a4!, letter!]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`attachment; filename="catchment-report-${areaId}-\\d{4}-\\d{2}-\\d{2}\\.pdf"`),
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(20_000);
      const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(bytes.toString('latin1'));
      widths.push(Math.floor(Number(mediaBox?.[1])));
    }
    // Paper widths in points: A4 595, Letter 612.
    expect(widths).toEqual([595, 612]);
    expect(sessions()).toBe(before);
  }, 120_000);

  it('prints a comparison of two areas to one PDF', async () => {
    const created = await server.fetch(
      '/api/areas',
      json({
        name: 'Kreuzberg',
        kind: 'radius',
        params: { center: [13.41, 52.497], radiusMeters: 1200 },
      }),
    );
    const other = ((await created.json()) as { properties: { id: string } }).properties.id;
    const response = await server.fetch(
      `/api/reports/compare/${areaId},${other}.pdf?format=Letter&lang=ca`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="catchment-report-compare-2-areas-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Two areas, each with its sections on a page of its own after the shared map and figures.
    const pages = bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
