// The basemap's own data: the demo city's streets as GeoJSON, and a configured Protomaps archive served by byte range.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillDemoStreets } from '../../server/demo/seed.js';
import { deleteStreets, listStreets } from '../../server/db/repos/streets.js';
import { streetCollectionSchema } from '../../server/domain/schemas/streets.js';
import { SESSION_COOKIE } from '../../server/services/accounts/auth.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TEST_ROAD_NAME, tileAt, writeArchive } from '../helpers/pmtiles-archive.js';

const BERLIN: [number, number] = [13.405, 52.515];
let server: TestServer;
let dir: string;
let archive: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'catchment-pmtiles-'));
  archive = writeArchive({ center: BERLIN, maxZoom: 12 });
  const file = join(dir, 'city.pmtiles');
  writeFileSync(file, archive);
  server = await startTestServer({ customers: 200, env: { CATCHMENT_BASEMAP_PMTILES: file } });
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the demo city's streets", () => {
  it('are named lines by class, a few hundred kilobytes, revalidated by ETag', async () => {
    const response = await server.fetch('/api/basemap/streets');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeLessThan(1_500_000);
    const streets = streetCollectionSchema.parse(JSON.parse(text));
    const classes = new Set(streets.features.map((f) => f.properties.class));
    expect([...classes].sort()).toEqual(['primary', 'residential', 'secondary']);
    expect(streets.features.length).toBeGreaterThan(1000);
    for (const f of streets.features.slice(0, 50))
      expect(f.properties.name).toMatch(
        /(straße|Straße|weg|Allee|ring|Ring|Damm|Chaussee|steig|pfad)$/,
      );
    const etag = response.headers.get('ETag') ?? '';
    expect(etag).not.toBe('');
    const again = await server.fetch('/api/basemap/streets', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('form a network: every segment joins two junctions of its street, with its length', () => {
    const db = server.deps.db;
    const broken = db
      .prepare(
        `SELECT count(*) FROM street_edges e
         LEFT JOIN street_nodes a ON a.id = e.from_node LEFT JOIN street_nodes b ON b.id = e.to_node
         WHERE a.id IS NULL OR b.id IS NULL OR e.length_m < 50 OR e.length_m > 600`,
      )
      .pluck()
      .get();
    expect(broken).toBe(0);
    const shared = db
      .prepare(
        'SELECT count(*) FROM (SELECT from_node FROM street_edges GROUP BY from_node HAVING count(DISTINCT street_id) > 1)',
      )
      .pluck()
      .get() as number;
    expect(shared).toBeGreaterThan(100); // crossings: streets meet at junctions
  });
});

describe('a Protomaps archive from CATCHMENT_BASEMAP_PMTILES', () => {
  const range = (value: string, method = 'GET') =>
    server.fetch('/api/basemap/pmtiles', { method, headers: { Range: value } });

  it('answers the header bytes, a middle range and a suffix with 206 and Content-Range', async () => {
    const head = await range('bytes=0-126');
    expect(head.status).toBe(206);
    expect(head.headers.get('Content-Range')).toBe(`bytes 0-126/${archive.length}`);
    expect(head.headers.get('Accept-Ranges')).toBe('bytes');
    expect(head.headers.get('ETag')).toMatch(/^"pm-/);
    expect(Buffer.from(await head.arrayBuffer())).toEqual(archive.subarray(0, 127));

    const middle = await range('bytes=130-160');
    expect(middle.status).toBe(206);
    expect(middle.headers.get('Content-Length')).toBe('31');
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(archive.subarray(130, 161));

    const suffix = await range('bytes=-20');
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('Content-Range')).toBe(
      `bytes ${archive.length - 20}-${archive.length - 1}/${archive.length}`,
    );
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(archive.subarray(-20));

    const open = await range(`bytes=${archive.length - 5}-`);
    expect(Buffer.from(await open.arrayBuffer())).toEqual(archive.subarray(-5));
  });

  it('refuses a range past the end or malformed with 416, and sends the whole file without Range', async () => {
    for (const bad of [`bytes=${archive.length}-`, 'bytes=50-10', 'bytes=abc', 'bytes=-0']) {
      const response = await range(bad);
      expect(response.status, bad).toBe(416);
      expect(response.headers.get('Content-Range')).toBe(`bytes */${archive.length}`);
    }
    const whole = await server.fetch('/api/basemap/pmtiles');
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(archive);
    const etag = whole.headers.get('ETag') ?? '';
    const cached = await server.fetch('/api/basemap/pmtiles', {
      headers: { 'If-None-Match': etag },
    });
    expect(cached.status).toBe(304);
  });

  it('answers HEAD with the size and no body', async () => {
    const head = await server.fetch('/api/basemap/pmtiles', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(archive.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const part = await range('bytes=0-9', 'HEAD');
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(`bytes 0-9/${archive.length}`);
  });

  it('is a valid archive the pmtiles reader reads over HTTP: header, and a tile with our road', async () => {
    const headers = new Headers({ Cookie: `${SESSION_COOKIE}=${server.fetch.session}` });
    const reader = new PMTiles(new FetchSource(`${server.url}/api/basemap/pmtiles`, headers));
    const header = await reader.getHeader();
    expect(header).toMatchObject({ specVersion: 3, maxZoom: 12, tileType: 1 });
    const { z, x, y } = tileAt(12, ...BERLIN);
    const tile = await reader.getZxy(z, x, y);
    expect(tile).toBeDefined();
    // The reader has already gunzipped the tile, as the header's tile compression says.
    const vt = new VectorTile(new Pbf(new Uint8Array(tile!.data)) as never);
    expect(vt.layers.roads?.feature(0).properties.name).toBe(TEST_ROAD_NAME);
    expect(await reader.getZxy(12, x + 5, y)).toBeUndefined();
  });

  it('needs a signed-in reader, and is a 404 problem where no archive is configured', async () => {
    const anonymous = await fetch(`${server.url}/api/basemap/pmtiles`, {
      headers: { Range: 'bytes=0-126' },
    });
    expect(anonymous.status).toBe(401);
    const plain = await startTestServer({ customers: 0 });
    try {
      await expectProblem(await plain.fetch('/api/basemap/pmtiles'), 404);
    } finally {
      await plain.close();
    }
  });
});

// Last in the file: the backfill holds this process, which is also the server, for seconds, and a keep-alive
// connection the server then times out can be reset just as the next request reuses it.
describe("the demo city's streets, again", () => {
  it('come back from the workspace seed for a demo seeded before the streets existed', async () => {
    const db = server.deps.db;
    const before = listStreets(db);
    deleteStreets(db);
    expect(backfillDemoStreets(db)).toBe(before.length);
    expect(listStreets(db)).toEqual(before);
    expect(backfillDemoStreets(db)).toBe(0); // only once
  });
});
