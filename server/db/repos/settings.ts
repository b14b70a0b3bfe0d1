// Workspace settings, stored as rows of the workspace key/value table (minGroupSize, retentionMonths, timeZone, units).
import type { Db } from '../connection.js';
import { statement } from '../statements.js';
import { isIanaTimeZone } from '../../domain/time/zones.js';
import {
  DEFAULT_DISTANCE_UNITS,
  DEFAULT_MIN_GROUP_SIZE,
  DEFAULT_TEMPERATURE_UNIT,
  distanceUnits,
  temperatureUnits,
  type PrivacySettings,
  type PrivacySettingsPatch,
} from '../../domain/schemas/settings.js';

function intOrNull(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function readPrivacySettings(db: Db): PrivacySettings {
  const rows = statement(
    db,
    "SELECT key, value FROM workspace WHERE key IN ('minGroupSize', 'retentionMonths', 'timeZone', 'distanceUnits', 'temperatureUnit')",
  ).all() as { key: string; value: string }[];
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    minGroupSize: intOrNull(byKey.minGroupSize) ?? DEFAULT_MIN_GROUP_SIZE,
    retentionMonths: intOrNull(byKey.retentionMonths),
    timeZone: byKey.timeZone && isIanaTimeZone(byKey.timeZone) ? byKey.timeZone : null,
    distanceUnits: distanceUnits.safeParse(byKey.distanceUnits).data ?? DEFAULT_DISTANCE_UNITS,
    temperatureUnit:
      temperatureUnits.safeParse(byKey.temperatureUnit).data ?? DEFAULT_TEMPERATURE_UNIT,
  };
}

/** Writes the fields present in the patch; a null retentionMonths turns retention off, a null timeZone unsets it. */
export function writePrivacySettings(db: Db, patch: PrivacySettingsPatch): void {
  const upsert = db.prepare(
    'INSERT INTO workspace (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  if (patch.minGroupSize !== undefined) upsert.run('minGroupSize', String(patch.minGroupSize));
  if (patch.retentionMonths !== undefined) {
    if (patch.retentionMonths === null)
      db.prepare("DELETE FROM workspace WHERE key = 'retentionMonths'").run();
    else upsert.run('retentionMonths', String(patch.retentionMonths));
  }
  if (patch.timeZone !== undefined) {
    if (patch.timeZone === null) db.prepare("DELETE FROM workspace WHERE key = 'timeZone'").run();
    else upsert.run('timeZone', patch.timeZone);
  }
  if (patch.distanceUnits !== undefined) upsert.run('distanceUnits', patch.distanceUnits);
  if (patch.temperatureUnit !== undefined) upsert.run('temperatureUnit', patch.temperatureUnit);
}
