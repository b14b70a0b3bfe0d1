// The audience segment: one filter over customer attributes that every audience panel applies (and the URL keeps).
// Only valid segments live here: the segment builder validates its fields with the shared schema before setting one.
import type { StateCreator } from 'zustand';
import type { Segment } from '../../../server/domain/schemas/segment';
import type { AppState } from '../index';

export interface SegmentSlice {
  segment: Segment;
  setSegment: (segment: Segment) => void;
  clearSegment: () => void;
}

export const createSegmentSlice: StateCreator<AppState, [], [], SegmentSlice> = (set) => ({
  segment: {},
  setSegment: (segment) => set({ segment }),
  clearSegment: () => set({ segment: {} }),
});
