// The 48 px top bar: panel toggle, product and workspace name, search, Import…, language, keyboard shortcuts, user menu.
import { UserMenu } from '../features/auth/UserMenu';
import { ImportButton } from '../features/import/ImportButton';
import { LanguageMenu } from '../features/lang/LanguageMenu';
import { SearchBox } from '../features/search/SearchBox';
import { useI18n } from '../i18n';
import { useAppStore } from '../store';
import { IconButton } from '../ui/IconButton';
import { ariaKeyShortcuts } from './shortcuts';

export function TopBar({ showNavToggle }: { showNavToggle: boolean }) {
  const { t } = useI18n();
  const workspace = useAppStore((s) => s.config.data?.workspace.name);
  const navOpen = useAppStore((s) => s.navOpen);
  const setNavOpen = useAppStore((s) => s.setNavOpen);
  const setShortcutsOpen = useAppStore((s) => s.setShortcutsOpen);
  return (
    <header className="top-bar" data-covers-map>
      {showNavToggle && (
        <IconButton
          icon="sidebar"
          label={navOpen ? t('nav.hide') : t('nav.show')}
          aria-expanded={navOpen}
          aria-controls="nav-panel"
          aria-keyshortcuts={ariaKeyShortcuts('toggleNav')}
          onClick={() => setNavOpen(!navOpen)}
        />
      )}
      <p className="top-bar__title">
        <span className="top-bar__product">{t('app.name')}</span>
        {workspace && (
          <>
            <span className="top-bar__sep" aria-hidden="true">
              ·
            </span>
            <span className="top-bar__workspace" title={t('topbar.workspace', { name: workspace })}>
              {workspace}
            </span>
          </>
        )}
      </p>
      <SearchBox />
      <ImportButton />
      <LanguageMenu />
      <IconButton
        icon="keyboard"
        className="top-bar__shortcuts"
        label={t('shortcuts.open')}
        aria-haspopup="dialog"
        aria-keyshortcuts={ariaKeyShortcuts('showShortcuts')}
        onClick={() => setShortcutsOpen(true)}
      />
      <UserMenu />
    </header>
  );
}
