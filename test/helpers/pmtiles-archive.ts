// Writes a small PMTiles v3 archive (github.com/protomaps/PMTiles spec/v3/spec.md) for tests: a 127-byte header, a root
// directory of varint-encoded entries, JSON metadata and gzip'd Mapbox Vector Tiles in the Protomaps basemap layers.
// No writer is published on npm; the tests read the result back with the `pmtiles` package's own reader.
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';
import { fromGeojsonVt } from 'vt-pbf';

const HEADER_BYTES = 127;
const EXTENT = 4096;
const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE_MVT = 1;

export const TEST_ROAD_NAME = 'Archivstraße';

/** The tile at zoom z holding a longitude/latitude (slippy-map numbering). */
export function tileAt(z: number, lng: number, lat: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** One tile in the Protomaps layers: land over the whole tile, a lake in a corner, a named main road across it. */
function basemapTile(): Uint8Array {
  const square = (x0: number, y0: number, x1: number, y1: number) => [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ];
  const layer = (features: unknown[]) => ({ features });
  const encoded = fromGeojsonVt(
    {
      earth: layer([{ type: 3, geometry: square(0, 0, EXTENT, EXTENT), tags: { kind: 'earth' } }]),
      water: layer([{ type: 3, geometry: square(200, 200, 1400, 1200), tags: { kind: 'lake' } }]),
      roads: layer([
        {
          type: 2,
          geometry: [
            [
              [0, EXTENT / 2],
              [EXTENT, EXTENT / 2 + 300],
            ],
          ],
          tags: { kind: 'major_road', kind_detail: 'primary', name: TEST_ROAD_NAME, min_zoom: 5 },
        },
      ]),
    } as unknown as Parameters<typeof fromGeojsonVt>[0],
    { version: 2, extent: EXTENT },
  );
  return gzipSync(encoded);
}

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return out;
}

/**
 * An archive with the same tile at every zoom from 0 to maxZoom over one point (tile contents deduplicated, as the
 * spec allows), bounds and centre around it.
 * @example writeArchive({ center: [13.4, 52.5], maxZoom: 12 }) // a Buffer of a few kB
 */
export function writeArchive(options: { center: [number, number]; maxZoom: number }): Buffer {
  const [lng, lat] = options.center;
  const tile = basemapTile();
  const ids = Array.from({ length: options.maxZoom + 1 }, (_, z) => {
    const t = tileAt(z, lng, lat);
    return zxyToTileId(t.z, t.x, t.y);
  }).sort((a, b) => a - b);
  // Entries: delta tile ids, run lengths, lengths, offsets (offset+1; all point at the one stored tile).
  const directory = Uint8Array.from(
    varints([
      ids.length,
      ...ids.map((id, i) => id - (i === 0 ? 0 : (ids[i - 1] as number))),
      ...ids.map(() => 1),
      ...ids.map(() => tile.length),
      ...ids.map(() => 1),
    ]),
  );
  const metadata = Buffer.from(
    JSON.stringify({ name: 'Catchment test archive', vector_layers: [] }),
    'utf8',
  );
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (offset: number, value: number) => header.writeBigUInt64LE(BigInt(value), offset);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + directory.length;
  const tileOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileOffset); // no leaf directories
  u64(48, 0);
  u64(56, tileOffset);
  u64(64, tile.length);
  u64(72, ids.length); // addressed tiles
  u64(80, ids.length); // tile entries
  u64(88, 1); // distinct tile contents
  header.writeUInt8(0, 96); // not clustered: every entry points at the one tile
  header.writeUInt8(COMPRESSION.none, 97); // directories and metadata
  header.writeUInt8(COMPRESSION.gzip, 98); // tiles
  header.writeUInt8(TILE_TYPE_MVT, 99);
  header.writeUInt8(0, 100);
  header.writeUInt8(options.maxZoom, 101);
  const e7 = (offset: number, degrees: number) =>
    header.writeInt32LE(Math.round(degrees * 1e7), offset);
  e7(102, lng - 0.3);
  e7(106, lat - 0.2);
  e7(110, lng + 0.3);
  e7(114, lat + 0.2);
  header.writeUInt8(Math.min(10, options.maxZoom), 118);
  e7(119, lng);
  e7(123, lat);
  return Buffer.concat([header, directory, metadata, tile]);
}
