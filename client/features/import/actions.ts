// What the import screen does: save the mapping and send the file, follow a large file's job every second (even with
// the dialog closed, and again after a reload), cancel or resume it, and end with a report, a toast and fresh data.
import { listAreas } from '../../api/areas';
import { getBoundaries, getConfig, getStores } from '../../api/client';
import {
  cancelImportJob,
  getImportJob,
  listImportJobs,
  resumeImportJob,
  saveMapping,
  startImport,
} from '../../api/imports';
import type {
  ImportJob,
  ImportKind,
  ImportMapping,
  ImportMode,
  ImportResult,
} from '../../../server/domain/schemas/import';
import { ProblemError } from '../../api/problem';
import { translatorFor } from '../../i18n';
import type { AppStore } from '../../store';
import { can } from '../../store/slices/session';
import { reportError } from '../toast/report';
import { isFinished } from './progress';
import { loadUnplaced } from './unplaced-actions';
import { importSummary, reportFromJob, reportFromResult, type ImportReport } from './report';

export const kindLabel = {
  customers: 'import.kind.customers',
  stores: 'import.kind.stores',
  boundaries: 'import.kind.boundaries',
  purchases: 'import.kind.purchases',
} as const satisfies Record<ImportKind, string>;

/** Where the followed job's id waits for a reload (no file contents, no personal data). */
const JOB_KEY = 'catchment.import.job';
const POLL_MS = 1000;

interface Remembered {
  id: string;
  fileName: string;
}

function remember(value: Remembered | null): void {
  try {
    if (value) localStorage.setItem(JOB_KEY, JSON.stringify(value));
    else localStorage.removeItem(JOB_KEY);
  } catch {
    // Storage may be off (private mode): the job then shows until the page is left, not after.
  }
}

function remembered(): Remembered | null {
  try {
    const value = JSON.parse(localStorage.getItem(JOB_KEY) ?? 'null') as Partial<Remembered> | null;
    return typeof value?.id === 'string'
      ? { id: value.id, fileName: String(value.fileName ?? '') }
      : null;
  } catch {
    return null;
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;

function stopPolling(): void {
  if (timer) clearTimeout(timer);
  timer = null;
}

/** Polls the job every second until it finishes; the store shows each answer. */
export function followJob(store: AppStore, job: ImportJob, fileName: string): void {
  stopPolling();
  remember({ id: job.id, fileName });
  store.getState().setImportJob({ job, fileName });
  if (isFinished(job)) {
    if (job.state !== 'interrupted') finishJob(store, job, fileName);
    return;
  }
  const tick = async () => {
    timer = null;
    try {
      const next = await getImportJob(job.id);
      if (store.getState().importJob?.job.id !== job.id) return; // Someone started another meanwhile.
      store.getState().setImportJob({ job: next, fileName });
      if (isFinished(next)) {
        if (next.state !== 'interrupted') finishJob(store, next, fileName);
        return;
      }
    } catch (error) {
      // A job the server no longer knows is over; a network blip is retried on the next tick.
      if (error instanceof ProblemError && error.status === 404) {
        remember(null);
        store.getState().setImportJob(null);
        return;
      }
    }
    timer = setTimeout(() => void tick(), POLL_MS);
  };
  timer = setTimeout(() => void tick(), POLL_MS);
}

function finishJob(store: AppStore, job: ImportJob, fileName: string): void {
  stopPolling();
  remember(null);
  store.getState().setImportJob(null);
  finish(store, reportFromJob(fileName, job));
}

/** Shows the report, says how it went in a toast that stays, and brings the map's data up to date. */
function finish(store: AppStore, report: ImportReport): void {
  const state = store.getState();
  state.setImportReport(report);
  const t = translatorFor(state.locale);
  // The report again, even after its dialog was closed (which lets go of it).
  const action = {
    label: t('import.toast.report'),
    run: () => {
      store.getState().setImportReport(report);
      store.getState().openImport();
    },
  };
  if (report.state === 'done')
    state.pushToast({
      tone: 'success',
      title: t('import.toast.title', { kind: t(kindLabel[report.kind]) }),
      detail: importSummary(report, t),
      action,
    });
  else
    state.pushToast({
      tone: report.state === 'failed' ? 'error' : 'info',
      title: t(`import.state.${report.state}`),
      detail: [report.error, importSummary(report, t)].filter(Boolean).join('\n'),
      action,
    });
  if (report.inserted + report.updated > 0) void refreshData(store, report.kind);
  // Rows with an address only: "Needs a place" lists them (and follows the geocoder while it looks them up).
  if (report.needsPlace + report.geocoding > 0) void loadUnplaced(store, { refresh: true });
}

/**
 * Brings every open view up to what the import committed, without a loading state (the map neither flickers nor
 * remounts): the stores and the saved areas (their lists show customer counts), the neighbourhoods after a
 * boundaries import, and a new data version for the rest — customer tiles, audiences, comparisons, white space, reach.
 * A workspace of one's own is shown where its data is: when the import moved that extent, the map goes there.
 */
export async function refreshData(store: AppStore, kind: ImportKind): Promise<void> {
  const { setResource, setAreas, bumpDataVersion, flyTo } = store.getState();
  bumpDataVersion();
  try {
    const [stores, areas, boundaries, config] = await Promise.all([
      getStores(),
      listAreas(),
      kind === 'boundaries' ? getBoundaries() : null,
      getConfig(),
    ]);
    setResource('stores', { status: 'ready', data: stores, error: null });
    setAreas({ status: 'ready', data: areas, error: null });
    if (boundaries) setResource('boundaries', { status: 'ready', data: boundaries, error: null });
    const before = store.getState().config.data?.workspace.bbox;
    setResource('config', { status: 'ready', data: config, error: null });
    if (before && before.join() !== config.workspace.bbox.join())
      flyTo({ bbox: config.workspace.bbox });
  } catch (error) {
    reportError(store, error);
  }
}

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  headers: string[];
  mapping: ImportMapping;
  mode: ImportMode;
  sheet: string | null;
}

/** Saves the mapping (so the same columns map alike next time), then sends the file. Failures become toasts. */
export async function runImport(store: AppStore, request: ImportRequest): Promise<boolean> {
  const { kind, file, headers, mapping, mode, sheet } = request;
  try {
    const { id } = await saveMapping({ kind, headers, mapping });
    const answer = await startImport(kind, file, { mode, mappingId: id, sheet });
    if (answer.status === 'job') followJob(store, answer.job, file.name);
    else finish(store, reportFromResult(kind, file.name, answer.result));
    return true;
  } catch (error) {
    // A strict import with bad rows applies nothing and answers 422 with the report inside: show it, rows and all.
    const refused = strictRefusal(error);
    if (refused) {
      finish(store, reportFromResult(kind, file.name, refused));
      return true;
    }
    reportError(store, error);
    return false;
  }
}

function strictRefusal(error: unknown): ImportResult | null {
  if (!(error instanceof ProblemError) || error.status !== 422) return null;
  const problem = error.problem as Partial<ImportResult>;
  if (!Array.isArray(problem.rejected)) return null;
  return {
    inserted: 0,
    updated: 0,
    rejected: problem.rejected,
    needsPlace: 0,
    geocoding: 0,
    warnings: problem.warnings ?? [],
  };
}

export async function cancelJob(store: AppStore): Promise<void> {
  const followed = store.getState().importJob;
  if (!followed) return;
  try {
    await cancelImportJob(followed.job.id);
    const job = await getImportJob(followed.job.id);
    if (isFinished(job)) finishJob(store, job, followed.fileName);
    else store.getState().setImportJob({ job, fileName: followed.fileName });
  } catch (error) {
    reportError(store, error);
  }
}

export async function resumeJob(store: AppStore): Promise<void> {
  const followed = store.getState().importJob;
  if (!followed) return;
  try {
    followJob(store, await resumeImportJob(followed.job.id), followed.fileName);
  } catch (error) {
    reportError(store, error);
  }
}

/** After a reload: shows the job this browser started (or any running one) again, with its progress or Resume. */
export async function restoreImportJob(store: AppStore): Promise<void> {
  if (!can(store.getState().me, 'imports:write') || store.getState().importJob) return;
  const mine = remembered();
  try {
    const { jobs } = await listImportJobs();
    const job =
      jobs.find((j) => j.id === mine?.id && (!isFinished(j) || j.state === 'interrupted')) ??
      jobs.find((j) => !isFinished(j));
    if (!job) {
      remember(null);
      return;
    }
    followJob(store, job, job.id === mine?.id ? mine.fileName : '');
  } catch (error) {
    // Before the import routes exist (404) there is nothing to restore; anything else is worth saying.
    if (!(error instanceof ProblemError && error.status === 404)) reportError(store, error);
  }
}

/** Closes the dialog; the report goes with it, a running job carries on behind the chip. */
export function closeImport(store: AppStore): void {
  store.getState().closeImport();
  store.getState().setImportReport(null);
}
