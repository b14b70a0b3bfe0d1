import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cancelJob,
  closeImport,
  restoreImportJob,
  resumeJob,
  runImport,
} from '../../client/features/import/actions';
import type { Me } from '../../client/api/contract';
import { createAppStore } from '../../client/store';
import type { ImportJob } from '../../server/domain/schemas/import';

const JOB_KEY = 'catchment.import.job';

const job = (change: Partial<ImportJob> = {}): ImportJob => ({
  id: 'job-1',
  kind: 'customers',
  mode: 'lenient',
  state: 'running',
  rowsDone: 1000,
  bytesDone: 100,
  bytesTotal: 1000,
  etaSeconds: 9,
  inserted: 1000,
  updated: 0,
  rejected: 0,
  needsPlace: 0,
  geocoding: 0,
  error: null,
  firstRejected: [],
  createdAt: '2026-12-07T05:00:00Z',
  updatedAt: '2026-12-07T05:00:01Z',
  ...change,
});

const config = {
  workspace: { name: 'Mine', center: [11.57, 48.14], zoom: 10, bbox: [11.4, 48.0, 11.7, 48.3] },
  basemap: { styleUrl: null },
};

const me = {
  user: { id: 'us-1', email: 'owner@example.test', name: 'Owner', role: 'owner', storeIds: [] },
  permissions: ['imports:write'],
  customerAccess: 'all',
} as unknown as Me;

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };
const calls: string[] = [];

/** Answers requests from a queue per "METHOD path", the last answer repeating. */
function serve(routes: Record<string, Answer[]>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${String(input).split('?')[0]}`;
      calls.push(key);
      const queue = routes[key];
      if (!queue) throw new Error(`unexpected ${key}`);
      const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json', ...answer.headers },
      });
    }),
  );
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

const file = new File(['Kundennr;E-Mail\n1;a@example.test\n'], 'Kunden.csv', { type: 'text/csv' });
const request = {
  kind: 'customers' as const,
  file,
  headers: ['Kundennr', 'E-Mail'],
  mapping: { columns: { Kundennr: 'id', 'E-Mail': 'email' }, values: {}, dateFormat: null },
  mode: 'lenient' as const,
  sheet: null,
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('localStorage', memoryStorage());
  calls.length = 0;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('following an import job', () => {
  it('a large file runs as a job polled every second, then ends in a report, a toast and fresh customer tiles', async () => {
    const store = createAppStore();
    serve({
      'POST /api/import/mappings': [{ status: 201, body: { id: 'map-1' } }],
      'POST /api/import/customers': [
        {
          status: 202,
          body: job({ state: 'queued' }),
          headers: { Location: '/api/import/jobs/job-1' },
        },
      ],
      'GET /api/import/jobs/job-1': [
        { body: job() },
        { body: job({ state: 'done', bytesDone: 1000, inserted: 2, updated: 1, rejected: 1 }) },
      ],
      'GET /api/stores': [{ body: { type: 'FeatureCollection', features: [] } }],
      'GET /api/areas': [{ body: { type: 'FeatureCollection', features: [] } }],
      'GET /api/config': [{ body: config }],
    });
    // A workspace of one's own, still over Berlin: the import's data is elsewhere.
    const berlin = { ...config.workspace, bbox: [13.08, 52.33, 13.77, 52.68] as const };
    store.getState().setResource('config', {
      status: 'ready',
      data: { ...config, workspace: { ...berlin, bbox: [...berlin.bbox] } },
      error: null,
    } as never);
    await expect(runImport(store, request)).resolves.toBe(true);
    expect(store.getState().importJob).toMatchObject({
      job: { state: 'queued' },
      fileName: 'Kunden.csv',
    });
    expect(JSON.parse(localStorage.getItem(JOB_KEY)!)).toEqual({
      id: 'job-1',
      fileName: 'Kunden.csv',
    });

    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().importJob?.job.state).toBe('running');
    await vi.advanceTimersByTimeAsync(1000);

    const state = store.getState();
    expect(state.importJob).toBeNull();
    expect(state.importReport).toMatchObject({
      state: 'done',
      inserted: 2,
      updated: 1,
      rejectedCount: 1,
      jobId: 'job-1',
    });
    expect(state.toasts).toMatchObject([
      { tone: 'success', title: 'Customers imported', detail: '2 added, 1 updated, 1 rejected' },
    ]);
    // Fresh data: a new data version (tiles, audiences, comparisons ask again) and the stores with their counts.
    expect(state.dataVersion).toBe(1);
    expect(state.stores).toMatchObject({ status: 'ready', data: { features: [] } });
    expect(state.areas).toMatchObject({ status: 'ready', data: { features: [] } });
    // The map goes where the workspace's data now is.
    expect(state.cameraRequest?.target).toEqual({ bbox: config.workspace.bbox });
    expect(localStorage.getItem(JOB_KEY)).toBeNull();
    // Saved the mapping first, then sent the file with it; no polling after the end.
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([
      'POST /api/import/mappings',
      'POST /api/import/customers',
      'GET /api/import/jobs/job-1',
      'GET /api/import/jobs/job-1',
      'GET /api/stores',
      'GET /api/areas',
      'GET /api/config',
    ]);
  });

  it('a small file answers with its report at once', async () => {
    const store = createAppStore();
    const rejected = [{ row: 3, errors: [{ field: 'email', message: 'not an email address' }] }];
    serve({
      'POST /api/import/mappings': [{ status: 201, body: { id: 'map-1' } }],
      'POST /api/import/customers': [{ body: { inserted: 2, updated: 1, rejected, warnings: [] } }],
      'GET /api/stores': [{ body: { type: 'FeatureCollection', features: [] } }],
      'GET /api/areas': [{ body: { type: 'FeatureCollection', features: [] } }],
      'GET /api/config': [{ body: config }],
    });
    await runImport(store, request);
    expect(store.getState().importReport).toMatchObject({ state: 'done', rejected, jobId: null });
    expect(store.getState().toasts[0]).toMatchObject({ detail: '2 added, 1 updated, 1 rejected' });
    expect(localStorage.getItem(JOB_KEY)).toBeNull();
    // The toast's button brings the report back, even after the dialog was closed.
    closeImport(store);
    expect(store.getState().importReport).toBeNull();
    const { action } = store.getState().toasts[0]!;
    expect(action?.label).toBe('Show report');
    action!.run();
    expect(store.getState()).toMatchObject({ importOpen: true, importReport: { rejected } });
  });

  it('a refused file says why in a toast and leaves the dialog as it was', async () => {
    const store = createAppStore();
    serve({
      'POST /api/import/mappings': [{ status: 201, body: { id: 'map-1' } }],
      'POST /api/import/customers': [
        {
          status: 413,
          body: {
            type: 'about:blank',
            title: 'File too large',
            status: 413,
            detail: 'The limit is 200 MB.',
          },
          headers: { 'content-type': 'application/problem+json' },
        },
      ],
    });
    await expect(runImport(store, request)).resolves.toBe(false);
    // The title is the client's own word for the status; a detail without a code the client knows is the server's.
    expect(store.getState().toasts).toMatchObject([{ tone: 'error', title: 'Too large' }]);
    expect(store.getState().importReport).toBeNull();
  });

  it('after a reload the job this browser started shows again and is followed', async () => {
    localStorage.setItem(JOB_KEY, JSON.stringify({ id: 'job-1', fileName: 'Kunden.csv' }));
    const store = createAppStore();
    store.getState().setMe(me);
    serve({
      'GET /api/import/jobs': [{ body: { jobs: [job({ id: 'job-0', state: 'done' }), job()] } }],
      'GET /api/import/jobs/job-1': [{ body: job({ rowsDone: 5000 }) }],
    });
    await restoreImportJob(store);
    expect(store.getState().importJob).toMatchObject({
      job: { id: 'job-1' },
      fileName: 'Kunden.csv',
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().importJob?.job.rowsDone).toBe(5000);
  });

  it('an interrupted job waits for Resume, which follows it again', async () => {
    localStorage.setItem(JOB_KEY, JSON.stringify({ id: 'job-1', fileName: 'Kunden.csv' }));
    const store = createAppStore();
    store.getState().setMe(me);
    serve({
      'GET /api/import/jobs': [{ body: { jobs: [job({ state: 'interrupted' })] } }],
      'POST /api/import/jobs/job-1/resume': [{ body: job() }],
      'GET /api/import/jobs/job-1': [{ body: job({ rowsDone: 2000 }) }],
    });
    await restoreImportJob(store);
    expect(store.getState().importJob?.job.state).toBe('interrupted');
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toEqual(['GET /api/import/jobs']);

    await resumeJob(store);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.getState().importJob?.job).toMatchObject({ state: 'running', rowsDone: 2000 });
  });

  it('Cancel stops the job and reports what it did before', async () => {
    const store = createAppStore();
    serve({
      'POST /api/import/mappings': [{ status: 201, body: { id: 'map-1' } }],
      'POST /api/import/customers': [{ status: 202, body: job() }],
      'DELETE /api/import/jobs/job-1': [{ status: 204, body: null }],
      'GET /api/import/jobs/job-1': [{ body: job({ state: 'cancelled', inserted: 500 }) }],
      'GET /api/stores': [{ body: { type: 'FeatureCollection', features: [] } }],
      'GET /api/areas': [{ body: { type: 'FeatureCollection', features: [] } }],
      'GET /api/config': [{ body: config }],
    });
    await runImport(store, request);
    await cancelJob(store);
    expect(store.getState().importJob).toBeNull();
    expect(store.getState().importReport).toMatchObject({ state: 'cancelled', inserted: 500 });
    expect(store.getState().toasts[0]).toMatchObject({ tone: 'info', title: 'Import cancelled' });
    // Asked once how the cancelled job ended, then never polled again.
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls.filter((call) => call === 'GET /api/import/jobs/job-1')).toHaveLength(1);
  });

  it('without the permission, nothing is asked after a reload', async () => {
    const store = createAppStore();
    serve({});
    await restoreImportJob(store);
    expect(calls).toEqual([]);
  });
});
