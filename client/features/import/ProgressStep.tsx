// Step 2 for a large file: the job's progress bar (rows, bytes, time left), Cancel, or Resume after an interruption.
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useAppStore } from '../../store';
import type { FollowedJob } from '../../store/slices/imports';
import { cancelJob, resumeJob } from './actions';
import { progressFraction, progressLines } from './progress';

export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  const { locale } = useI18n();
  return (
    <div
      className="import__bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(fraction === null
        ? { 'data-indeterminate': 'true' }
        : {
            'aria-valuenow': Math.round(fraction * 100),
            'aria-valuetext': formatNumber(locale, fraction, { style: 'percent' }),
          })}
    >
      <span className="import__bar-fill" style={{ inlineSize: `${(fraction ?? 0.3) * 100}%` }} />
    </div>
  );
}

export function ProgressStep({ followed, onHide }: { followed: FollowedJob; onHide: () => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const { job, fileName } = followed;
  const interrupted = job.state === 'interrupted';
  const act = async (action: typeof cancelJob) => {
    setBusy(true);
    await action(useAppStore);
    setBusy(false);
  };
  return (
    <>
      <div
        className="import__body import__progress"
        data-testid="import-progress"
        data-state={job.state}
      >
        <p className="import__progress-title">
          {interrupted
            ? t('import.state.interrupted')
            : t('import.progress.title', { file: fileName || job.id })}
        </p>
        <ProgressBar fraction={progressFraction(job)} label={t('import.progress.label')} />
        <p className="import__progress-lines" aria-live="polite">
          {progressLines(job, t, locale).map((line, i) => (
            <span key={i}>{line}</span>
          ))}
        </p>
        <p className="dialog__hint">
          {interrupted ? t('import.interrupted.hint') : t('import.progress.background')}
        </p>
      </div>
      <footer className="import__footer">
        <button type="button" className="button button--secondary" onClick={onHide}>
          {t('import.progress.hide')}
        </button>
        {interrupted ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void act(resumeJob)}
          >
            {t('import.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            data-testid="import-cancel"
            onClick={() => void act(cancelJob)}
          >
            {busy ? t('import.progress.cancelling') : t('import.progress.cancel')}
          </button>
        )}
      </footer>
    </>
  );
}
