// The customers inside each saved area counting only the segment in force, so the area list agrees with the
// comparison, the audience panel and the map. Without a segment the areas' own counts stand (null here).
import { useEffect, useState } from 'react';
import { listAreas } from '../../api/areas';
import type { Segment } from '../../api/contract';
import { isAbort } from '../../api/problem';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { useAppStore } from '../../store';
import { reportError } from '../toast/report';

/** Area id → customers in the segment (undefined when hidden below the minimum group size). */
export type SegmentCounts = ReadonlyMap<string, number | undefined>;

export function useSegmentCounts(
  segment: Segment,
  areasVersion: unknown,
  enabled: boolean,
): { counts: SegmentCounts | null; loading: boolean } {
  const ask = enabled && !isEmptySegment(segment) ? JSON.stringify(segment) : '';
  const [state, setState] = useState<{ ask: string; counts: SegmentCounts } | null>(null);
  useEffect(() => {
    if (!ask) return;
    const controller = new AbortController();
    listAreas({ signal: controller.signal, segment })
      .then((answer) =>
        setState({
          ask,
          counts: new Map(answer.features.map((f) => [f.properties.id, f.properties.customers])),
        }),
      )
      .catch((error: unknown) => {
        if (!isAbort(error)) reportError(useAppStore, error);
      });
    return () => controller.abort();
    // `ask` stands for the segment; changed areas (a new version) are counted again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask, areasVersion]);
  if (!ask) return { counts: null, loading: false };
  return { counts: state?.ask === ask ? state.counts : null, loading: state?.ask !== ask };
}
