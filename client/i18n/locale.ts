// Which locale to use (URL, then the remembered choice, then the browser) and how it is written (ltr/rtl).
import { ca } from './messages/ca';
import { de } from './messages/de';
import { en } from './messages/en';
import { fa } from './messages/fa';
import { he } from './messages/he';
import { kk } from './messages/kk';
import type { Catalog } from './types';

/** Languages with a catalog, in the order the language menu lists them. */
export const catalogs: Readonly<Record<string, Catalog>> = { en, de, ca, kk, fa, he };
export const supportedLanguages = Object.keys(catalogs);
export const defaultLocale = 'en';

const rtlLanguages = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ku',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);
const rtlScripts = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Syrc', 'Thaa']);

/** The canonical form of a BCP 47 tag, or null when the text is not one. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

export function languageOf(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

/** The catalog for a locale: `de-AT` reads the German one; languages without a catalog read English. */
export function catalogFor(locale: string): Catalog {
  return catalogs[languageOf(locale)] ?? en;
}

export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const parsed = new Intl.Locale(locale).maximize();
    if (parsed.script && rtlScripts.has(parsed.script)) return 'rtl';
    if (parsed.script) return 'ltr';
  } catch {
    // Not a valid tag: fall through to the language list.
  }
  return rtlLanguages.has(languageOf(locale)) ? 'rtl' : 'ltr';
}

export interface LocaleSources {
  /** `?lang=` from the URL: any valid tag is honoured (missing messages fall back to English). */
  url?: string | null;
  /** The choice remembered in localStorage. */
  stored?: string | null;
  /** navigator.languages: only languages with a catalog are taken from here. */
  browser?: readonly string[];
}

/**
 * Picks the locale: an explicit choice (URL, then remembered) wins; otherwise the first browser
 * language we have a catalog for; otherwise English.
 * @example resolveLocale({ url: null, stored: null, browser: ['fr-FR', 'de-DE'] }) // 'de-DE'
 */
export function resolveLocale({ url, stored, browser = [] }: LocaleSources): string {
  const explicit = canonicalLocale(url) ?? canonicalLocale(stored);
  if (explicit) return explicit;
  for (const tag of browser) {
    const locale = canonicalLocale(tag);
    if (locale && languageOf(locale) in catalogs) return locale;
  }
  return defaultLocale;
}

/** A language's own name for itself ("Deutsch"), for the language menu. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}
