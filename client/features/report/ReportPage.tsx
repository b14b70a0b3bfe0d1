// A report to hand on: a print-ready page for one saved area or a comparison — the map image with the stores, the key
// figures (side by side in a comparison), then per area its profile against the city, top over-represented groups,
// events nearby and campaigns. Print from the browser (print CSS in styles/report.css), or download the server's PDF. When every section has its data and
// the map image is drawn, <html data-report-ready> tells the PDF printer to go ahead.
import { useEffect, useId, useRef, useState } from 'react';
import { postAudience } from '../../api/client';
import type { Audience } from '../../api/contract';
import type { AreaFeature } from '../../api/areas';
import { dateTimeFormat, formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { StateMessage } from '../../ui/StateMessage';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { segmentSummary } from '../audience/segment-summary';
import { useCurrency } from '../audience/useFacets';
import { AreaReport } from './AreaReport';
import { ReportActions } from './ReportActions';
import { FiguresSideBySide } from './ReportFigures';
import { useMapImage } from './useMapImage';
import { useReadyFlag } from './useReadyFlag';
import type { ReportTarget } from './report-route';

type Audiences =
  { status: 'loading' } | { status: 'ready'; audiences: Audience[] } | { status: 'error' };

function useAudiences(areaIds: string[], ready: boolean): Audiences {
  const segment = useAppStore((s) => s.segment);
  const [state, setState] = useState<Audiences>({ status: 'loading' });
  const key = areaIds.join(',');
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    Promise.all(
      key
        .split(',')
        .map((areaId) => postAudience({ areaId, segment }, { signal: controller.signal })),
    ).then(
      (audiences) => setState({ status: 'ready', audiences }),
      () => !controller.signal.aborted && setState({ status: 'error' }),
    );
    return () => controller.abort();
  }, [key, segment, ready]);
  return state;
}

/** One area of a comparison under its own title, which names each of its sections first. */
function ComparedArea({ area, audience, at }: { area: AreaFeature; audience: Audience; at: Date }) {
  const titleId = useId();
  return (
    <article className="report-article" aria-labelledby={titleId}>
      <h2 className="report-article__title" id={titleId}>
        <span className="report-swatch" style={{ background: area.properties.color }} />
        {area.properties.name}
      </h2>
      <AreaReport area={area} audience={audience} at={at} figures={false} areaTitleId={titleId} />
    </article>
  );
}

export function ReportPage({ target }: { target: ReportTarget }) {
  const { t, locale } = useI18n();
  const currency = useCurrency();
  const segment = useAppStore((s) => s.segment);
  const areasResource = useAppStore((s) => s.areas);
  const loaded = useAppStore(
    (s) =>
      s.areas.status !== 'loading' &&
      s.areas.status !== 'idle' &&
      s.stores.status !== 'loading' &&
      s.config.status === 'ready',
  );
  const storeName = useAppStore((s) => s.stores.data?.features);
  const areas = target.areaIds
    .map((id) => areasResource.data?.features.find((f) => f.id === id))
    .filter((a): a is AreaFeature => a !== undefined);
  const missing = loaded && areas.length < target.areaIds.length;
  const audiences = useAudiences(target.areaIds, loaded && !missing);
  const map = useMapImage(loaded && !missing ? areas : null);
  // The instant the report speaks for, fixed when the page opens.
  const [at] = useState(() => new Date());
  const rootRef = useRef<HTMLElement>(null);
  const failed = missing || audiences.status === 'error' || map.status === 'error';
  useReadyFlag(rootRef, failed ? 'error' : audiences.status === 'ready' && map.status === 'ready');

  useEffect(() => {
    document.title = t('report.documentTitle', {
      name: areas.map((a) => a.properties.name).join(' · ') || t('report.title'),
    });
  }, [areas, t]);

  const segmentText = isEmptySegment(segment)
    ? t('report.segment.none')
    : segmentSummary(segment, {
        t,
        locale,
        currency,
        storeName: (id) => storeName?.find((s) => s.id === id)?.properties.name,
      }).join(' · ');
  const date = dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(at);

  let body;
  if (missing) body = <StateMessage tone="error">{t('report.missing')}</StateMessage>;
  else if (audiences.status === 'error')
    body = <StateMessage tone="error">{t('report.error')}</StateMessage>;
  else if (audiences.status === 'loading' || !loaded)
    body = <StateMessage tone="loading">{t('report.loading')}</StateMessage>;
  else
    body = (
      <>
        {areas.length > 1 && <FiguresSideBySide areas={areas} audiences={audiences.audiences} />}
        {areas.map((area, i) =>
          areas.length > 1 ? (
            <ComparedArea key={area.id} area={area} audience={audiences.audiences[i]!} at={at} />
          ) : (
            <article className="report-article" key={area.id}>
              <AreaReport area={area} audience={audiences.audiences[i]!} at={at} />
            </article>
          ),
        )}
      </>
    );

  return (
    <main className="report" ref={rootRef} data-kind={target.kind}>
      <ReportActions target={target} />
      <header className="report-header">
        <p className="report-header__kind">
          {t(target.kind === 'area' ? 'report.kind.area' : 'report.kind.compare')}
        </p>
        <h1>{areas.map((a) => a.properties.name).join(' · ') || t('report.title')}</h1>
        <dl className="report-header__meta">
          <div>
            <dt>{t('report.date')}</dt>
            <dd>{date}</dd>
          </div>
          <div>
            <dt>{t('report.segment')}</dt>
            <dd data-segment>{segmentText}</dd>
          </div>
          {areas.length > 1 && (
            <div>
              <dt>{t('report.areas')}</dt>
              <dd>{formatNumber(locale, areas.length)}</dd>
            </div>
          )}
        </dl>
      </header>
      {!missing && (
        <figure className="report-map">
          {map.status === 'ready' ? (
            <img
              src={map.url}
              alt={t('report.map.alt', { names: areas.map((a) => a.properties.name).join(', ') })}
            />
          ) : map.status === 'error' ? (
            <StateMessage tone="error">{t('report.map.error')}</StateMessage>
          ) : (
            <div className="report-map__placeholder" aria-hidden="true" />
          )}
          <figcaption>{t('report.map.caption')}</figcaption>
        </figure>
      )}
      {body}
    </main>
  );
}
