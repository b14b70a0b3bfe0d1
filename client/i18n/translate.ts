// Builds the `t` function for a locale: catalog lookup with English fallback, placeholders, plurals.
import { en } from './messages/en';
import type { Catalog, MessageKey, MessageValue, ParamValue, Translate } from './types';
import { numberFormat } from './format';

/**
 * Returns a translator for `locale` that reads `catalog` first and English for missing keys.
 * @example createTranslator('de', de)('layers.title') // 'Ebenen'
 */
export function createTranslator(locale: string, catalog: Catalog): Translate {
  const plurals = new Intl.PluralRules(locale);
  const format = (value: ParamValue) =>
    typeof value === 'number' ? numberFormat(locale).format(value) : value;

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

function pluralForm(
  forms: Exclude<MessageValue, string>,
  rules: Intl.PluralRules,
  count: ParamValue | undefined,
): string {
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return forms.other;
  return forms[rules.select(n)] ?? forms.other;
}
