// App-wide keys: runs the shortcut table in app/shortcuts (the same table the `?` dialog lists).
// Escape closes the Details panel (inputs that use Escape themselves stop it first).
import { useEffect } from 'react';
import { useAppStore, type AppStore } from '../store';
import { SEARCH_INPUT_ID } from '../features/search/search';
import { shortcutFor, type ShortcutId } from './shortcuts';

/** What each shortcut does. A Record, so a shortcut added to the table without an action fails to compile. */
const actions: Record<ShortcutId, (store: AppStore) => boolean> = {
  showShortcuts: (store) => {
    store.getState().setShortcutsOpen(true);
    return true;
  },
  focusSearch: () => {
    const input = document.getElementById(SEARCH_INPUT_ID);
    if (!(input instanceof HTMLInputElement)) return false;
    input.focus();
    input.select();
    return true;
  },
  toggleNav: (store) => {
    const { navOpen, setNavOpen } = store.getState();
    setNavOpen(!navOpen);
    return true;
  },
  toggleLayerPanel: (store) => {
    const { layerPanelOpen, setLayerPanelOpen } = store.getState();
    setLayerPanelOpen(!layerPanelOpen);
    return true;
  },
  closeDetails: (store) => {
    const { selection, select } = store.getState();
    if (!selection) return false;
    select(null);
    return true;
  },
  toggleHeatmap: (store) => {
    const { layers, setLayers } = store.getState();
    // The heatmap is a way of showing customers: turning it on turns customers on too (the switch needs them).
    const shown = layers.heatmap && layers.customers;
    setLayers(shown ? { ...layers, heatmap: false } : { ...layers, heatmap: true, customers: true });
    return true;
  },
  toggleBoundaries: (store) => toggle(store, 'boundaries'),
  toggleStores: (store) => toggle(store, 'stores'),
  toggleCustomers: (store) => toggle(store, 'customers'),
  fitCity: (store) => {
    const { config, flyTo } = store.getState();
    const bbox = config.data?.workspace.bbox;
    if (!bbox) return false;
    flyTo({ bbox });
    return true;
  },
};

function toggle(store: AppStore, name: 'boundaries' | 'stores' | 'customers'): boolean {
  store.getState().toggleLayer(name);
  return true;
}

/** Runs the shortcut a key press means; returns whether it did something. */
export function handleShortcut(event: KeyboardEvent, store: AppStore): boolean {
  if (event.defaultPrevented) return false;
  // A modal dialog (the shortcut list) owns the keyboard; Escape closes it natively. Asked of the DOM, not the
  // store: the dialog's close event (which updates the store) arrives a task after the dialog has closed.
  if (document.querySelector('dialog:modal')) return false;
  if (event.target instanceof Element && event.target.closest('dialog')) return false;
  const shortcut = shortcutFor({
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    altGraph: event.getModifierState?.('AltGraph') ?? false,
    repeat: event.repeat,
    target: event.target,
  });
  if (!shortcut) return false;
  const done = actions[shortcut.id](store);
  // Keep `/` from being typed into the search box it just focused, and `?` from scrolling anything.
  if (done && shortcut.id !== 'closeDetails') event.preventDefault();
  return done;
}

export function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => void handleShortcut(event, useAppStore);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
