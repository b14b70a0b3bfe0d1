// Renders Noto Sans (Latin, Cyrillic, Arabic, Hebrew) into MapLibre SDF glyph PBFs (data/glyphs/<fontstack>/<start>-<end>.pbf) with TinySDF in headless Chromium.
import { brotliDecompressSync } from 'node:zlib';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Pbf from 'pbf';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fontFiles = (pkg: string) => join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
const fontDir = fontFiles('@fontsource/noto-sans');
const tinySdfFile = require.resolve('@mapbox/tiny-sdf');
const outDir = join(root, 'data', 'glyphs');

const STACKS = [
  { name: 'Noto Sans Regular', weight: 400 },
  { name: 'Noto Sans Bold', weight: 700 },
];
/**
 * Earlier subsets win a code point two cover, as the later-declared latin face does in fontsource's CSS.
 * Cyrillic is for Kazakh; Arabic (Persian) and Hebrew come from their own Noto families, which share
 * Noto Sans's metrics. The Arabic subset includes presentation forms A and B (U+FB50–FDFF, U+FE70–FEFF):
 * MapLibre 6 shapes Arabic into those forms itself (no RTL plugin), so they are what it asks for.
 */
const SUBSETS = [
  {
    file: (weight: number) => join(fontDir, `noto-sans-latin-${weight}-normal.woff2`),
    name: 'latin',
  },
  {
    file: (weight: number) => join(fontDir, `noto-sans-latin-ext-${weight}-normal.woff2`),
    name: 'latin-ext',
  },
  {
    file: (weight: number) => join(fontDir, `noto-sans-cyrillic-${weight}-normal.woff2`),
    name: 'cyrillic',
  },
  {
    file: (weight: number) => join(fontDir, `noto-sans-cyrillic-ext-${weight}-normal.woff2`),
    name: 'cyrillic-ext',
  },
  {
    file: (weight: number) =>
      join(
        fontFiles('@fontsource/noto-sans-arabic'),
        `noto-sans-arabic-arabic-${weight}-normal.woff2`,
      ),
    name: 'arabic',
  },
  {
    file: (weight: number) =>
      join(
        fontFiles('@fontsource/noto-sans-hebrew'),
        `noto-sans-hebrew-hebrew-${weight}-normal.woff2`,
      ),
    name: 'hebrew',
  },
];
/** 256-code-point ranges: Latin (0–767), Cyrillic and Hebrew (1024–1535), Arabic and its supplements
 * (1536–2303), Latin Extended Additional (7680), punctuation with ZWNJ/ZWJ (8192), presentation forms
 * (Hebrew and Arabic A: 64256–65023, Arabic B: 65024). */
const RANGE_STARTS = [
  0, 256, 512, 1024, 1280, 1536, 1792, 2048, 7680, 8192, 64256, 64512, 64768, 65024,
];

/** The glyph PBF convention (fontnik, MapLibre's parse_glyph_pbf): 24 px em, 3 px border, 8 px SDF radius. */
const SDF = { fontSize: 24, buffer: 3, radius: 8, cutoff: 0.25 };

/**
 * MapLibre's local TinySDF glyphs (src/render/glyph_manager.ts, at 2×) use left = glyphLeft/2 + 0.5 and
 * top = glyphTop/2 - 27.5; their 1-texel atlas padding is half a pixel where a PBF glyph's is a whole one.
 * Worked through quads.ts, that puts the pen origin at x = 0 and the baseline 27 px below the line top, so
 * at 1× the same placement is left = glyphLeft, top = glyphTop - 27: whole numbers, as sint32 needs.
 */
const BASELINE_FROM_TOP = 27;

interface TinySdfGlyph {
  glyphWidth: number;
  glyphHeight: number;
  glyphLeft: number;
  glyphTop: number;
  glyphAdvance: number;
  /** base64 of the (glyphWidth + 2·buffer) × (glyphHeight + 2·buffer) SDF bytes. */
  data: string;
}

interface PbfGlyph {
  id: number;
  bitmap?: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

// ---------- which code points a subset file covers: the cmap of the WOFF2 ----------

/** WOFF2's variable-length integer (spec §4.1). */
function readBase128(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at.pos++]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return value;
  }
  throw new Error('bad UIntBase128');
}

/** Decompresses a WOFF2 just far enough to return its raw cmap table (never transformed, spec §5). */
function woff2Cmap(file: Buffer): DataView {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('not a WOFF2 file'); // 'wOF2'
  const numTables = view.getUint16(12);
  const compressedSize = view.getUint32(20);
  const at = { pos: 48 };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = file[at.pos++]!;
    const tagIndex = flags & 0x3f;
    if (tagIndex === 63) at.pos += 4; // an arbitrary tag spelled out
    const version = flags >> 6;
    const origLength = readBase128(file, at);
    // glyf (10) and loca (11) are transformed at version 0; every other table at any version but 0.
    const transformed = tagIndex === 10 || tagIndex === 11 ? version === 0 : version !== 0;
    const length = transformed ? readBase128(file, at) : origLength;
    if (tagIndex === 0) cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('WOFF2 without a cmap table');
  const tables = brotliDecompressSync(file.subarray(at.pos, at.pos + compressedSize));
  return new DataView(tables.buffer, tables.byteOffset + cmap.offset, cmap.length);
}

/** Code points with a real glyph, from the Windows Unicode cmap subtable (format 4 or 12). */
function cmapCodePoints(cmap: DataView): Set<number> {
  const points = new Set<number>();
  const subtables: number[] = [];
  for (let i = 0; i < cmap.getUint16(2); i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0)
      subtables.push(cmap.getUint32(8 + i * 8));
  }
  for (const start of subtables) {
    const format = cmap.getUint16(start);
    if (format === 12) {
      const groups = cmap.getUint32(start + 12);
      for (let g = 0; g < groups; g++) {
        const base = start + 16 + g * 12;
        const first = cmap.getUint32(base);
        const last = cmap.getUint32(base + 4);
        const glyph = cmap.getUint32(base + 8);
        for (let c = first; c <= last; c++) if (glyph + (c - first) !== 0) points.add(c);
      }
    } else if (format === 4) {
      const segments = cmap.getUint16(start + 6) / 2;
      const ends = start + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const end = cmap.getUint16(ends + s * 2);
        const first = cmap.getUint16(starts + s * 2);
        const delta = cmap.getInt16(deltas + s * 2);
        const rangeOffsetAt = rangeOffsets + s * 2;
        const rangeOffset = cmap.getUint16(rangeOffsetAt);
        for (let c = first; c <= end && c !== 0xffff; c++) {
          let glyph =
            rangeOffset === 0 ? c : cmap.getUint16(rangeOffsetAt + rangeOffset + (c - first) * 2);
          if (rangeOffset !== 0 && glyph === 0) continue;
          glyph = (glyph + delta) & 0xffff;
          if (glyph !== 0) points.add(c);
        }
      }
    }
  }
  return points;
}

// ---------- rasterizing in Chromium ----------

/** Runs in the page. A string, not a function, so the TS compiler's helpers never leak into the browser. */
const PAGE_SCRIPT = `
window.renderGlyphs = async ({ tinySdfUrl, faces, jobs, sdf }) => {
  const { default: TinySDF } = await import(tinySdfUrl);
  for (const { family, weight, base64 } of faces) {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const face = new FontFace(family, bytes, { weight: String(weight) });
    document.fonts.add(await face.load());
  }
  const toBase64 = (data) => { let s = ''; for (const b of data) s += String.fromCharCode(b); return btoa(s); };
  return jobs.map(({ family, weight, codePoints }) => {
    const tinySdf = new TinySDF({ ...sdf, fontFamily: '"' + family + '"', fontWeight: String(weight) });
    return codePoints.map((cp) => {
      const g = tinySdf.draw(String.fromCodePoint(cp));
      return { glyphWidth: g.glyphWidth, glyphHeight: g.glyphHeight, glyphLeft: g.glyphLeft, glyphTop: g.glyphTop, glyphAdvance: g.glyphAdvance, data: toBase64(g.data) };
    });
  });
};`;

/** TinySDF metrics → PBF glyph metrics; see BASELINE_FROM_TOP. Format characters are invisible and nonspacing, as MapLibre draws them. */
function toPbfGlyph(id: number, g: TinySdfGlyph): PbfGlyph {
  const format = /^\p{gc=Cf}$/u.test(String.fromCodePoint(id));
  const advance = format ? 0 : Math.round(g.glyphAdvance); // PBF advances are whole pixels, as fontnik's are
  if (format || g.glyphWidth === 0 || g.glyphHeight === 0)
    return { id, width: 0, height: 0, left: 0, top: -BASELINE_FROM_TOP, advance };
  return {
    id,
    bitmap: Buffer.from(g.data, 'base64'),
    width: g.glyphWidth,
    height: g.glyphHeight,
    left: g.glyphLeft,
    top: g.glyphTop - BASELINE_FROM_TOP,
    advance,
  };
}

// ---------- encoding, per glyphs.proto ----------

function encodeRange(name: string, range: string, glyphs: PbfGlyph[]): Uint8Array {
  const pbf = new Pbf();
  pbf.writeMessage(
    1,
    (_: unknown, stack: Pbf) => {
      stack.writeStringField(1, name);
      stack.writeStringField(2, range);
      for (const glyph of glyphs) {
        stack.writeMessage(
          3,
          (_g: unknown, out: Pbf) => {
            out.writeVarintField(1, glyph.id);
            if (glyph.bitmap) out.writeBytesField(2, glyph.bitmap);
            out.writeVarintField(3, glyph.width);
            out.writeVarintField(4, glyph.height);
            out.writeSVarintField(5, glyph.left);
            out.writeSVarintField(6, glyph.top);
            out.writeVarintField(7, glyph.advance);
          },
          undefined,
        );
      }
    },
    undefined,
  );
  return pbf.finish();
}

// ---------- main ----------

const isControl = (cp: number) => /^\p{gc=Cc}$/u.test(String.fromCodePoint(cp));
const inOurRanges = (cp: number) => RANGE_STARTS.some((start) => cp >= start && cp <= start + 255);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><title>glyphs</title>');
  await page.addScriptTag({ content: PAGE_SCRIPT });

  const faces: { family: string; weight: number; base64: string }[] = [];
  const jobs: { stack: string; family: string; weight: number; codePoints: number[] }[] = [];
  for (const { name, weight } of STACKS) {
    const taken = new Set<number>();
    for (const subset of SUBSETS) {
      const file = readFileSync(subset.file(weight));
      const family = `glyphs ${subset.name} ${weight}`;
      faces.push({ family, weight, base64: file.toString('base64') });
      const codePoints = [...cmapCodePoints(woff2Cmap(file))].filter(
        (cp) => inOurRanges(cp) && !isControl(cp) && !taken.has(cp),
      );
      codePoints.forEach((cp) => taken.add(cp));
      jobs.push({ stack: name, family, weight, codePoints });
    }
  }

  const rendered = await page.evaluate(
    (args) =>
      (
        window as unknown as { renderGlyphs: (a: typeof args) => Promise<TinySdfGlyph[][]> }
      ).renderGlyphs(args),
    {
      tinySdfUrl: `data:text/javascript;base64,${readFileSync(tinySdfFile).toString('base64')}`,
      faces,
      jobs: jobs.map(({ family, weight, codePoints }) => ({ family, weight, codePoints })),
      sdf: SDF,
    },
  );

  for (const { name } of STACKS) {
    const glyphs = jobs
      .flatMap((job, j) =>
        job.stack === name ? job.codePoints.map((cp, i) => toPbfGlyph(cp, rendered[j]![i]!)) : [],
      )
      .sort((a, b) => a.id - b.id);
    const stackDir = join(outDir, name);
    rmSync(stackDir, { recursive: true, force: true });
    mkdirSync(stackDir, { recursive: true });
    for (const start of RANGE_STARTS) {
      const range = `${start}-${start + 255}`;
      const inRange = glyphs.filter((g) => g.id >= start && g.id <= start + 255);
      writeFileSync(join(stackDir, `${range}.pbf`), encodeRange(name, range, inRange));
      console.log(`${name} ${range}: ${inRange.length} glyphs`);
    }
  }
  // Generated glyphs are derived from the font, so they travel with its licence (SIL OFL 1.1).
  copyFileSync(join(fontDir, '..', 'LICENSE'), join(outDir, 'OFL.txt'));

  const total = STACKS.flatMap(({ name }) =>
    readdirSync(join(outDir, name)).map((f) => statSync(join(outDir, name, f)).size),
  ).reduce((sum, size) => sum + size, 0);
  console.log(`total ${(total / 1024).toFixed(1)} KiB in ${outDir}`);
} finally {
  await browser.close();
}
