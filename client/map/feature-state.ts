// Maps a selection (store/boundary/customer/area/event) to the MapLibre feature that carries its hover/selected state.
import type { FeatureIdentifier } from 'maplibre-gl';
import type { Selection } from '../store/types';
import { CUSTOMERS_SOURCE_LAYER, SOURCE } from './sources';

/** The map feature for a selection; null for the draft, which terra-draw draws (see client/draw). */
export function featureFor(selection: Selection): FeatureIdentifier | null {
  switch (selection.kind) {
    case 'store':
      return { source: SOURCE.stores, id: selection.id };
    case 'boundary':
      return { source: SOURCE.boundaries, id: selection.id };
    case 'customer':
      return { source: SOURCE.customers, sourceLayer: CUSTOMERS_SOURCE_LAYER, id: selection.id };
    case 'area':
      return { source: SOURCE.areas, id: selection.id };
    case 'event':
      return { source: SOURCE.events, id: selection.id };
    case 'draft':
    case 'travel':
    case 'campaign':
      return null;
  }
}
