// The fitted Huff model, asked again when an import commits (new customers or stores refit it on the server).
import { useEffect, useState } from 'react';
import { getHuffModel } from '../../api/client';
import type { HuffModel } from '../../api/contract';
import { isAbort } from '../../api/problem';
import { useAppStore } from '../../store';
import { reportError } from '../toast/report';

export type ModelState =
  { status: 'loading' } | { status: 'ready'; model: HuffModel } | { status: 'error' };

export function useMarketModel(): ModelState {
  const [state, setState] = useState<ModelState>({ status: 'loading' });
  const dataVersion = useAppStore((s) => s.dataVersion);
  const stores = useAppStore((s) => s.stores.data);
  useEffect(() => {
    const controller = new AbortController();
    getHuffModel({ signal: controller.signal })
      .then((model) => setState({ status: 'ready', model }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setState({ status: 'error' });
        reportError(useAppStore, error);
      });
    return () => controller.abort();
  }, [dataVersion, stores]);
  return state;
}
