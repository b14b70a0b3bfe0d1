// Step 3: what the import did — added, updated, rejected — the first rejected rows with their reasons, and the report.
import { useEffect, useMemo } from 'react';
import { fieldMessage } from '../../api/field-messages';
import { rejectedCsvUrl } from '../../api/imports';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { ImportReport } from '../../store/slices/imports';
import { fieldLabel } from './field-labels';
import { warningText } from './warnings';
import { rejectedCsv } from './report';
import { showUnplaced } from './unplaced-actions';
import { useAppStore } from '../../store';

const ROWS_SHOWN = 10;

/** The download: the job's rejected.csv from the server, or the small file's rows as a CSV built here. */
function useReportHref(report: ImportReport): string {
  const href = useMemo(() => {
    if (report.jobId) return rejectedCsvUrl(report.jobId);
    return URL.createObjectURL(new Blob([rejectedCsv(report.rejected)], { type: 'text/csv' }));
  }, [report]);
  useEffect(() => () => void (href.startsWith('blob:') && URL.revokeObjectURL(href)), [href]);
  return href;
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: string }) {
  const { locale } = useI18n();
  return (
    <div className="import__figure" data-tone={tone}>
      <dt>{label}</dt>
      <dd>{formatNumber(locale, value)}</dd>
    </div>
  );
}

export function ReportStep({
  report,
  onAnother,
  onClose,
}: {
  report: ImportReport;
  onAnother: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const href = useReportHref(report);
  const rows = report.rejected.flatMap(({ row, errors }) => errors.map((e) => ({ row, ...e })));
  const shown = rows.slice(0, ROWS_SHOWN);
  const base = report.fileName.replace(/\.[a-z0-9]+$/i, '') || report.kind;
  return (
    <>
      <div className="import__body" data-testid="import-report" data-state={report.state}>
        <p className="import__progress-title">{t(`import.state.${report.state}`)}</p>
        {report.error && <p className="field__error">{report.error}</p>}
        <dl className="import__figures">
          <Figure label={t('import.report.inserted')} value={report.inserted} tone="success" />
          <Figure label={t('import.report.updated')} value={report.updated} />
          <Figure
            label={t('import.report.rejected')}
            value={report.rejectedCount}
            tone={report.rejectedCount ? 'danger' : undefined}
          />
          {report.geocoding > 0 && (
            <Figure label={t('import.report.geocoding')} value={report.geocoding} />
          )}
          {report.needsPlace > 0 && (
            <Figure
              label={t('import.report.needsPlace')}
              value={report.needsPlace}
              tone="warning"
            />
          )}
        </dl>
        {report.needsPlace + report.geocoding > 0 && (
          <p className="dialog__hint">
            {t('unplaced.hint')}{' '}
            <button
              type="button"
              className="link-button"
              data-action="show-unplaced"
              onClick={() => {
                onClose();
                void showUnplaced(useAppStore);
              }}
            >
              {t('import.report.placeThem')}
            </button>
          </p>
        )}
        {report.warnings.length > 0 && (
          <ul className="import__warnings">
            {report.warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                {warningText(t, w)}
              </li>
            ))}
          </ul>
        )}
        {shown.length > 0 && (
          <div className="import__table-wrap">
            <table className="import__table import__rejected">
              <caption className="import__section-title">{t('import.report.rowsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.report.row')}</th>
                  <th scope="col">{t('import.report.field')}</th>
                  <th scope="col">{t('import.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={i}>
                    <td className="import__num">{formatNumber(locale, r.row)}</td>
                    <td title={r.field}>{fieldLabel(t, r.field)}</td>
                    <td data-code={r.code}>{fieldMessage(r, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > ROWS_SHOWN && (
              <p className="dialog__hint">
                {t('import.report.more', { count: rows.length - ROWS_SHOWN })}
              </p>
            )}
          </div>
        )}
        {report.jobId && report.rejectedCount > report.rejected.length && (
          <p className="dialog__hint">{t('import.report.jobRows')}</p>
        )}
      </div>
      <footer className="import__footer">
        {
          <a
            className="button button--secondary import__download"
            href={href}
            download={`${base}-rejected.csv`}
          >
            {t('import.report.download')}
          </a>
        }
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('import.report.another')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('import.report.close')}
        </button>
      </footer>
    </>
  );
}
