// Workspace settings for owners: users, API tokens, the audit log, privacy, webhooks and data (downloads, removing the
// demo), as tabs in a tall dialog over the map. Deep-linkable (`?admin=tokens`); shown only to roles with users:admin, whatever the URL says.
import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { Dialog } from '../../ui/Dialog';
import { USER_MENU_BUTTON_ID } from '../auth/UserMenu';
import { adminTabs, type AdminTab } from '../../store/slices/panels';
import { nextTab } from './admin-tabs';
import { AuditTab } from './AuditTab';
import { DataTab } from './DataTab';
import { PrivacyTab } from './PrivacyTab';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';
import { WebhooksTab } from './WebhooksTab';

const panels: Record<AdminTab, () => React.JSX.Element> = {
  users: UsersTab,
  tokens: TokensTab,
  audit: AuditTab,
  privacy: PrivacyTab,
  webhooks: WebhooksTab,
  data: DataTab,
};

export function AdminDialog() {
  const { t } = useI18n();
  const allowed = useAppStore((s) => can(s.me, 'users:admin'));
  const tab = useAppStore((s) => s.adminTab);
  const setTab = useAppStore((s) => s.setAdminTab);
  const tabList = useRef<HTMLDivElement>(null);
  const open = allowed && tab !== null;
  const Panel = tab ? panels[tab] : null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!tab) return;
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const next = nextTab(tab, event.key, rtl);
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabList.current?.querySelector<HTMLElement>(`#admin-tab-${next}`)?.focus();
  };

  return (
    <Dialog
      open={open}
      onClose={() => setTab(null)}
      title={t('admin.title')}
      closeLabel={t('dialog.close')}
      className="dialog--admin"
      returnFocusId={USER_MENU_BUTTON_ID}
    >
      <div
        className="admin-tabs"
        role="tablist"
        aria-label={t('admin.title')}
        ref={tabList}
        onKeyDown={onKeyDown}
      >
        {adminTabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`admin-tab-${name}`}
            className="admin-tabs__tab"
            aria-selected={tab === name}
            aria-controls="admin-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`admin.tab.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="admin-panel"
        id="admin-panel"
        role="tabpanel"
        aria-labelledby={tab ? `admin-tab-${tab}` : undefined}
        tabIndex={0}
      >
        {Panel && <Panel key={tab} />}
      </div>
    </Dialog>
  );
}
