// What "Needs a place" does: load the imported rows waiting for a place, place one where the map was clicked (it
// becomes a customer or store there, so the map and counts refresh), discard one, and follow the geocoder while it
// is still looking addresses up.
import { discardUnplaced, getUnplaced, placeUnplaced } from '../../api/unplaced';
import { translatorFor } from '../../i18n';
import type { AppStore } from '../../store';
import { can } from '../../store/slices/session';
import { reportError } from '../toast/report';
import { refreshData } from './actions';

/** The id of the "Needs a place" section in the left panel (UnplacedList). */
export const UNPLACED_SECTION_ID = 'unplaced-imports';

const FOLLOW_MS = 2000;
let following: ReturnType<typeof setTimeout> | null = null;

/**
 * Loads the first page (roles that may import only; the server refuses the rest). While the geocoder has rows left,
 * asks again every two seconds, and refreshes the map as rows find their place.
 */
export async function loadUnplaced(store: AppStore, { refresh = false } = {}): Promise<void> {
  if (!can(store.getState().me, 'imports:write')) return;
  const { setUnplaced, unplaced } = store.getState();
  if (!(refresh && unplaced.status === 'ready'))
    setUnplaced({ status: 'loading', data: null, error: null });
  try {
    const data = await getUnplaced();
    const before = store.getState().unplaced.data;
    store.getState().setUnplaced({ status: 'ready', data, error: null });
    // Rows the geocoder placed since the last look: customers and stores changed.
    if (before && data.total < before.total) {
      void refreshData(store, 'customers');
      void refreshData(store, 'stores');
    }
    if (following) clearTimeout(following);
    following =
      data.geocoding > 0
        ? setTimeout(() => void loadUnplaced(store, { refresh: true }), FOLLOW_MS)
        : null;
  } catch (error) {
    setUnplaced({
      status: 'error',
      data: null,
      error: error instanceof Error ? error : new Error(String(error)),
    });
  }
}

/** Places the row being placed at the clicked point, then shows it there. */
export async function placeImported(store: AppStore, lngLat: [number, number]): Promise<void> {
  const row = store.getState().placingImport;
  store.getState().setPlacingImport(null);
  if (!row) return;
  const t = translatorFor(store.getState().locale);
  try {
    await placeUnplaced(row.kind, row.id, lngLat);
    store.getState().pushToast({
      tone: 'success',
      title: t('unplaced.placed', { name: row.name || row.id }),
      detail: t(`unplaced.kind.${row.kind}`),
    });
    await refreshData(store, row.kind);
    if (row.kind === 'stores') store.getState().select({ kind: 'store', id: row.id });
  } catch (error) {
    reportError(store, error);
  }
  await loadUnplaced(store, { refresh: true });
}

/** From the import report: opens the left panel on "Needs a place" with the rows fresh from the server. */
export async function showUnplaced(store: AppStore): Promise<void> {
  store.getState().setNavOpen(true);
  await loadUnplaced(store, { refresh: true });
  // After React has drawn the section (it is hidden while nothing waits).
  requestAnimationFrame(() => {
    const section = document.getElementById(UNPLACED_SECTION_ID);
    section?.scrollIntoView({ block: 'start' });
    section?.focus({ preventScroll: true });
  });
}

export async function discardImported(
  store: AppStore,
  row: { kind: 'customers' | 'stores'; id: string },
): Promise<void> {
  try {
    await discardUnplaced(row.kind, row.id);
  } catch (error) {
    reportError(store, error);
  }
  await loadUnplaced(store, { refresh: true });
}
