// The what-if question an area's panel asks ("rain here from 07:00 to 11:00 tomorrow", or "rain and cold", for
// campaigns whose triggers must all hold) as the API's request: one hypothetical weather cell over the area's
// bounding box setting every chosen condition, in local times of the viewer's time zone.
import type { WhatIfRequest } from '../../api/contract';
import type { SiUnit } from '../../i18n/units';
import { addDays, dayKey, localToUtc } from '../../../server/domain/time';

export const whatIfConditions = ['rain', 'snow', 'heat', 'cold', 'wind'] as const;
export type WhatIfCondition = (typeof whatIfConditions)[number];

/** What each condition sets, and a value that makes the usual triggers fire. */
export const whatIfValues: Record<
  WhatIfCondition,
  {
    field: 'precipitationMmH' | 'snowfallCmH' | 'temperatureC' | 'windKmh';
    /** The SI unit the API takes; the field shows the workspace's units. */
    unit: SiUnit;
    value: number;
  }
> = {
  rain: { field: 'precipitationMmH', unit: 'mm/h', value: 2.5 },
  snow: { field: 'snowfallCmH', unit: 'cm/h', value: 1 },
  heat: { field: 'temperatureC', unit: '°C', value: 32 },
  cold: { field: 'temperatureC', unit: '°C', value: -5 },
  wind: { field: 'windKmh', unit: 'km/h', value: 60 },
};

export interface WhatIfWeather {
  condition: WhatIfCondition;
  value: number;
}

/** At most this many conditions at once: one per weather field (heat and cold both set the temperature). */
export const MAX_WHAT_IF_CONDITIONS = 4;

export interface WhatIfForm {
  /** At least one; no two setting the same field. */
  conditions: WhatIfWeather[];
  /** Local calendar day, YYYY-MM-DD, and local times HH:MM (to may be 24:00). */
  day: string;
  from: string;
  to: string;
}

/** Tomorrow 07:00–11:00 in `timeZone`, rain at 2.5 mm/h: the question most people ask first. */
export function defaultWhatIf(now: Date, timeZone: string): WhatIfForm {
  const day = dayKey(new Date(now.getTime() + 86_400_000), timeZone);
  return {
    conditions: [{ condition: 'rain', value: whatIfValues.rain.value }],
    day,
    from: '07:00',
    to: '11:00',
  };
}

/** The conditions a row may switch to: its own, and those setting a field no other row sets. */
export function conditionChoices(conditions: WhatIfWeather[], row: number): WhatIfCondition[] {
  const taken = new Set(
    conditions.filter((_, i) => i !== row).map((c) => whatIfValues[c.condition].field),
  );
  return whatIfConditions.filter((c) => !taken.has(whatIfValues[c].field));
}

/** The form with one more condition (the first free one, at its usual value), or unchanged when none is free. */
export function addCondition(form: WhatIfForm): WhatIfForm {
  const free = conditionChoices(form.conditions, -1)[0];
  if (!free || form.conditions.length >= MAX_WHAT_IF_CONDITIONS) return form;
  return {
    ...form,
    conditions: [...form.conditions, { condition: free, value: whatIfValues[free].value }],
  };
}

/**
 * The request for the area's bbox, or the name of the field that is wrong.
 * @example whatIfRequest(form, 'ar-1', [13.3, 52.4, 13.5, 52.6], 'Europe/Berlin') // { ok: true, request: { cells: [...], from, to, stepMinutes: 60, areaIds } }
 */
export function whatIfRequest(
  form: WhatIfForm,
  areaId: string,
  bbox: [number, number, number, number],
  timeZone: string,
):
  | { ok: true; request: WhatIfRequest }
  | { ok: false; field: 'value' | 'day' | 'from' | 'to'; row?: number } {
  const badValue = form.conditions.findIndex((c) => !Number.isFinite(c.value));
  if (badValue >= 0) return { ok: false, field: 'value', row: badValue };
  const from = localToUtc(`${form.day}T${form.from}`, timeZone);
  if (!from) return { ok: false, field: /^\d{4}-\d{2}-\d{2}$/.test(form.day) ? 'from' : 'day' };
  const to =
    form.to === '24:00'
      ? localToUtc(`${addDays(form.day, 1)}T00:00`, timeZone)
      : localToUtc(`${form.day}T${form.to}`, timeZone);
  if (!to || Date.parse(to) <= Date.parse(from)) return { ok: false, field: 'to' };
  const set = Object.fromEntries(
    form.conditions.map((c) => [whatIfValues[c.condition].field, c.value]),
  );
  // Triggers read whole hours: widen the window to the hours it touches so the preview matches what would happen.
  const fromHour = new Date(Math.floor(Date.parse(from) / 3_600_000) * 3_600_000).toISOString();
  return {
    ok: true,
    request: {
      cells: [{ bbox, from, to, set }],
      from: fromHour,
      to,
      stepMinutes: 60,
      areaIds: [areaId],
    },
  };
}
