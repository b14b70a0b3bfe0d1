// The compare panel's main actions, pinned at its foot: a campaign for the compared areas, and the map fitted to them.
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { PanelActions } from '../../ui/PanelActions';
import { openNewCampaign } from '../campaigns/actions';
import { fitAreas } from './actions';

export function CompareActions({ areaIds }: { areaIds: string[] }) {
  const { t } = useI18n();
  const mayCampaign = useAppStore((s) => can(s.me, 'campaigns:write'));
  const zoomTo = () => {
    const features = useAppStore.getState().areas.data?.features ?? [];
    fitAreas(
      useAppStore,
      features.filter((f) => areaIds.includes(f.properties.id)),
    );
  };
  return (
    <PanelActions>
      {mayCampaign && (
        <button
          type="button"
          className="button button--primary"
          data-action="compare-campaign"
          onClick={() => openNewCampaign(useAppStore, { areaIds })}
        >
          {t('compare.campaign')}
        </button>
      )}
      <button
        type="button"
        className="button button--secondary"
        data-action="compare-zoom"
        onClick={zoomTo}
      >
        {t('details.zoomTo')}
      </button>
    </PanelActions>
  );
}
