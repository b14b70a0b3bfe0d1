// The import API (/api/import/…): preview a file, save a mapping, import, follow and cancel a job. Typed calls of the
// server's routes (./http) like the rest of ./client; a file goes as the raw request body with its own Content-Type,
// which the routes take as a stream (their schema declares no JSON body, so hc gets the file through `init`).
import type { ClientRequestOptions } from 'hono/client';
import type {
  ImportJob,
  ImportKind,
  ImportMode,
  ImportResult,
  MappingCreate,
} from '../../server/domain/schemas/import';
import { XLSX_MEDIA_TYPE } from '../../server/domain/schemas/import';
import { answer, api, byId, init, type RequestOptions } from './http';

export const XLSX_TYPE = XLSX_MEDIA_TYPE;

/**
 * The Content-Type to send a file as: from its extension first (browsers call a CSV `application/vnd.ms-excel` on
 * Windows, or nothing at all), else from the type the browser gave.
 * @example contentTypeFor('Kunden.CSV', '') // 'text/csv'
 */
export function contentTypeFor(name: string, type: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'text/csv';
  if (ext === 'xlsx') return XLSX_TYPE;
  if (ext === 'geojson' || ext === 'json') return 'application/geo+json';
  if (type === XLSX_TYPE) return XLSX_TYPE;
  return type.includes('json') ? 'application/geo+json' : 'text/csv';
}

/** A call's options that send `file` as the body, typed by its name (and abortable). */
const withFile = (file: File, signal?: AbortSignal): ClientRequestOptions => ({
  headers: { 'Content-Type': contentTypeFor(file.name, file.type) },
  init: { body: file, ...(signal ? { signal } : {}) },
});

/** The file's first rows, headers and the mapping guessed (or saved before) for them. */
export const previewImport = (
  kind: ImportKind,
  file: File,
  sheet?: string | null,
  options?: RequestOptions,
) =>
  answer(
    api.import[':kind'].preview.$post(
      { param: { kind }, query: { sheet: sheet ?? undefined } },
      withFile(file, options?.signal),
    ),
  );

/** Saves a mapping, so the same header set is mapped the same way next time. */
export const saveMapping = (body: MappingCreate) =>
  answer(api.import.mappings.$post({ json: body }));

/** What an import answers: the report for a small file, or the job a large one runs as. */
export type ImportStart =
  { status: 'done'; result: ImportResult } | { status: 'job'; job: ImportJob };

export async function startImport(
  kind: ImportKind,
  file: File,
  {
    mode,
    mappingId,
    sheet,
  }: { mode: ImportMode; mappingId?: string | null; sheet?: string | null },
): Promise<ImportStart> {
  const call = api.import[':kind'].$post(
    {
      param: { kind },
      query: { mode, mappingId: mappingId ?? undefined, sheet: sheet ?? undefined },
    },
    withFile(file),
  );
  const response = await call;
  if (response.status === 202)
    return { status: 'job', job: await answer(Promise.resolve(response)) };
  return { status: 'done', result: await answer(Promise.resolve(response)) };
}

export const listImportJobs = (options?: RequestOptions) =>
  answer(api.import.jobs.$get(undefined, init(options)));
export const getImportJob = (id: string, options?: RequestOptions) =>
  answer(api.import.jobs[':id'].$get(byId(id), init(options)));
/** Cancels a queued or running job; batches already committed stay (lenient) or are rolled back (strict). */
export const cancelImportJob = (id: string) => answer(api.import.jobs[':id'].$delete(byId(id)));
/** Continues an interrupted job after its last committed row. */
export const resumeImportJob = (id: string) =>
  answer(api.import.jobs[':id'].resume.$post(byId(id)));
/** The job's rejected rows as CSV (row, field, reason): a link to download, not a call. */
export const rejectedCsvUrl = (id: string) =>
  api.import.jobs[':id']['rejected.csv'].$path(byId(id));
