// Serves the SDF glyph PBFs MapLibre asks for (GET /glyphs/:fontstack/:range), so labels draw offline.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import Pbf from 'pbf';

const DEFAULT_DIR = fileURLToPath(new URL('../../data/glyphs', import.meta.url));
/** Any font we lack draws with this, so a third-party style's labels still show. */
const FALLBACK_STACK = 'Noto Sans Regular';
const HEADERS = {
  'Content-Type': 'application/x-protobuf',
  'Cache-Control': 'public, max-age=86400',
};
/** `N-(N+255).pbf`, N written without leading zeros; the 256-alignment is checked after. */
const RANGE = /^(0|[1-9]\d{0,6})-(\d{1,7})\.pbf$/;
const MAX_CODE_POINT = 0x10ffff;

// Stand-in until the shared problem helper takes over.
function problem(
  c: Context,
  status: 400,
  title: string,
  detail: string,
  errors: { field: string; code: string; message: string }[],
) {
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail, errors }), status, {
    'Content-Type': 'application/problem+json',
  });
}

/** A glyphs message with one fontstack and no glyphs: what MapLibre accepts for a range nobody has. */
export function emptyGlyphRange(name: string, range: string): Uint8Array<ArrayBuffer> {
  const pbf = new Pbf();
  pbf.writeMessage(
    1,
    (_: unknown, stack: Pbf) => {
      stack.writeStringField(1, name);
      stack.writeStringField(2, range);
    },
    undefined,
  );
  return new Uint8Array(pbf.finish()); // a copy of just the bytes written, on a plain ArrayBuffer
}

export function glyphRoutes(options: { dir?: string } = {}): Hono {
  const dir = options.dir ?? DEFAULT_DIR;
  // The fontstacks are directories made at build time; list them once. Requested names are only ever
  // compared with this list, never joined into a path, so `..` or `/` in a name cannot leave `dir`.
  let stacks: Promise<string[]> | undefined;
  const listStacks = () =>
    (stacks ??= readdir(dir, { withFileTypes: true })
      .then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name))
      .catch(() => []));

  return new Hono().get('/glyphs/:fontstack/:range', async (c) => {
    const range = c.req.param('range');
    const match = RANGE.exec(range);
    const start = Number(match?.[1]);
    const end = Number(match?.[2]);
    if (!match || start % 256 !== 0 || end !== start + 255 || end > MAX_CODE_POINT) {
      return problem(c, 400, 'Bad request', `${range} is not a glyph range`, [
        {
          field: 'params.range',
          code: 'invalid_glyph_range',
          message: 'must be N-(N+255).pbf with N a multiple of 256, e.g. 0-255.pbf',
        },
      ]);
    }

    // MapLibre joins a text-font list with commas; the first font we have wins.
    const available = await listStacks();
    const requested = c.req
      .param('fontstack')
      .split(',')
      .map((name) => name.trim());
    const stack = requested.find((name) => available.includes(name)) ?? FALLBACK_STACK;
    const rangeName = `${start}-${end}`;

    if (available.includes(stack)) {
      try {
        return c.body(await readFile(join(dir, stack, `${rangeName}.pbf`)), 200, HEADERS);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    // An empty range rather than a 404, so MapLibre neither logs an error nor retries.
    return c.body(emptyGlyphRange(stack, rangeName), 200, HEADERS);
  });
}
