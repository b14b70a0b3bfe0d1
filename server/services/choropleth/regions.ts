// Which region each indexed customer lives in, as a code per index row: their H3 hexagon (hexagon-codes.ts), or their
// neighbourhood. Neighbourhoods are found with the audience scan, one neighbourhood at a time, so only the index cells
// under each are read; a customer on a shared border counts in the first neighbourhood that holds them.
import type { Db } from '../../db/connection.js';
import { listBoundaries } from '../../db/repos/boundaries.js';
import type { Boundary } from '../../domain/schemas/boundary.js';
import { prepareAreaGrid } from '../../domain/geometry/area-grid.js';
import { residentsFor } from '../audience/white-space.js';
import { compileSegment } from '../audience/filter.js';
import { forEachMatch } from '../audience/scan.js';
import { ROWS } from '../customers/columns.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { hexagonCodes } from '../customers/hexagon-codes.js';

type Indexed = Pick<CustomerIndex, 'columns' | 'changes' | 'dictionaries' | 'rfmThresholds'>;

export interface RegionCodes {
  /** code → region id (H3 index or neighbourhood id). */
  ids: string[];
  /** Index row → code; -1 outside every region (or removed). */
  codeOfRow: Int32Array;
  rows: number;
  /** People living in each region, by code. */
  residents: Float64Array;
  /** Neighbourhoods only: their names and shapes, by code. */
  boundaries?: Boundary[];
}

const neighbourhoodCaches = new WeakMap<
  object,
  { key: string; residents: object; codes: RegionCodes }
>();

/** Every neighbourhood, with the rows of the customers living in it. */
export function neighbourhoodCodes(db: Db, index: Indexed): RegionCodes {
  // residentsFor's map is replaced when neighbourhoods are imported: it stands for their version here.
  const epoch = residentsFor(db, 8);
  const key = `${index.changes}|${index.columns.generation}`;
  const kept = neighbourhoodCaches.get(index);
  if (kept && kept.key === key && kept.residents === epoch) return kept.codes;
  const boundaries = listBoundaries(db);
  const c = index.columns;
  const rows = Atomics.load(c.meta, ROWS);
  const codeOfRow = new Int32Array(rows).fill(-1);
  const everyone = compileSegment({}, index.dictionaries, c.words, new Date(0), () =>
    index.rfmThresholds(),
  );
  boundaries.forEach((hood, code) =>
    forEachMatch(c, prepareAreaGrid(hood.geometry), everyone, (row) => {
      if (row < rows && codeOfRow[row] === -1) codeOfRow[row] = code;
    }),
  );
  const codes: RegionCodes = {
    ids: boundaries.map((b) => b.id),
    codeOfRow,
    rows,
    residents: Float64Array.from(boundaries, (b) => b.population),
    boundaries,
  };
  neighbourhoodCaches.set(index, { key, residents: epoch, codes });
  return codes;
}

/** Every hexagon at the resolution with customers or residents, and the rows of the customers in each. */
export function hexagonRegionCodes(db: Db, index: Indexed, resolution: number): RegionCodes {
  const codes = hexagonCodes(index, resolution);
  const residentsByCell = residentsFor(db, resolution);
  const ids = [...codes.cells];
  const known = new Set(ids);
  for (const [cell, people] of residentsByCell) if (people > 0 && !known.has(cell)) ids.push(cell);
  return {
    ids,
    codeOfRow: codes.codeOfRow,
    rows: codes.rows,
    residents: Float64Array.from(ids, (cell) => residentsByCell.get(cell) ?? 0),
  };
}
