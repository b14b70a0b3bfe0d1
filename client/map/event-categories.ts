// Event categories on the map and in the legend: one shape per known category (unknown ones look like "other").
import type { ShapeName } from './shapes';

export const eventCategories = [
  'festival',
  'market',
  'sports',
  'concert',
  'fair',
  'promo',
  'other',
] as const;
export type EventCategory = (typeof eventCategories)[number];

/** The shape inside the badge; null: a plain badge ("other"). */
const shapes: Record<EventCategory, ShapeName | null> = {
  festival: 'star',
  market: 'square',
  sports: 'hexagon',
  concert: 'triangle',
  fair: 'diamond',
  promo: 'circle',
  other: null,
};

export const EVENT_ICON_PREFIX = 'event-';

export const knownCategory = (category: string): EventCategory =>
  (eventCategories as readonly string[]).includes(category) ? (category as EventCategory) : 'other';

export const eventShape = (category: string): ShapeName | null => shapes[knownCategory(category)];

/** Whether a category has its own name in the catalogs (`data.eventCategory.<name>`); others show as typed. */
export const isKnownCategory = (category: string): category is EventCategory =>
  (eventCategories as readonly string[]).includes(category);
