// "Travel time" in a store's or an event's panel: the walk, ride or drive area around it, previewed before saving.
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { DEFAULT_TRAVEL, showTravel } from './travel-actions';

export function TravelButton({
  from,
}: {
  from: { storeId: string; name: string } | { eventId: string; name: string };
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button--secondary"
      data-action="travel-time"
      onClick={() =>
        void showTravel(useAppStore, {
          ...DEFAULT_TRAVEL,
          ...('storeId' in from ? { storeId: from.storeId } : { eventId: from.eventId }),
          originName: from.name,
        })
      }
    >
      {t('travel.button')}
    </button>
  );
}
