// What is selected (shown in the Details panel, highlighted on the map) and what the pointer is over.
import type { StateCreator } from 'zustand';
import type { Selection } from '../types';
import type { AppState } from '../index';

export interface SelectionSlice {
  selection: Selection | null;
  hover: Selection | null;
  select: (selection: Selection | null) => void;
  setHover: (hover: Selection | null) => void;
}

const same = (a: Selection | null, b: Selection | null) => a?.kind === b?.kind && a?.id === b?.id;

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  hover: null,
  select: (selection) => {
    if (!same(get().selection, selection)) set({ selection });
  },
  setHover: (hover) => {
    if (!same(get().hover, hover)) set({ hover });
  },
});
