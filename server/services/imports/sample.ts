// The first rows of a file (for the preview and the warnings), and the warnings they give.
import type { Db } from '../../db/connection.js';
import { looksSwapped, parsePoint } from '../../domain/import/coordinates.js';
import type { ImportKind } from '../../domain/import/fields.js';
import { hasPoint } from '../../domain/import/fields.js';
import type { ImportMapping } from '../../domain/import/mapping.js';
import { parseNumber } from '../../domain/import/values.js';
import type { Bbox } from '../../domain/bbox.js';
import { openTable, type OpenOptions, type Table } from './table.js';

export interface ImportWarning {
  code: string;
  message: string;
  column?: string;
}

export type TableSample = Omit<Table, 'rows' | 'bytesDone'> & { rows: string[][] };

export async function sampleTable(
  file: string,
  options: OpenOptions,
  count: number,
): Promise<TableSample> {
  const { rows, bytesDone: _bytes, ...table } = await openTable(file, options);
  const sample: string[][] = [];
  for await (const { cells } of rows) {
    sample.push(cells);
    if (sample.length >= count) break;
  }
  await rows.return(undefined);
  return { ...table, rows: sample };
}

/** Where the workspace's stores and neighbourhoods are, padded: the extent the swapped-column check compares with. */
export function workspaceExtent(db: Db): Bbox | null {
  const row = db
    .prepare(
      `SELECT min(a) AS minLng, min(b) AS minLat, max(c) AS maxLng, max(d) AS maxLat FROM (
         SELECT lng AS a, lat AS b, lng AS c, lat AS d FROM stores
         UNION ALL SELECT min_lng, min_lat, max_lng, max_lat FROM boundaries)`,
    )
    .get() as {
    minLng: number | null;
    minLat: number | null;
    maxLng: number | null;
    maxLat: number | null;
  };
  if (row.minLng === null || row.minLat === null || row.maxLng === null || row.maxLat === null)
    return null;
  const pad = 0.25;
  return [row.minLng - pad, row.minLat - pad, row.maxLng + pad, row.maxLat + pad];
}

/** Warnings about a file as mapped: swapped latitude and longitude, no consent column, columns left out. */
export function sampleWarnings(
  kind: ImportKind,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ImportMapping,
  extent: Bbox | null,
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const column = (field: string) =>
    headers.findIndex((h) => (h in mapping.columns ? mapping.columns[h] : h) === field);
  if (hasPoint(kind)) {
    const lat = column('lat');
    const lng = column('lng');
    const location = column('location');
    const pairs: [number, number][] = [];
    for (const cells of rows) {
      if (lat >= 0 && lng >= 0) {
        const a = parseNumber(cells[lat] ?? '');
        const b = parseNumber(cells[lng] ?? '');
        if (a !== null && b !== null) pairs.push([a, b]);
      } else if (location >= 0) {
        const text = cells[location] ?? '';
        const point = parsePoint(text);
        if (point.ok) pairs.push([point.point[1], point.point[0]]);
        else {
          // "lng,lat" written the other way round fails the ±90 check: read it swapped to see.
          const parts = text.split(/[,;]/).map((p) => parseNumber(p));
          if (parts.length === 2 && parts[0] !== null && parts[1] !== null)
            pairs.push([parts[0]!, parts[1]!]);
        }
      }
    }
    if (looksSwapped(pairs, extent)) {
      const name =
        lat >= 0 && lng >= 0 ? headers[lat]! : location >= 0 ? headers[location]! : 'lat';
      warnings.push({
        code: 'swapped-coordinates',
        column: name,
        message:
          lat >= 0 && lng >= 0
            ? `Column "${headers[lat]}" looks like longitude and "${headers[lng]}" like latitude: swap them in the mapping`
            : `Column "${name}" looks like longitude first; write latitude first ("lat,lng") or use POINT(lng lat)`,
      });
    }
  }
  if (kind === 'customers' && column('consent') < 0)
    warnings.push({
      code: 'no-consent-column',
      message:
        'No column is mapped to consent: every imported customer is treated as not having consented',
    });
  for (const header of headers)
    if (header in mapping.columns && mapping.columns[header] === null)
      warnings.push({
        code: 'unmapped-column',
        column: header,
        message: `Column "${header}" is not imported`,
      });
  return warnings;
}
