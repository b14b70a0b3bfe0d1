// Who is inside a target, live: headline figures, small breakdown charts, the segment builder and (for saved
// areas) the consented-only CSV export. While a newer answer is on its way the last figures stay, dimmed.
import { useId, useState } from 'react';
import { fieldMessage } from '../../api/field-messages';
import { audienceExportUrl } from '../../api/client';
import { formatProblem } from '../../api/problem';
import type { Audience } from '../../api/contract';
import { formatMoney, formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { StateMessage } from '../../ui/StateMessage';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { SegmentChip } from './SegmentChip';
import { BarChart } from './BarChart';
import { breakdownCharts } from './breakdowns';
import { byIndex } from './chart';
import { CityLegend } from './CityLegend';
import { SegmentBuilder } from './SegmentBuilder';
import { useAudience, type AudienceTarget } from './useAudience';
import { useCurrency } from './useFacets';
import { formatCount } from './hidden-counts';
import { can } from '../../store/slices/session';

interface AudiencePanelProps {
  target: AudienceTarget;
  /** Heading; "Audience" unless the place suggests better words ("Who lives here"). */
  title?: string;
}

/** Totals fit the figure's column: whole units, and compact ("€1.2M") from a million on. */
function wholeMoney(value: number): Intl.NumberFormatOptions {
  return Math.abs(value) >= 1e6
    ? { notation: 'compact', maximumFractionDigits: 1 }
    : { minimumFractionDigits: 0, maximumFractionDigits: 0 };
}

function Figures({ audience, currency }: { audience: Audience; currency: string }) {
  const { t, locale } = useI18n();
  const k = audience.minGroupSize;
  const share =
    audience.count !== null && audience.consented !== null && audience.count > 0
      ? audience.consented / audience.count
      : null;
  const money = (value: number | null, cents: boolean) =>
    value === null
      ? t('audience.hiddenValue')
      : formatMoney(locale, value, currency, cents ? {} : wholeMoney(value));
  return (
    <dl className="audience-figures">
      <div
        className="audience-figure"
        data-figure="count"
        data-hidden={audience.count === null || undefined}
      >
        <dt>{t('audience.customers')}</dt>
        <dd>{formatCount(locale, audience.count, k, t)}</dd>
        {k !== undefined && (
          <dd className="audience-figure__note">
            {t('audience.hiddenNote', { k: formatNumber(locale, k) })}
          </dd>
        )}
      </div>
      <div
        className="audience-figure"
        data-figure="consented"
        data-hidden={audience.consented === null || undefined}
      >
        <dt>{t('audience.consented')}</dt>
        <dd>{formatCount(locale, audience.consented, k, t)}</dd>
        {share !== null && (
          <dd className="audience-figure__note">
            {t('audience.consentedShare', {
              percent: formatNumber(locale, share, { style: 'percent', maximumFractionDigits: 0 }),
            })}
          </dd>
        )}
      </div>
      <div className="audience-figure" data-figure="revenue">
        <dt>{t('audience.revenue')}</dt>
        <dd
          title={
            audience.revenue.total === null
              ? undefined
              : formatMoney(locale, audience.revenue.total, currency)
          }
        >
          {money(audience.revenue.total, false)}
        </dd>
      </div>
      <div className="audience-figure" data-figure="avgSpend">
        <dt>{t('audience.avgSpend')}</dt>
        <dd>{money(audience.revenue.avgSpend, true)}</dd>
        <dd className="audience-figure__note">{t('audience.avgSpendNote')}</dd>
      </div>
    </dl>
  );
}

/** Placeholders in the figures' and the charts' places, so nothing jumps when the first answer arrives. */
function FiguresSkeleton() {
  const { t } = useI18n();
  return (
    <div className="audience-skeleton" role="status">
      <span className="visually-hidden">{t('audience.loading')}</span>
      <div className="audience-skeleton__figures" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className="audience-skeleton__block" />
        ))}
      </div>
    </div>
  );
}

function ChartsSkeleton() {
  return (
    <div className="audience-skeleton" aria-hidden="true">
      {[0, 1].map((i) => (
        <span key={i} className="audience-skeleton__chart" />
      ))}
    </div>
  );
}

export function AudiencePanel({ target, title }: AudiencePanelProps) {
  const { t } = useI18n();
  const segment = useAppStore((s) => s.segment);
  const currency = useCurrency();
  const state = useAudience(target, segment);
  const mayExport = useAppStore((s) => can(s.me, 'customers:export'));
  const headingId = useId();
  // Over-represented groups first: a question asked of one area at a time, so it is not kept in the URL.
  const [sortByIndex, setSortByIndex] = useState(false);
  const { data: audience, status, stale } = state;
  const busy = status === 'loading';

  let top;
  let charts = null;
  if (status === 'error') {
    const problem = formatProblem(state.error, t);
    top = (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: state.retry }}>
        <strong className="audience-error__title">
          {problem.title || t('audience.error.title')}
        </strong>
        {problem.detail && <span className="audience-error__detail">{problem.detail}</span>}
        {problem.fields.map((f) => (
          <span
            className="audience-error__detail"
            key={f.field}
          >{`${f.field}: ${fieldMessage(f, t)}`}</span>
        ))}
      </StateMessage>
    );
  } else if (!audience) {
    top = <FiguresSkeleton />;
    charts = <ChartsSkeleton />;
  } else if (audience.count === 0) {
    top = (
      <div className="audience-empty" role="status">
        <p className="audience-empty__title">{t('audience.empty.title')}</p>
        <p>{isEmptySegment(segment) ? t('audience.empty.area') : t('audience.empty.segment')}</p>
      </div>
    );
  } else {
    top = <Figures audience={audience} currency={currency} />;
    charts = (
      <div className="audience-charts">
        {audience.cityCount != null && (
          <CityLegend sorted={sortByIndex} onSortedChange={setSortByIndex} />
        )}
        {breakdownCharts(audience.breakdown, audience.count, t, audience.minGroupSize).map(
          (chart) => (
            <BarChart
              key={chart.id}
              title={chart.title}
              rows={sortByIndex ? byIndex(chart.rows) : chart.rows}
              tone={chart.tone}
              minGroupSize={audience.minGroupSize}
            />
          ),
        )}
      </div>
    );
  }

  return (
    <section
      className="audience"
      aria-labelledby={headingId}
      aria-busy={busy}
      data-status={status}
      data-stale={stale || undefined}
    >
      <header className="audience__header">
        <h3 className="audience__title" id={headingId}>
          {title ?? t('audience.title')}
        </h3>
        <span className="audience__status" role="status">
          {busy && audience && (
            <>
              <span className="spinner spinner--small" aria-hidden="true" />
              {t('audience.updating')}
            </>
          )}
        </span>
      </header>
      <SegmentChip />
      {/* Figures above the segment builder, so the count stays in sight while the segment is edited. */}
      <div className="audience__top">{top}</div>
      <SegmentBuilder />
      {charts}
      {'areaId' in target && mayExport && (
        <footer className="audience__export">
          <SegmentChip />
          <a
            className="button button--secondary"
            href={audienceExportUrl(target.areaId, segment)}
            download
          >
            {t('audience.export')}
          </a>
          <p className="audience__export-note">{t('audience.export.note')}</p>
        </footer>
      )}
    </section>
  );
}
