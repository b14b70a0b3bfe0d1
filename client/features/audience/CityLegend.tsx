// What the tick and the number beside each bar mean, and the switch that sorts every breakdown by its index so the
// groups over-represented in the area come first.
import { useI18n } from '../../i18n';

export function CityLegend({
  sorted,
  onSortedChange,
}: {
  sorted: boolean;
  onSortedChange: (sorted: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="city-legend">
      <p className="city-legend__text">
        <span className="city-legend__tick" aria-hidden="true" />
        {t('audience.city.legend')}
      </p>
      <button
        type="button"
        className="chip-toggle city-legend__sort"
        aria-pressed={sorted}
        onClick={() => onSortedChange(!sorted)}
      >
        {t('audience.city.sortByIndex')}
      </button>
    </div>
  );
}
