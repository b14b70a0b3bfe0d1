// "Find white space": the hexagons (about 0.7 km² each) where many people live, few are customers yet and no store is
// near, most untapped first — numbered on the map as in the list. Each can be shown, or made into an area to target
// or compare. Escape closes the search.
import { useEffect, useState } from 'react';
import { getWhiteSpace } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { Segment, WhiteSpaceAnswer } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { PanelActions } from '../../ui/PanelActions';
import { PanelHeader } from '../../ui/PanelHeader';
import { StateMessage } from '../../ui/StateMessage';
import { useEscapeKey } from '../../ui/useEscapeKey';
import { withSurroundings } from '../../map/camera-targets';
import { bboxOf } from '../../map/geometry';
import { formatCount } from '../audience/hidden-counts';
import { SegmentChip } from '../audience/SegmentChip';
import { reportError } from '../toast/report';
import { areaFromHexagon } from './actions';
import { formatDistance, formatKm2 } from './format';
import { HEXAGON_KM2, WHITE_SPACE_RESOLUTION } from '../layers/hexagon-km2';
import { distinctFraction } from '../../format/distinct-digits';

const DISTANCES_KM = [1, 1.5, 2, 3, 5];

type State =
  { status: 'loading' } | { status: 'ready'; answer: WhiteSpaceAnswer } | { status: 'error' };

/** The hexagons for a store distance and the segment in force (only its customers count). */
function useWhiteSpace(minStoreKm: number, segment: Segment): State {
  const ask = JSON.stringify([minStoreKm, segment]);
  const [state, setState] = useState<{ ask: string; value: State }>({
    ask: '',
    value: { status: 'loading' },
  });
  // New data (an import committed) asks again; the last answer stays on screen meanwhile.
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    const controller = new AbortController();
    getWhiteSpace({ minStoreKm, segment }, { signal: controller.signal })
      .then((answer) => {
        setState({ ask, value: { status: 'ready', answer } });
        useAppStore.getState().setWhiteSpaceCells(answer.cells);
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setState({ ask, value: { status: 'error' } });
        reportError(useAppStore, error);
      });
    return () => controller.abort();
    // `ask` stands for the distance and the segment; new data (an import committed) asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask, dataVersion]);
  return state.ask === ask ? state.value : { status: 'loading' };
}

const closeWhiteSpace = () => useAppStore.getState().setWhiteSpace(null);

export function WhiteSpacePanel({ minStoreKm }: { minStoreKm: number }) {
  const { t, locale, units } = useI18n();
  const segment = useAppStore((s) => s.segment);
  const state = useWhiteSpace(minStoreKm, segment);
  const mayCreate = useAppStore((s) => can(s.me, 'areas:write'));
  const [making, setMaking] = useState<string | null>(null);
  useEscapeKey(closeWhiteSpace);
  const km = (value: number) => formatDistance(locale, value * 1000, units.distance);
  const cells = state.status === 'ready' ? state.answer.cells : [];
  const resolution = state.status === 'ready' ? state.answer.resolution : WHITE_SPACE_RESOLUTION;
  /** Makes the hexagon ranked `i` (from 0) an area, named by its rank; one at a time. */
  const make = (i: number) => {
    const cell = cells[i];
    if (!cell) return;
    setMaking(cell.h3);
    void areaFromHexagon(
      useAppStore,
      cell.geometry,
      t('whiteSpace.areaName', { rank: i + 1 }),
    ).finally(() => setMaking(null));
  };
  return (
    <div className="details" data-kind="white-space">
      <PanelHeader
        kind={t('compare.kind')}
        title={t('whiteSpace.title')}
        closeLabel={t('details.close')}
        onClose={closeWhiteSpace}
      />
      <div className="details__body white-space" data-state={state.status}>
        <p className="muted">
          {t('whiteSpace.intro', {
            size: formatKm2(locale, HEXAGON_KM2[resolution]!, units.distance, {
              approximate: true,
            }),
          })}
        </p>
        <SegmentChip />
        <label className="field">
          <span className="field__label">{t('whiteSpace.minStoreKm')}</span>
          <select
            className="input"
            value={minStoreKm}
            onChange={(e) =>
              useAppStore.getState().setWhiteSpace({ minStoreKm: Number(e.target.value) })
            }
          >
            {[...new Set([...DISTANCES_KM, minStoreKm])]
              .sort((a, b) => a - b)
              .map((d) => (
                <option key={d} value={d}>
                  {km(d)}
                </option>
              ))}
          </select>
        </label>
        {state.status === 'loading' && (
          <StateMessage tone="loading">{t('whiteSpace.loading')}</StateMessage>
        )}
        {state.status === 'error' && (
          <StateMessage tone="error">{t('whiteSpace.error')}</StateMessage>
        )}
        {state.status === 'ready' && state.answer.cells.length === 0 && (
          <StateMessage tone="empty">{t('whiteSpace.none', { km: km(minStoreKm) })}</StateMessage>
        )}
        {state.status === 'ready' && state.answer.cells.length > 0 && (
          <>
            <p className="muted">
              {t('whiteSpace.city', {
                share: formatNumber(locale, state.answer.cityPenetration, {
                  style: 'percent',
                  // A segment's city-wide share can be a fraction of a percent: keep two significant digits.
                  ...distinctFraction([state.answer.cityPenetration], {
                    scale: 100,
                    significant: 2,
                  }),
                }),
              })}
            </p>
            <ol className="white-space__list">
              {state.answer.cells.map((cell, i) => (
                <li key={cell.h3} data-cell={cell.h3}>
                  <span className="white-space__rank" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="white-space__text">
                    <span className="item__label">
                      {t('whiteSpace.residents', {
                        count: cell.residents,
                        residents: formatNumber(locale, cell.residents),
                      })}
                    </span>
                    <span className="item__meta">
                      {t('whiteSpace.customers', {
                        count: cell.customers ?? 2,
                        customers: formatCount(
                          locale,
                          cell.customers,
                          state.answer.minGroupSize,
                          t,
                        ),
                        untapped: formatNumber(locale, Math.round(cell.untapped)),
                      })}
                      {cell.nearestStoreKm !== null &&
                        ` · ${t('whiteSpace.store', { km: km(cell.nearestStoreKm) })}`}
                    </span>
                    <span className="white-space__actions">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          useAppStore.getState().flyTo(withSurroundings(bboxOf(cell.geometry)))
                        }
                      >
                        {t('whiteSpace.show')}
                      </button>
                      {mayCreate && (
                        <button
                          type="button"
                          className="link-button"
                          data-action="white-space-area"
                          disabled={making !== null}
                          onClick={() => make(i)}
                        >
                          {t('whiteSpace.makeArea')}
                        </button>
                      )}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      {cells.length > 0 && (
        <PanelActions>
          {mayCreate && (
            <button
              type="button"
              className="button button--primary"
              data-action="white-space-best"
              disabled={making !== null}
              onClick={() => make(0)}
            >
              {t('whiteSpace.makeBest')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            data-action="white-space-zoom"
            onClick={() =>
              useAppStore.getState().flyTo(
                withSurroundings(
                  bboxOf({
                    type: 'GeometryCollection',
                    geometries: cells.map((c) => c.geometry),
                  }),
                ),
              )
            }
          >
            {t('details.zoomTo')}
          </button>
        </PanelActions>
      )}
    </div>
  );
}
