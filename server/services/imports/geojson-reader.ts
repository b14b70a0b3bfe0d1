// GeoJSON FeatureCollections as tables: each feature's properties are columns, its geometry the `geometry` column.
import { readFile } from 'node:fs/promises';
import { unreadableFile } from './errors.js';
import type { TableRow } from './table.js';

export async function geojsonTable(
  file: string,
): Promise<{ headers: string[]; rows: AsyncGenerator<TableRow> }> {
  let value: unknown;
  try {
    value = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    throw unreadableFile('The file is not valid JSON', 'malformed JSON');
  }
  const collection = value as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw unreadableFile(
      'The file is not a GeoJSON FeatureCollection',
      'expected a FeatureCollection',
    );
  const features = collection.features as {
    properties?: unknown;
    geometry?: unknown;
    id?: unknown;
  }[];
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const feature of features) {
    const properties = feature?.properties;
    if (properties && typeof properties === 'object')
      for (const key of Object.keys(properties))
        if (!seen.has(key)) {
          seen.add(key);
          headers.push(key);
        }
  }
  if (!seen.has('id')) headers.unshift('id');
  headers.push('geometry');
  async function* rows(): AsyncGenerator<TableRow> {
    for (let i = 0; i < features.length; i++) {
      const feature = features[i] ?? {};
      const properties = (
        feature.properties && typeof feature.properties === 'object' ? feature.properties : {}
      ) as Record<string, unknown>;
      const cells = headers.map((header) => {
        if (header === 'geometry')
          return feature.geometry == null ? '' : JSON.stringify(feature.geometry);
        const v = header === 'id' && properties.id === undefined ? feature.id : properties[header];
        if (v === null || v === undefined) return '';
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      });
      yield { row: i + 1, cells };
    }
  }
  return { headers, rows: rows() };
}
