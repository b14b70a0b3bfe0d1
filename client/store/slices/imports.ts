// The import screen: whether it is open (and with which dropped file), the job being followed and the last report.
// (What an import changed is fetched again through the data slice's dataVersion.)
import type { StateCreator } from 'zustand';
import type {
  ImportJob,
  ImportKind,
  ImportWarning,
  JobState,
  RejectedRow,
} from '../../../server/domain/schemas/import';
import type { AppState } from '../index';

/** How an import ended: a small file's answer or a finished job, in one shape (features/import/report builds it). */
export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  state: JobState;
  inserted: number;
  updated: number;
  rejectedCount: number;
  /** The rejected rows with their reasons (a job's first ones; all of them are in its rejected.csv). */
  rejected: RejectedRow[];
  /** Rows with an address but no coordinates still waiting for a place, and how many the geocoder is looking up. */
  needsPlace: number;
  geocoding: number;
  warnings: ImportWarning[];
  /** Set for a job: its rejected rows download from the server. */
  jobId: string | null;
  error: string | null;
}

export interface FollowedJob {
  job: ImportJob;
  fileName: string;
}

export interface ImportsSlice {
  importOpen: boolean;
  /** A file dropped on the app or picked before the dialog opened. */
  importFile: File | null;
  /** The background job shown as a progress bar (and a chip while the dialog is closed). */
  importJob: FollowedJob | null;
  importReport: ImportReport | null;
  openImport: (file?: File | null) => void;
  closeImport: () => void;
  setImportJob: (job: FollowedJob | null) => void;
  setImportReport: (report: ImportReport | null) => void;
}

export const createImportsSlice: StateCreator<AppState, [], [], ImportsSlice> = (set) => ({
  importOpen: false,
  importFile: null,
  importJob: null,
  importReport: null,
  // A new file starts over; opening without one shows what is there (a job's progress, or how the last one ended).
  openImport: (file = null) =>
    set(file ? { importOpen: true, importFile: file, importReport: null } : { importOpen: true }),
  closeImport: () => set({ importOpen: false, importFile: null }),
  setImportJob: (importJob) => set({ importJob }),
  setImportReport: (importReport) => set({ importReport }),
});
