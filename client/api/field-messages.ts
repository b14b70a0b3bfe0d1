// A field error from problem+json (or from the shared schemas checked on the client) in the viewer's language. The
// server words its rules in English for people reading the API; here each is chosen by field and rule (`code`, with
// its limits) from the catalogs, and the English text is shown only for a rule this client does not know yet.
import type { FieldError } from '../../server/domain/schemas/problem';
import { TEXT_MESSAGES } from '../../server/domain/schemas/text';
import type { PlainMessageKey, Translate } from '../i18n/types';

/** The messages that need no figure. */
type PlainKey = PlainMessageKey & `fieldError.${string}`;

/** Rules worded for one field, where the generic wording would say too little ("Enter a valid value"). */
const byField: Record<string, Partial<Record<string, PlainKey>>> = {
  'body.offer.code': { invalid_format: 'fieldError.offerCode' },
  'body.areaIds': { too_small: 'fieldError.areaIds' },
};

/** Our own rules, named by the server's services, cross-field checks and the import's row reader. */
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
  required: 'fieldError.required',
  not_found: 'fieldError.notFound',
  unknown_user: 'fieldError.notFound',
  unknown_event: 'fieldError.notFound',
  unknown_boundary: 'fieldError.notFound',
  stale_version: 'fieldError.staleVersion',
  id_taken: 'fieldError.idTaken',
  not_owner: 'fieldError.notOwner',
  last_owner: 'fieldError.lastOwner',
  in_use: 'fieldError.inUse',
  campaign_ended: 'fieldError.campaignEnded',
  status_change: 'fieldError.statusChange',
  campaign_has_run: 'fieldError.campaignHasRun',
  url_refused: 'fieldError.urlRefused',
  url_missing: 'fieldError.urlMissing',
  unknown_code: 'fieldError.unknownCode',
  offer_not_running: 'fieldError.offerNotLive',
  offer_not_live: 'fieldError.offerNotLive',
  store_outside_campaign: 'fieldError.storeOutsideCampaign',
  holdout: 'fieldError.holdout',
  no_route: 'fieldError.noRoute',
  no_street_nearby: 'fieldError.noStreetNearby',
  unreachable_in_time: 'fieldError.unreachableInTime',
  one_origin: 'fieldError.oneOrigin',
  event_unplaced: 'fieldError.eventUnplaced',
  invalid_geometry: 'fieldError.invalidGeometry',
  no_city_extent: 'fieldError.noCityExtent',
  outside_city: 'fieldError.outsideCity',
  no_stores: 'fieldError.noStores',
  not_allowed: 'fieldError.notAllowed',
  unreadable_file: 'fieldError.unreadableFile',
  unmapped_field: 'fieldError.unmappedField',
  no_location_columns: 'fieldError.noLocationColumns',
  import_failed: 'fieldError.importFailed',
  job_state: 'fieldError.jobState',
  erased_customer: 'fieldError.erasedCustomer',
  duplicate_id: 'fieldError.duplicateId',
  not_a_point: 'fieldError.notAPoint',
  no_location: 'fieldError.noLocation',
  upload_interrupted: 'fieldError.uploadInterrupted',
  invalid_json: 'fieldError.invalidJson',
  wrong_credentials: 'fieldError.wrongCredentials',
  same_area: 'fieldError.sameArea',
  area_or_geometry: 'fieldError.areaOrGeometry',
  feed_failed: 'fieldError.feedFailed',
  calendar_syntax: 'fieldError.calendarLine',
  calendar_no_uid: 'fieldError.calendarLine',
  calendar_no_start: 'fieldError.calendarLine',
  calendar_value: 'fieldError.calendarLine',
  calendar_duplicate_uid: 'fieldError.calendarLine',
  calendar_too_big: 'fieldError.calendarTooBig',
  // Rules only an API caller meets (the app never sends such a request): worded generically.
  invalid_cursor: 'fieldError.invalid',
  invalid_bbox: 'fieldError.invalid',
  invalid_tile: 'fieldError.invalid',
  invalid_glyph_range: 'fieldError.invalid',
  repeated_parameter: 'fieldError.invalid',
  media_type: 'fieldError.invalid',
  url_too_long: 'fieldError.invalid',
};

/** An imported cell refused for its value, which the message quotes. */
const byValue: Partial<
  Record<
    string,
    | 'fieldError.notANumber'
    | 'fieldError.notWholeNumber'
    | 'fieldError.notYesNo'
    | 'fieldError.notADate'
    | 'fieldError.noSuchDate'
    | 'fieldError.coordinateRange'
  >
> = {
  not_a_number: 'fieldError.notANumber',
  not_whole_number: 'fieldError.notWholeNumber',
  not_yes_no: 'fieldError.notYesNo',
  not_a_date: 'fieldError.notADate',
  no_such_date: 'fieldError.noSuchDate',
  latitude_range: 'fieldError.coordinateRange',
  longitude_range: 'fieldError.coordinateRange',
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
 * The field error's message in the viewer's language; its English message for a rule this client does not know.
 * @example fieldMessage({ field: 'body.areaIds', code: 'too_small', origin: 'array', minimum: 1, message: 'at least one area' }, t) // de: 'Wähle mindestens ein Gebiet aus.'
 */
export function fieldMessage(error: FieldError, t: Translate): string {
  return wordedFieldMessage(error, t) ?? error.message;
}

/** The field error worded from the catalogs, or undefined when this client does not know its rule. */
export function wordedFieldMessage(error: FieldError, t: Translate): string | undefined {
  const { code, field } = error;
  if (!code) return undefined;
  // `body.areaIds.2` is worded as `body.areaIds`: the rule is about the list.
  const own = byField[field.replace(/\.\d+$/, '')]?.[code] ?? byCode[code];
  if (own) return t(own);
  const quoting = byValue[code];
  if (quoting) return t(quoting, { value: error.value ?? '' });
  if (code === 'not_one_of')
    return t('fieldError.notOneOf', {
      value: error.value ?? '',
      options: (error.options ?? []).join(', '),
    });
  if (code === 'too_large' && error.maximum !== undefined)
    return t('fieldError.tooLarge', {
      megabytes: Math.max(0.1, Math.round(error.maximum / 100_000) / 10),
    });
  if (code === 'invalid_format' && error.format) {
    const key = formats[error.format] ?? textRules[error.message];
    return key ? t(key) : undefined;
  }
  if (code === 'too_small' && error.minimum !== undefined) return tooSmall(error, error.minimum, t);
  if (code === 'too_big' && error.maximum !== undefined) return tooBig(error, error.maximum, t);
  return undefined;
}

function tooSmall(error: FieldError, minimum: number, t: Translate): string | undefined {
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
      return undefined;
  }
}

function tooBig(error: FieldError, maximum: number, t: Translate): string | undefined {
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
      return undefined;
  }
}
