// A segment as one line of phrases ("Age 25–40 · Gold · Lapsed ≥ 60 days"), or null when it filters nothing.
import type { Segment } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { segmentSummary } from '../audience/segment-summary';
import { useCurrency } from '../audience/useFacets';

export function useSegmentText(segment: Segment): string | null {
  const { t, locale } = useI18n();
  const currency = useCurrency();
  const stores = useAppStore((s) => s.stores.data?.features);
  const storeName = (id: string) => stores?.find((f) => f.properties.id === id)?.properties.name;
  const parts = segmentSummary(segment, { t, locale, currency, storeName });
  return parts.length ? parts.join(' · ') : null;
}
