// Event categories on the map and in the legend: one shape per known category (unknown ones look like "other").
import type { ShapeName } from './shapes';

export const eventCategories = ['festival', 'market', 'sports', 'concert', 'fair', 'promo', 'other'] as const;
export type EventCategory = (typeof eventCategories)[number];

const shapes: Record<EventCategory, ShapeName> = {
  festival: 'star',
  market: 'square',
  sports: 'hexagon',
  concert: 'triangle',
  fair: 'diamond',
  promo: 'circle',
  other: 'circle',
};

export const EVENT_ICON_PREFIX = 'event-';

export const knownCategory = (category: string): EventCategory =>
  (eventCategories as readonly string[]).includes(category) ? (category as EventCategory) : 'other';

export const eventShape = (category: string): ShapeName => shapes[knownCategory(category)];
