// Saved areas in the left panel: colour, name, kind, km², perimeter and customers inside; choosing one selects it
// and fits the map. The header makes nearest-store territories for all stores, opens the area comparison and the
// white-space search.
import { useMemo, type ReactNode } from 'react';
import { formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { isSelected } from '../../store/selectors';
import { StateMessage } from '../../ui/StateMessage';
import { ListItem } from '../../ui/ListItem';
import { loadAreas, showArea } from './actions';
import { formatKm, formatKm2 } from './format';
import { TerritoriesButton } from './TerritoriesButton';
import { useSegmentCounts } from './useSegmentCounts';
import { SegmentChip } from '../audience/SegmentChip';

/** Opens the comparison, with the selected area (if one is) already ticked. */
function startComparing() {
  const { selection, setAreaCompare, setWhiteSpace, setMarketShare } = useAppStore.getState();
  setWhiteSpace(null);
  setMarketShare(null);
  setAreaCompare(selection?.kind === 'area' ? [selection.id] : []);
}

/** Opens the market-share panel (the Huff model) in place of a comparison or the white-space search. */
function openMarketShare() {
  const { setAreaCompare, setWhiteSpace, setMarketShare } = useAppStore.getState();
  setAreaCompare(null);
  setWhiteSpace(null);
  setMarketShare({ surfaceStoreId: null });
}

/** Opens the white-space search (one side panel at a time: a comparison closes). */
function findWhiteSpace() {
  useAppStore.getState().setAreaCompare(null);
  useAppStore.getState().setMarketShare(null);
  useAppStore.getState().setWhiteSpace({ minStoreKm: 1.5 });
}

export function AreaList() {
  const { t, locale, units } = useI18n();
  const resource = useAppStore((s) => s.areas);
  const selection = useAppStore((s) => s.selection);
  const mayWrite = useAppStore((s) => can(s.me, 'areas:write'));
  const mayCount = useAppStore((s) => can(s.me, 'audience:read'));
  const features = resource.data?.features;
  const segment = useAppStore((s) => s.segment);
  // Under a segment every figure counts only its customers: the list too, as the comparison does.
  const { counts: segmentCounts, loading: counting } = useSegmentCounts(
    segment,
    resource.data,
    mayCount,
  );
  const customersOf = (id: string, all: number | undefined) =>
    segmentCounts ? segmentCounts.get(id) : counting ? undefined : all;
  const areas = useMemo(
    () =>
      [...(features ?? [])].sort((a, b) =>
        a.properties.name.localeCompare(b.properties.name, locale),
      ),
    [features, locale],
  );

  let body: ReactNode;
  if (resource.status === 'idle' || resource.status === 'loading')
    body = <StateMessage tone="loading">{t('areas.loading')}</StateMessage>;
  else if (resource.status === 'error')
    body = (
      <StateMessage
        tone="error"
        action={{ label: t('app.retry'), onClick: () => void loadAreas(useAppStore) }}
      >
        {t('areas.error')}
      </StateMessage>
    );
  else if (areas.length === 0)
    body = (
      <StateMessage tone="empty">
        {mayWrite ? t('areas.empty') : t('areas.emptyReadOnly')}
      </StateMessage>
    );
  else
    body = (
      <ul className="item-list area-list" aria-busy={counting || undefined}>
        {areas.map(({ properties: p }) => (
          <ListItem
            key={p.id}
            row
            selected={isSelected(selection, 'area', p.id)}
            onClick={() => showArea(useAppStore, p.id)}
          >
            <span
              className="area-item__swatch"
              style={{ backgroundColor: p.color }}
              aria-hidden="true"
            />
            <span className="area-item__text">
              <span className="item__label">{p.name}</span>
              <span className="item__meta">
                {t(`areas.kind.${p.kind}`)} · {formatKm2(locale, p.areaKm2, units.distance)} ·{' '}
                {t('areas.perimeter', { value: formatKm(locale, p.perimeterKm, units.distance) })}
              </span>
            </span>
            {customersOf(p.id, p.customers) !== undefined && (
              <span
                className="item__figure"
                title={
                  segmentCounts ? t('areas.customers.segmentTitle') : t('areas.customers.title')
                }
              >
                {t('areas.customers', { count: customersOf(p.id, p.customers)! })}
              </span>
            )}
          </ListItem>
        ))}
      </ul>
    );

  return (
    <section className="list-section" aria-labelledby="section-areas">
      <h2 className="list-section__title" id="section-areas">
        <span>{t('areas.title')}</span>
        {resource.status === 'ready' && (
          <span className="list-section__count">{formatNumber(locale, areas.length)}</span>
        )}
      </h2>
      {(mayWrite || mayCount) && (
        <div className="area-list__actions">
          {mayWrite && <TerritoriesButton />}
          {mayCount && areas.length >= 2 && (
            <button
              type="button"
              className="button button--secondary"
              data-action="compare-areas"
              onClick={() => startComparing()}
            >
              {t('compare.open')}
            </button>
          )}
          {mayCount && (
            <button
              type="button"
              className="button button--secondary"
              data-action="white-space"
              onClick={findWhiteSpace}
            >
              {t('whiteSpace.open')}
            </button>
          )}
          {mayCount && (
            <button
              type="button"
              className="button button--secondary"
              data-action="market-share"
              onClick={openMarketShare}
            >
              {t('market.open')}
            </button>
          )}
        </div>
      )}
      {areas.length > 0 && (
        <div className="area-list__segment">
          <SegmentChip />
        </div>
      )}
      {body}
    </section>
  );
}
