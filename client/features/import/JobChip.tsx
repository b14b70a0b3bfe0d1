// While the dialog is closed, a running (or interrupted) import stays in sight as a small chip over the map; a click
// opens its progress again.
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useAppStore } from '../../store';
import { kindLabel } from './actions';
import { progressFraction } from './progress';
import { ProgressBar } from './ProgressStep';

export function JobChip() {
  const { t, locale } = useI18n();
  const followed = useAppStore((s) => s.importJob);
  const open = useAppStore((s) => s.importOpen);
  const openImport = useAppStore((s) => s.openImport);
  if (!followed || open) return null;
  const { job } = followed;
  const fraction = progressFraction(job);
  const kind = t(kindLabel[job.kind]);
  const label =
    job.state === 'interrupted'
      ? t('import.chip.interrupted', { kind })
      : t('import.chip.running', {
          kind,
          percent: fraction === null ? '' : formatNumber(locale, fraction, { style: 'percent' }),
        });
  return (
    <button
      type="button"
      className="import-chip"
      data-state={job.state}
      data-testid="import-chip"
      aria-haspopup="dialog"
      onClick={() => openImport()}
    >
      <span className="import-chip__label">{label}</span>
      {job.state !== 'interrupted' && (
        <ProgressBar fraction={fraction} label={t('import.progress.label')} />
      )}
    </button>
  );
}
