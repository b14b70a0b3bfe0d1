// What the rest of the app may ask of terra-draw, without importing it (it loads with the map's chunk).
// The draw bridge registers itself here; keyboard shortcuts and the toolbar call through it.

export interface DrawController {
  /** Whether a shape is half drawn (a polygon with some points, a circle being dragged). */
  isDrawing: () => boolean;
  /** Drops the half-drawn shape; false when there was none. */
  cancelDrawing: () => boolean;
  /** terra-draw's own history: points while drawing, vertex edits of the draft. */
  canUndo: () => boolean;
  canRedo: () => boolean;
  undo: () => boolean;
  redo: () => boolean;
}

let current: DrawController | null = null;

export function setDrawController(controller: DrawController | null): void {
  current = controller;
}

export function drawController(): DrawController | null {
  return current;
}
