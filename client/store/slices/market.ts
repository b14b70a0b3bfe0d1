// Market analysis on the map: the market-share panel (Huff model) with the store whose probability surface is shown
// and the "what if we open here?" site, and the choropleth chosen in the Layers panel with its regions and the one
// under the pointer.
import type { StateCreator } from 'zustand';
import type { ChoroplethAnswer, ChoroplethQuery, HuffSurface } from '../../api/contract';
import type { AppState } from '../index';

export interface WhatIfSite {
  /** Waiting for a click on the map. */
  picking: boolean;
  point: [number, number] | null;
}

export type ChoroplethChoice = Omit<ChoroplethQuery, 'segment'>;
export type ChoroplethRegion = ChoroplethAnswer['features'][number]['properties'];

export const defaultChoropleth: ChoroplethChoice = {
  metric: 'penetration',
  level: 'h3',
  resolution: 8,
  method: 'ckmeans',
  classes: 5,
};

export interface MarketSlice {
  /** The market-share panel, or null when it is closed. */
  marketShare: { surfaceStoreId: string | null } | null;
  setMarketShare: (marketShare: { surfaceStoreId: string | null } | null) => void;
  marketSurface: HuffSurface | null;
  setMarketSurface: (surface: HuffSurface | null) => void;
  whatIfSite: WhatIfSite | null;
  setWhatIfSite: (site: WhatIfSite | null) => void;
  /** The click that places the what-if site. */
  pickWhatIfPoint: (point: [number, number]) => void;
  /** The choropleth shown, or null when it is off. */
  choropleth: ChoroplethChoice | null;
  setChoropleth: (choice: ChoroplethChoice | null) => void;
  choroplethData: ChoroplethAnswer | null;
  setChoroplethData: (data: ChoroplethAnswer | null) => void;
  choroplethHover: ChoroplethRegion | null;
  setChoroplethHover: (region: ChoroplethRegion | null) => void;
}

export const createMarketSlice: StateCreator<AppState, [], [], MarketSlice> = (set) => ({
  marketShare: null,
  // Closing the panel takes its surface and site off the map.
  setMarketShare: (marketShare) =>
    set(marketShare ? { marketShare } : { marketShare, marketSurface: null, whatIfSite: null }),
  marketSurface: null,
  setMarketSurface: (marketSurface) => set({ marketSurface }),
  whatIfSite: null,
  setWhatIfSite: (whatIfSite) => set({ whatIfSite }),
  pickWhatIfPoint: (point) => set({ whatIfSite: { picking: false, point } }),
  choropleth: null,
  setChoropleth: (choropleth) =>
    set(choropleth ? { choropleth } : { choropleth, choroplethData: null, choroplethHover: null }),
  choroplethData: null,
  setChoroplethData: (choroplethData) => set({ choroplethData }),
  choroplethHover: null,
  setChoroplethHover: (choroplethHover) => set({ choroplethHover }),
});
