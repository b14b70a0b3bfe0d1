// The street network tables (migration 013): written by the demo seeder, read by the basemap route and routing.
import type { Db } from '../connection.js';
import type { StreetNetwork } from '../../demo/streets.js';
import type { StreetClass } from '../../domain/schemas/streets.js';

export interface StreetRow {
  id: number;
  name: string;
  class: StreetClass;
  /** GeoJSON LineString text, as stored. */
  geometry: string;
}

/** Writes a whole network; run it inside the caller's transaction, after {@link deleteStreets}. */
export function insertStreets(db: Db, network: StreetNetwork): void {
  const node = db.prepare('INSERT INTO street_nodes (id, lng, lat) VALUES (?, ?, ?)');
  for (const n of network.nodes) node.run(n.id, n.location[0], n.location[1]);
  const street = db.prepare('INSERT INTO streets (id, name, class, geometry) VALUES (?, ?, ?, ?)');
  const where = (id: number) => network.nodes[id - 1]?.location;
  for (const s of network.streets) {
    const geometry = { type: 'LineString', coordinates: s.nodes.map(where) };
    street.run(s.id, s.name, s.class, JSON.stringify(geometry));
  }
  const edge = db.prepare(
    'INSERT INTO street_edges (id, street_id, from_node, to_node, length_m) VALUES (?, ?, ?, ?, ?)',
  );
  for (const e of network.edges) edge.run(e.id, e.streetId, e.from, e.to, e.lengthMeters);
}

/** Empties the network (edges first, for their foreign keys). */
export function deleteStreets(db: Db): void {
  db.exec('DELETE FROM street_edges; DELETE FROM streets; DELETE FROM street_nodes;');
}

export function listStreets(db: Db): StreetRow[] {
  return db
    .prepare('SELECT id, name, class, geometry FROM streets ORDER BY id')
    .all() as StreetRow[];
}

export function countStreets(db: Db): number {
  return db.prepare('SELECT count(*) FROM streets').pluck().get() as number;
}

export interface RoutingNetwork {
  nodes: { id: number; lng: number; lat: number }[];
  edges: { from: number; to: number; lengthMeters: number; streetClass: StreetClass }[];
}

/** Junctions and street segments with their street's class, for the in-process router. */
export function loadRoutingNetwork(db: Db): RoutingNetwork {
  const nodes = db.prepare('SELECT id, lng, lat FROM street_nodes ORDER BY id').all() as {
    id: number;
    lng: number;
    lat: number;
  }[];
  const edges = db
    .prepare(
      `SELECT e.from_node AS "from", e.to_node AS "to", e.length_m AS lengthMeters, s.class AS streetClass
       FROM street_edges e JOIN streets s ON s.id = e.street_id ORDER BY e.id`,
    )
    .all() as RoutingNetwork['edges'];
  return { nodes, edges };
}

/** Changes whenever the network is replaced or removed, so a cached graph knows it is stale. */
export function streetNetworkSignature(db: Db): string {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM street_nodes) AS nodes, count(*) AS edges,
              coalesce(max(id), 0) AS maxId, coalesce(sum(length_m), 0) AS meters FROM street_edges`,
    )
    .get() as { nodes: number; edges: number; maxId: number; meters: number };
  return `${row.nodes}:${row.edges}:${row.maxId}:${row.meters}`;
}
