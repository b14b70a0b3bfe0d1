// Fetches one customer for the Details panel; cancelled when the selection moves on.
import { useEffect, useState } from 'react';
import { getCustomer } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { CustomerFeature } from '../../api/contract';
import { useAppStore } from '../../store';
import { reportError } from '../toast/report';

export type CustomerState =
  | { status: 'loading'; customer: null; error: null }
  | { status: 'ready'; customer: CustomerFeature; error: null }
  | { status: 'error'; customer: null; error: unknown };

export function useCustomer(id: string): CustomerState {
  const [state, setState] = useState<CustomerState & { id: string }>({
    id,
    status: 'loading',
    customer: null,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    getCustomer(id, { signal: controller.signal })
      .then((customer) => setState({ id, status: 'ready', customer, error: null }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setState({ id, status: 'error', customer: null, error });
        reportError(useAppStore, error);
      });
    return () => controller.abort();
  }, [id]);
  // A different id than the one loaded means the next fetch is on its way.
  return state.id === id ? state : { status: 'loading', customer: null, error: null };
}
