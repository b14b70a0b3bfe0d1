// Travel-time areas for routes: where the origin is (a point, a store or an event), the engine's polygon for it,
// and a short-lived memory of remote engines' answers, so saving a previewed area draws exactly what was shown.
import type { Db } from '../../db/connection.js';
import { findEvent } from '../../db/repos/events.js';
import { findStore } from '../../db/repos/stores.js';
import type { IsochroneRequest, IsochroneSpec } from '../../domain/schemas/isochrone.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import { normalized } from '../areas/shapes.js';
import { ServiceError } from '../errors.js';
import type { EngineName, IsochroneEngine } from './engine.js';

export interface IsochroneResult {
  spec: IsochroneSpec & { origin: [number, number] };
  geometry: AreaGeometry;
  engine: EngineName;
  storeId?: string;
  eventId?: string;
  /** "15 min walk from Kiezkaffee Mitte", for when the client names nothing. */
  suggestedName: string;
}

export interface IsochroneService {
  engine: EngineName;
  preview(request: IsochroneRequest): Promise<IsochroneResult>;
  /** The polygon for saved parameters (the remembered preview when there is one). */
  geometryFor(spec: IsochroneSpec): Promise<AreaGeometry>;
}

const MODE_WORDS = { walk: 'walk', bike: 'bike ride', drive: 'drive' } as const;
const REMEMBERED = 64;
const REMEMBER_MS = 15 * 60_000;

const invalid = (field: string, code: string, message: string) =>
  new ServiceError('invalid', message, [{ field, code, message }]);

export function createIsochroneService(options: {
  db: Db;
  engine: IsochroneEngine;
  clock: () => Date;
}): IsochroneService {
  const { db, engine, clock } = options;
  const remembered = new Map<string, { geometry: AreaGeometry; at: number }>();
  const keyOf = (s: IsochroneSpec) =>
    `${s.mode}|${s.minutes}|${s.origin[0].toFixed(6)},${s.origin[1].toFixed(6)}`;

  /** RFC 7946 ring order, as the areas service stores it: the preview is exactly what a save keeps. */
  const ask = async (spec: IsochroneSpec) =>
    normalized(await engine.isochrone({ ...spec, origin: [spec.origin[0], spec.origin[1]] }));
  const compute = async (spec: IsochroneSpec): Promise<AreaGeometry> => {
    // The in-process router answers in milliseconds and follows street changes itself: nothing to remember.
    if (engine.name === 'offline') return ask(spec);
    const key = keyOf(spec);
    const now = clock().getTime();
    const hit = remembered.get(key);
    if (hit && now - hit.at < REMEMBER_MS) return hit.geometry;
    const geometry = await ask(spec);
    remembered.delete(key);
    remembered.set(key, { geometry, at: now });
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    return geometry;
  };

  const originOf = (request: IsochroneRequest) => {
    const given = [request.origin, request.storeId, request.eventId].filter(Boolean).length;
    if (given !== 1)
      throw invalid('body.origin', 'one_origin', 'give exactly one of origin, storeId or eventId');
    if (request.storeId) {
      const store = findStore(db, request.storeId);
      if (!store)
        throw invalid('body.storeId', 'unknown_store', `unknown store ${request.storeId}`);
      return { origin: store.location, from: store.name, storeId: store.id };
    }
    if (request.eventId) {
      const event = findEvent(db, request.eventId);
      if (!event)
        throw invalid('body.eventId', 'unknown_event', `unknown event ${request.eventId}`);
      if (!event.location)
        throw invalid('body.eventId', 'event_unplaced', 'this event has no place on the map');
      return { origin: event.location, from: event.name, eventId: event.id };
    }
    const [lng = 0, lat = 0] = request.origin!;
    return { origin: [lng, lat] as [number, number], from: null };
  };

  return {
    engine: engine.name,
    async preview(request) {
      const { origin, from, ...ids } = originOf(request);
      const spec = { mode: request.mode, minutes: request.minutes, origin };
      const geometry = await compute(spec);
      const words = `${request.minutes} min ${MODE_WORDS[request.mode]}`;
      return {
        spec,
        geometry,
        engine: engine.name,
        ...ids,
        suggestedName: from ? `${words} from ${from}` : words,
      };
    },
    geometryFor: compute,
  };
}
