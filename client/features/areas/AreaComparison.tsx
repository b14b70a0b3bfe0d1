// Areas side by side (a franchise manager's trade areas): tick 2 to 8 saved areas and see, per figure, a bar per area
// in its colour — customers, penetration, density, revenue, spend, lapsed share, loyalty mix — and what each pair
// shares (the cannibalisation between two stores' areas). The compared areas stand out on the map. Escape closes.
import { useEffect, useMemo, useState } from 'react';
import type { AreaComparison as Comparison, AreaOverlap, ComparedArea } from '../../api/contract';
import { formatMoney, formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { MAX_COMPARED_AREAS } from '../../store/slices/areas';
import { PanelHeader } from '../../ui/PanelHeader';
import { StateMessage } from '../../ui/StateMessage';
import { useEscapeKey } from '../../ui/useEscapeKey';
import { useCurrency } from '../audience/useFacets';
import { SegmentChip } from '../audience/SegmentChip';
import { formatCount } from '../audience/hidden-counts';
import { CompareActions } from './CompareActions';
import { CompareBars, type CompareBar } from './CompareBars';
import { CompareBehaviour, CompareWindowPicker } from './CompareBehaviour';
import { densityInUnits, formatKm2 } from './format';
import { useAreaComparison } from './useAreaComparison';
import { CompareIndices } from './CompareIndices';
import { ReportLink } from '../report/ReportLink';
import { fitAreas } from './actions';
import { distinctFraction } from '../../format/distinct-digits';

type Metric =
  | 'customers'
  | 'penetration'
  | 'density'
  | 'revenue'
  | 'avgSpend'
  | 'lapsedShare'
  | 'consented'
  | 'population'
  | 'areaKm2';
const METRICS: Metric[] = [
  'customers',
  'penetration',
  'density',
  'revenue',
  'avgSpend',
  'lapsedShare',
  'consented',
  'population',
  'areaKm2',
];
const TIERS = ['none', 'bronze', 'silver', 'gold'] as const;

function Figures({ comparison }: { comparison: Comparison }) {
  const { t, locale, units } = useI18n();
  const currency = useCurrency();
  const k = comparison.minGroupSize;
  const hidden = t('audience.hiddenValue');
  // Each figure's values get the decimals that tell them apart (0.06 %, 0.11 %, 0.13 %), the same for every area.
  const digits = (metric: 'penetration' | 'lapsedShare' | 'density', scale = 1) =>
    distinctFraction(
      comparison.areas.map((a) => a[metric]),
      { scale },
    );
  const penetration = digits('penetration', 100);
  const lapsed = digits('lapsedShare', 100);
  const density = digits('density', densityInUnits(1, units.distance));
  const pct = (v: number, fraction: Intl.NumberFormatOptions) =>
    formatNumber(locale, v, { style: 'percent', ...fraction });
  const text: Record<Metric, (a: ComparedArea) => string> = {
    customers: (a) => formatCount(locale, a.customers, k, t),
    consented: (a) => formatCount(locale, a.consented, k, t),
    penetration: (a) => (a.penetration === null ? hidden : pct(a.penetration, penetration)),
    density: (a) =>
      a.density === null
        ? hidden
        : formatNumber(locale, densityInUnits(a.density, units.distance), density),
    revenue: (a) =>
      a.revenue === null
        ? hidden
        : formatMoney(locale, a.revenue, currency, { maximumFractionDigits: 0 }),
    avgSpend: (a) => (a.avgSpend === null ? hidden : formatMoney(locale, a.avgSpend, currency)),
    lapsedShare: (a) => (a.lapsedShare === null ? hidden : pct(a.lapsedShare, lapsed)),
    population: (a) => `${a.populationComplete ? '' : '≥ '}${formatNumber(locale, a.population)}`,
    areaKm2: (a) => formatKm2(locale, a.areaKm2, units.distance),
  };
  const bars = (metric: Metric): CompareBar[] =>
    comparison.areas.map((a) => ({
      id: a.id,
      label: a.name,
      color: a.color,
      value: a[metric],
      text: text[metric](a),
    }));
  return (
    <>
      {METRICS.map((metric) => (
        <CompareBars
          key={metric}
          metric={metric}
          title={
            metric === 'density' && units.distance === 'imperial'
              ? t('compare.metric.densityMi2')
              : t(`compare.metric.${metric}`)
          }
          bars={bars(metric)}
        />
      ))}
      <CompareBehaviour comparison={comparison} />
      <LoyaltyMix areas={comparison.areas} />
      <CompareIndices areas={comparison.areas} />
      <Overlaps comparison={comparison} />
    </>
  );
}

/** One stacked bar per area: the share of each loyalty tier among its customers. */
function LoyaltyMix({ areas }: { areas: ComparedArea[] }) {
  const { t, locale } = useI18n();
  const tierCounts = (area: ComparedArea) =>
    TIERS.map((tier) => area.loyaltyTiers.find((b) => b.key === tier)?.count ?? null);
  // One set of decimals for every share in the chart: the tiers of all areas.
  const shares = areas.flatMap((area) => {
    const counts = tierCounts(area);
    const total = counts.reduce<number>((s, c) => s + (c ?? 0), 0);
    return counts.every((c) => c !== null) && total > 0
      ? (counts as number[]).map((c) => c / total)
      : [];
  });
  const percent = (value: number) =>
    formatNumber(locale, value, {
      style: 'percent',
      ...distinctFraction(shares, { scale: 100 }),
    });
  return (
    <figure className="bar-chart compare-mix" data-metric="loyalty">
      <figcaption className="bar-chart__title">{t('compare.loyalty')}</figcaption>
      <ul className="bar-chart__rows">
        {areas.map((area) => {
          const counts = tierCounts(area);
          const known = counts.every((c) => c !== null);
          const total = known ? (counts as number[]).reduce((s, c) => s + c, 0) : 0;
          const words = TIERS.map(
            (tier, i) => `${t(`tier.${tier}`)} ${total > 0 ? percent(counts[i]! / total) : '–'}`,
          ).join(', ');
          return (
            <li className="bar-chart__row" key={area.id} data-area={area.id}>
              <span className="bar-chart__label" title={area.name}>
                {area.name}
              </span>
              <span
                className="bar-chart__track compare-mix__track"
                role="img"
                aria-label={`${area.name}: ${known ? words : t('audience.hiddenValue')}`}
                title={known ? words : undefined}
              >
                {total > 0 &&
                  TIERS.map((tier, i) => (
                    <span
                      key={tier}
                      className={`compare-mix__part bar-chart__bar--tier-${tier}`}
                      style={{ inlineSize: `${(counts[i]! / total) * 100}%` }}
                    />
                  ))}
              </span>
              <span className="bar-chart__count">
                {known && total > 0 ? percent(counts[3]! / total) : t('audience.hiddenValue')}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted compare-mix__legend">{t('compare.loyaltyLegend')}</p>
    </figure>
  );
}

function Overlaps({ comparison }: { comparison: Comparison }) {
  const { t, locale, units } = useI18n();
  const byId = new Map(comparison.areas.map((a) => [a.id, a]));
  // Every share of the list with the same decimals, as many as tell them apart.
  const shares = comparison.overlaps.flatMap((o) =>
    o.sharedCustomers === null
      ? []
      : [byId.get(o.a)!.customers, byId.get(o.b)!.customers].map((whole) =>
          whole ? o.sharedCustomers! / whole : null,
        ),
  );
  const fraction = distinctFraction(shares, { scale: 100 });
  const share = (part: number, whole: number | null) =>
    whole ? formatNumber(locale, part / whole, { style: 'percent', ...fraction }) : '–';
  const line = (o: AreaOverlap) => {
    const a = byId.get(o.a)!;
    const b = byId.get(o.b)!;
    if (o.sharedKm2 === null) return t('compare.sharedUnknown');
    const km2 = formatKm2(locale, o.sharedKm2, units.distance);
    if (o.sharedCustomers === null)
      return t('compare.sharedHidden', {
        k: formatNumber(locale, comparison.minGroupSize ?? 0),
        km2,
      });
    return t('compare.shared', {
      customers: formatNumber(locale, o.sharedCustomers),
      shareA: share(o.sharedCustomers, a.customers),
      a: a.name,
      shareB: share(o.sharedCustomers, b.customers),
      b: b.name,
      km2,
    });
  };
  return (
    <section className="compare-overlaps" aria-labelledby="compare-overlaps-title">
      <h3 className="bar-chart__title" id="compare-overlaps-title">
        {t('compare.overlaps')}
      </h3>
      {comparison.overlaps.length === 0 ? (
        <p className="muted" data-overlaps="none">
          {t('compare.noOverlap')}
        </p>
      ) : (
        <ul className="compare-overlaps__list">
          {comparison.overlaps.map((o) => (
            <li key={`${o.a}|${o.b}`} data-pair={`${o.a}|${o.b}`}>
              <span className="compare-overlaps__pair">
                <span
                  className="area-item__swatch"
                  style={{ backgroundColor: byId.get(o.a)!.color }}
                  aria-hidden="true"
                />
                <span
                  className="area-item__swatch"
                  style={{ backgroundColor: byId.get(o.b)!.color }}
                  aria-hidden="true"
                />
                {t('compare.pair', { a: byId.get(o.a)!.name, b: byId.get(o.b)!.name })}
              </span>
              <span className="muted">{line(o)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The areas to tick: every saved area, in the list's order; unticked ones are disabled once eight are chosen. */
function Checklist({ chosen }: { chosen: string[] }) {
  const { t, locale } = useI18n();
  const features = useAppStore((s) => s.areas.data?.features);
  const toggle = useAppStore((s) => s.toggleComparedArea);
  const areas = useMemo(
    () =>
      [...(features ?? [])].sort((a, b) =>
        a.properties.name.localeCompare(b.properties.name, locale),
      ),
    [features, locale],
  );
  const full = chosen.length >= MAX_COMPARED_AREAS;
  return (
    <fieldset className="compare-choose">
      <legend className="bar-chart__title">
        {t('compare.choose', { max: MAX_COMPARED_AREAS })}
      </legend>
      <ul className="checklist">
        {areas.map(({ properties: p }) => (
          <li key={p.id}>
            <label className="checklist__item">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                disabled={full && !chosen.includes(p.id)}
                onChange={() => toggle(p.id)}
                data-compare-area={p.id}
              />
              <span
                className="area-item__swatch"
                style={{ backgroundColor: p.color }}
                aria-hidden="true"
              />
              {p.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const closeComparison = () => useAppStore.getState().setAreaCompare(null);

export function AreaComparisonPanel({ chosen }: { chosen: string[] }) {
  const { t } = useI18n();
  const segment = useAppStore((s) => s.segment);
  const areasVersion = useAppStore((s) => s.areas.data);
  // Areas that no longer exist (deleted, or a stale link) are dropped from the choice.
  const known = useMemo(
    () =>
      areasVersion
        ? chosen.filter((id) => areasVersion.features.some((f) => f.properties.id === id))
        : chosen,
    [areasVersion, chosen],
  );
  const [windowDays, setWindowDays] = useState(90);
  const state = useAreaComparison(known, segment, areasVersion, windowDays);
  useEscapeKey(closeComparison);
  // The map follows the choice: it fits the compared areas whenever the set changes (and once they have loaded, for a link).
  const chosenKey = known.join(',');
  const loaded = areasVersion !== null;
  useEffect(() => {
    const features = useAppStore.getState().areas.data?.features ?? [];
    const areas = features.filter((f) => chosenKey.split(',').includes(f.properties.id));
    if (areas.length >= 2) fitAreas(useAppStore, areas);
  }, [chosenKey, loaded]);
  const shown =
    state.status === 'ready' ? state.comparison : state.status === 'loading' ? state.last : null;
  return (
    <div className="details" data-kind="compare">
      <PanelHeader
        kind={t('compare.kind')}
        title={t('compare.title')}
        closeLabel={t('details.close')}
        onClose={closeComparison}
      />
      <div className="details__body area-compare" data-state={state.status}>
        <Checklist chosen={known} />
        {known.length < 2 && <StateMessage tone="empty">{t('compare.needTwo')}</StateMessage>}
        {state.status === 'error' && <StateMessage tone="error">{t('compare.error')}</StateMessage>}
        {state.status === 'loading' && !shown && (
          <StateMessage tone="loading">{t('compare.loading')}</StateMessage>
        )}
        {known.length >= 2 && <SegmentChip />}
        {known.length >= 2 && <CompareWindowPicker days={windowDays} onChange={setWindowDays} />}
        {shown && known.length >= 2 && (
          <div
            className="area-compare__figures"
            data-stale={state.status === 'loading' || undefined}
          >
            <Figures comparison={shown} />
            <div className="form-actions">
              <ReportLink target={{ kind: 'compare', areaIds: known }} />
            </div>
          </div>
        )}
      </div>
      {known.length >= 2 && <CompareActions areaIds={known} />}
    </div>
  );
}
