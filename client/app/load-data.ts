// Loads what the workspace needs at start (config, stores, boundaries, areas, events, campaigns); failures become toasts and error states.
import { getBoundaries, getConfig, getStores } from '../api/client';
import { loadAreas } from '../features/areas/actions';
import { loadEvents } from '../features/events/actions';
import { loadCampaigns } from '../features/campaigns/actions';
import { reportError } from '../features/toast/report';
import { bringIntoView } from './actions';
import type { AppStore } from '../store';
import type { AppState } from '../store';

type Key = 'config' | 'stores' | 'boundaries';
const loaders = { config: getConfig, stores: getStores, boundaries: getBoundaries } as const;

export async function loadResource(store: AppStore, key: Key): Promise<void> {
  const { setResource } = store.getState();
  setResource(key, { status: 'loading', data: null, error: null });
  try {
    const data = await loaders[key]();
    setResource(key, { status: 'ready', data, error: null } as AppState[typeof key]);
  } catch (error) {
    setResource(key, {
      status: 'error',
      data: null,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    reportError(store, error);
  }
}

/**
 * The lists people add to and change (stores, areas, events, campaigns), loaded again without the config: the map
 * stays mounted (a config load mounts it afresh). End-to-end tests call it after changing them through the API.
 */
export async function loadLists(store: AppStore): Promise<void> {
  await Promise.all([
    loadResource(store, 'stores'),
    loadAreas(store),
    loadEvents(store),
    loadCampaigns(store),
  ]);
}

/**
 * Loads everything the first screen needs. With `focusSelection`, a link that names a selection but
 * no view opens on that selection once it has loaded.
 */
export async function loadWorkspace(
  store: AppStore,
  { focusSelection = false } = {},
): Promise<void> {
  await Promise.all([
    loadResource(store, 'config'),
    loadResource(store, 'boundaries'),
    loadLists(store),
  ]);
  const { selection } = store.getState();
  if (focusSelection && selection) bringIntoView(store, selection);
}
