// The signed-in user in the top bar: who, which role, and sign out.
import { useEffect, useRef, useState } from 'react';
import { signOut } from '../../api/client';
import type { Role } from '../../api/types';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { IconButton } from '../../ui/IconButton';

const roleKey = { owner: 'role.owner', manager: 'role.manager', store_manager: 'role.store_manager', marketer: 'role.marketer', viewer: 'role.viewer' } as const satisfies Record<Role, string>;

export function UserMenu() {
  const { t } = useI18n();
  const me = useAppStore((s) => s.me);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);

  if (!me) return null;
  return (
    <div className="user-menu" ref={ref}>
      <IconButton icon="user" label={t('auth.menu', { email: me.user.email })} aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen(!open)} />
      {open && (
        <div id="user-menu-panel" className="user-menu__panel">
          <p className="user-menu__who">{me.user.email}</p>
          <p className="user-menu__role">{t(roleKey[me.user.role])}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void signOut().finally(() => window.dispatchEvent(new Event('catchment:signed-out')));
            }}
          >
            {t('auth.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
