// Open and closed panels: the left list panel, the layer card, the phone bottom sheet's height and the shortcuts dialog.
import type { StateCreator } from 'zustand';
import type { SheetHeight } from '../types';
import type { AppState } from '../index';

export interface PanelsSlice {
  navOpen: boolean;
  layerPanelOpen: boolean;
  sheet: SheetHeight;
  /** The `?` dialog. Not in the URL: help is not state worth sharing. */
  shortcutsOpen: boolean;
  setNavOpen: (open: boolean) => void;
  setLayerPanelOpen: (open: boolean) => void;
  setSheet: (sheet: SheetHeight) => void;
  setShortcutsOpen: (open: boolean) => void;
}

export const createPanelsSlice: StateCreator<AppState, [], [], PanelsSlice> = (set) => ({
  navOpen: true,
  layerPanelOpen: true,
  sheet: 'peek',
  shortcutsOpen: false,
  setNavOpen: (navOpen) => set({ navOpen }),
  setLayerPanelOpen: (layerPanelOpen) => set({ layerPanelOpen }),
  setSheet: (sheet) => set({ sheet }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
