// Fetches the chosen choropleth for the segment in force into the store (the map draws it from there); asked again
// when the choice, the segment or the data (an import) changes.
import { useEffect } from 'react';
import { getChoropleth } from '../../api/client';
import { isAbort } from '../../api/problem';
import { useAppStore } from '../../store';
import { reportError } from '../toast/report';

export function useChoroplethData(): void {
  const choice = useAppStore((s) => s.choropleth);
  const segment = useAppStore((s) => s.segment);
  const dataVersion = useAppStore((s) => s.dataVersion);
  useEffect(() => {
    if (!choice) return;
    const controller = new AbortController();
    getChoropleth({ ...choice, segment }, { signal: controller.signal })
      .then((data) => useAppStore.getState().setChoroplethData(data))
      .catch((error: unknown) => {
        if (!isAbort(error)) reportError(useAppStore, error);
      });
    return () => controller.abort();
  }, [choice, segment, dataVersion]);
}
