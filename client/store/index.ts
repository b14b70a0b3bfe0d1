// The one Zustand store, composed from typed slices (Zustand's slices pattern).
import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './slices/data';
import { createLayersSlice, type LayersSlice } from './slices/layers';
import { createLocaleSlice, type LocaleSlice } from './slices/locale';
import { createPanelsSlice, type PanelsSlice } from './slices/panels';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createToastsSlice, type ToastsSlice } from './slices/toasts';
import { createViewSlice, type ViewSlice } from './slices/view';
import { createAreasSlice, type AreasSlice } from './slices/areas';
import { createSegmentSlice, type SegmentSlice } from './slices/segment';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createEventsSlice, type EventsSlice } from './slices/events';
import { createCampaignsSlice, type CampaignsSlice } from './slices/campaigns';
import { createImportsSlice, type ImportsSlice } from './slices/imports';
import { createUnplacedSlice, type UnplacedSlice } from './slices/unplaced';
import { createMarketSlice, type MarketSlice } from './slices/market';
import { createTravelSlice, type TravelSlice } from './slices/travel';

export type AppState = DataSlice &
  SelectionSlice &
  ViewSlice &
  LayersSlice &
  PanelsSlice &
  LocaleSlice &
  ToastsSlice &
  AreasSlice &
  SegmentSlice &
  SessionSlice &
  EventsSlice &
  CampaignsSlice &
  ImportsSlice &
  UnplacedSlice &
  MarketSlice &
  TravelSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createDataSlice(...a),
    ...createSelectionSlice(...a),
    ...createViewSlice(...a),
    ...createLayersSlice(...a),
    ...createPanelsSlice(...a),
    ...createLocaleSlice(...a),
    ...createToastsSlice(...a),
    ...createAreasSlice(...a),
    ...createSegmentSlice(...a),
    ...createSessionSlice(...a),
    ...createEventsSlice(...a),
    ...createCampaignsSlice(...a),
    ...createImportsSlice(...a),
    ...createUnplacedSlice(...a),
    ...createMarketSlice(...a),
    ...createTravelSlice(...a),
  }));

export const useAppStore = createAppStore();
export type AppStore = typeof useAppStore;
