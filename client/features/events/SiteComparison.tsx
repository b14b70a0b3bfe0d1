// Comparing candidate pop-up sites: the user clicks 2–5 points on the map (numbered there), picks a radius, and the
// Details panel shows the customers around each side by side, with the best site (most consented customers) marked.
import { useEffect, useState } from 'react';
import { compareSites } from '../../api/client';
import type { AudienceBreakdown, EventSites, Segment } from '../../api/contract';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { SegmentBuilder } from '../audience/SegmentBuilder';
import { formatDistance, textDirection, useI18n } from '../../i18n';
import { isolate } from '../../i18n/translate';
import type { Translate } from '../../i18n/types';
import { useAppStore } from '../../store';
import { MAX_SITES, MIN_SITES, type SiteCompare } from '../../store/slices/events';
import { PanelHeader } from '../../ui/PanelHeader';
import { StateMessage } from '../../ui/StateMessage';
import { formatCount } from '../audience/hidden-counts';
import { REACH_MAX_M, REACH_MIN_M } from '../details/EventDetails';
import { SegmentChip } from '../audience/SegmentChip';

/** What was asked: the points and radius, and the segment applied. */
type Asked = { compare: SiteCompare; segment: Segment };
type Answer = { for: Asked; sites: EventSites } | { for: Asked; error: true };

/** The age band with most customers, or null when every band is hidden or empty. */
function topAgeBand(breakdown: AudienceBreakdown): string | null {
  let top: { key: string; count: number } | null = null;
  for (const b of breakdown.ageBands)
    if (b.count !== null && b.count > 0 && (!top || b.count > top.count))
      top = { key: b.key, count: b.count };
  return top?.key ?? null;
}

function loyaltyMix(
  locale: string,
  breakdown: AudienceBreakdown,
  k: number | undefined,
  t: Translate,
): string {
  return breakdown.loyaltyTiers
    .map((b) => `${b.key} ${formatCount(locale, b.count, k, t)}`)
    .join(' · ');
}

function Table({ answer }: { answer: EventSites }) {
  const { t, locale, units } = useI18n();
  const distance = (m: number) => formatDistance(locale, m, units.distance);
  const k = answer.minGroupSize;
  const rows: { key: string; label: string; cell: (i: number) => React.ReactNode }[] = [
    {
      key: 'count',
      label: t('sites.count', {
        meters: distance(answer.withinMeters),
      }),
      cell: (i) => formatCount(locale, answer.sites[i]!.count, k, t),
    },
    {
      key: 'consented',
      label: t('sites.consented'),
      cell: (i) => formatCount(locale, answer.sites[i]!.consented, k, t),
    },
    {
      key: 'age',
      label: t('sites.topAge'),
      cell: (i) => topAgeBand(answer.sites[i]!.breakdown) ?? '—',
    },
    {
      key: 'loyalty',
      label: t('sites.loyalty'),
      cell: (i) => loyaltyMix(locale, answer.sites[i]!.breakdown, k, t) || '—',
    },
    {
      key: 'store',
      label: t('sites.nearestStore'),
      cell: (i) => {
        const store = answer.sites[i]!.nearestStore;
        if (!store) return '—';
        // Isolated: after a Latin name, the distance's digits would join its run in RTL.
        const name = isolate(store.name, textDirection(locale) === 'rtl');
        return `${name} (${distance(store.distanceMeters)})`;
      },
    },
  ];
  return (
    <div className="site-table__wrap">
      {answer.best === null ? (
        <p className="muted">{t('sites.noBest')}</p>
      ) : (
        <p className="site-table__best" data-best={answer.best}>
          {t('sites.best', { n: answer.best + 1 })}
        </p>
      )}
      <table className="site-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('sites.measure')}</span>
            </th>
            {answer.sites.map((site) => (
              <th
                key={site.index}
                scope="col"
                data-site={site.index}
                data-best={answer.best === site.index ? 'true' : undefined}
              >
                {t('sites.site', { n: site.index + 1 })}
                {answer.best === site.index && (
                  <span className="site-table__badge">{t('sites.bestBadge')}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {answer.sites.map((site) => (
                <td
                  key={site.index}
                  data-site={site.index}
                  data-best={answer.best === site.index ? 'true' : undefined}
                >
                  {row.cell(site.index)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SiteComparison({ compare }: { compare: SiteCompare }) {
  const { t, locale, units } = useI18n();
  const stop = useAppStore((s) => s.stopSiteCompare);
  const setRadius = useAppStore((s) => s.setSiteRadius);
  const finish = useAppStore((s) => s.finishSitePicking);
  const setBest = useAppStore((s) => s.setSiteBest);
  const start = useAppStore((s) => s.startSiteCompare);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const segment = useAppStore((s) => s.segment);
  const n = compare.points.length;
  // An answer stays on screen only while it answers what is shown: the same points, radius and segment.
  const current =
    answer &&
    answer.for.compare.points === compare.points &&
    answer.for.compare.withinMeters === compare.withinMeters &&
    answer.for.segment === segment
      ? answer
      : null;
  useEffect(() => {
    // A new segment makes the ringed best site stale too.
    if (!current) setBest(null);
  }, [current, setBest]);

  const run = async () => {
    finish();
    setBusy(true);
    const state = useAppStore.getState();
    const asked: Asked = { compare: state.siteCompare!, segment: state.segment };
    try {
      const sites = await compareSites({
        sites: asked.compare.points.map(([lng, lat]) => ({ lng, lat })),
        withinMeters: asked.compare.withinMeters,
        ...(isEmptySegment(asked.segment) ? {} : { segment: asked.segment }),
      });
      setAnswer({ for: asked, sites });
      const now = useAppStore.getState();
      if (now.siteCompare?.points === asked.compare.points && now.segment === asked.segment)
        setBest(sites.best);
    } catch {
      setAnswer({ for: asked, error: true });
    } finally {
      setBusy(false);
    }
  };

  const metersText = formatDistance(locale, compare.withinMeters, units.distance);
  return (
    <div className="details" data-kind="sites">
      <PanelHeader
        kind={t('sites.kind')}
        title={t('sites.title')}
        closeLabel={t('details.close')}
        onClose={stop}
      />
      <div className="details__body site-compare">
        {/* Status and actions first: on a phone the sheet is lowered to them while points are tapped. */}
        <div className="site-compare__bar">
          <p role="status" data-sites={n}>
            {compare.picking
              ? t('sites.picking', { count: n, max: MAX_SITES })
              : t('sites.picked', { count: n })}
          </p>
          <div className="site-compare__actions">
            <button
              type="button"
              className="button"
              disabled={n < MIN_SITES || busy}
              onClick={() => void run()}
            >
              {t('sites.compare')}
            </button>
            <button type="button" className="button button--secondary" onClick={start}>
              {t('sites.restart')}
            </button>
          </div>
        </div>
        <label className="event-reach__radius">
          <span>{t('details.event.radius')}</span>
          <input
            type="range"
            min={REACH_MIN_M}
            max={REACH_MAX_M}
            step={50}
            value={compare.withinMeters}
            aria-valuetext={metersText}
            onChange={(e) => setRadius(Number(e.target.value))}
          />
          <output>{metersText}</output>
        </label>
        <SegmentBuilder />
        <SegmentChip />
        {busy && <StateMessage tone="loading">{t('sites.loading')}</StateMessage>}
        {current && 'error' in current && (
          <StateMessage tone="error">{t('sites.error')}</StateMessage>
        )}
        {current && 'sites' in current && !busy && <Table answer={current.sites} />}
      </div>
    </div>
  );
}

/** While sites are picked, Escape cancels the comparison and Backspace removes the last point (before the app's shortcuts). */
export function useSiteKeys(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)
      )
        return;
      const s = useAppStore.getState();
      if (event.key === 'Escape') s.stopSiteCompare();
      else if (event.key === 'Backspace') s.removeLastSitePoint();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [active]);
}
