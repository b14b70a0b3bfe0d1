// Undo/redo for saved areas as pure functions on snapshots: create, edit and delete are undoable; viewport,
// hover and server refreshes are not (see STYLE.md, "an explicit undo policy"). So is discarding an unsaved draft
// (Escape on a fresh circle): the draft comes back, without any request.
// An entry describes what was done; undoing it applies its inverse. Applying means HTTP requests (planned
// here, run by features/areas/history-actions), so a redo of a create re-creates the area with the same id.
import type { AreaCreate, AreaFeature, AreaPatch } from '../../server/domain/schemas/area';
import type { Draft } from './slices/areas';

/** What an area is, without what the server keeps on its own (version, timestamps, measures). */
export interface AreaSnapshot {
  id: string;
  name: string;
  kind: AreaFeature['properties']['kind'];
  color: string;
  params: AreaFeature['properties']['params'];
  geometry: AreaFeature['geometry'];
}

export type HistoryEntry =
  | { type: 'create'; areas: AreaSnapshot[] }
  | { type: 'delete'; areas: AreaSnapshot[] }
  | { type: 'update'; before: AreaSnapshot; after: AreaSnapshot }
  /** The draft was thrown away (its inverse shows it again); the server never knew it. */
  | { type: 'discardDraft'; draft: Draft }
  | { type: 'restoreDraft'; draft: Draft };

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const emptyHistory: History = { past: [], future: [] };
export const HISTORY_LIMIT = 100;

export function snapshotOf(area: AreaFeature): AreaSnapshot {
  const p = area.properties;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    color: p.color,
    params: p.params,
    geometry: area.geometry,
  };
}

/**
 * Adds something the user just did; it clears what could be redone.
 * @example record(emptyHistory, { type: 'delete', areas: [a] }).past.length // 1
 */
export function record(history: History, entry: HistoryEntry, limit = HISTORY_LIMIT): History {
  return { past: [...history.past, entry].slice(-limit), future: [] };
}

/** The entry to undo and the history after it, or null when there is nothing to undo. */
export function takeUndo(history: History): { entry: HistoryEntry; history: History } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    entry,
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
  };
}

/** The entry to redo and the history after it, or null when there is nothing to redo. */
export function takeRedo(history: History): { entry: HistoryEntry; history: History } | null {
  const entry = history.future.at(-1);
  if (!entry) return null;
  return {
    entry,
    history: { past: [...history.past, entry], future: history.future.slice(0, -1) },
  };
}

/** What undoes an entry: a delete re-creates, a create deletes, an edit goes back. */
export function inverse(entry: HistoryEntry): HistoryEntry {
  switch (entry.type) {
    case 'create':
      return { type: 'delete', areas: entry.areas };
    case 'delete':
      return { type: 'create', areas: entry.areas };
    case 'update':
      return { type: 'update', before: entry.after, after: entry.before };
    case 'discardDraft':
      return { type: 'restoreDraft', draft: entry.draft };
    case 'restoreDraft':
      return { type: 'discardDraft', draft: entry.draft };
  }
}

export type AreaRequest =
  | { method: 'POST'; id: string; path: '/api/areas'; body: AreaCreate & { id: string } }
  | { method: 'PATCH'; id: string; path: string; body: AreaPatch }
  | { method: 'DELETE'; id: string; path: string };

const areaPath = (id: string) => `/api/areas/${encodeURIComponent(id)}`;

/** Radius areas are canonical as centre + radius: the server derives their polygon, so we send none. */
const derived = (s: AreaSnapshot) =>
  s.kind === 'radius' && !!s.params.center && !!s.params.radiusMeters;

/** The body that re-creates an area exactly, with its id. */
export function restoreBody(s: AreaSnapshot): AreaCreate & { id: string } {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    color: s.color,
    params: s.params,
    ...(derived(s) ? {} : { geometry: s.geometry }),
  };
}

/** The PATCH that turns an area into `to` (only what differs from `from`), at the version the server has now. */
export function patchBody(from: AreaSnapshot, to: AreaSnapshot, version: number): AreaPatch {
  const patch: AreaPatch = { version };
  if (from.name !== to.name) patch.name = to.name;
  if (from.color !== to.color) patch.color = to.color;
  if (JSON.stringify(from.params) !== JSON.stringify(to.params)) patch.params = to.params;
  if (!derived(to) && JSON.stringify(from.geometry) !== JSON.stringify(to.geometry))
    patch.geometry = to.geometry;
  return patch;
}

/**
 * The requests that carry out an entry. `versionOf` gives the version the server has now (edits need it).
 * @example requestsFor({ type: 'create', areas: [a] }, () => 1) // [{ method: 'POST', path: '/api/areas', body: { id: a.id, … } }]
 */
export function requestsFor(
  entry: HistoryEntry,
  versionOf: (id: string) => number | undefined,
): AreaRequest[] {
  switch (entry.type) {
    case 'create':
      return entry.areas.map((s) => ({
        method: 'POST',
        id: s.id,
        path: '/api/areas',
        body: restoreBody(s),
      }));
    case 'delete':
      return entry.areas.map((s) => ({ method: 'DELETE', id: s.id, path: areaPath(s.id) }));
    case 'update': {
      const version = versionOf(entry.after.id);
      if (version === undefined) throw new Error(`area ${entry.after.id} is not loaded`);
      return [
        {
          method: 'PATCH',
          id: entry.after.id,
          path: areaPath(entry.after.id),
          body: patchBody(entry.before, entry.after, version),
        },
      ];
    }
    // A draft lives only in this page.
    case 'discardDraft':
    case 'restoreDraft':
      return [];
  }
}
