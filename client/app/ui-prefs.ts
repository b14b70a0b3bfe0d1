// Layout choices remembered on this device (not in the URL: they are the viewer's habit, not state worth sharing).
const LAYER_PANEL_KEY = 'catchment.layerPanel';

/** Whether the Layers card was left open. It starts folded: the map is what a first visit should see. */
export function readLayerPanelOpen(): boolean {
  try {
    return localStorage.getItem(LAYER_PANEL_KEY) === 'open';
  } catch {
    return false; // Storage can be disabled; the card then starts folded every time.
  }
}

export function rememberLayerPanelOpen(open: boolean): void {
  try {
    localStorage.setItem(LAYER_PANEL_KEY, open ? 'open' : 'closed');
  } catch {
    // Not remembered; the card still opens and closes.
  }
}
