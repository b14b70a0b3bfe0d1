// A field error from problem+json (or from the shared schemas checked on the client) in the viewer's language. The
// server words its rules in English for people reading the API; here each is chosen by field and rule (`code`, with
// its limits) from the catalogs, and the English text is shown only for a rule this client does not know yet.
import type { FieldError } from '../../server/domain/schemas/problem';
import { TEXT_MESSAGES } from '../../server/domain/schemas/text';
import type { Translate } from '../i18n/types';

/** The messages that need no figure. */
type PlainKey =
  | 'fieldError.offerCode'
  | 'fieldError.areaIds'
  | 'fieldError.duplicateArea'
  | 'fieldError.endsBeforeStart'
  | 'fieldError.capChannel'
  | 'fieldError.unknownArea'
  | 'fieldError.codeTaken'
  | 'fieldError.emailTaken'
  | 'fieldError.storeNeeded'
  | 'fieldError.unknownStore'
  | 'fieldError.wrongPassword'
  | 'fieldError.invalid'
  | 'fieldError.choose'
  | 'fieldError.email'
  | 'fieldError.url'
  | 'fieldError.datetime'
  | 'fieldError.date'
  | 'fieldError.oneLine'
  | 'fieldError.multiLine';

/** Rules worded for one field, where the generic wording would say too little ("Enter a valid value"). */
const byField: Record<string, Partial<Record<string, PlainKey>>> = {
  'body.offer.code': { invalid_format: 'fieldError.offerCode' },
  'body.areaIds': { too_small: 'fieldError.areaIds' },
};

/** Our own rules, named by the server's services and cross-field checks. */
const byCode: Partial<Record<string, PlainKey>> = {
  duplicate_area: 'fieldError.duplicateArea',
  ends_before_start: 'fieldError.endsBeforeStart',
  cap_channel: 'fieldError.capChannel',
  unknown_area: 'fieldError.unknownArea',
  code_taken: 'fieldError.codeTaken',
  email_taken: 'fieldError.emailTaken',
  store_needed: 'fieldError.storeNeeded',
  unknown_store: 'fieldError.unknownStore',
  wrong_password: 'fieldError.wrongPassword',
  invalid_type: 'fieldError.invalid',
  invalid_value: 'fieldError.choose',
};

/** Stored text with a control character: a pattern rule, told apart by the shared schema's own wording. */
const textRules: Partial<Record<string, PlainKey>> = {
  [TEXT_MESSAGES.oneLine]: 'fieldError.oneLine',
  [TEXT_MESSAGES.multiLine]: 'fieldError.multiLine',
};

const formats: Partial<Record<string, PlainKey>> = {
  email: 'fieldError.email',
  url: 'fieldError.url',
  datetime: 'fieldError.datetime',
  date: 'fieldError.date',
};

/**
 * The field error's message in the viewer's language.
 * @example fieldMessage({ field: 'body.areaIds', code: 'too_small', origin: 'array', minimum: 1, message: 'at least one area' }, t) // de: 'Wähle mindestens ein Gebiet aus.'
 */
export function fieldMessage(error: FieldError, t: Translate): string {
  const { code, field } = error;
  if (!code) return error.message;
  // `body.areaIds.2` is worded as `body.areaIds`: the rule is about the list.
  const own = byField[field.replace(/\.\d+$/, '')]?.[code] ?? byCode[code];
  if (own) return t(own);
  if (code === 'invalid_format' && error.format) {
    const key = formats[error.format] ?? textRules[error.message];
    return key ? t(key) : error.message;
  }
  if (code === 'too_small' && error.minimum !== undefined) return tooSmall(error, error.minimum, t);
  if (code === 'too_big' && error.maximum !== undefined) return tooBig(error, error.maximum, t);
  return error.message;
}

function tooSmall(error: FieldError, minimum: number, t: Translate): string {
  switch (error.origin) {
    case 'string':
      return minimum <= 1 ? t('fieldError.required') : t('fieldError.tooShort', { count: minimum });
    case 'array':
    case 'set':
      return t('fieldError.tooFew', { count: minimum });
    case 'number':
    case 'int':
      return t(error.exclusive ? 'fieldError.numberAbove' : 'fieldError.numberMin', {
        min: minimum,
      });
    default:
      return error.message;
  }
}

function tooBig(error: FieldError, maximum: number, t: Translate): string {
  switch (error.origin) {
    case 'string':
      return t('fieldError.tooLong', { count: maximum });
    case 'array':
    case 'set':
      return t('fieldError.tooMany', { count: maximum });
    case 'number':
    case 'int':
      return t(error.exclusive ? 'fieldError.numberBelow' : 'fieldError.numberMax', {
        max: maximum,
      });
    default:
      return error.message;
  }
}
