// "Report" on a saved area or a comparison: opens the print-ready report in a new tab, with the segment and language
// in force (read from the app's URL, which follows them).
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { reportHref, type ReportTarget } from './report-route';

export function ReportLink({ target }: { target: ReportTarget }) {
  const { t } = useI18n();
  // Re-rendered when the segment changes, so the link carries the one in force.
  useAppStore((s) => s.segment);
  return (
    <a
      className="button button--secondary"
      href={reportHref(target, location.search)}
      target="_blank"
      rel="noopener"
      data-action="open-report"
    >
      {t(target.kind === 'area' ? 'report.open' : 'report.openCompare')}
    </a>
  );
}
