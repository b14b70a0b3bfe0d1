// The language menu: a native select (accessible everywhere), each language named in itself.
import { useId } from 'react';
import { languageName, languageOf, supportedLanguages, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Icon } from '../../ui/Icon';

export function LanguageMenu() {
  const { t, locale } = useI18n();
  const setLocale = useAppStore((s) => s.setLocale);
  const id = useId();
  // de-AT shows as Deutsch; a locale without a catalog (e.g. ?lang=ar) is listed too, so the menu shows the truth.
  const language = languageOf(locale);
  const supported = supportedLanguages.includes(language);
  const options = supported ? supportedLanguages : [...supportedLanguages, locale];
  const value = supported ? language : locale;
  return (
    <div className="lang-menu">
      <label htmlFor={id} className="visually-hidden">
        {t('topbar.language')}
      </label>
      <Icon name="globe" size={16} />
      <select
        id={id}
        value={value}
        onChange={(e) => setLocale(e.target.value)}
        title={t('topbar.language')}
      >
        {options.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
