// The what-if question an area's panel asks ("rain here from 07:00 to 11:00 tomorrow") as the API's request: one
// hypothetical weather cell over the area's bounding box, in local times of the viewer's time zone.
import type { WhatIfRequest } from '../../api/types';
import { localToUtc } from '../events/local-time';

export const whatIfConditions = ['rain', 'snow', 'heat', 'cold', 'wind'] as const;
export type WhatIfCondition = (typeof whatIfConditions)[number];

/** What each condition sets, and a value that makes the usual triggers fire. */
export const whatIfValues: Record<WhatIfCondition, { field: 'precipitationMmH' | 'snowfallCmH' | 'temperatureC' | 'windKmh'; unit: string; value: number }> = {
  rain: { field: 'precipitationMmH', unit: 'mm/h', value: 2.5 },
  snow: { field: 'snowfallCmH', unit: 'cm/h', value: 1 },
  heat: { field: 'temperatureC', unit: '°C', value: 32 },
  cold: { field: 'temperatureC', unit: '°C', value: -5 },
  wind: { field: 'windKmh', unit: 'km/h', value: 60 },
};

export interface WhatIfForm {
  condition: WhatIfCondition;
  value: number;
  /** Local calendar day, YYYY-MM-DD, and local times HH:MM (to may be 24:00). */
  day: string;
  from: string;
  to: string;
}

/** Tomorrow 07:00–11:00 in `timeZone`, rain at 2.5 mm/h: the question most people ask first. */
export function defaultWhatIf(now: Date, timeZone: string): WhatIfForm {
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(tomorrow);
  return { condition: 'rain', value: whatIfValues.rain.value, day, from: '07:00', to: '11:00' };
}

/**
 * The request for the area's bbox, or the name of the field that is wrong.
 * @example whatIfRequest(form, [13.3, 52.4, 13.5, 52.6], 'Europe/Berlin') // { ok: true, request: { cells: [...], from, to, stepMinutes: 60, areaIds } }
 */
export function whatIfRequest(
  form: WhatIfForm,
  areaId: string,
  bbox: [number, number, number, number],
  timeZone: string,
): { ok: true; request: WhatIfRequest } | { ok: false; field: 'value' | 'day' | 'from' | 'to' } {
  if (!Number.isFinite(form.value)) return { ok: false, field: 'value' };
  const from = localToUtc(`${form.day}T${form.from}`, timeZone);
  if (!from) return { ok: false, field: /^\d{4}-\d{2}-\d{2}$/.test(form.day) ? 'from' : 'day' };
  const to = form.to === '24:00' ? localToUtc(`${nextDay(form.day)}T00:00`, timeZone) : localToUtc(`${form.day}T${form.to}`, timeZone);
  if (!to || Date.parse(to) <= Date.parse(from)) return { ok: false, field: 'to' };
  const { field } = whatIfValues[form.condition];
  // Triggers read whole hours: widen the window to the hours it touches so the preview matches what would happen.
  const fromHour = new Date(Math.floor(Date.parse(from) / 3_600_000) * 3_600_000).toISOString();
  return {
    ok: true,
    request: { cells: [{ bbox, from, to, set: { [field]: form.value } }], from: fromHour, to, stepMinutes: 60, areaIds: [areaId] },
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
