// The i18n layer's public face: a React hook over the store's locale, plus the pure pieces.
import { useMemo } from 'react';
import { useAppStore } from '../store';
import { catalogFor } from './locale';
import { createTranslator } from './translate';
import type { Translate } from './types';
import type { UnitPreferences } from './units';

export type { MessageKey, Translate } from './types';
export { createTranslator } from './translate';
export * from './format';
export * from './locale';
export * from './data-labels';
export * from './units';
export * from './unit-input';

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

/** `const { t, locale, units } = useI18n()` — re-renders when the language or the workspace's units change. */
export function useI18n(): { t: Translate; locale: string; units: UnitPreferences } {
  const locale = useAppStore((s) => s.locale);
  const distance = useAppStore((s) => s.config.data?.workspace.distanceUnits ?? 'metric');
  const temperature = useAppStore((s) => s.config.data?.workspace.temperatureUnit ?? 'celsius');
  return useMemo(
    () => ({ t: translatorFor(locale), locale, units: { distance, temperature } }),
    [locale, distance, temperature],
  );
}
