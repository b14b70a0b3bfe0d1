// Links that download the workspace's stores and neighbourhoods (GeoJSON) and, for roles that see customers, its
// customers (CSV in the import's columns). Used in the side panel and in workspace settings → Data.
import { exportUrls } from '../../api/client';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';

export function DownloadLinks({ explain = false }: { explain?: boolean }) {
  const { t } = useI18n();
  const seesCustomers = useAppStore((s) => can(s.me, 'customers:read'));
  return (
    <ul className="data-downloads">
      <li>
        <a className="button button--secondary" href={exportUrls.stores()} download>
          {t('data.exports.stores')}
        </a>
      </li>
      <li>
        <a className="button button--secondary" href={exportUrls.boundaries()} download>
          {t('data.exports.boundaries')}
        </a>
      </li>
      {seesCustomers && (
        <li>
          <a className="button button--secondary" href={exportUrls.customers()} download>
            {t('data.exports.customers')}
          </a>
          {explain && <p className="dialog__hint">{t('data.exports.customersHelp')}</p>}
        </li>
      )}
    </ul>
  );
}

/** The side panel's last section: the same downloads, folded away. */
export function NavDownloads() {
  const { t } = useI18n();
  return (
    <details className="nav-downloads">
      <summary className="nav-downloads__summary">{t('data.exports.title')}</summary>
      <DownloadLinks />
    </details>
  );
}
