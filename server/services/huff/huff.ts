// The Huff model for the caller: fitted to the customers' home stores (kept until the data changes), expected against
// actual share per store, one store's probability surface, and what a new store would take. Customer counts follow
// the audience rules: aggregate-only roles get no count below the minimum group size.
import { cellToBoundary } from 'h3-js';
import type { Db } from '../../db/connection.js';
import { calibrateHuff, type HuffFit } from '../../domain/huff/calibrate.js';
import { haversineKm, huffProbabilities, MIN_DISTANCE_KM } from '../../domain/huff/model.js';
import { storeShares } from '../../domain/huff/shares.js';
import { whatIfOpen } from '../../domain/huff/what-if.js';
import type { Principal } from '../../domain/permissions.js';
import type {
  HuffModel,
  HuffSurface,
  HuffWhatIf,
  HuffWhatIfBody,
} from '../../domain/schemas/huff.js';
import { audienceViewFor, namedK } from '../audience/viewer.js';
import { ServiceError } from '../errors.js';
import { huffDataFor, type HuffData, type HuffIndex, type HuffSources } from './data.js';
import { logTravelMinutes } from '../../domain/huff/travel-costs.js';

const fits = new WeakMap<HuffData, { fit: HuffFit; probabilities: Float64Array }>();

/** The data and its fit, from the caches while customers, stores and neighbourhoods are unchanged. */
export async function fittedHuff(
  db: Db,
  index: HuffIndex,
  resolution: number,
  sources: HuffSources = {},
) {
  const data = await huffDataFor(db, index, resolution, sources);
  let fitted = fits.get(data);
  if (!fitted) {
    const fit = calibrateHuff(data.inputs, data.choices);
    fitted = { fit, probabilities: huffProbabilities(data.inputs, fit.params) };
    fits.set(data, fitted);
  }
  return { data, ...fitted };
}

export async function huffModel(
  db: Db,
  index: HuffIndex,
  resolution: number,
  principal: Principal,
  sources: HuffSources = {},
): Promise<HuffModel> {
  const { data, fit, probabilities } = await fittedHuff(db, index, resolution, sources);
  const view = audienceViewFor(db, principal);
  const shares = storeShares(data.inputs, probabilities, data.choices);
  return {
    resolution,
    measure: data.measure,
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    nullLogLikelihood: fit.nullLogLikelihood,
    pseudoR2: fit.pseudoR2,
    attractivenessIdentified: fit.attractivenessIdentified,
    choices: fit.choices,
    places: data.places.length,
    stores: data.stores.map((store, j) => {
      const actual = view.hideCount(shares[j]!.actual);
      return {
        id: store.id,
        name: store.name,
        brand: store.brand,
        attractiveness: store.attractiveness,
        expected: shares[j]!.expected,
        expectedShare: shares[j]!.expectedShare,
        actual,
        actualShare: actual === null ? null : shares[j]!.actualShare,
      };
    }),
    ...namedK(view),
  };
}

/** Hexagons where the store's probability is below this are left out: they would only add weight to the answer. */
const SURFACE_MIN_PROBABILITY = 0.005;

export async function huffSurface(
  db: Db,
  index: HuffIndex,
  storeId: string,
  resolution: number,
  sources: HuffSources = {},
): Promise<HuffSurface> {
  const { data, probabilities } = await fittedHuff(db, index, resolution, sources);
  const j = data.stores.findIndex((s) => s.id === storeId);
  // The detail does not echo the id: whatever was asked for (a customer's id, say) is not repeated back.
  if (j < 0)
    throw new ServiceError('not-found', 'No such store', [
      { field: 'params.id', code: 'unknown_store', message: 'no store has this id' },
    ]);
  const J = data.stores.length;
  const features: HuffSurface['features'] = [];
  data.places.forEach((h3, i) => {
    const probability = probabilities[i * J + j]!;
    if (probability < SURFACE_MIN_PROBABILITY) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [cellToBoundary(h3, true) as [number, number][]] },
      properties: { h3, probability },
    });
  });
  return { type: 'FeatureCollection', features, storeId, resolution };
}

/** ln d from every place to the new site, in the measure the model was fitted in. */
async function logDistanceTo(data: HuffData, point: [number, number], sources: HuffSources) {
  if (data.measure.kind === 'travel-time' && sources.travel)
    return logTravelMinutes(await sources.travel.minutes(data.centers, [point]));
  return Float64Array.from(data.centers, (center) =>
    Math.log(Math.max(MIN_DISTANCE_KM, haversineKm(center, point))),
  );
}

export async function huffWhatIf(
  db: Db,
  index: HuffIndex,
  body: HuffWhatIfBody,
  principal: Principal,
  sources: HuffSources = {},
): Promise<HuffWhatIf> {
  const { data, fit } = await fittedHuff(db, index, body.resolution, sources);
  const point: [number, number] = [body.point[0], body.point[1]];
  const logDistance = await logDistanceTo(data, point, sources);
  const outcome = whatIfOpen(
    data.inputs,
    fit.params,
    { logDistance, attractiveness: body.attractiveness },
    data.choices,
    data.spend,
  );
  const view = audienceViewFor(db, principal);
  // Fractions of people are estimates, but a count below k still says "a handful live here": hidden like one.
  const count = (n: number) => (view.hideCount(Math.round(n)) === null ? null : n);
  const money = (n: number, people: number) => (count(people) === null ? null : n);
  const sameBrand = { customers: 0, revenue: 0 };
  const losses = data.stores.map((store, j) => {
    const loss = outcome.losses[j]!;
    if (store.brand === body.brand) {
      sameBrand.customers += loss.customers;
      sameBrand.revenue += loss.revenue;
    }
    return {
      storeId: store.id,
      name: store.name,
      brand: store.brand,
      customers: count(loss.customers),
      revenue: money(loss.revenue, loss.customers),
      lost: loss.customers,
    };
  });
  losses.sort((a, b) => b.lost - a.lost || a.name.localeCompare(b.name));
  return {
    point,
    brand: body.brand,
    attractiveness: body.attractiveness,
    measure: data.measure,
    params: fit.params,
    customers: count(outcome.customers),
    share: outcome.share,
    revenue: money(outcome.revenue, outcome.customers),
    sameBrand: {
      customers: count(sameBrand.customers),
      revenue: money(sameBrand.revenue, sameBrand.customers),
    },
    losses: losses.map(({ lost: _lost, ...loss }) => loss),
    ...namedK(view),
  };
}
