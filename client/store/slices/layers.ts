// Which overlay layers are visible; the heatmap replaces the clusters while it is on.
import type { StateCreator } from 'zustand';
import { defaultLayers, type LayerName, type LayerVisibility } from '../types';
import type { AppState } from '../index';

export interface LayersSlice {
  layers: LayerVisibility;
  toggleLayer: (name: LayerName) => void;
  setLayers: (layers: LayerVisibility) => void;
}

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: defaultLayers,
  toggleLayer: (name) => set((s) => ({ layers: { ...s.layers, [name]: !s.layers[name] } })),
  setLayers: (layers) => set({ layers }),
});
