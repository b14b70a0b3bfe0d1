// Travel-time areas being previewed (before Save) and a store's trade areas on the map. Neither is saved until the
// user says so; both draw as an ordinary GeoJSON layer (map/sync.ts), never through terra-draw.
import type { StateCreator } from 'zustand';
import type { IsochronePreview, TradeAreaAnswer } from '../../api/travel';
import type { TravelMode } from '../../../server/domain/routing/travel-modes';
import type { AppState } from '../index';

/** The selection id the travel-time preview is shown under (there is at most one). */
export const TRAVEL_ID = 'preview';

export interface TravelRequest {
  mode: TravelMode;
  minutes: number;
  /** Exactly one of these: a clicked point, a store or an event. */
  origin?: [number, number];
  storeId?: string;
  eventId?: string;
  /** What the origin is called ("Kiezkaffee Mitte"), for the area's name. */
  originName: string | null;
}

export interface TravelState {
  request: TravelRequest;
  status: 'loading' | 'ready' | 'error';
  preview: IsochronePreview | null;
}

export interface TravelSlice {
  travel: TravelState | null;
  setTravel: (travel: TravelState | null) => void;
  /** The Travel time tool: the next click on the map is the origin. */
  travelPicking: boolean;
  setTravelPicking: (picking: boolean) => void;
  /** The trade areas shown for a store, while its panel is open. */
  tradeAreas: TradeAreaAnswer | null;
  setTradeAreas: (answer: TradeAreaAnswer | null) => void;
}

export const createTravelSlice: StateCreator<AppState, [], [], TravelSlice> = (set) => ({
  travel: null,
  setTravel: (travel) => set({ travel }),
  travelPicking: false,
  setTravelPicking: (travelPicking) => set({ travelPicking }),
  tradeAreas: null,
  setTradeAreas: (tradeAreas) => set({ tradeAreas }),
});
