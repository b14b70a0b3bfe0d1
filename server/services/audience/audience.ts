// Who is inside an area: a segment compiled against the index, a scan inline or in the worker pool, the tallies
// turned into the API's Audience. Also the matching customers' seqs, for exports.
import { bbox } from '@turf/turf';
import { prepareAreaGrid } from '../../domain/geometry/area-grid.js';
import type { Audience } from '../../domain/schemas/audience.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { compileSegment } from './filter.js';
import type { AudiencePool } from './pool.js';
import { toAudience } from './result.js';
import { countAudience, matchingSeqs, type AudienceCounts } from './scan.js';
import { ROWS } from '../customers/columns.js';
import type { CustomerIndex } from '../customers/customer-index.js';

export interface AudienceQuery {
  geometry: AreaGeometry;
  segment?: Segment | undefined;
  at: Date;
}

export interface AudienceService {
  audience(query: AudienceQuery): Promise<Audience>;
  /** The raw tallies by dictionary code, every job, industry and interest (the city baseline needs all of them). */
  tallies(query: AudienceQuery): Promise<AudienceCounts>;
  /** Seqs of the consented customers inside who match, in seq order (for exports). */
  consentedSeqs(query: AudienceQuery): Promise<Float64Array>;
  /** Seqs of every customer inside who matches, consented or not, in seq order (for campaign results). */
  matchingSeqs(query: AudienceQuery): Promise<Float64Array>;
  close(): Promise<void>;
}

/**
 * Scans that would read at most this many rows run inline: under a millisecond, less than the hop to a worker
 * (posting the task, preparing the grid there, posting the tallies back). Larger ones go to the pool.
 */
export const INLINE_MAX_ROWS = 20_000;

export function createAudienceService({
  index,
  pool,
  inlineMaxRows = INLINE_MAX_ROWS,
  busy = () => false,
}: {
  index: CustomerIndex;
  pool?: AudiencePool | null;
  inlineMaxRows?: number;
  /**
   * True while other heavy work waits for the event loop: then every scan goes to the pool, however small, since the
   * loop's millisecond is worth more to a health check or a till than the hop costs this scan.
   */
  busy?: () => boolean;
}): AudienceService {
  /** Rows a scan would read: the index cells under the area's bbox plus the unsorted tail. */
  function rowsToRead(geometry: AreaGeometry): number {
    const c = index.columns;
    const g = c.grid;
    const [minX, minY, maxX, maxY] = bbox(geometry, { recompute: true }) as [
      number,
      number,
      number,
      number,
    ];
    const col = (x: number) => Math.max(0, Math.min(g.cols - 1, Math.floor((x - g.minX) * g.sx)));
    const row = (y: number) => Math.max(0, Math.min(g.rows - 1, Math.floor((y - g.minY) * g.sy)));
    let rows = Atomics.load(c.meta, ROWS) - c.baseCount;
    for (let r = row(minY); r <= row(maxY); r++)
      rows +=
        (c.cellStart[r * g.cols + col(maxX) + 1] as number) -
        (c.cellStart[r * g.cols + col(minX)] as number);
    return rows;
  }

  const filterFor = (query: AudienceQuery, consentedOnly = false) =>
    compileSegment(
      { ...query.segment, ...(consentedOnly ? { consentedOnly: true } : {}) },
      index.dictionaries,
      index.columns.words,
      query.at,
      () => index.rfmThresholds(),
    );
  const usePool = (geometry: AreaGeometry) =>
    pool != null && (busy() || rowsToRead(geometry) > inlineMaxRows);

  async function tallies(query: AudienceQuery): Promise<AudienceCounts> {
    const filter = filterFor(query);
    const sizes = {
      jobs: index.dictionaries.jobs.values.length,
      industries: index.dictionaries.industries.values.length,
    };
    return usePool(query.geometry)
      ? pool!.run({ kind: 'count', geometry: query.geometry, filter, sizes }, index.columns)
      : countAudience(index.columns, prepareAreaGrid(query.geometry), filter, sizes);
  }

  return {
    async audience(query) {
      return toAudience(await tallies(query), index.dictionaries, query.at);
    },
    tallies,
    async consentedSeqs(query) {
      // Exports are for marketing: consented customers only, whatever the segment says.
      const filter = filterFor(query, true);
      return usePool(query.geometry)
        ? pool!.run({ kind: 'seqs', geometry: query.geometry, filter }, index.columns)
        : matchingSeqs(index.columns, prepareAreaGrid(query.geometry), filter);
    },
    async matchingSeqs(query) {
      const filter = filterFor(query);
      return usePool(query.geometry)
        ? pool!.run({ kind: 'seqs', geometry: query.geometry, filter }, index.columns)
        : matchingSeqs(index.columns, prepareAreaGrid(query.geometry), filter);
    },
    async close() {
      await pool?.close();
    },
  };
}
