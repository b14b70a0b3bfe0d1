// What a running import job shows: how far it is, in rows, bytes and time left.
import type { ImportJob, JobState } from '../../../server/domain/schemas/import';
import { formatBytes, formatTimeLeft } from '../../i18n/format';
import type { Translate } from '../../i18n/types';

/** States after which a job changes no more (an interrupted one waits for Resume). */
export const finishedStates: readonly JobState[] = ['done', 'failed', 'cancelled', 'interrupted'];
export const isFinished = (job: Pick<ImportJob, 'state'>) => finishedStates.includes(job.state);

/**
 * How far a job is, 0 to 1, from the bytes read; null when the size is unknown.
 * @example progressFraction({ bytesDone: 50, bytesTotal: 200, state: 'running' }) // 0.25
 */
export function progressFraction(
  job: Pick<ImportJob, 'bytesDone' | 'bytesTotal' | 'state'>,
): number | null {
  if (job.state === 'done') return 1;
  if (job.bytesTotal <= 0) return null;
  return Math.min(1, Math.max(0, job.bytesDone / job.bytesTotal));
}

/**
 * The lines under the progress bar: rows so far, bytes read of the file's size, and time left when the server knows.
 * @example progressLines(job, t, 'en') // ['12,000 rows', '3.4 MB of 10 MB', 'Done in 2 minutes']
 */
export function progressLines(
  job: Pick<ImportJob, 'rowsDone' | 'bytesDone' | 'bytesTotal' | 'etaSeconds' | 'state'>,
  t: Translate,
  locale: string,
): string[] {
  const lines = [t('import.progress.rows', { count: job.rowsDone })];
  if (job.bytesTotal > 0)
    lines.push(
      t('import.progress.bytes', {
        done: formatBytes(locale, job.bytesDone),
        total: formatBytes(locale, job.bytesTotal),
      }),
    );
  if (job.state === 'queued') lines.push(t('import.progress.queued'));
  else if (job.state === 'running' && job.etaSeconds !== null && job.etaSeconds > 0)
    lines.push(t('import.progress.eta', { time: formatTimeLeft(locale, job.etaSeconds) }));
  return lines;
}
