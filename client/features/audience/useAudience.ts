// Who is inside a target (a saved area or an unsaved geometry), live: debounced, newest request wins, last figures kept.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { postAudience } from '../../api/client';
import type { AreaGeometry, Audience, AudienceRequest, Segment } from '../../api/contract';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { useAppStore } from '../../store';
import { createLatestRunner, type LatestState } from './latest';

/**
 * A saved area or an unsaved geometry. `version` (a saved area's) is not sent: a new one means the area's shape
 * changed on the server, so the audience is asked for again.
 */
export type AudienceTarget = { areaId: string; version?: number } | { geometry: AreaGeometry };

/** Quiet time before a request goes out, and the longest a stream of edits (a dragged radius) waits. */
export const AUDIENCE_DEBOUNCE_MS = 150;
export const AUDIENCE_MAX_WAIT_MS = 400;

/** The request body for a target and segment; an empty segment is left out. */
export function audienceRequest(target: AudienceTarget, segment: Segment): AudienceRequest {
  const base = 'areaId' in target ? { areaId: target.areaId } : { geometry: target.geometry };
  return isEmptySegment(segment) ? base : { ...base, segment };
}

export interface AudienceState extends LatestState<Audience> {
  retry: () => void;
}

export function useAudience(target: AudienceTarget, segment: Segment): AudienceState {
  const [runner] = useState(() =>
    createLatestRunner<AudienceRequest, Audience>({
      run: (request, signal) => postAudience(request, { signal }),
      debounceMs: AUDIENCE_DEBOUNCE_MS,
      maxWaitMs: AUDIENCE_MAX_WAIT_MS,
    }),
  );
  useEffect(() => () => runner.cancel(), [runner]);

  // Keyed on what identifies the target, not the object: callers may pass `{ geometry }` inline on every render.
  const targetKey =
    'areaId' in target ? `${target.areaId}@${target.version ?? ''}` : target.geometry;
  // New data (an import committed) is a new question about the same target.
  const dataVersion = useAppStore((s) => s.dataVersion);
  const request = useMemo(
    () => audienceRequest(target, segment),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `target` is represented by targetKey
    [targetKey, segment, dataVersion],
  );
  useEffect(() => runner.request(request), [runner, request]);

  const state = useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
  return useMemo(() => ({ ...state, retry: runner.retry }), [state, runner]);
}
