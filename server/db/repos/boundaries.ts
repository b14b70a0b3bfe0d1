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
  const rows = db
    .prepare('SELECT id, name, population, geometry FROM boundaries ORDER BY name')
    .all() as BoundaryRow[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    population: row.population,
    geometry: JSON.parse(row.geometry),
  }));
}

/** The boundaries with these ids, in the order asked; an unknown id gives undefined at its place. */
export function findBoundaries(db: Db, ids: string[]): (Boundary | undefined)[] {
  const find = db.prepare('SELECT id, name, population, geometry FROM boundaries WHERE id = ?');
  return ids.map((id) => {
    const row = find.get(id) as BoundaryRow | undefined;
    return (
      row && {
        id: row.id,
        name: row.name,
        population: row.population,
        geometry: JSON.parse(row.geometry),
      }
    );
  });
}
