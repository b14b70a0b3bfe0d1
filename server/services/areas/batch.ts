// Areas made from other things in one go: combinations of areas, rings around a store, nearest-store territories.
import type { Db } from '../../db/connection.js';
import type { AreaRecord } from '../../db/repos/areas.js';
import { findStore, listStores } from '../../db/repos/stores.js';
import { combineAreas } from '../../domain/geometry/combine.js';
import { areaNeighbours, colorNeighbours } from '../../domain/geometry/neighbour-colors.js';
import { ringsAround } from '../../domain/geometry/rings.js';
import {
  nearestStoreTerritories,
  type TerritoriesResult,
} from '../../domain/geometry/territories.js';
import {
  areaPalette,
  type AreaCombine,
  type AreaRings,
  type AreaTerritories,
} from '../../domain/schemas/area.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { StoreRecord } from '../../domain/schemas/store.js';
import { ServiceError } from '../errors.js';
import { cityExtent } from './extent.js';
import { formatDistanceRange, normalized } from './shapes.js';
import {
  getArea,
  insertOwnedArea,
  measured,
  newAreaId,
  nextColor,
  type AreaWriter,
} from './areas.js';

const invalid = (field: string, code: string, message: string, detail = message) =>
  new ServiceError('invalid', detail, [{ field, code, message }]);
const symbols = { union: '+', subtract: '−', intersect: '∩' } as const;

export function combineSavedAreas(db: Db, input: AreaCombine, writer: AreaWriter): AreaRecord {
  return db.transaction(() => {
    const sources = input.areaIds.map((id, i) => {
      try {
        return getArea(db, id, writer.principal);
      } catch {
        throw invalid(`body.areaIds[${i}]`, 'unknown_area', `unknown area ${id}`);
      }
    });
    const result = combineAreas(
      input.op,
      sources.map((a) => a.geometry),
    );
    if (!result.ok)
      throw new ServiceError(
        'invalid',
        result.message,
        [{ field: 'body.areaIds', code: 'invalid_geometry', message: result.message }],
        { reason: result.reason },
      );
    const name =
      input.name ??
      sources
        .map((a) => a.name)
        .join(` ${symbols[input.op]} `)
        .slice(0, 120);
    const values = measured({
      name,
      kind: 'combined',
      color: input.color ?? nextColor(db),
      params: { operations: [{ op: input.op, areaIds: input.areaIds }] },
      geometry: normalized(result.geometry as AreaGeometry),
    });
    return insertOwnedArea(db, newAreaId(), values, writer, Object.keys(input));
  })();
}

export function createRings(db: Db, input: AreaRings, writer: AreaWriter): AreaRecord[] {
  return db.transaction(() => {
    if ((input.storeId === undefined) === (input.center === undefined)) {
      throw invalid(
        'body.center',
        'one_origin',
        'give either storeId or center [lng, lat], not both or neither',
        'Rings need a store (storeId) or a point (center)',
      );
    }
    const store = input.storeId === undefined ? undefined : findStore(db, input.storeId);
    if (input.storeId !== undefined && !store)
      throw invalid('body.storeId', 'unknown_store', `unknown store ${input.storeId}`);
    const center: [number, number] = store ? store.location : [input.center![0], input.center![1]];
    const result = ringsAround({ center, breaksMeters: input.breaksMeters });
    if (!result.ok) throw invalid(`body.${result.path}`, 'invalid_geometry', result.message);
    const prefix = input.name ?? store?.name ?? 'Ring';
    return result.rings.map((ring) =>
      insertOwnedArea(
        db,
        newAreaId(),
        measured({
          name: `${prefix} · ${formatDistanceRange(ring.innerRadiusMeters, ring.radiusMeters)}`.slice(
            0,
            120,
          ),
          kind: 'ring',
          color: nextColor(db),
          params: {
            center,
            innerRadiusMeters: ring.innerRadiusMeters,
            radiusMeters: ring.radiusMeters,
            ...(store ? { storeId: store.id } : {}),
          },
          geometry: normalized(ring.geometry as AreaGeometry),
        }),
        writer,
        Object.keys(input),
      ),
    );
  })();
}

export interface TerritoryReport {
  areas: AreaRecord[];
  merged: TerritoriesResult['merged'];
  outside: string[];
  failed: TerritoriesResult['failed'];
}

function chosenStores(db: Db, storeIds: string[] | undefined): StoreRecord[] {
  if (!storeIds?.length) {
    const all = listStores(db);
    if (all.length === 0)
      throw invalid('body.storeIds', 'no_stores', 'there are no stores yet: add one first');
    return all;
  }
  return storeIds.map((id, i) => {
    const store = findStore(db, id);
    if (!store) throw invalid(`body.storeIds[${i}]`, 'unknown_store', `unknown store ${id}`);
    return store;
  });
}

export function createTerritories(
  db: Db,
  input: AreaTerritories,
  writer: AreaWriter,
): TerritoryReport {
  return db.transaction(() => {
    const stores = chosenStores(db, input.storeIds);
    const extent = cityExtent(db);
    if (!extent)
      throw new ServiceError(
        'invalid',
        'The workspace has no city outline or neighbourhoods to clip territories to',
        [{ field: 'body', code: 'no_city_extent', message: 'no city extent' }],
      );
    const result = nearestStoreTerritories({
      stores: stores.map((s) => ({ id: s.id, location: s.location })),
      extent,
    });
    if (result.territories.length === 0) {
      throw new ServiceError(
        'invalid',
        'None of these stores has a territory inside the city',
        [
          {
            field: 'body.storeIds',
            code: 'outside_city',
            message: 'all stores lie outside the city extent',
          },
        ],
        {
          outside: result.outside,
          failed: result.failed,
        },
      );
    }
    const byId = new Map(stores.map((s) => [s.id, s]));
    // Territories tile the city: neighbours get different colours, or two of them read as one.
    const colors = colorNeighbours(
      areaNeighbours(result.territories.map((t) => t.geometry)),
      areaPalette.length,
    );
    const areas = result.territories.map((territory, i) => {
      const store = byId.get(territory.storeId)!;
      const twins = result.merged.filter((m) => m.into === store.id).map((m) => m.storeId);
      return insertOwnedArea(
        db,
        newAreaId(),
        measured({
          name: `Territory · ${store.name}`.slice(0, 120),
          kind: 'territory',
          color: areaPalette[colors[i]!]!,
          params: {
            storeId: store.id,
            ...(twins.length ? { storeIds: [store.id, ...twins] } : {}),
          },
          geometry: normalized(territory.geometry as AreaGeometry),
        }),
        writer,
        Object.keys(input),
      );
    });
    return { areas, merged: result.merged, outside: result.outside, failed: result.failed };
  })();
}
