import { describe, expect, it } from 'vitest';
import {
  emptyHistory,
  inverse,
  patchBody,
  record,
  requestsFor,
  restoreBody,
  takeRedo,
  takeUndo,
  type AreaSnapshot,
  type History,
} from '../../client/store/history';

const square: AreaSnapshot['geometry'] = {
  type: 'Polygon',
  coordinates: [
    [
      [13.4, 52.5],
      [13.41, 52.5],
      [13.41, 52.51],
      [13.4, 52.51],
      [13.4, 52.5],
    ],
  ],
};
const circle: AreaSnapshot = {
  id: 'ar-1',
  name: '1 km around Mitte',
  kind: 'radius',
  color: '#1f77b4',
  params: { center: [13.4, 52.5], radiusMeters: 1000 },
  geometry: square,
};
const drawn: AreaSnapshot = {
  id: 'ar-2',
  name: 'Park',
  kind: 'polygon',
  color: '#d62728',
  params: {},
  geometry: square,
};

describe('area history (pure)', () => {
  it('undo takes the last step and redo puts it back, in order', () => {
    let h: History = record(record(emptyHistory, { type: 'create', areas: [circle] }), {
      type: 'delete',
      areas: [drawn],
    });
    const first = takeUndo(h)!;
    expect(first.entry).toEqual({ type: 'delete', areas: [drawn] });
    h = first.history;
    const second = takeUndo(h)!;
    expect(second.entry.type).toBe('create');
    h = second.history;
    expect(takeUndo(h)).toBeNull();
    const again = takeRedo(h)!;
    expect(again.entry.type).toBe('create');
    expect(again.history.past).toHaveLength(1);
    expect(again.history.future).toHaveLength(1);
  });

  it('a new step after an undo drops what could be redone', () => {
    const h = takeUndo(record(emptyHistory, { type: 'create', areas: [circle] }))!.history;
    expect(h.future).toHaveLength(1);
    const next = record(h, { type: 'delete', areas: [drawn] });
    expect(next.future).toEqual([]);
    expect(takeRedo(next)).toBeNull();
  });

  it('keeps at most the limit of steps, dropping the oldest', () => {
    let h = emptyHistory;
    for (let i = 0; i < 5; i++)
      h = record(h, { type: 'create', areas: [{ ...drawn, id: `ar-${i}` }] }, 3);
    expect(h.past.map((e) => (e.type === 'create' ? e.areas[0]!.id : ''))).toEqual([
      'ar-2',
      'ar-3',
      'ar-4',
    ]);
  });

  it('undoing a create deletes, undoing a delete re-creates, undoing an edit goes back', () => {
    expect(inverse({ type: 'create', areas: [circle] })).toEqual({
      type: 'delete',
      areas: [circle],
    });
    expect(inverse({ type: 'delete', areas: [circle] })).toEqual({
      type: 'create',
      areas: [circle],
    });
    const renamed = { ...circle, name: 'Renamed' };
    expect(inverse({ type: 'update', before: circle, after: renamed })).toEqual({
      type: 'update',
      before: renamed,
      after: circle,
    });
  });

  it('re-creating a deleted area posts it with the same id; a radius area as centre + radius without geometry', () => {
    const [post] = requestsFor({ type: 'create', areas: [circle] }, () => undefined);
    expect(post).toEqual({
      method: 'POST',
      id: 'ar-1',
      path: '/api/areas',
      body: {
        id: 'ar-1',
        name: circle.name,
        kind: 'radius',
        color: circle.color,
        params: circle.params,
      },
    });
    expect(restoreBody(drawn)).toMatchObject({ id: 'ar-2', kind: 'polygon', geometry: square });
  });

  it('deleting runs one DELETE per area, with the id in the path escaped', () => {
    const requests = requestsFor(
      { type: 'delete', areas: [drawn, { ...drawn, id: 'a/b' }] },
      () => 1,
    );
    expect(requests.map((r) => [r.method, r.path])).toEqual([
      ['DELETE', '/api/areas/ar-2'],
      ['DELETE', '/api/areas/a%2Fb'],
    ]);
  });

  it('an edit is patched with the version the server has now, sending only what changed', () => {
    const before = { ...circle };
    const after = {
      ...circle,
      name: 'Bigger',
      params: { center: circle.params.center, radiusMeters: 1500 },
    };
    const [patch] = requestsFor({ type: 'update', before, after }, (id) =>
      id === 'ar-1' ? 7 : undefined,
    );
    expect(patch).toEqual({
      method: 'PATCH',
      id: 'ar-1',
      path: '/api/areas/ar-1',
      body: { version: 7, name: 'Bigger', params: after.params },
    });
    // Undoing it patches back, again at the current version.
    const [back] = requestsFor(inverse({ type: 'update', before, after }), () => 8);
    expect(back!.method === 'PATCH' && back!.body).toEqual({
      version: 8,
      name: circle.name,
      params: circle.params,
    });
  });

  it('a drawn area edit sends its geometry; an unloaded area cannot be patched', () => {
    const moved: AreaSnapshot = {
      ...drawn,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [13.5, 52.5],
            [13.51, 52.5],
            [13.51, 52.51],
            [13.5, 52.5],
          ],
        ],
      },
    };
    expect(patchBody(drawn, moved, 2)).toEqual({ version: 2, geometry: moved.geometry });
    expect(() =>
      requestsFor({ type: 'update', before: drawn, after: moved }, () => undefined),
    ).toThrow(/not loaded/);
  });
});

describe('a discarded draft', () => {
  const draft = {
    areaId: null,
    version: null,
    shape: 'circle' as const,
    geometry: square,
    circle: { center: [13.4, 52.5] as [number, number], radiusMeters: 500 },
    name: '500 m circle',
    named: false,
    storeName: null,
    color: null,
  };

  it('is undone by showing it again, and redone by discarding it again, without any request', () => {
    const history = record(emptyHistory, { type: 'discardDraft', draft });
    const undone = takeUndo(history)!;
    expect(inverse(undone.entry)).toEqual({ type: 'restoreDraft', draft });
    expect(requestsFor(inverse(undone.entry), () => 1)).toEqual([]);
    expect(takeRedo(undone.history)!.entry).toEqual({ type: 'discardDraft', draft });
    expect(requestsFor({ type: 'discardDraft', draft }, () => 1)).toEqual([]);
  });
});
