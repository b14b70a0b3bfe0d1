// Maps a selection (store/boundary/customer) to the MapLibre feature that carries its hover/selected state.
import type { FeatureIdentifier } from 'maplibre-gl';
import type { Selection } from '../store/types';
import { CUSTOMERS_SOURCE_LAYER, SOURCE } from './sources';

export function featureFor(selection: Selection): FeatureIdentifier {
  switch (selection.kind) {
    case 'store':
      return { source: SOURCE.stores, id: selection.id };
    case 'boundary':
      return { source: SOURCE.boundaries, id: selection.id };
    case 'customer':
      return { source: SOURCE.customers, sourceLayer: CUSTOMERS_SOURCE_LAYER, id: selection.id };
  }
}
