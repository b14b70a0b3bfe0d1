// Server data the map and panels share: the workspace config, stores, boundaries and the basemap outcome.
import type { StateCreator } from 'zustand';
import type { BoundaryCollection, ClientConfig, StoreCollection } from '../../api/contract';
import { idle, type BasemapState, type Resource } from '../types';
import type { AppState } from '../index';

export interface DataSlice {
  config: Resource<ClientConfig>;
  stores: Resource<StoreCollection>;
  boundaries: Resource<BoundaryCollection>;
  basemap: BasemapState;
  setResource: <K extends 'config' | 'stores' | 'boundaries'>(key: K, value: AppState[K]) => void;
  setBasemap: (basemap: BasemapState) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  config: idle,
  stores: idle,
  boundaries: idle,
  basemap: { mode: 'pending', reason: null, detail: null },
  setResource: (key, value) => set({ [key]: value } as Pick<AppState, typeof key>),
  setBasemap: (basemap) => set({ basemap }),
});
