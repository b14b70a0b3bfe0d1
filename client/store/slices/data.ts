// Server data the map and panels share: the workspace config, stores, boundaries and the basemap outcome, and a
// version that says the data behind every derived answer changed (an import committed).
import type { StateCreator } from 'zustand';
import type { BoundaryCollection, ClientConfig, StoreCollection } from '../../api/contract';
import { idle, type BasemapState, type Resource } from '../types';
import type { AppState } from '../index';

export interface DataSlice {
  config: Resource<ClientConfig>;
  stores: Resource<StoreCollection>;
  boundaries: Resource<BoundaryCollection>;
  basemap: BasemapState;
  /**
   * Bumped when the workspace's data changed under the open views (an import committed): customer tiles, audiences,
   * comparisons, white space, reach and the segment builder's values ask the server again.
   */
  dataVersion: number;
  setResource: <K extends 'config' | 'stores' | 'boundaries'>(key: K, value: AppState[K]) => void;
  setBasemap: (basemap: BasemapState) => void;
  bumpDataVersion: () => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  config: idle,
  stores: idle,
  boundaries: idle,
  basemap: { mode: 'pending', reason: null, detail: null },
  setResource: (key, value) => set({ [key]: value } as Pick<AppState, typeof key>),
  dataVersion: 0,
  setBasemap: (basemap) => set({ basemap }),
  bumpDataVersion: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
});
