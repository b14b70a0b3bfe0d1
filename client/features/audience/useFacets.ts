// The values the segment builder offers (job titles, industries, interests, home stores), fetched once per session
// and again after an import (a new data version).
import { useEffect, useState } from 'react';
import { getAudienceFacets } from '../../api/client';
import type { AudienceFacets } from '../../api/contract';
import { useAppStore } from '../../store';

/** The facets of the current session: one request shared by every builder; a failure can be retried. */
let shared: Promise<AudienceFacets> | null = null;
let sharedVersion = 0;

export type FacetsState =
  | { status: 'loading'; data: null }
  | { status: 'ready'; data: AudienceFacets }
  | { status: 'error'; data: null; error: unknown };

export function useFacets(enabled: boolean): FacetsState & { retry: () => void } {
  const [state, setState] = useState<FacetsState>({ status: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    if (sharedVersion !== dataVersion) shared = null;
    sharedVersion = dataVersion;
    shared ??= getAudienceFacets();
    const request = shared;
    request.then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (shared === request) shared = null; // the next attempt asks again
        if (live) setState({ status: 'error', data: null, error });
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, attempt, dataVersion]);
  return {
    ...state,
    retry: () => {
      setState({ status: 'loading', data: null });
      setAttempt((n) => n + 1);
    },
  };
}

/** The workspace currency for money figures: from /api/config when it names one, else euros. */
export function useCurrency(): string {
  return useAppStore((s) => s.config.data?.workspace.currency ?? 'EUR');
}
