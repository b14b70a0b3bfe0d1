// Comparing candidate pop-up sites: the user clicks 2–5 points on the map (numbered there), picks a radius, and the
// Details panel shows the customers around each side by side, with the best site (most consented customers) marked.
import { useEffect, useState } from 'react';
import { compareSites } from '../../api/client';
import type { AudienceBreakdown, EventSites } from '../../api/types';
import { formatNumber, useI18n } from '../../i18n';
import type { Translate } from '../../i18n/types';
import { useAppStore } from '../../store';
import { MAX_SITES, MIN_SITES, type SiteCompare } from '../../store/slices/events';
import { IconButton } from '../../ui/IconButton';
import { StateMessage } from '../../ui/StateMessage';
import { formatCount } from '../audience/hidden-counts';
import { REACH_MAX_M, REACH_MIN_M } from '../details/EventDetails';

type Answer = { for: SiteCompare; sites: EventSites } | { for: SiteCompare; error: true };

/** The age band with most customers, or null when every band is hidden or empty. */
function topAgeBand(breakdown: AudienceBreakdown): string | null {
  let top: { key: string; count: number } | null = null;
  for (const b of breakdown.ageBands) if (b.count !== null && b.count > 0 && (!top || b.count > top.count)) top = { key: b.key, count: b.count };
  return top?.key ?? null;
}

function loyaltyMix(locale: string, breakdown: AudienceBreakdown, k: number | undefined, t: Translate): string {
  return breakdown.loyaltyTiers.map((b) => `${b.key} ${formatCount(locale, b.count, k, t)}`).join(' · ');
}

function Table({ answer }: { answer: EventSites }) {
  const { t, locale } = useI18n();
  const k = answer.minGroupSize;
  const rows: { key: string; label: string; cell: (i: number) => React.ReactNode }[] = [
    { key: 'count', label: t('sites.count', { meters: t('details.event.meters', { meters: formatNumber(locale, answer.withinMeters) }) }), cell: (i) => formatCount(locale, answer.sites[i]!.count, k, t) },
    { key: 'consented', label: t('sites.consented'), cell: (i) => formatCount(locale, answer.sites[i]!.consented, k, t) },
    { key: 'age', label: t('sites.topAge'), cell: (i) => topAgeBand(answer.sites[i]!.breakdown) ?? '—' },
    { key: 'loyalty', label: t('sites.loyalty'), cell: (i) => loyaltyMix(locale, answer.sites[i]!.breakdown, k, t) || '—' },
    {
      key: 'store',
      label: t('sites.nearestStore'),
      cell: (i) => {
        const store = answer.sites[i]!.nearestStore;
        return store ? `${store.name} (${t('details.event.meters', { meters: formatNumber(locale, store.distanceMeters) })})` : '—';
      },
    },
  ];
  return (
    <div className="site-table__wrap">
      {answer.best === null ? (
        <p className="muted">{t('sites.noBest')}</p>
      ) : (
        <p className="site-table__best" data-best={answer.best}>{t('sites.best', { n: answer.best + 1 })}</p>
      )}
      <table className="site-table">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t('sites.measure')}</span></th>
            {answer.sites.map((site) => (
              <th key={site.index} scope="col" data-site={site.index} data-best={answer.best === site.index ? 'true' : undefined}>
                {t('sites.site', { n: site.index + 1 })}
                {answer.best === site.index && <span className="site-table__badge">{t('sites.bestBadge')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {answer.sites.map((site) => (
                <td key={site.index} data-site={site.index} data-best={answer.best === site.index ? 'true' : undefined}>
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
  const { t, locale } = useI18n();
  const stop = useAppStore((s) => s.stopSiteCompare);
  const setRadius = useAppStore((s) => s.setSiteRadius);
  const finish = useAppStore((s) => s.finishSitePicking);
  const setBest = useAppStore((s) => s.setSiteBest);
  const start = useAppStore((s) => s.startSiteCompare);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const n = compare.points.length;
  const current = answer && answer.for.points === compare.points && answer.for.withinMeters === compare.withinMeters ? answer : null;

  const run = async () => {
    finish();
    setBusy(true);
    const asked = useAppStore.getState().siteCompare!;
    try {
      const sites = await compareSites({ sites: asked.points.map(([lng, lat]) => ({ lng, lat })), withinMeters: asked.withinMeters });
      setAnswer({ for: asked, sites });
      if (useAppStore.getState().siteCompare?.points === asked.points) setBest(sites.best);
    } catch {
      setAnswer({ for: asked, error: true });
    } finally {
      setBusy(false);
    }
  };

  const metersText = t('details.event.meters', { meters: formatNumber(locale, compare.withinMeters) });
  return (
    <div className="details" data-kind="sites">
      <header className="details__header">
        <div className="details__heading">
          <p className="details__kind">{t('sites.kind')}</p>
          <h2 className="details__title" id="details-title">{t('sites.title')}</h2>
        </div>
        <IconButton icon="close" label={t('details.close')} onClick={stop} />
      </header>
      <div className="details__body site-compare">
        <p role="status" data-sites={n}>
          {compare.picking ? t('sites.picking', { count: n, max: MAX_SITES }) : t('sites.picked', { count: n })}
        </p>
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
        <div className="site-compare__actions">
          <button type="button" className="button" disabled={n < MIN_SITES || busy} onClick={() => void run()}>
            {t('sites.compare')}
          </button>
          <button type="button" className="button button--secondary" onClick={start}>
            {t('sites.restart')}
          </button>
        </div>
        {busy && <StateMessage tone="loading">{t('sites.loading')}</StateMessage>}
        {current && 'error' in current && <StateMessage tone="error">{t('sites.error')}</StateMessage>}
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
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
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
