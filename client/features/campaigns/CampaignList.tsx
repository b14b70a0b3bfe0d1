// The Campaigns section of the left panel: each campaign with its status and a "Live now" badge, and for writers
// "New campaign". Selecting one opens its page in the Details panel.
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { isSelected } from '../../store/selectors';
import type { CampaignRecord } from '../../api/contract';
import { ListItem } from '../../ui/ListItem';
import { ListSection } from '../../ui/ListSection';
import { StateMessage } from '../../ui/StateMessage';
import { loadCampaigns, loadLiveCampaigns, openNewCampaign, showCampaign } from './actions';
import { LiveBadge, StatusChip } from './StatusChip';
import { useLiveAreaIds } from './selectors';

export const NEW_CAMPAIGN_BUTTON_ID = 'new-campaign-button';
/** How often the "Live now" badges and the map's highlight ask again (the scheduler re-evaluates every few minutes). */
const LIVE_REFRESH_MS = 60_000;

function CampaignRow({ campaign }: { campaign: CampaignRecord }) {
  const { t } = useI18n();
  const selected = useAppStore((s) => isSelected(s.selection, 'campaign', campaign.id));
  const live = useLiveAreaIds(campaign.id).length > 0;
  return (
    <ListItem selected={selected} onClick={() => showCampaign(useAppStore, campaign.id)}>
      <span className="item__label campaign-row__label">
        <span className="campaign-row__name" title={campaign.name}>
          {campaign.name}
        </span>
        {live && <LiveBadge />}
      </span>
      <span className="item__meta campaign-row__meta">
        <StatusChip status={campaign.status} />
        <span>
          {campaign.offer.code} · {t(`campaigns.channel.${campaign.channel}`)}
        </span>
      </span>
    </ListItem>
  );
}

export function CampaignList() {
  const { t } = useI18n();
  const resource = useAppStore((s) => s.campaigns);
  const mayRead = useAppStore((s) => can(s.me, 'campaigns:read'));
  const mayWrite = useAppStore((s) => can(s.me, 'campaigns:write'));
  useEffect(() => {
    if (!mayRead) return;
    const timer = setInterval(() => void loadLiveCampaigns(useAppStore), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [mayRead]);
  if (!mayRead) return null;
  const campaigns = resource.data?.campaigns ?? [];
  return (
    <ListSection
      title={t('nav.campaigns.title')}
      count={
        resource.status === 'ready'
          ? t('nav.campaigns.count', { count: campaigns.length })
          : undefined
      }
      resource={resource}
      isEmpty={false}
      messages={{
        loading: t('nav.campaigns.loading'),
        empty: t('nav.campaigns.empty'),
        error: t('nav.campaigns.error'),
      }}
      onRetry={() => void loadCampaigns(useAppStore)}
    >
      {mayWrite && (
        <div className="event-actions">
          <button
            type="button"
            id={NEW_CAMPAIGN_BUTTON_ID}
            className="button button--primary button--small"
            data-action="new-campaign"
            onClick={() => openNewCampaign(useAppStore)}
          >
            {t('campaigns.new')}
          </button>
        </div>
      )}
      {campaigns.length === 0 ? (
        <StateMessage tone="empty">
          {mayWrite ? t('nav.campaigns.empty') : t('nav.campaigns.emptyReader')}
        </StateMessage>
      ) : (
        <ul className="item-list campaign-list">
          {campaigns.map((campaign) => (
            <CampaignRow key={campaign.id} campaign={campaign} />
          ))}
        </ul>
      )}
    </ListSection>
  );
}
