// The settings form's inputs to the PATCH /api/settings body, or the reasons they cannot be sent.
import type { WorkspaceSettings } from '../../api/contract';
import { isIanaTimeZone } from '../../../server/domain/time/zones';

export interface SettingsForm {
  minGroupSize: string;
  /** Whether old customer data is deleted at all; off sends `retentionMonths: null`. */
  retain: boolean;
  retentionMonths: string;
  /** The workspace's IANA time zone; '' leaves it unset (each viewer's own then). */
  timeZone: string;
  /** Display units (chosen from a list, so always valid); stored values stay SI. */
  distanceUnits: WorkspaceSettings['distanceUnits'];
  temperatureUnit: WorkspaceSettings['temperatureUnit'];
}

export type SettingsReason = 'minGroupSize' | 'retentionMonths' | 'timeZone';
export type SettingsParse =
  | { ok: true; value: WorkspaceSettings }
  | { ok: false; errors: Partial<Record<`body.${SettingsReason}`, SettingsReason>> };

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * @example parseSettingsForm({ minGroupSize: '10', retain: false, retentionMonths: '', timeZone: 'Europe/Berlin', distanceUnits: 'metric', temperatureUnit: 'celsius' })
 * // { ok: true, value: { minGroupSize: 10, retentionMonths: null, timeZone: 'Europe/Berlin', distanceUnits: 'metric', temperatureUnit: 'celsius' } }
 */
export function parseSettingsForm(form: SettingsForm): SettingsParse {
  const errors: Partial<Record<`body.${SettingsReason}`, SettingsReason>> = {};
  const k = wholeNumber(form.minGroupSize);
  // A group of one is a person: k below 2 would hide nothing.
  if (!(k >= 2 && k <= 1000)) errors['body.minGroupSize'] = 'minGroupSize';
  const months = form.retain ? wholeNumber(form.retentionMonths) : null;
  if (months !== null && !(months >= 1 && months <= 600))
    errors['body.retentionMonths'] = 'retentionMonths';
  const zone = form.timeZone.trim();
  if (zone !== '' && !isIanaTimeZone(zone)) errors['body.timeZone'] = 'timeZone';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      minGroupSize: k,
      retentionMonths: months,
      timeZone: zone === '' ? null : zone,
      distanceUnits: form.distanceUnits,
      temperatureUnit: form.temperatureUnit,
    },
  };
}
