// GET /glyphs/:fontstack/:range: range validation, font fallback, empty ranges, and no way out of the glyph dir.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Pbf from 'pbf';
import { afterAll, describe, expect, test } from 'vitest';
import { glyphRoutes } from '../../server/http/glyphs.js';

interface DecodedGlyph {
  id: number;
  width: number;
  height: number;
  advance: number;
  bitmap?: Uint8Array;
}
interface DecodedStack {
  name: string;
  range: string;
  glyphs: DecodedGlyph[];
}

/** Reads a glyphs.proto message the way MapLibre's parse_glyph_pbf does. */
function decodeGlyphs(body: ArrayBuffer): DecodedStack[] {
  return new Pbf(new Uint8Array(body)).readFields((tag, stacks: DecodedStack[], pbf) => {
    if (tag !== 1) return;
    stacks.push(
      pbf.readMessage(
        (t, stack: DecodedStack, p) => {
          if (t === 1) stack.name = p.readString();
          else if (t === 2) stack.range = p.readString();
          else if (t === 3) {
            stack.glyphs.push(
              p.readMessage(
                (g, glyph: DecodedGlyph, q) => {
                  if (g === 1) glyph.id = q.readVarint();
                  else if (g === 2) glyph.bitmap = q.readBytes();
                  else if (g === 3) glyph.width = q.readVarint();
                  else if (g === 4) glyph.height = q.readVarint();
                  else if (g === 7) glyph.advance = q.readVarint();
                },
                { id: -1, width: 0, height: 0, advance: 0 },
              ),
            );
          }
        },
        { name: '', range: '', glyphs: [] },
      ),
    );
  }, []);
}

const shipped = glyphRoutes();
const shippedDir = fileURLToPath(new URL('../../data/glyphs', import.meta.url));
const shippedFile = (stack: string, range: string) =>
  new Uint8Array(readFileSync(join(shippedDir, stack, `${range}.pbf`)));
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

// A glyph dir with a .pbf-named secret beside it: the file a traversal would have to reach.
const sandbox = mkdtempSync(join(tmpdir(), 'catchment-glyphs-'));
const glyphDir = join(sandbox, 'glyphs');
mkdirSync(join(glyphDir, 'Noto Sans Regular'), { recursive: true });
writeFileSync(join(glyphDir, 'Noto Sans Regular', '0-255.pbf'), new Uint8Array([10, 0]));
mkdirSync(join(sandbox, 'secret'));
writeFileSync(join(sandbox, 'secret', '0-255.pbf'), 'SECRET');
writeFileSync(join(sandbox, '0-255.pbf'), 'SECRET');
const sandboxed = glyphRoutes({ dir: glyphDir });
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('glyph ranges', () => {
  test('a shipped range is served as cacheable protobuf with the glyphs for that font', async () => {
    const res = await shipped.request('/glyphs/Noto%20Sans%20Regular/0-255.pbf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const [stack] = decodeGlyphs(await res.arrayBuffer());
    expect(stack?.name).toBe('Noto Sans Regular');
    expect(stack?.range).toBe('0-255');
    const eszett = stack?.glyphs.find((g) => g.id === 'ß'.codePointAt(0));
    expect(eszett?.bitmap?.length).toBe((eszett!.width + 6) * (eszett!.height + 6)); // 3 px SDF border
    expect(eszett?.advance).toBeGreaterThan(0);
  });

  test.each([
    '0-256.pbf',
    '1-256.pbf',
    '256-767.pbf',
    '0-255',
    '0-255.png',
    '00-255.pbf',
    '-256--1.pbf',
    'abc.pbf',
    '1114368-1114623.pbf',
  ])('the range %s is refused as a bad request in problem+json', async (range) => {
    const res = await shipped.request(`/glyphs/Noto%20Sans%20Regular/${encodeURIComponent(range)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'about:blank', status: 400, title: 'Bad request' });
    expect(body.errors).toEqual([
      {
        field: 'params.range',
        code: 'invalid_glyph_range',
        message: expect.stringContaining('multiple of 256'),
      },
    ]);
  });

  test('a range we do not ship answers with an empty but valid glyph PBF', async () => {
    const res = await shipped.request('/glyphs/Noto%20Sans%20Bold/65280-65535.pbf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    expect(decodeGlyphs(await res.arrayBuffer())).toEqual([
      { name: 'Noto Sans Bold', range: '65280-65535', glyphs: [] },
    ]);
  });

  test('without any glyph directory every range is empty rather than an error', async () => {
    const res = await glyphRoutes({ dir: join(sandbox, 'missing') }).request(
      '/glyphs/Noto%20Sans%20Regular/0-255.pbf',
    );
    expect(res.status).toBe(200);
    expect(decodeGlyphs(await res.arrayBuffer())).toEqual([
      { name: 'Noto Sans Regular', range: '0-255', glyphs: [] },
    ]);
  });
});

describe('font stacks', () => {
  test('the first font of a comma-separated stack that we have is used', async () => {
    const res = await shipped.request(
      '/glyphs/Open%20Sans%20Bold,Noto%20Sans%20Bold,Noto%20Sans%20Regular/0-255.pbf',
    );
    expect(await bytes(res)).toEqual(shippedFile('Noto Sans Bold', '0-255'));
  });

  test("a third-party style's unknown font falls back to Noto Sans Regular", async () => {
    const res = await shipped.request(
      '/glyphs/Open%20Sans%20Semibold,Arial%20Unicode%20MS%20Regular/256-511.pbf',
    );
    expect(res.status).toBe(200);
    expect(await bytes(res)).toEqual(shippedFile('Noto Sans Regular', '256-511'));
  });
});

describe('path traversal', () => {
  test.each([
    '..%2F..%2Fetc%2Fpasswd',
    '..',
    '..%2Fsecret',
    '%2E%2E%2Fsecret',
    'Noto%20Sans%20Regular%2F..%2F..%2Fsecret',
    '..%5Csecret',
    '%2Fetc%2Fpasswd',
    encodeURIComponent(join(sandbox, 'secret')),
    'Noto%20Sans%20Regular%00',
  ])('the font stack %s never reads outside the glyph directory', async (fontstack) => {
    const res = await sandboxed.request(`/glyphs/${fontstack}/0-255.pbf`);
    const body = await bytes(res);
    expect(new TextDecoder().decode(body)).not.toMatch(/SECRET|root:/);
    if (res.status === 200)
      expect(body).toEqual(new Uint8Array([10, 0])); // the fallback font's file
    else expect(res.status).toBeGreaterThanOrEqual(400);
  });

  test.each([
    '..%2F..%2Fetc%2Fpasswd',
    '..%2F..%2F0-255.pbf',
    '%2Fetc%2Fpasswd',
    '0-255.pbf%2F..%2F..%2F0-255.pbf',
  ])('the range %s is refused before any file is touched', async (range) => {
    const res = await sandboxed.request(`/glyphs/Noto%20Sans%20Regular/${range}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('SECRET');
  });

  test('raw slashes and dot segments never match the route', async () => {
    for (const path of [
      '/glyphs//etc/passwd/0-255.pbf',
      '/glyphs/../../secret/0-255.pbf',
      '/glyphs/x/../../0-255.pbf',
    ]) {
      const res = await sandboxed.request(path);
      expect(await res.text()).not.toContain('SECRET');
      expect(res.status).toBe(404);
    }
  });
});
