// Keeps the query string and the store in step: read once at start, written on every change, re-read on back/forward.
import { resolveLocale } from '../i18n/locale';
import type { AppStore } from '../store';
import type { Selection } from '../store/types';
import { bringIntoView } from './actions';
import { readLayerPanelOpen, rememberLayerPanelOpen } from './ui-prefs';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state';

const LANG_KEY = 'catchment.lang';

function readStoredLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null; // Storage can be disabled; the URL still works.
  }
}

function rememberLang(locale: string) {
  try {
    localStorage.setItem(LANG_KEY, locale);
  } catch {
    // Not remembered across visits, but the URL keeps it for this one.
  }
}

/** Puts the URL's state into the store. Call before the first render. */
export function initFromUrl(store: AppStore): void {
  const url = parseUrlState(location.search);
  const locale = resolveLocale({
    url: url.lang,
    stored: readStoredLang(),
    browser: navigator.languages,
  });
  if (url.lang) rememberLang(locale);
  store.setState({
    selection: url.selection,
    layers: url.layers,
    navOpen: url.navOpen,
    locale,
    layerPanelOpen: readLayerPanelOpen(),
    segment: url.segment,
    adminTab: url.admin,
    areaCompare: url.compare,
    whiteSpace: url.whiteSpace,
    marketShare: url.marketShare,
    choropleth: url.choropleth,
  });
}

function sameSelection(a: Selection, b: Selection | null): boolean {
  return b !== null && a.kind === b.kind && a.id === b.id;
}

/** Writes store changes back into the URL. Selections add a history entry (Back deselects); the rest replace it. */
export function startUrlSync(store: AppStore): () => void {
  let langInUrl = parseUrlState(location.search).lang !== null;

  const current = (): UrlState => {
    const s = store.getState();
    return {
      selection: s.selection,
      layers: s.layers,
      navOpen: s.navOpen,
      lang: langInUrl ? s.locale : null,
      segment: s.segment,
      admin: s.adminTab,
      compare: s.areaCompare,
      whiteSpace: s.whiteSpace,
      marketShare: s.marketShare,
      choropleth: s.choropleth,
    };
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.locale !== previous.locale) {
      langInUrl = true;
      rememberLang(state.locale);
    }
    if (state.layerPanelOpen !== previous.layerPanelOpen)
      rememberLayerPanelOpen(state.layerPanelOpen);
    const search = serializeUrlState(current(), location.search);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    // Opening or closing the settings view or a comparison is a step Back undoes, like a selection.
    const selectionChanged =
      state.selection !== previous.selection ||
      (state.adminTab === null) !== (previous.adminTab === null) ||
      (state.areaCompare === null) !== (previous.areaCompare === null) ||
      (state.whiteSpace === null) !== (previous.whiteSpace === null) ||
      (state.marketShare === null) !== (previous.marketShare === null);
    if (selectionChanged) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  });

  const onPopState = () => {
    const url = parseUrlState(location.search);
    const before = store.getState().selection;
    store.setState({
      selection: url.selection,
      layers: url.layers,
      navOpen: url.navOpen,
      segment: url.segment,
      adminTab: url.admin,
      areaCompare: url.compare,
      whiteSpace: url.whiteSpace,
      ...(url.marketShare === null
        ? { marketShare: null, marketSurface: null, whatIfSite: null }
        : { marketShare: url.marketShare }),
      ...(url.choropleth === null
        ? { choropleth: null, choroplethData: null, choroplethHover: null }
        : { choropleth: url.choropleth }),
    });
    // Back or Forward to a selection frames it as a first load of the same link does (load-data.ts).
    if (url.selection && !sameSelection(url.selection, before)) bringIntoView(store, url.selection);
  };
  window.addEventListener('popstate', onPopState);

  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
