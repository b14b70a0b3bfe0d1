// Builds the `t` function for a locale: catalog lookup with English fallback, placeholders, plurals.
//
// Why this small hand-written layer and not an ICU MessageFormat library (messageformat, @formatjs/intl):
// every message Catchment shows needs only `{name}` placeholders and plural forms, and both are here with
// keys and parameter names checked by the compiler from the English catalog (types.ts), which the ICU
// libraries give only through extra codegen. Plurals are objects keyed by CLDR categories and chosen by
// Intl.PluralRules, so Hebrew's `two` or Catalan's `many` are ordinary keys; numbers go through Intl. No
// message needs a `select` (variants such as roles or tiers are separate keys), so none is built; should
// one be needed, it is an object keyed by the choice, like the plural objects. Translators write plain
// strings and objects, not ICU syntax, and no dependency ships to the browser.
import { en } from './messages/en';
import type { Catalog, MessageKey, MessageValue, ParamValue, Translate } from './types';
import { numberFormat } from './format';
import { textDirection } from './locale';

/** First Strong Isolate and Pop Directional Isolate (Unicode Bidirectional Algorithm, UAX #9). */
const FSI = '\u2068';
const PDI = '\u2069';
const RTL_CHARACTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Returns a translator for `locale` that reads `catalog` first and English for missing keys.
 * @example createTranslator('de', de)('layers.title') // 'Ebenen'
 */
export function createTranslator(locale: string, catalog: Catalog): Translate {
  const plurals = new Intl.PluralRules(locale);
  const rtl = textDirection(locale) === 'rtl';
  const format = (value: ParamValue) =>
    typeof value === 'number' ? numberFormat(locale).format(value) : isolate(value, rtl);

  const t = (key: MessageKey, params?: Record<string, ParamValue>): string => {
    const message: MessageValue = catalog[key] ?? en[key];
    const template =
      typeof message === 'string' ? message : pluralForm(message, plurals, params?.count);
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : format(value);
    });
  };
  return t as Translate;
}

/**
 * Wraps text passed into a sentence (a store's name, a code like RAIN20, a phone number) in a bidi isolate,
 * so its own direction cannot reorder the sentence around it: "Kiezkaffee Mitte" inside a Persian sentence,
 * or a Hebrew name inside an English one. Done here rather than with <bdi> in components because messages
 * also end up in attributes (aria-label, title), toasts and document.title, where no element can go.
 * In a left-to-right sentence text without right-to-left letters resolves the same with or without the
 * isolate, so it is left bare there (and plain strings stay plain for search and tests).
 */
export function isolate(text: string, rtlContext: boolean): string {
  if (!text || (!rtlContext && !RTL_CHARACTER.test(text))) return text;
  return `${FSI}${text}${PDI}`;
}

function pluralForm(
  forms: Exclude<MessageValue, string>,
  rules: Intl.PluralRules,
  count: ParamValue | undefined,
): string {
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return forms.other;
  return forms[rules.select(n)] ?? forms.other;
}
