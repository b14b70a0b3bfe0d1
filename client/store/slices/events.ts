// Events in the chosen date range, the range and category filter of the timeline, and the event being placed on the map.
import type { StateCreator } from 'zustand';
import type { AreaGeometry } from '../../../server/domain/schemas/geojson';
import type {
  EventCollection,
  EventFeature,
  EventFeed,
  EventImportResult,
} from '../../api/contract';
import type { FieldError } from '../../api/problem';
import type { EventStatus } from '../../../server/domain/schemas/event';
import { idle, type Resource } from '../types';
import type { AppState } from '../index';

/** The last calendar import from the Events panel: running, what it did, or why the file was refused. */
export type EventImportState =
  | { status: 'idle' }
  | { status: 'running'; fileName: string }
  | { status: 'done'; fileName: string; result: EventImportResult }
  | { status: 'error'; fileName: string; title: string; errors: FieldError[] };

/** The timeline's date ranges: this week, this month, the next 90 days. */
export const rangePresets = ['week', 'month', 'next90'] as const;
export type RangePreset = (typeof rangePresets)[number];

/** The event form as the inputs hold it (features/events/event-form turns it into API bodies). */
export interface EventDraft {
  name: string;
  category: string;
  timezone: string;
  allDay: boolean;
  /** `YYYY-MM-DDTHH:mm` in `timezone`, or `YYYY-MM-DD` (first day) when all-day. */
  start: string;
  /** `YYYY-MM-DDTHH:mm` in `timezone`, or `YYYY-MM-DD` (last day, inclusive) when all-day. */
  end: string;
  attendance: string;
  status: EventStatus | '';
  budget: string;
  notes: string;
  locationText: string;
  lat: string;
  lng: string;
}

/**
 * The new-event / edit-event form: the draft lives here, not in the dialog, because picking a place on the map
 * closes the dialog (a modal makes the map inert) and opening it again must show the same draft.
 */
export interface EventFormState {
  /** The event being edited, as read when the form opened (its version goes with the PATCH); null for a new one. */
  event: EventFeature | null;
  draft: EventDraft;
  /** The draft as the form opened: a close while `draft` differs asks before it discards (ui/Dialog). */
  opened: EventDraft;
  /** While true the dialog is hidden and the next map click sets the draft's coordinates; Escape cancels. */
  picking: boolean;
}

export interface EventsSlice {
  events: Resource<EventCollection>;
  eventRange: RangePreset;
  /** Only this category in the list (the map shows the same events); null for all. */
  eventCategory: string | null;
  /** The event whose place the next map click sets; Escape cancels. */
  placingEvent: string | null;
  eventImport: EventImportState;
  setEventImport: (state: EventImportState) => void;
  /** The calendar feeds the server keeps in sync (loaded for roles that may import). */
  eventFeeds: Resource<EventFeed[]>;
  setEventFeeds: (feeds: Resource<EventFeed[]>) => void;
  /** Replaces one feed by id (after a sync), keeping the list's order. */
  putEventFeed: (feed: EventFeed) => void;
  setEvents: (events: Resource<EventCollection>) => void;
  /** Replaces one event by id (after an edit), keeping the list's order; a new one goes in by its start. */
  putEvent: (feature: EventFeature) => void;
  dropEvent: (id: string) => void;
  eventForm: EventFormState | null;
  setEventForm: (form: EventFormState | null) => void;
  /** Sets the draft's coordinates from a map click and shows the form again. */
  pickEventFormPlace: (lngLat: [number, number]) => void;
  setEventRange: (range: RangePreset) => void;
  setEventCategory: (category: string | null) => void;
  setPlacingEvent: (id: string | null) => void;
  /** The walking radius an event's reach is counted in (the Details slider; the map draws it around the selected event). */
  eventReachMeters: number;
  setEventReachMeters: (meters: number) => void;
  /** Minutes on foot when the reach is counted by walking time instead of metres; null for metres. */
  eventReachWalkMinutes: number | null;
  setEventReachWalkMinutes: (minutes: number | null) => void;
  /** The walk the server counted over (drawn instead of the circle), or null while it is not known. */
  eventReachArea: AreaGeometry | null;
  setEventReachArea: (area: AreaGeometry | null) => void;
  /** Comparing candidate pop-up sites: the points clicked so far (at most 5) and the radius; null when not comparing. */
  siteCompare: SiteCompare | null;
  startSiteCompare: () => void;
  /** Adds a clicked point while picking; ignored past the fifth. */
  addSitePoint: (point: [number, number]) => void;
  removeLastSitePoint: () => void;
  setSiteRadius: (withinMeters: number) => void;
  /** Stops picking points (the comparison stays open). */
  finishSitePicking: () => void;
  stopSiteCompare: () => void;
  /** The index of the best site in the last answered comparison (ringed on the map); null until then. */
  siteBest: number | null;
  setSiteBest: (index: number | null) => void;
}

export const MAX_SITES = 5;
/** A walking radius: about ten minutes on foot. The server's default for an event's reach too. */
export const DEFAULT_REACH_METERS = 800;
export const MIN_SITES = 2;

export interface SiteCompare {
  /** Map clicks add points while true. */
  picking: boolean;
  points: [number, number][];
  withinMeters: number;
}

export const createEventsSlice: StateCreator<AppState, [], [], EventsSlice> = (set, get) => ({
  events: idle,
  eventRange: 'next90',
  eventCategory: null,
  placingEvent: null,
  eventImport: { status: 'idle' },
  setEventImport: (eventImport) => set({ eventImport }),
  eventFeeds: idle,
  setEventFeeds: (eventFeeds) => set({ eventFeeds }),
  putEventFeed: (feed) => {
    const { eventFeeds } = get();
    if (eventFeeds.status !== 'ready') return;
    set({
      eventFeeds: {
        status: 'ready',
        data: eventFeeds.data.map((f) => (f.id === feed.id ? feed : f)),
        error: null,
      },
    });
  },
  setEvents: (events) => set({ events }),
  putEvent: (feature) => {
    const { events } = get();
    if (events.status !== 'ready') return;
    const known = events.data.features.some((f) => f.id === feature.id);
    const features = known
      ? events.data.features.map((f) => (f.id === feature.id ? feature : f))
      : [...events.data.features, feature].sort(
          (a, b) => Date.parse(a.properties.startsAt) - Date.parse(b.properties.startsAt),
        );
    set({ events: { status: 'ready', data: { ...events.data, features }, error: null } });
  },
  dropEvent: (id) => {
    const { events, placingEvent } = get();
    if (events.status !== 'ready') return;
    const features = events.data.features.filter((f) => f.id !== id);
    set({
      events: { status: 'ready', data: { ...events.data, features }, error: null },
      placingEvent: placingEvent === id ? null : placingEvent,
    });
  },
  eventForm: null,
  setEventForm: (eventForm) =>
    set(
      eventForm?.picking
        ? { eventForm, placingEvent: null, siteCompare: null, siteBest: null }
        : { eventForm },
    ),
  pickEventFormPlace: ([lng, lat]) => {
    const form = get().eventForm;
    if (!form?.picking) return;
    // Six decimals: about 10 cm, more than a map click can mean.
    const fixed = (n: number) => String(Number(n.toFixed(6)));
    set({
      eventForm: {
        ...form,
        picking: false,
        draft: { ...form.draft, lat: fixed(lat), lng: fixed(lng) },
      },
    });
  },
  setEventRange: (eventRange) => set({ eventRange }),
  setEventCategory: (eventCategory) => set({ eventCategory }),
  setPlacingEvent: (placingEvent) =>
    set(placingEvent ? { placingEvent, placingImport: null } : { placingEvent }),
  eventReachMeters: DEFAULT_REACH_METERS,
  setEventReachMeters: (eventReachMeters) => set({ eventReachMeters }),
  eventReachWalkMinutes: null,
  setEventReachWalkMinutes: (eventReachWalkMinutes) =>
    set({ eventReachWalkMinutes, eventReachArea: null }),
  eventReachArea: null,
  setEventReachArea: (eventReachArea) => set({ eventReachArea }),
  siteCompare: null,
  siteBest: null,
  setSiteBest: (siteBest) => set({ siteBest }),
  startSiteCompare: () =>
    set({
      siteCompare: { picking: true, points: [], withinMeters: DEFAULT_REACH_METERS },
      siteBest: null,
      placingEvent: null,
    }),
  addSitePoint: (point) => {
    const current = get().siteCompare;
    if (!current?.picking || current.points.length >= MAX_SITES) return;
    set({ siteCompare: { ...current, points: [...current.points, point] }, siteBest: null });
  },
  removeLastSitePoint: () => {
    const current = get().siteCompare;
    if (!current || current.points.length === 0) return;
    set({
      siteCompare: { ...current, picking: true, points: current.points.slice(0, -1) },
      siteBest: null,
    });
  },
  setSiteRadius: (withinMeters) => {
    const current = get().siteCompare;
    if (current) set({ siteCompare: { ...current, withinMeters }, siteBest: null });
  },
  finishSitePicking: () => {
    const current = get().siteCompare;
    if (current?.picking) set({ siteCompare: { ...current, picking: false } });
  },
  stopSiteCompare: () => set({ siteCompare: null, siteBest: null }),
});
