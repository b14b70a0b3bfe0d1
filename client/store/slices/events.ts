// Events in the chosen date range, the range and category filter of the timeline, and the event being placed on the map.
import type { StateCreator } from 'zustand';
import type { EventCollection, EventFeature, EventImportResult } from '../../api/types';
import type { FieldError } from '../../api/problem';
import type { RangePreset } from '../../features/events/timeline';
import { idle, type Resource } from '../types';
import type { AppState } from '../index';

/** The last calendar import from the Events panel: running, what it did, or why the file was refused. */
export type EventImportState =
  | { status: 'idle' }
  | { status: 'running'; fileName: string }
  | { status: 'done'; fileName: string; result: EventImportResult }
  | { status: 'error'; fileName: string; title: string; errors: FieldError[] };

export interface EventsSlice {
  events: Resource<EventCollection>;
  eventRange: RangePreset;
  /** Only this category in the list (the map shows the same events); null for all. */
  eventCategory: string | null;
  /** The event whose place the next map click sets; Escape cancels. */
  placingEvent: string | null;
  eventImport: EventImportState;
  setEventImport: (state: EventImportState) => void;
  setEvents: (events: Resource<EventCollection>) => void;
  /** Replaces one event by id (after an edit), keeping the list's order. */
  putEvent: (feature: EventFeature) => void;
  setEventRange: (range: RangePreset) => void;
  setEventCategory: (category: string | null) => void;
  setPlacingEvent: (id: string | null) => void;
}

export const createEventsSlice: StateCreator<AppState, [], [], EventsSlice> = (set, get) => ({
  events: idle,
  eventRange: 'next90',
  eventCategory: null,
  placingEvent: null,
  eventImport: { status: 'idle' },
  setEventImport: (eventImport) => set({ eventImport }),
  setEvents: (events) => set({ events }),
  putEvent: (feature) => {
    const { events } = get();
    if (events.status !== 'ready') return;
    const features = events.data.features.map((f) => (f.id === feature.id ? feature : f));
    set({ events: { status: 'ready', data: { ...events.data, features }, error: null } });
  },
  setEventRange: (eventRange) => set({ eventRange }),
  setEventCategory: (eventCategory) => set({ eventCategory }),
  setPlacingEvent: (placingEvent) => set({ placingEvent }),
});
