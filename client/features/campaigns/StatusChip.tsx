// A campaign's status as a small coloured chip, and the "Live now" badge.
import type { CampaignStatus } from '../../api/contract';
import { useI18n } from '../../i18n';

export function StatusChip({ status }: { status: CampaignStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-chip status-chip--${status}`} data-status={status}>
      {t(`campaigns.status.${status}`)}
    </span>
  );
}

export function LiveBadge({ title }: { title?: string }) {
  const { t } = useI18n();
  return (
    <span className="live-badge" data-live title={title}>
      <span className="live-badge__dot" aria-hidden="true" />
      {t('campaigns.live')}
    </span>
  );
}
