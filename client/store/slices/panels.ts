// Open and closed panels: the left list panel, the layer card, and the phone bottom sheet's height.
import type { StateCreator } from 'zustand';
import type { SheetHeight } from '../types';
import type { AppState } from '../index';

export interface PanelsSlice {
  navOpen: boolean;
  layerPanelOpen: boolean;
  sheet: SheetHeight;
  setNavOpen: (open: boolean) => void;
  setLayerPanelOpen: (open: boolean) => void;
  setSheet: (sheet: SheetHeight) => void;
}

export const createPanelsSlice: StateCreator<AppState, [], [], PanelsSlice> = (set) => ({
  navOpen: true,
  layerPanelOpen: true,
  sheet: 'peek',
  setNavOpen: (navOpen) => set({ navOpen }),
  setLayerPanelOpen: (layerPanelOpen) => set({ layerPanelOpen }),
  setSheet: (sheet) => set({ sheet }),
});
