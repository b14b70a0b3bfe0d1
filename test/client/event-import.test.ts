// The Events panel's word on what a calendar import cut short: the horizon and the per-event cap, then each
// recurring event cut, in English and German.
import { describe, expect, it } from 'vitest';
import { importCutLines } from '../../client/features/events/import-cuts';
import { createTranslator } from '../../client/i18n/translate';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import type { EventImportResult } from '../../client/api/contract';

const horizon = { from: '2025-04-15T00:00:00.000Z', to: '2028-04-14T00:00:00.000Z' };
const cut = (name: string, reason: 'horizon' | 'series-cap', kept: number) => ({
  uid: `${name}@test`,
  name,
  reason,
  kept,
});

describe('what an import cut short', () => {
  it('says nothing when nothing was cut', () => {
    expect(
      importCutLines(
        { horizon, truncated: { count: 0, series: [] } },
        createTranslator('en', en),
        'en',
      ),
    ).toEqual([]);
  });

  it('states the horizon and the cap, then each recurring event and why it was cut', () => {
    const result: Pick<EventImportResult, 'horizon' | 'truncated'> = {
      horizon,
      truncated: {
        count: 2,
        series: [cut('Lunch concert', 'horizon', 834), cut('Every second', 'series-cap', 1000)],
      },
    };
    expect(importCutLines(result, createTranslator('en', en), 'en')).toEqual([
      '2 recurring events were not imported in full: occurrences are imported from Apr 15, 2025 to Apr 14, 2028, at most 1,000 per event.',
      'Lunch concert: 834 imported; the rest lies outside that period',
      'Every second: 1,000 imported; it repeats more often than one import takes',
    ]);
    expect(importCutLines(result, createTranslator('de', de), 'de')[0]).toBe(
      '2 Terminserien wurden nicht vollständig importiert: Termine werden vom 15.04.2025 bis zum 14.04.2028 importiert, höchstens 1.000 je Serie.',
    );
  });

  it('names the first five and counts the rest', () => {
    const series = Array.from({ length: 7 }, (_, i) => cut(`Rule ${i}`, 'series-cap', 1000));
    const lines = importCutLines(
      { horizon, truncated: { count: 120, series } },
      createTranslator('en', en),
      'en',
    );
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe('… and 115 more');
  });
});
