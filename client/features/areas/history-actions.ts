// Undo and redo: terra-draw's own history while a shape is drawn or the draft edited, otherwise ours for saved
// areas (store/history), carried out through the API one step at a time.
import { runAreaRequest } from '../../api/areas';
import { ProblemError } from '../../api/problem';
import { drawController } from '../../draw/controller';
import type { AppStore } from '../../store';
import { inverse, requestsFor, takeRedo, takeUndo, type HistoryEntry } from '../../store/history';
import { reportError } from '../toast/report';
import { dropDraft, showDraft } from './draft-actions';

let queue: Promise<void> = Promise.resolve();

/** Carries out an entry: creates, deletes or edits areas on the server and in the store. */
export async function applyEntry(store: AppStore, entry: HistoryEntry): Promise<void> {
  const versionOf = (id: string) =>
    store.getState().areas.data?.features.find((f) => f.properties.id === id)?.properties.version;
  for (const request of requestsFor(entry, versionOf)) {
    try {
      const result = await runAreaRequest(request);
      if (result) store.getState().putAreas([result]);
    } catch (error) {
      // Already gone is what a delete wanted.
      if (!(request.method === 'DELETE' && error instanceof ProblemError && error.status === 404))
        throw error;
    }
    if (request.method === 'DELETE') {
      store.getState().dropAreas([request.id]);
      const { selection, select } = store.getState();
      if (selection?.kind === 'area' && selection.id === request.id) select(null);
    }
  }
  if (entry.type === 'restoreDraft') return showDraft(store, entry.draft);
  if (entry.type === 'discardDraft') return dropDraft(store);
  // What came back (or changed) is selected, so the user sees what the step did.
  const shown =
    entry.type === 'create'
      ? entry.areas[0]?.id
      : entry.type === 'update'
        ? entry.after.id
        : undefined;
  if (shown) store.getState().select({ kind: 'area', id: shown });
}

async function step(store: AppStore, direction: 'undo' | 'redo'): Promise<void> {
  const taken =
    direction === 'undo' ? takeUndo(store.getState().history) : takeRedo(store.getState().history);
  if (!taken) return;
  try {
    await applyEntry(store, direction === 'undo' ? inverse(taken.entry) : taken.entry);
    store.getState().setHistory(taken.history);
  } catch (error) {
    reportError(store, error);
  }
}

function drawOwnsHistory(store: AppStore): boolean {
  const draw = drawController();
  return !!draw && (draw.isDrawing() || store.getState().draft !== null);
}

/** Undoes the last step; returns whether there was one. Steps run one after another, never interleaved. */
export function undo(store: AppStore): boolean {
  if (drawOwnsHistory(store)) return drawController()!.undo();
  if (!takeUndo(store.getState().history)) return false;
  queue = queue.then(() => step(store, 'undo'));
  return true;
}

export function redo(store: AppStore): boolean {
  if (drawOwnsHistory(store)) return drawController()!.redo();
  if (!takeRedo(store.getState().history)) return false;
  queue = queue.then(() => step(store, 'redo'));
  return true;
}
