// Open and closed panels: the left list panel, the layer card, the phone bottom sheet's height, the shortcuts,
// change-password and workspace settings dialogs.
import type { StateCreator } from 'zustand';
import type { SheetHeight } from '../types';
import type { AppState } from '../index';

/** The workspace settings view's tabs, in order; the open tab is in the URL as `?admin=<tab>`. */
export const adminTabs = ['users', 'tokens', 'audit', 'privacy', 'webhooks', 'data'] as const;
export type AdminTab = (typeof adminTabs)[number];

export interface PanelsSlice {
  navOpen: boolean;
  layerPanelOpen: boolean;
  sheet: SheetHeight;
  /** The `?` dialog. Not in the URL: help is not state worth sharing. */
  shortcutsOpen: boolean;
  /** The change-password dialog. Not in the URL either. */
  passwordOpen: boolean;
  /** The workspace settings view and its tab (`?admin=users`); null when closed. */
  adminTab: AdminTab | null;
  setNavOpen: (open: boolean) => void;
  setLayerPanelOpen: (open: boolean) => void;
  setSheet: (sheet: SheetHeight) => void;
  setShortcutsOpen: (open: boolean) => void;
  setPasswordOpen: (open: boolean) => void;
  setAdminTab: (tab: AdminTab | null) => void;
}

export const createPanelsSlice: StateCreator<AppState, [], [], PanelsSlice> = (set) => ({
  navOpen: true,
  layerPanelOpen: false,
  sheet: 'peek',
  shortcutsOpen: false,
  passwordOpen: false,
  adminTab: null,
  setNavOpen: (navOpen) => set({ navOpen }),
  setLayerPanelOpen: (layerPanelOpen) => set({ layerPanelOpen }),
  setSheet: (sheet) => set({ sheet }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setPasswordOpen: (passwordOpen) => set({ passwordOpen }),
  setAdminTab: (adminTab) => set({ adminTab }),
});
