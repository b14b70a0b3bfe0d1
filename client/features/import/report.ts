// The end of an import: one report shape for a small file's answer and a finished job, its summary line and the
// rejected rows as a CSV to download.
import type {
  ImportJob,
  ImportKind,
  ImportResult,
  RejectedRow,
} from '../../../server/domain/schemas/import';
import type { Translate } from '../../i18n/types';
import type { ImportReport } from '../../store/slices/imports';

export type { ImportReport };

export function reportFromResult(
  kind: ImportKind,
  fileName: string,
  result: ImportResult,
): ImportReport {
  return {
    kind,
    fileName,
    state: 'done',
    inserted: result.inserted,
    updated: result.updated,
    rejectedCount: result.rejected.length,
    rejected: result.rejected,
    needsPlace: result.needsPlace,
    geocoding: result.geocoding,
    warnings: result.warnings,
    jobId: null,
    error: null,
  };
}

export function reportFromJob(fileName: string, job: ImportJob): ImportReport {
  return {
    kind: job.kind,
    fileName,
    state: job.state,
    inserted: job.inserted,
    updated: job.updated,
    rejectedCount: job.rejected,
    rejected: job.firstRejected,
    needsPlace: job.needsPlace,
    geocoding: job.geocoding,
    warnings: [],
    jobId: job.id,
    error: job.error,
  };
}

/**
 * The toast's line: "2 added, 1 updated", with rejected rows when there are any.
 * @example importSummary({ inserted: 2, updated: 1, rejectedCount: 0 }, t) // '2 added, 1 updated'
 */
export function importSummary(
  report: Pick<ImportReport, 'inserted' | 'updated' | 'rejectedCount'> &
    Partial<Pick<ImportReport, 'needsPlace' | 'geocoding'>>,
  t: Translate,
): string {
  const parts = [
    t('import.summary.added', { count: report.inserted }),
    t('import.summary.updated', { count: report.updated }),
  ];
  if (report.rejectedCount > 0)
    parts.push(t('import.summary.rejected', { count: report.rejectedCount }));
  if (report.geocoding) parts.push(t('import.summary.geocoding', { count: report.geocoding }));
  if (report.needsPlace) parts.push(t('import.summary.needsPlace', { count: report.needsPlace }));
  return parts.join(t('import.summary.separator'));
}

/** A CSV cell: quoted when it needs to be, and never read as a formula by a spreadsheet (OWASP's CSV injection). */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rejected rows as CSV, one line per problem: row, field, reason (the same columns as a job's rejected.csv).
 * The reason stays the server's English, as in the job's rejected.csv: the file is for fixing the data and for other
 * tools, and one wording whatever the viewer's language keeps it comparable; the report on screen words each reason
 * in the viewer's language from its code (ReportStep).
 * @example rejectedCsv([{ row: 3, errors: [{ field: 'email', message: 'not an email' }] }])
 * // 'row,field,message\r\n3,email,not an email\r\n'
 */
export function rejectedCsv(rejected: RejectedRow[]): string {
  const lines = ['row,field,message'];
  for (const { row, errors } of rejected)
    for (const { field, message } of errors) lines.push([row, field, message].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
