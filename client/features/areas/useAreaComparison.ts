// Asks POST /api/areas/compare for the chosen areas and the segment in force; a new question cancels the last one,
// and the last answer stays on screen (marked stale) until the next arrives.
import { useEffect, useState } from 'react';
import { compareAreas } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { AreaComparison, Segment } from '../../api/contract';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { useAppStore } from '../../store';

export type ComparisonState =
  | { status: 'idle' }
  | { status: 'loading'; last: AreaComparison | null }
  | { status: 'ready'; comparison: AreaComparison }
  | { status: 'error' };

export function useAreaComparison(
  ids: string[],
  segment: Segment,
  areasVersion: unknown,
  windowDays = 90,
): ComparisonState {
  const [state, setState] = useState<{ ask: string; value: ComparisonState }>({
    ask: '',
    value: { status: 'idle' },
  });
  const ask = ids.length < 2 ? '' : JSON.stringify([ids, segment, windowDays]);
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    if (!ask) return;
    const controller = new AbortController();
    compareAreas(
      { areaIds: ids, windowDays, ...(isEmptySegment(segment) ? {} : { segment }) },
      { signal: controller.signal },
    )
      .then((comparison) => setState({ ask, value: { status: 'ready', comparison } }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ ask, value: { status: 'error' } });
      });
    return () => controller.abort();
    // `ask` stands for the ids, the segment and the window; a changed area (a new areas version) or new data asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask, areasVersion, dataVersion]);
  if (!ask) return { status: 'idle' };
  if (state.ask === ask && state.value.status !== 'idle') return state.value;
  return {
    status: 'loading',
    last: state.value.status === 'ready' ? state.value.comparison : null,
  };
}
