// Field errors the server words in English reach the viewer in their own language: chosen by field and rule from the
// catalogs, with the server's English kept only for a rule the client does not know.
import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../client/api/field-messages';
import { fieldErrors, ProblemError } from '../../client/api/problem';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import { fa } from '../../client/i18n/messages/fa';
import { he } from '../../client/i18n/messages/he';
import { createTranslator } from '../../client/i18n/translate';
import { campaignCreate } from '../../server/domain/schemas/campaign';
import { fieldErrorFromIssue, type FieldError } from '../../server/domain/schemas/problem';
import { text } from '../../server/domain/schemas/text';

const deT = createTranslator('de', de);
const enT = createTranslator('en', en);
const heT = createTranslator('he', he);

/** The field errors the server would answer for this campaign body, as the router builds them. */
function serverErrors(body: unknown): Record<string, FieldError> {
  const result = campaignCreate.safeParse(body);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => {
      const error = fieldErrorFromIssue(issue, 'body');
      return [error.field, error];
    }),
  );
}

const campaign = {
  name: 'Rainy day',
  areaIds: [],
  offer: { headline: 'Coffee', code: 'R', discountPercent: 20 },
  channel: 'in_store',
  startsAt: '2026-05-02T10:00:00.000Z',
  endsAt: '2026-05-01T10:00:00.000Z',
  timezone: 'Europe/Berlin',
  triggers: [],
  triggerMode: 'any',
};

describe('field errors in the viewer’s language', () => {
  const errors = serverErrors(campaign);

  it('the campaign builder’s rules: at least one area, the code’s format, the end after the start', () => {
    expect(errors['body.areaIds']).toMatchObject({
      code: 'too_small',
      message: 'at least one area',
    });
    expect(fieldMessage(errors['body.areaIds']!, deT)).toBe('Wähle mindestens ein Gebiet aus.');
    expect(fieldMessage(errors['body.offer.code']!, deT)).toMatch(/^2 bis 32 Buchstaben/);
    expect(fieldMessage(errors['body.endsAt']!, deT)).toBe('Das Ende muss nach dem Beginn liegen.');
    expect(fieldMessage(errors['body.areaIds']!, heT)).toBe('יש לבחור לפחות אזור אחד.');
  });

  it('a repeated area is worded for the list, whatever its index', () => {
    const repeated = serverErrors({ ...campaign, areaIds: ['ar-1', 'ar-1'] })['body.areaIds.1']!;
    expect(repeated.code).toBe('duplicate_area');
    expect(fieldMessage(repeated, enT)).toBe('This area is on the list twice.');
  });

  it('generic rules carry their limits: text length with plural forms, numbers, lists', () => {
    const tooLong: FieldError = {
      field: 'body.name',
      code: 'too_big',
      origin: 'string',
      maximum: 120,
      message: 'Too big: expected string to have <=120 characters',
    };
    expect(fieldMessage(tooLong, deT)).toBe('Höchstens 120 Zeichen.');
    // Hebrew's dual form, chosen by Intl.PluralRules.
    expect(fieldMessage({ ...tooLong, maximum: 2 }, heT)).toBe('מותרים 2 תווים לכל היותר.');
    expect(fieldMessage({ ...tooLong, maximum: 1 }, heT)).toBe('מותר תו אחד לכל היותר.');
    const number = { field: 'body.x', code: 'too_small', origin: 'number', minimum: 0 } as const;
    expect(fieldMessage({ ...number, message: '>=0' }, enT)).toBe('Enter 0 or more.');
    expect(fieldMessage({ ...number, exclusive: true, message: '>0' }, enT)).toBe(
      'Enter a number above 0.',
    );
    expect(
      fieldMessage(
        { field: 'body.ids', code: 'too_big', origin: 'array', maximum: 8, message: '<=8' },
        deT,
      ),
    ).toBe('Wähle höchstens 8 aus.');
  });

  it('text with a control character is told apart from other pattern rules', () => {
    const result = text({ max: 20 }).safeParse('Kiez\u0000Nord');
    expect(result.success).toBe(false);
    const error = fieldErrorFromIssue(result.error!.issues[0]!, 'body.name');
    expect(fieldMessage(error, deT)).toBe(
      'Bitte ohne Tabulatoren, Zeilenumbrüche und andere Steuerzeichen.',
    );
  });

  it('keeps the server’s English for a rule it does not know, or an error without a rule', () => {
    expect(
      fieldMessage({ field: 'body.x', code: 'brand_new_rule', message: 'new rule' }, deT),
    ).toBe('new rule');
    expect(fieldMessage({ field: 'body.x', message: 'no rule named' }, deT)).toBe('no rule named');
  });

  it('fieldErrors words every field error of a failed request', () => {
    const failure = new ProblemError('http', {
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      errors: [
        {
          field: 'body.offer.code',
          code: 'code_taken',
          message: 'RAIN20 is already the code of “Latte”',
        },
      ],
    });
    expect(fieldErrors(failure, deT)).toEqual({
      'body.offer.code': 'Eine laufende oder geplante Kampagne nutzt diesen Code schon.',
    });
  });

  it('an imported row’s reasons are worded from their codes, quoting the cell and the allowed values', () => {
    const faT = createTranslator('fa', fa);
    const notANumber = {
      field: 'age',
      code: 'not_a_number',
      value: '3x',
      message: '"3x" is not a number',
    };
    expect(fieldMessage(notANumber, deT)).toBe('„3x“ ist keine Zahl.');
    // The cell is isolated inside a right-to-left sentence, so "3x" cannot reorder it.
    expect(fieldMessage(notANumber, faT)).toBe('«\u20683x\u2069» عدد نیست.');
    const tier = {
      field: 'loyaltyTier',
      code: 'not_one_of',
      value: 'platin',
      options: ['none', 'bronze', 'silver', 'gold'],
      message: '"platin" is not one of none, bronze, silver, gold',
    };
    expect(fieldMessage(tier, enT)).toBe('“platin” is not one of: none, bronze, silver, gold.');
    expect(
      fieldMessage(
        { field: 'geometry', code: 'invalid_geometry', message: 'ring not closed' },
        deT,
      ),
    ).toBe('Diese Form ist kein brauchbares Gebiet (zum Beispiel kreuzt sich ihr Umriss).');
    // A rejected row stored before codes existed keeps its English.
    expect(fieldMessage({ field: 'id', code: 'row_rejected', message: 'old words' }, deT)).toBe(
      'old words',
    );
  });
});
