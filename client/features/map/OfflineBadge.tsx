// A discreet badge when the app fell back to its offline basemap; its title says why.
import { useI18n } from '../../i18n';
import { BASEMAP_TIMEOUT_MS } from '../../map/basemap';
import { useAppStore } from '../../store';
import { Icon } from '../../ui/Icon';

export function OfflineBadge() {
  const { t } = useI18n();
  const basemap = useAppStore((s) => s.basemap);
  if (basemap.mode !== 'offline') return null;
  const why =
    basemap.reason === 'unset'
      ? t('basemap.offline.unset')
      : basemap.reason === 'timeout'
        ? t('basemap.offline.timeout', { seconds: BASEMAP_TIMEOUT_MS / 1000 })
        : t('basemap.offline.failed', { reason: basemap.detail ?? '?' });
  return (
    <p
      className="offline-badge"
      data-covers-map
      title={why}
      tabIndex={0}
      data-reason={basemap.reason ?? undefined}
    >
      <Icon name="offline" size={14} />
      <span>{t('basemap.offline')}</span>
      <span className="visually-hidden">. {why}</span>
    </p>
  );
}
