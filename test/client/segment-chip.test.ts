// The segment chip's words: short, values from the catalogs, lists joined by Intl.ListFormat in the UI's language.
import { describe, expect, it } from 'vitest';
import { segmentChipText } from '../../client/features/audience/segment-chip';
import { createTranslator } from '../../client/i18n/translate';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';

const english = { t: createTranslator('en', en), locale: 'en', currency: 'EUR' };
const german = { t: createTranslator('de', de), locale: 'de', currency: 'EUR' };

describe('segment chip text', () => {
  it('names the tier and the age range: "Segment: Gold, 25–44"', () => {
    expect(segmentChipText({ ageMin: 25, ageMax: 44, loyaltyTiers: ['gold'] }, english)).toBe(
      'Segment: Gold, 25–44',
    );
  });

  it('joins the values of one field with "or" (any of them matches) and counts what it leaves out', () => {
    expect(segmentChipText({ loyaltyTiers: ['gold', 'silver'] }, english)).toBe(
      'Segment: Gold or Silver',
    );
    expect(
      segmentChipText(
        { jobTitles: ['Nurse', 'Teacher', 'Baker', 'Pilot'], lapsedDays: 60 },
        english,
      ),
    ).toBe('Segment: Lapsed ≥ 60 days, Nurse or Teacher +2');
  });

  it('speaks German with German list words (every filter holds: "und") and catalog values', () => {
    expect(
      segmentChipText(
        { loyaltyTiers: ['gold', 'silver'], ageMin: 25, ageMax: 44, genders: ['female'] },
        german,
      ),
    ).toBe(
      `Segment: ${de['tier.gold']} oder ${de['tier.silver']}, ${de['gender.female']} und 25–44`,
    );
  });

  it('names a home store by its name, and one-sided ranges as such', () => {
    expect(
      segmentChipText(
        { storeIds: ['st-1'], ageMin: 65 },
        { ...english, storeName: (id) => (id === 'st-1' ? 'Café Mitte' : undefined) },
      ),
    ).toBe('Segment: Age 65+, Home store: Café Mitte');
  });

  it('is absent when the segment filters nothing', () => {
    expect(segmentChipText({}, english)).toBeNull();
    expect(
      segmentChipText({ genders: [], consentedOnly: false, ageMin: null }, english),
    ).toBeNull();
  });
});
