// Loads one admin resource when a tab opens, with loading/error states and a reload (after a change or a 409).
import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../api/problem';
import type { Resource } from '../../store/types';

/** `[resource, reload]`. `load` must be stable (defined at module level): a new one loads again. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: null, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((data) => setState({ status: 'ready', data, error: null }))
      .catch((error: unknown) => {
        if (!isAbort(error))
          setState({
            status: 'error',
            data: null,
            error: error instanceof Error ? error : new Error(String(error)),
          });
      });
    return () => controller.abort();
  }, [load, generation]);

  const reload = useCallback(() => {
    // After a failure, show that it is trying again; otherwise keep the old data on screen until the new arrives.
    setState((s) => (s.status === 'error' ? { status: 'loading', data: null, error: null } : s));
    setGeneration((g) => g + 1);
  }, []);
  return [state, reload];
}
