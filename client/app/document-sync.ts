// Mirrors the locale onto <html lang dir> (so right-to-left languages flip the layout) and the page title.
import { textDirection, translatorFor } from '../i18n';
import type { AppStore } from '../store';

export function startDocumentSync(store: AppStore): () => void {
  const apply = () => {
    const { locale, config } = store.getState();
    const root = document.documentElement;
    root.lang = locale;
    root.dir = textDirection(locale);
    const app = translatorFor(locale)('app.name');
    document.title = config.data ? `${config.data.workspace.name} · ${app}` : app;
  };
  apply();
  return store.subscribe((state, previous) => {
    if (state.locale !== previous.locale || state.config !== previous.config) apply();
  });
}
