// Geocoder answers kept in SQLite by address, so an address seen before costs no request. The key is a keyed hash of
// the normalised address: the cache holds no address in the clear. Found places and "nothing found" are kept;
// failures are not (the next try may work).
import type { Db } from '../../db/connection.js';
import { normaliseAddress } from '../../domain/import/address.js';
import { erasedIdHasher } from '../customers/erased-ids.js';
import type { GeocodeOutcome, Geocoder } from './nominatim.js';

/** A geocoder that asks `inner` only for addresses not in the cache. */
export function cachedGeocoder(db: Db, inner: Geocoder, clock: () => Date): Geocoder {
  // The workspace's secret (the one erased ids are hashed with), read on first use.
  let hash: ((text: string) => string) | null = null;
  const keyOf = (address: string) => {
    hash ??= erasedIdHasher(db);
    return hash(`geocode\u0000${normaliseAddress(address)}`);
  };
  const read = db.prepare('SELECT lng, lat FROM geocode_cache WHERE key = ?');
  const write = db.prepare(
    'INSERT OR REPLACE INTO geocode_cache (key, lng, lat, fetched_at) VALUES (?, ?, ?, ?)',
  );
  return {
    async search(address, signal) {
      const key = keyOf(address);
      const hit = read.get(key) as { lng: number | null; lat: number | null } | undefined;
      if (hit)
        return hit.lng === null || hit.lat === null
          ? { kind: 'not-found' }
          : { kind: 'found', point: [hit.lng, hit.lat] };
      const outcome: GeocodeOutcome = await inner.search(address, signal);
      if (outcome.kind === 'found')
        write.run(key, outcome.point[0], outcome.point[1], clock().toISOString());
      else if (outcome.kind === 'not-found') write.run(key, null, null, clock().toISOString());
      return outcome;
    },
  };
}
