// App-wide keys: runs the shortcut table in app/shortcuts (the same table the `?` dialog lists).
// Escape cancels a half-drawn shape, then closes the Details panel (inputs that use Escape themselves stop it first).
import { useEffect } from 'react';
import { drawController } from '../draw/controller';
import { removeArea } from '../features/areas/actions';
import { discardTravel, startTravelPicking } from '../features/travel/travel-actions';
import { discardDraft } from '../features/areas/draft-actions';
import { redo, undo } from '../features/areas/history-actions';
import { openEventForm } from '../features/events/form-actions';
import { can } from '../store/slices/session';
import { useAppStore, type AppStore } from '../store';
import type { DrawTool } from '../store/slices/areas';
import { SEARCH_INPUT_ID } from '../features/search/search';
import { isTypingTarget, shortcutsFor, type ShortcutId } from './shortcuts';

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
    // Closing an unsaved draft's panel discards it (an edited area goes back to how it was).
    if (selection.kind === 'draft') discardDraft(store);
    else if (selection.kind === 'travel') discardTravel(store);
    else select(null);
    return true;
  },
  toggleHeatmap: (store) => {
    const { layers, setLayers } = store.getState();
    // The heatmap is a way of showing customers: turning it on turns customers on too (the switch needs them).
    const shown = layers.heatmap && layers.customers;
    setLayers(
      shown ? { ...layers, heatmap: false } : { ...layers, heatmap: true, customers: true },
    );
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
  // Roles without events:write have no New event button; the key does nothing for them either.
  // While the form is hidden for picking a place, E does not start over.
  newEvent: (store) => store.getState().eventForm === null && openEventForm(store),
  // Roles without imports:write have no Import… button; the key does nothing for them either.
  importFile: (store) => {
    if (!can(store.getState().me, 'imports:write')) return false;
    store.getState().openImport();
    return true;
  },
  drawCircle: (store) => tool(store, 'circle'),
  drawPolygon: (store) => tool(store, 'polygon'),
  drawFreehand: (store) => tool(store, 'freehand'),
  drawRectangle: (store) => tool(store, 'rectangle'),
  drawSelect: (store) => {
    store.getState().setTravelPicking(false);
    return tool(store, 'select');
  },
  drawTravel: (store) => {
    if (!can(store.getState().me, 'areas:write')) return false;
    startTravelPicking(store);
    return true;
  },
  cancelDrawing: () => drawController()?.cancelDrawing() ?? false,
  deleteSelection: (store) => {
    const { selection } = store.getState();
    if (selection?.kind === 'draft') discardDraft(store);
    else if (selection?.kind === 'area' && can(store.getState().me, 'areas:write'))
      void removeArea(store, selection.id);
    else return false;
    return true;
  },
  undo: (store) => undo(store),
  redo: (store) => redo(store),
};

function tool(store: AppStore, name: DrawTool): boolean {
  // Viewers have no draw toolbar; their keys do not draw either.
  if (!can(store.getState().me, 'areas:write')) return false;
  store.getState().setTool(name);
  return true;
}

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
  // An open menu or popover owns Escape the same way: it closes, and nothing behind it does.
  if (event.key === 'Escape' && document.querySelector(':popover-open')) return false;
  // Escape in a text field first leaves the field: it must not discard the draft whose name is being typed.
  if (
    event.key === 'Escape' &&
    isTypingTarget(event.target) &&
    event.target instanceof HTMLElement &&
    event.target.closest('.details')
  ) {
    event.target.blur();
    return true;
  }
  const candidates = shortcutsFor({
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    shiftKey: event.shiftKey,
    altGraph: event.getModifierState?.('AltGraph') ?? false,
    repeat: event.repeat,
    target: event.target,
  });
  // Several shortcuts may share a key (Escape): the first whose action applies wins.
  const shortcut = candidates.find((s) => actions[s.id](store));
  if (!shortcut) return false;
  // Keep `/` from being typed into the search box it just focused, `?` from scrolling, Ctrl+Z from the browser.
  if (shortcut.id !== 'closeDetails') event.preventDefault();
  return true;
}

export function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => void handleShortcut(event, useAppStore);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
