// A local event (festival, market, match…) or one of the business's own promo events.
import { z } from 'zod';

export const eventSources = ['manual', 'ics', 'demo'] as const;
export const eventStatuses = ['planned', 'confirmed', 'done'] as const;

export interface LocalEvent {
  id: string;
  name: string;
  category: string;
  location: [number, number];
  startsAt: string;
  endsAt: string;
  timezone: string;
  expectedAttendance: number | null;
  source: (typeof eventSources)[number];
  status: (typeof eventStatuses)[number] | null;
}

export const eventProperties = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timezone: z.string(),
    expectedAttendance: z.number().int().nullable(),
    source: z.enum(eventSources),
    status: z.enum(eventStatuses).nullable(),
  })
  .meta({ id: 'EventProperties' });
