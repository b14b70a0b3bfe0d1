// The i18n layer's public face: a React hook over the store's locale, plus the pure pieces.
import { useMemo } from 'react';
import { useAppStore } from '../store';
import { catalogFor } from './locale';
import { createTranslator } from './translate';
import type { Translate } from './types';

export type { MessageKey, Translate } from './types';
export { createTranslator } from './translate';
export * from './format';
export * from './locale';
export * from './data-labels';

const translators = new Map<string, Translate>();

/** The translator for a locale, built once. */
export function translatorFor(locale: string): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, catalogFor(locale));
    translators.set(locale, t);
  }
  return t;
}

/** `const { t, locale } = useI18n()` — re-renders when the language changes. */
export function useI18n(): { t: Translate; locale: string } {
  const locale = useAppStore((s) => s.locale);
  return useMemo(() => ({ t: translatorFor(locale), locale }), [locale]);
}
