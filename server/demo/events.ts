// A dozen fake local events at real-ish Berlin venues around `today`, and the calendar arithmetic the generator shares.
import type { LocalEvent } from '../domain/schemas/event.js';
import type { LngLat } from './city.js';
import type { Random } from './random.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` string; throws on anything else (a programming error here). */
export function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== day
  ) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${day}`);
  }
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` that lies `offsetDays` after `day` (negative: before). */
export function addDays(day: string, offsetDays: number): string {
  return new Date((dayNumber(day) + offsetDays) * DAY_MS).toISOString().slice(0, 10);
}

/** UTC instant of a Europe/Berlin wall-clock time; EU rule: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC. */
export function berlinToUtc(day: string, hour: number): string {
  const wallMs = dayNumber(day) * DAY_MS + hour * 3_600_000;
  const year = Number(day.slice(0, 4));
  const summerFrom = lastSundayUtc(year, 2) + 3_600_000;
  const summerTo = lastSundayUtc(year, 9) + 3_600_000;
  const asWinter = wallMs - 3_600_000;
  const offsetHours = asWinter >= summerFrom && asWinter < summerTo ? 2 : 1;
  return new Date(wallMs - offsetHours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

function lastSundayUtc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return last.getTime() - last.getUTCDay() * DAY_MS;
}

interface EventTemplate {
  name: string;
  category: string;
  at: LngLat;
  attendance: number;
  startHour: number;
  hours: number;
  /** ISO weekday it usually falls on (1 = Monday); absent: any day. */
  weekday?: number;
  /** Months (1–12) it happens in; absent: all year. Seasonal ones are chosen first. */
  months?: number[];
}

const TEMPLATES: EventTemplate[] = [
  {
    name: 'Christmas market at Gendarmenmarkt',
    category: 'market',
    at: [13.3928, 52.5138],
    attendance: 15000,
    startHour: 12,
    hours: 24 * 20 + 10,
    months: [11, 12],
  },
  {
    name: 'Christmas market in Spandau old town',
    category: 'market',
    at: [13.2048, 52.537],
    attendance: 9000,
    startHour: 11,
    hours: 24 * 24 + 9,
    months: [11, 12],
  },
  {
    name: 'Winter festival at Potsdamer Platz',
    category: 'festival',
    at: [13.3755, 52.5096],
    attendance: 8000,
    startHour: 11,
    hours: 24 * 40 + 11,
    months: [11, 12, 1],
  },
  {
    name: 'Christmas market in Köpenick old town',
    category: 'market',
    at: [13.5748, 52.445],
    attendance: 5000,
    startHour: 14,
    hours: 24 * 3 + 7,
    months: [12],
  },
  {
    name: 'Carnival of cultures in Kreuzberg',
    category: 'festival',
    at: [13.395, 52.4975],
    attendance: 100000,
    startHour: 11,
    hours: 24 * 3 + 11,
    months: [5, 6],
  },
  {
    name: 'Open-air cinema in Volkspark Friedrichshain',
    category: 'festival',
    at: [13.437, 52.528],
    attendance: 1500,
    startHour: 20,
    hours: 3,
    months: [6, 7, 8],
  },
  {
    name: 'Summer festival on Tempelhofer Feld',
    category: 'festival',
    at: [13.401, 52.475],
    attendance: 20000,
    startHour: 12,
    hours: 24 + 11,
    months: [7, 8],
  },
  {
    name: 'Festival of lights at the Brandenburg Gate',
    category: 'festival',
    at: [13.3777, 52.5163],
    attendance: 50000,
    startHour: 19,
    hours: 24 * 9 + 5,
    months: [9, 10],
  },
  {
    name: 'Cherry blossom festival in the Gardens of the World',
    category: 'festival',
    at: [13.577, 52.539],
    attendance: 8000,
    startHour: 10,
    hours: 8,
    months: [4, 5],
  },
  {
    name: 'Football: home match at the Olympiastadion',
    category: 'sports',
    at: [13.2395, 52.5147],
    attendance: 55000,
    startHour: 15,
    hours: 3,
    weekday: 6,
  },
  {
    name: 'Flea market at Mauerpark',
    category: 'market',
    at: [13.4026, 52.5434],
    attendance: 15000,
    startHour: 10,
    hours: 8,
    weekday: 7,
  },
  {
    name: 'Street food Thursday at Markthalle Neun',
    category: 'street food',
    at: [13.4318, 52.5023],
    attendance: 3000,
    startHour: 17,
    hours: 5,
    weekday: 4,
  },
  {
    name: 'Indie concert at Columbiahalle',
    category: 'concert',
    at: [13.3862, 52.4854],
    attendance: 3500,
    startHour: 20,
    hours: 3,
  },
  {
    name: 'Arena concert at Mercedes-Platz',
    category: 'concert',
    at: [13.4433, 52.5058],
    attendance: 15000,
    startHour: 20,
    hours: 3,
    weekday: 5,
  },
  {
    name: 'Trade fair at Messe Berlin',
    category: 'fair',
    at: [13.27, 52.503],
    attendance: 40000,
    startHour: 9,
    hours: 24 * 2 + 9,
    weekday: 3,
  },
  {
    name: 'Turkish market at Maybachufer',
    category: 'market',
    at: [13.4295, 52.4938],
    attendance: 6000,
    startHour: 11,
    hours: 7,
    weekday: 2,
  },
  {
    name: 'Design market at Kulturbrauerei',
    category: 'market',
    at: [13.4132, 52.5389],
    attendance: 4000,
    startHour: 11,
    hours: 7,
    weekday: 6,
  },
  {
    name: 'Long night of the museums on Museumsinsel',
    category: 'festival',
    at: [13.3977, 52.5208],
    attendance: 30000,
    startHour: 18,
    hours: 8,
    weekday: 6,
  },
  {
    name: 'Basketball: home game at Max-Schmeling-Halle',
    category: 'sports',
    at: [13.4045, 52.543],
    attendance: 8000,
    startHour: 18,
    hours: 3,
    weekday: 7,
  },
  {
    name: 'Charity run on Tempelhofer Feld',
    category: 'sports',
    at: [13.405, 52.4735],
    attendance: 4000,
    startHour: 10,
    hours: 4,
    weekday: 7,
  },
  {
    name: 'Vintage fair at Arena Berlin in Treptow',
    category: 'fair',
    at: [13.4533, 52.4968],
    attendance: 6000,
    startHour: 11,
    hours: 7,
    weekday: 6,
  },
];

/**
 * Twelve events in the weeks around `today` (from a week before to five weeks after), in season.
 * @example generateEvents({ today: '2026-11-23', random })[0].timezone // 'Europe/Berlin'
 */
/** The categories the demo's events carry, as stored. */
export const DEMO_EVENT_CATEGORIES = [...new Set(TEMPLATES.map((t) => t.category))];

export function generateEvents(options: {
  today: string;
  random: Random;
  count?: number;
}): LocalEvent[] {
  const { today, random } = options;
  const month = Number(today.slice(5, 7));
  const seasonal = TEMPLATES.filter((t) => t.months?.includes(month));
  const allYear = TEMPLATES.filter((t) => !t.months);
  const chosen = [...seasonal, ...allYear].slice(0, options.count ?? 12);
  const events = chosen.map((t): Omit<LocalEvent, 'id'> => {
    let day = addDays(today, t.months ? random.int(-7, 3) : random.int(-7, 35));
    if (t.weekday) day = addDays(day, (t.weekday - isoWeekday(day) + 7) % 7);
    const startsAt = berlinToUtc(day, t.startHour);
    const endsAt = new Date(Date.parse(startsAt) + t.hours * 3_600_000)
      .toISOString()
      .replace('.000Z', 'Z');
    const attendance = Math.round((t.attendance * (0.8 + 0.4 * random.next())) / 100) * 100;
    return {
      name: t.name,
      category: t.category,
      location: t.at,
      startsAt,
      endsAt,
      timezone: 'Europe/Berlin',
      expectedAttendance: attendance,
      source: 'demo',
      status: null,
    };
  });
  return events
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.name.localeCompare(b.name))
    .map((e, i) => ({ id: `ev-${String(i + 1).padStart(2, '0')}`, ...e }));
}

function isoWeekday(day: string): number {
  // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps days before 1970 right.
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}
