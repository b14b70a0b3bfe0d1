// The travel source's features: the travel-time area being previewed, and the trade areas of the store whose panel
// is open (primary, then the secondary ring), each tagged with its `tier` for the layer's colours.
import type { AppState } from '../store';

export function travelData(s: Pick<AppState, 'travel' | 'tradeAreas'>): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  const preview = s.travel?.preview;
  if (preview)
    features.push({
      type: 'Feature',
      id: 'travel',
      geometry: preview.geometry,
      properties: { id: 'travel', tier: 'travel' },
    });
  for (const tier of s.tradeAreas?.tiers ?? [])
    if (tier.geometry)
      features.push({
        type: 'Feature',
        id: `trade-${tier.tier}`,
        geometry: tier.geometry,
        properties: { id: `trade-${tier.tier}`, tier: tier.tier },
      });
  return { type: 'FeatureCollection', features };
}
