// The import API (/api/import/…): preview a file, save a mapping, import, follow and cancel a job. A small typed fetch
// with the API's error handling (problem+json → ProblemError) until the routes are in AppType; then these become hc
// calls like the rest of ./client.
import type {
  ImportJob,
  ImportJobList,
  ImportKind,
  ImportMode,
  ImportPreview,
  ImportResult,
  MappingCreate,
} from '../../server/domain/schemas/import';
import { apiFetch, type RequestOptions } from './http';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

const query = (params: Record<string, string | null | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await apiFetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...init?.headers },
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const sendFile = (file: File, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': contentTypeFor(file.name, file.type) },
  body: file,
  ...(signal ? { signal } : {}),
});

/** The file's first rows, headers and the mapping guessed (or saved before) for them. */
export const previewImport = (
  kind: ImportKind,
  file: File,
  sheet?: string | null,
  options?: RequestOptions,
) =>
  json<ImportPreview>(
    `/api/import/${kind}/preview${query({ sheet })}`,
    sendFile(file, options?.signal),
  );

/** Saves a mapping, so the same header set is mapped the same way next time. */
export const saveMapping = (body: MappingCreate) =>
  json<{ id: string }>('/api/import/mappings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

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
  const response = await apiFetch(
    `/api/import/${kind}${query({ mode, mappingId, sheet })}`,
    sendFile(file),
  );
  const body = (await response.json()) as unknown;
  return response.status === 202
    ? { status: 'job', job: body as ImportJob }
    : { status: 'done', result: body as ImportResult };
}

export const listImportJobs = (options?: RequestOptions) =>
  json<ImportJobList>('/api/import/jobs', options?.signal ? { signal: options.signal } : undefined);
export const getImportJob = (id: string, options?: RequestOptions) =>
  json<ImportJob>(
    `/api/import/jobs/${encodeURIComponent(id)}`,
    options?.signal ? { signal: options.signal } : undefined,
  );
/** Cancels a queued or running job; batches already committed stay (lenient) or are rolled back (strict). */
export const cancelImportJob = (id: string) =>
  json<ImportJob | undefined>(`/api/import/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' });
/** Continues an interrupted job after its last committed row. */
export const resumeImportJob = (id: string) =>
  json<ImportJob>(`/api/import/jobs/${encodeURIComponent(id)}/resume`, { method: 'POST' });
/** The job's rejected rows as CSV (row, field, reason). */
export const rejectedCsvUrl = (id: string) =>
  `/api/import/jobs/${encodeURIComponent(id)}/rejected.csv`;
