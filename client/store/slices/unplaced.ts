// "Needs a place" for imported rows: the list (first page) and the row being placed by a click on the map.
import type { StateCreator } from 'zustand';
import type { UnplacedItem, UnplacedList } from '../../../server/domain/schemas/unplaced';
import type { AppState } from '../index';
import type { Resource } from '../types';

export interface UnplacedSlice {
  unplaced: Resource<UnplacedList>;
  /** The imported row the next map click places. */
  placingImport: Pick<UnplacedItem, 'kind' | 'id' | 'name'> | null;
  setUnplaced: (unplaced: Resource<UnplacedList>) => void;
  setPlacingImport: (row: UnplacedSlice['placingImport']) => void;
}

export const createUnplacedSlice: StateCreator<AppState, [], [], UnplacedSlice> = (set) => ({
  unplaced: { status: 'idle', data: null, error: null },
  placingImport: null,
  setUnplaced: (unplaced) => set({ unplaced }),
  // Placing an imported row and placing an event are one mode: starting one stops the other.
  setPlacingImport: (placingImport) =>
    set(placingImport ? { placingImport, placingEvent: null } : { placingImport }),
});
