// The demo city's street network: a gently warped, slightly turned grid of junctions (nodes) joined by street
// segments (edges), thinned where few people live, broken by water and parks; runs of edges become named streets.
// A real graph, so routing (walking/driving reach) can use the same nodes and edges the map draws.
import type { StreetClass } from '../domain/schemas/streets.js';
import type { CityData, CityGeography, LngLat } from './city.js';
import { densityAt, kmPerDegree, residentComponents } from './neighbourhoods.js';
import type { Random } from './random.js';
import { round6 } from './stores.js';
import { streetName } from './street-names.js';

/** Block edge in metres: a Berlin block is 150–250 m. */
const BLOCK_METERS = 230;
/** Every PRIMARY_EVERY-th grid line is a main road, every SECONDARY_EVERY-th (of the rest) a secondary one. */
const PRIMARY_EVERY = 8;
const SECONDARY_EVERY = 4;
/** Side streets need this share of the city's peak resident density; every other one twice as much. */
const SIDE_STREET_DENSITY = 0.12;
/** How far the warp bends a straight grid line, and over what distance. */
const WARP_METERS = 70;
const WARP_WAVELENGTH_METERS = [2600, 4100] as const;

export interface StreetNode {
  id: number;
  location: LngLat;
}
export interface StreetEdge {
  id: number;
  streetId: number;
  from: number;
  to: number;
  lengthMeters: number;
}
export interface Street {
  id: number;
  name: string;
  class: StreetClass;
  /** Node ids along the street, in order. */
  nodes: number[];
}
export interface StreetNetwork {
  nodes: StreetNode[];
  edges: StreetEdge[];
  streets: Street[];
}

interface GridLine {
  class: StreetClass;
  /** Node keys along the line, null where an edge was left out (water, park, outside, too few people). */
  runs: number[][];
}

/**
 * Builds the street network of the demo city; the same seed gives the same network.
 * @example generateStreets({ city, geography, random }).streets[0].name // 'Lindenweg'
 */
export function generateStreets(options: {
  city: CityData;
  geography: CityGeography;
  random: Random;
}): StreetNetwork {
  const { city, geography, random } = options;
  const [minX, minY, maxX, maxY] = geography.bbox;
  const origin: LngLat = [(minX + maxX) / 2, (minY + maxY) / 2];
  const scale = kmPerDegree(origin[1]);
  const turn = ((random.next() - 0.5) * Math.PI) / 9; // ±10°
  const phases = [0, 1, 2, 3].map(() => random.next() * 2 * Math.PI);
  const [waveA, waveB] = WARP_WAVELENGTH_METERS;
  const halfSpan =
    (Math.hypot((maxX - minX) * scale.lng, (maxY - minY) * scale.lat) * 1000) / 2 + BLOCK_METERS;
  const steps = Math.ceil(halfSpan / BLOCK_METERS);

  /** Grid indexes (i, j) to longitude/latitude: turn the grid, then bend it with two slow waves. */
  const place = (i: number, j: number): LngLat => {
    const u = i * BLOCK_METERS;
    const v = j * BLOCK_METERS;
    let x = u * Math.cos(turn) - v * Math.sin(turn);
    let y = u * Math.sin(turn) + v * Math.cos(turn);
    const dx = WARP_METERS * Math.sin((2 * Math.PI * y) / waveA + (phases[0] ?? 0));
    const dy = WARP_METERS * Math.sin((2 * Math.PI * x) / waveB + (phases[1] ?? 0));
    x += dx + 0.4 * WARP_METERS * Math.sin((2 * Math.PI * (x + y)) / waveB + (phases[2] ?? 0));
    y += dy + 0.4 * WARP_METERS * Math.sin((2 * Math.PI * (x - y)) / waveA + (phases[3] ?? 0));
    return [round6(origin[0] + x / 1000 / scale.lng), round6(origin[1] + y / 1000 / scale.lat)];
  };

  const residents = residentComponents(city);
  const peak = Math.max(...residents.map((c) => densityAt(residents, c.center[0], c.center[1])));
  const side = 2 * steps + 1;
  const key = (i: number, j: number) => (j + steps) * side + (i + steps);
  const positions = new Map<number, LngLat>();
  const at = (i: number, j: number): LngLat => {
    const k = key(i, j);
    let p = positions.get(k);
    if (!p) positions.set(k, (p = place(i, j)));
    return p;
  };
  const classOf = (index: number): StreetClass =>
    index % PRIMARY_EVERY === 0
      ? 'primary'
      : index % SECONDARY_EVERY === 0
        ? 'secondary'
        : 'residential';

  /** Whether the segment between two junctions is a street; main roads may bridge water and cross parks. */
  const keep = (a: LngLat, b: LngLat, streetClass: StreetClass, lineIndex: number): boolean => {
    if (!geography.isBuildable(a[0], a[1]) || !geography.isBuildable(b[0], b[1])) return false;
    if (streetClass !== 'residential') return true;
    const mid: LngLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    if (!geography.isBuildable(mid[0], mid[1])) return false;
    const need = SIDE_STREET_DENSITY * (lineIndex % 2 === 0 ? 1 : 2);
    return densityAt(residents, mid[0], mid[1]) >= need * peak;
  };

  const lines: GridLine[] = [];
  for (const along of ['i', 'j'] as const) {
    for (let fixed = -steps; fixed <= steps; fixed++) {
      const streetClass = classOf(Math.abs(fixed));
      const runs: number[][] = [];
      let run: number[] = [];
      for (let s = -steps; s < steps; s++) {
        const [i1, j1, i2, j2] =
          along === 'i' ? [s, fixed, s + 1, fixed] : [fixed, s, fixed, s + 1];
        if (keep(at(i1, j1), at(i2, j2), streetClass, Math.abs(fixed))) {
          if (run.length === 0) run.push(key(i1, j1));
          run.push(key(i2, j2));
        } else if (run.length > 0) {
          runs.push(run);
          run = [];
        }
      }
      if (run.length > 0) runs.push(run);
      lines.push({ class: streetClass, runs });
    }
  }
  return assemble(lines, positions, scale, random);
}

/** Numbers the nodes in use, splits each run into streets of a few blocks and names them. */
function assemble(
  lines: GridLine[],
  positions: Map<number, LngLat>,
  scale: { lng: number; lat: number },
  random: Random,
): StreetNetwork {
  const nodeIds = new Map<number, number>();
  const nodes: StreetNode[] = [];
  const nodeId = (k: number): number => {
    let id = nodeIds.get(k);
    if (id === undefined) {
      id = nodes.length + 1;
      nodeIds.set(k, id);
      nodes.push({ id, location: positions.get(k) as LngLat });
    }
    return id;
  };
  const streets: Street[] = [];
  const edges: StreetEdge[] = [];
  const namer = nearbyUniqueNames(scale, random);
  for (const line of lines) {
    const [shortest, longest] = line.class === 'residential' ? [3, 7] : [6, 16];
    for (const run of line.runs) {
      for (let start = 0; start < run.length - 1;) {
        let end = Math.min(run.length - 1, start + random.int(shortest, longest));
        if (run.length - 1 - end < shortest) end = run.length - 1; // no stub street at the end of a run
        const ids = run.slice(start, end + 1).map(nodeId);
        const middle = nodes[(ids[ids.length >> 1] as number) - 1]?.location as LngLat;
        const street: Street = {
          id: streets.length + 1,
          name: namer(line.class, middle),
          class: line.class,
          nodes: ids,
        };
        streets.push(street);
        for (let n = 0; n + 1 < street.nodes.length; n++) {
          const from = street.nodes[n] as number;
          const to = street.nodes[n + 1] as number;
          const a = nodes[from - 1]?.location as LngLat;
          const b = nodes[to - 1]?.location as LngLat;
          const lengthMeters =
            Math.round(Math.hypot((b[0] - a[0]) * scale.lng, (b[1] - a[1]) * scale.lat) * 1e4) / 10;
          edges.push({ id: edges.length + 1, streetId: street.id, from, to, lengthMeters });
        }
        start = end;
      }
    }
  }
  return { nodes, edges, streets };
}

/** Two streets of one name at least this far apart, as a person reading the map would expect. */
const SAME_NAME_APART_KM = 3;
const NAME_TRIES = 12;

/** Draws names for streets, avoiding one already given to a street nearby (after a few tries, any name goes). */
function nearbyUniqueNames(scale: { lng: number; lat: number }, random: Random) {
  const placed = new Map<string, LngLat[]>();
  const farFromAll = (name: string, [lng, lat]: LngLat) =>
    (placed.get(name) ?? []).every(
      ([x, y]) => Math.hypot((x - lng) * scale.lng, (y - lat) * scale.lat) >= SAME_NAME_APART_KM,
    );
  return (streetClass: StreetClass, at: LngLat): string => {
    let name = streetName(streetClass, random);
    for (let tries = 1; tries < NAME_TRIES && !farFromAll(name, at); tries++)
      name = streetName(streetClass, random);
    placed.set(name, [...(placed.get(name) ?? []), at]);
    return name;
  };
}
