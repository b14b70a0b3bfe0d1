// The demo's vocabulary reads in the viewer's language; a business's own values read as they were typed.
import { describe, expect, it } from 'vitest';
import { dataLabel } from '../../client/i18n/data-labels';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import { createTranslator } from '../../client/i18n/translate';
import { DEMO_VOCABULARY } from '../../server/demo/customers';
import { DEMO_EVENT_CATEGORIES } from '../../server/demo/events';

const t = createTranslator('de', de);

describe('data labels', () => {
  it('a demo job title, industry, interest and event category read in German', () => {
    expect(dataLabel(t, 'job', 'Software developer')).toBe('Softwareentwickler:in');
    expect(dataLabel(t, 'industry', 'Healthcare')).toBe('Gesundheitswesen');
    expect(dataLabel(t, 'interest', 'craft beer')).toBe('Craft-Bier');
    expect(dataLabel(t, 'eventCategory', 'market')).toBe('Markt');
  });

  it('an imported value without a label stays as the business typed it', () => {
    expect(dataLabel(t, 'job', 'Kiezbäcker')).toBe('Kiezbäcker');
    expect(dataLabel(t, 'interest', 'constructor')).toBe('constructor');
  });
});

describe('the demo vocabulary has a label in every catalog', () => {
  const vocabulary = { ...DEMO_VOCABULARY, eventCategory: DEMO_EVENT_CATEGORIES };
  it.each(Object.entries(vocabulary))('every demo %s value has a data key', (kind, values) => {
    const missing = values.filter((value) => !(`data.${kind}.${value}` in en));
    expect(missing).toEqual([]);
  });
});
