// Saved areas side by side: each one's size, population, customers, penetration, revenue, loyalty mix and lapsed
// share, and what every pair shares (km² and customers) — the overlap a franchise manager calls cannibalisation.
// Counts follow the audience rules: the caller's store scope, and small groups hidden for aggregate-only roles.
import type { Db } from '../../db/connection.js';
import type { Principal } from '../../domain/permissions.js';
import type { Audience } from '../../domain/schemas/audience.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type {
  AreaComparison,
  AreaCompareRequest,
  AreaOverlap,
  ComparedArea,
} from '../../domain/schemas/area-compare.js';
import type { AudienceService } from '../audience/audience.js';
import { audienceViewFor, namedK } from '../audience/viewer.js';
import type { PurchaseHistory } from '../purchases/purchase-history.js';
import { againstCity, type CityBaselines } from '../audience/city-baseline.js';
import { shareIndex } from '../../domain/city-index.js';
import { getArea } from './areas.js';
import { areaBehaviours, compareWindow } from './compare-purchases.js';
import { compareShapesVia } from './compare-shapes.js';
import type { AudiencePool } from '../audience/pool.js';
import type { CustomerIndex } from '../customers/customer-index.js';

/** Buckets of days since the last purchase that count as lapsed: 90 days or more, or never bought. */
const LAPSED_KEYS = new Set(['90-179', '180+', 'never']);

function lapsedShare(audience: Audience): number | null {
  if (audience.count === null || audience.count === 0) return null;
  let lapsed = 0;
  for (const bucket of audience.breakdown.lapsed) {
    if (!LAPSED_KEYS.has(bucket.key)) continue;
    if (bucket.count === null) return null;
    lapsed += bucket.count;
  }
  return lapsed / audience.count;
}

/** Purchases behind conversion, retention and growth: the last 90 days against the 90 before, unless asked. */
export const DEFAULT_COMPARE_WINDOW_DAYS = 90;

/** The city's lapsed share, from the buckets' city shares; null when any of them is hidden. */
function cityLapsedShare(audience: Audience): number | null {
  let share = 0;
  for (const bucket of audience.breakdown.lapsed) {
    if (!LAPSED_KEYS.has(bucket.key)) continue;
    if (bucket.cityShare == null) return null;
    share += bucket.cityShare;
  }
  return share;
}

export async function compareAreas(
  deps: {
    db: Db;
    audience: AudienceService;
    purchases: PurchaseHistory;
    cityBaselines: CityBaselines;
    customerIndex: Pick<CustomerIndex, 'columns'>;
    pool?: AudiencePool | undefined;
  },
  request: AreaCompareRequest,
  principal: Principal,
  at: Date,
): Promise<AreaComparison> {
  const { db } = deps;
  const areas = request.areaIds.map((id, i) => getArea(db, id, principal, `body.areaIds.${i}`));
  const view = audienceViewFor(db, principal);
  const segment = view.segment(request.segment);
  // The clipping starts in a worker first and runs beside the scans.
  const shapes = compareShapesVia(
    { db, pool: deps.pool ?? null, columns: () => deps.customerIndex.columns },
    areas.map((area) => area.geometry),
  );
  // Awaited below; a failure meanwhile must not count as unhandled.
  shapes.catch(() => undefined);

  // Large scans go to the worker pool: asking for every area at once lets them run side by side.
  const audiences = await Promise.all(
    areas.map(async (area) =>
      againstCity(
        deps.cityBaselines,
        view,
        view.hide(await deps.audience.audience({ geometry: area.geometry, segment, at })),
        segment,
        at,
      ),
    ),
  );
  const seqs = await Promise.all(
    areas.map((area) => deps.audience.matchingSeqs({ geometry: area.geometry, segment, at })),
  );
  const { w, window } = compareWindow(request.windowDays ?? DEFAULT_COMPARE_WINDOW_DAYS, at);
  await deps.purchases.ready();
  const behaviours = await areaBehaviours(deps.purchases, seqs, w, view.k);
  const { populations, pairs: shared } = await shapes;
  const compared = areas.map((area, i): ComparedArea => {
    const audience = audiences[i]!;
    const { population, complete } = populations[i]!;
    const customers = audience.count;
    return {
      id: area.id,
      name: area.name,
      color: area.color,
      areaKm2: area.areaKm2,
      population,
      populationComplete: complete,
      customers,
      consented: audience.consented,
      density: customers === null || area.areaKm2 <= 0 ? null : customers / area.areaKm2,
      penetration: customers === null || population <= 0 ? null : customers / population,
      revenue: audience.revenue.total,
      avgSpend: audience.revenue.avgSpend,
      loyaltyTiers: audience.breakdown.loyaltyTiers,
      lapsedShare: lapsedShare(audience),
      behaviour: behaviours[i]!,
      lapsedIndex: shareIndex({
        areaShare: lapsedShare(audience),
        cityShare: cityLapsedShare(audience),
      }),
    };
  });

  const pairs: Promise<AreaOverlap>[] = [];
  for (const { i, j, shared: part } of shared) {
    if (part.ok && part.geometry === null) continue;
    const pair = { a: areas[i]!.id, b: areas[j]!.id };
    if (!part.ok) {
      pairs.push(Promise.resolve({ ...pair, sharedKm2: null, sharedCustomers: null }));
      continue;
    }
    // The clipper's output is GeoJSON of the same shape; its Position type is only looser than ours.
    const both = deps.audience.audience({ geometry: part.geometry as AreaGeometry, segment, at });
    pairs.push(
      both.then((audience) => ({
        ...pair,
        sharedKm2: part.km2,
        sharedCustomers: view.hide(audience).count,
      })),
    );
  }
  const overlaps = await Promise.all(pairs);
  return { areas: compared, overlaps, asOf: at.toISOString(), window, ...namedK(view) };
}
