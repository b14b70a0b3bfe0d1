// Saved areas, the draft being drawn or edited, the active drawing tool, the undo history and picked neighbourhoods.
// Only the draft's geometry also lives in terra-draw (client/draw); saved areas render as an ordinary layer.
import type { WhiteSpaceAnswer } from '../../api/contract';
import type { StateCreator } from 'zustand';
import type { AreaCollection, AreaFeature } from '../../api/areas';
import type { CircleParams } from '../../draw/circle';
import type { AreaGeometry } from '../../../server/domain/schemas/geojson';
import { emptyHistory, type History } from '../history';
import { idle, type Resource } from '../types';
import type { AppState } from '../index';

export const drawTools = ['select', 'circle', 'polygon', 'freehand', 'rectangle'] as const;
export type DrawTool = (typeof drawTools)[number];
export type DraftShape = Exclude<DrawTool, 'select'>;

/** The selection id the draft is shown under (there is at most one draft). */
export const DRAFT_ID = 'draft';

export interface Draft {
  /** The saved area being edited, or null for a new shape. */
  areaId: string | null;
  /** The version the edit started from; a PATCH sends it and a stale one answers 409. */
  version: number | null;
  shape: DraftShape;
  /** Polygon for drawn shapes; circles are canonical as `circle` and this is derived from it. */
  geometry: AreaGeometry;
  circle: CircleParams | null;
  name: string;
  /** Whether the user typed the name; until then it follows the shape ("1.2 km around Kiezkaffee Moabit"). */
  named: boolean;
  /** The store a circle was made around, for its name. */
  storeName: string | null;
  color: string | null;
}

export interface AreasSlice {
  areas: Resource<AreaCollection>;
  draft: Draft | null;
  tool: DrawTool;
  history: History;
  /** Neighbourhoods picked with Shift+click, to become one boundary area. */
  boundaryPick: string[];
  setAreas: (areas: Resource<AreaCollection>) => void;
  /** Inserts or replaces areas by id (after a create, edit or restore). */
  putAreas: (features: AreaFeature[]) => void;
  dropAreas: (ids: string[]) => void;
  setDraft: (draft: Draft | null) => void;
  setTool: (tool: DrawTool) => void;
  setHistory: (history: History) => void;
  toggleBoundaryPick: (id: string) => void;
  clearBoundaryPick: () => void;
  /** Areas being compared side by side (`?cmp=`), in the order chosen; null when not comparing. */
  areaCompare: string[] | null;
  /** Opens the comparison (with these areas already chosen), or replaces its areas. */
  setAreaCompare: (ids: string[] | null) => void;
  /** Adds an area to the comparison, or takes it out; at most MAX_COMPARED_AREAS. */
  toggleComparedArea: (id: string) => void;
  /** The white-space search (`?ws=<km>`): how far from every store a hexagon must be; null when closed. */
  whiteSpace: { minStoreKm: number } | null;
  setWhiteSpace: (whiteSpace: { minStoreKm: number } | null) => void;
  /** The hexagons found, drawn on the map and listed in the panel; null before an answer. */
  whiteSpaceCells: WhiteSpaceCell[] | null;
  setWhiteSpaceCells: (cells: WhiteSpaceCell[] | null) => void;
}

export type WhiteSpaceCell = WhiteSpaceAnswer['cells'][number];

/** As many as POST /api/areas/compare takes. */
export const MAX_COMPARED_AREAS = 8;

export const createAreasSlice: StateCreator<AppState, [], [], AreasSlice> = (set, get) => ({
  areas: idle,
  draft: null,
  tool: 'select',
  history: emptyHistory,
  boundaryPick: [],
  setAreas: (areas) => set({ areas }),
  putAreas: (features) => {
    const current = get().areas.data?.features ?? [];
    const byId = new Map(features.map((f) => [f.properties.id, f]));
    const kept = current.map((f) => byId.get(f.properties.id) ?? f);
    const added = features.filter((f) => !current.some((c) => c.properties.id === f.properties.id));
    set({
      areas: {
        status: 'ready',
        data: { type: 'FeatureCollection', features: [...kept, ...added] },
        error: null,
      },
    });
  },
  dropAreas: (ids) => {
    const data = get().areas.data;
    if (!data) return;
    const gone = new Set(ids);
    set({
      areas: {
        status: 'ready',
        data: { ...data, features: data.features.filter((f) => !gone.has(f.properties.id)) },
        error: null,
      },
    });
  },
  setDraft: (draft) => set({ draft }),
  setTool: (tool) => {
    if (get().tool !== tool) set({ tool });
  },
  setHistory: (history) => set({ history }),
  toggleBoundaryPick: (id) =>
    set((s) => ({
      boundaryPick: s.boundaryPick.includes(id)
        ? s.boundaryPick.filter((b) => b !== id)
        : [...s.boundaryPick, id],
    })),
  clearBoundaryPick: () => set({ boundaryPick: [] }),
  areaCompare: null,
  setAreaCompare: (areaCompare) => set({ areaCompare }),
  toggleComparedArea: (id) =>
    set((s) => {
      const chosen = s.areaCompare ?? [];
      if (chosen.includes(id)) return { areaCompare: chosen.filter((a) => a !== id) };
      return chosen.length >= MAX_COMPARED_AREAS ? {} : { areaCompare: [...chosen, id] };
    }),
  whiteSpace: null,
  setWhiteSpace: (whiteSpace) =>
    set(whiteSpace ? { whiteSpace } : { whiteSpace, whiteSpaceCells: null }),
  whiteSpaceCells: null,
  setWhiteSpaceCells: (whiteSpaceCells) => set({ whiteSpaceCells }),
});
