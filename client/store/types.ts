// Shapes shared by the store slices, the URL state and the map sync.
import type { ProblemError } from '../api/problem';

/** Kinds a link can name (`?sel=kind:id`). */
export const selectionKinds = [
  'store',
  'boundary',
  'customer',
  'area',
  'event',
  'campaign',
] as const;
/** Plus the unsaved draft and travel-time preview, which exist only in this tab and so never go into the URL. */
export type SelectionKind = (typeof selectionKinds)[number] | 'draft' | 'travel';
export interface Selection {
  kind: SelectionKind;
  id: string;
}

export const layerNames = ['boundaries', 'stores', 'customers', 'heatmap', 'events'] as const;
export type LayerName = (typeof layerNames)[number];
export type LayerVisibility = Record<LayerName, boolean>;
export const defaultLayers: LayerVisibility = {
  boundaries: true,
  stores: true,
  customers: true,
  heatmap: false,
  events: true,
};

/** Something fetched: not yet asked, on its way, there, or failed with a problem to show. */
export type Resource<T> =
  | { status: 'idle' | 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ProblemError | Error };

export const idle = { status: 'idle', data: null, error: null } as const;

/** Where the camera should go next; `id` makes two requests for the same place distinct. */
/** Where the camera goes: a point (zoomed in to at least `zoom`) or a box; `reveal` moves only if part of it is hidden. */
export type CameraTarget =
  | { center: [number, number]; zoom?: number }
  | { bbox: [number, number, number, number]; reveal?: boolean };
export interface CameraRequest {
  id: number;
  target: CameraTarget;
}

export type BasemapMode = 'pending' | 'online' | 'archive' | 'offline';
export type OfflineReason = 'unset' | 'timeout' | 'failed';
export interface BasemapState {
  mode: BasemapMode;
  reason: OfflineReason | null;
  /** A short technical cause ("HTTP 404", "not a style") for the badge's title. */
  detail: string | null;
}

/** The phone sheet's resting heights, lowest first: 'min' is its handle alone, the map all but whole. */
export type SheetHeight = 'min' | 'peek' | 'half' | 'full';

export interface Toast {
  id: number;
  /** Errors and successes stay until dismissed (an import's outcome must not slip by); notices leave on their own. */
  tone: 'error' | 'info' | 'success';
  title: string;
  detail: string;
  /** A button in the toast (an import's "Show report"); pressing it also dismisses the toast. */
  action?: { label: string; run: () => void };
}
