// The report's toolbar (never printed): back to the map, print, and the server's PDF in A4 or Letter.
import { useI18n } from '../../i18n';
import { reportPdfHref, type ReportTarget } from './report-route';

/** The app with the report's parameters dropped: the area stays selected, or the comparison open. */
function mapHref(target: ReportTarget, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('report');
  if (target.kind === 'area') params.set('sel', `area:${target.areaIds[0]}`);
  else params.set('cmp', target.areaIds.join(','));
  return `/?${params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%3B/gi, ';')}`;
}

export function ReportActions({ target }: { target: ReportTarget }) {
  const { t, locale } = useI18n();
  const search = location.search;
  return (
    <nav className="report-actions" aria-label={t('report.actions')}>
      <a className="button button--secondary" href={mapHref(target, search)}>
        {t('report.backToMap')}
      </a>
      <span className="report-actions__spacer" />
      <button type="button" className="button button--secondary" onClick={() => window.print()}>
        {t('report.print')}
      </button>
      {(['A4', 'Letter'] as const).map((format) => (
        <a
          key={format}
          className="button button--primary"
          href={reportPdfHref(target, search, format, locale)}
          download
        >
          {t('report.pdf', { format })}
        </a>
      ))}
    </nav>
  );
}
