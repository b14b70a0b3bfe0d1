// Neighbourhood boundaries table access.
import type { Db } from '../connection.js';
import type { Boundary } from '../../domain/schemas/boundary.js';

interface BoundaryRow {
  id: string;
  name: string;
  population: number;
  geometry: string;
}

export function listBoundaries(db: Db): Boundary[] {
  const rows = db.prepare('SELECT id, name, population, geometry FROM boundaries ORDER BY name').all() as BoundaryRow[];
  return rows.map((row) => ({ id: row.id, name: row.name, population: row.population, geometry: JSON.parse(row.geometry) }));
}
