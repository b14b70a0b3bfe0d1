// The signed-in user in the top bar: who, which role, change password, Import… (roles that may import), workspace
// settings (owners), sign out.
import { useState } from 'react';
import { signOut } from '../../api/client';
import type { Role } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { IconButton } from '../../ui/IconButton';
import { Popover } from '../../ui/Popover';

const roleKey = {
  owner: 'role.owner',
  manager: 'role.manager',
  store_manager: 'role.store_manager',
  marketer: 'role.marketer',
  viewer: 'role.viewer',
} as const satisfies Record<Role, string>;

/** The menu's button, where focus returns when a dialog opened from the menu closes. */
export const USER_MENU_BUTTON_ID = 'user-menu-button';

export function UserMenu() {
  const { t } = useI18n();
  const me = useAppStore((s) => s.me);
  const [open, setOpen] = useState(false);
  const setPasswordOpen = useAppStore((s) => s.setPasswordOpen);
  const setAdminTab = useAppStore((s) => s.setAdminTab);
  const openImport = useAppStore((s) => s.openImport);

  if (!me) return null;
  return (
    <div className="user-menu">
      {/* The button toggles the popover itself (popoverTarget); Escape and a click elsewhere close it. */}
      <IconButton
        id={USER_MENU_BUTTON_ID}
        icon="user"
        label={t('auth.menu', { email: me.user.email })}
        aria-expanded={open}
        aria-controls="user-menu-panel"
        popoverTarget="user-menu-panel"
      />
      <Popover
        id="user-menu-panel"
        anchorId={USER_MENU_BUTTON_ID}
        open={open}
        onOpenChange={setOpen}
        className="user-menu__panel"
      >
        <p className="user-menu__who">{me.user.email}</p>
        <p className="user-menu__role">{t(roleKey[me.user.role])}</p>
        <button
          type="button"
          className="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => {
            setOpen(false);
            setPasswordOpen(true);
          }}
        >
          {t('password.open')}
        </button>
        {can(me, 'imports:write') && (
          <button
            type="button"
            className="button button--secondary"
            aria-haspopup="dialog"
            onClick={() => {
              setOpen(false);
              openImport();
            }}
          >
            {t('import.open')}
          </button>
        )}
        {can(me, 'users:admin') && (
          <button
            type="button"
            className="button button--secondary"
            aria-haspopup="dialog"
            onClick={() => {
              setOpen(false);
              setAdminTab('users');
            }}
          >
            {t('admin.open')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void signOut().finally(() => window.dispatchEvent(new Event('catchment:signed-out')));
          }}
        >
          {t('auth.signOut')}
        </button>
      </Popover>
    </div>
  );
}
