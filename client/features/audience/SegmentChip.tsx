// "Segment: Gold, 25–44 ×" beside figures that the segment in force narrows (audience, compare, white space, the
// area list, the export): says why they are smaller than the whole area's, and clears the segment with one click.
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Icon } from '../../ui/Icon';
import { segmentChipText } from './segment-chip';
import { segmentSummary } from './segment-summary';
import { useCurrency } from './useFacets';

export function SegmentChip() {
  const { t, locale } = useI18n();
  const segment = useAppStore((s) => s.segment);
  const clearSegment = useAppStore((s) => s.clearSegment);
  const stores = useAppStore((s) => s.stores.data?.features);
  const currency = useCurrency();
  const storeName = (id: string) => stores?.find((f) => f.properties.id === id)?.properties.name;
  const options = { t, locale, currency, storeName };
  const text = segmentChipText(segment, options);
  if (!text) return null;
  const full = segmentSummary(segment, options).join(' · ');
  return (
    <p className="segment-chip" data-testid="segment-chip">
      <span className="segment-chip__text" title={t('segment.chip.title', { filters: full })}>
        {text}
      </span>
      <button
        type="button"
        className="segment-chip__clear"
        aria-label={t('segment.chip.clear')}
        title={t('segment.chip.clear')}
        onClick={clearSegment}
      >
        <Icon name="close" size={14} />
      </button>
    </p>
  );
}
