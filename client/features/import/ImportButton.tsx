// "Import…" in the top bar on a desk, for roles that may import. A phone's top bar has no room: there it is in the
// user menu (features/auth/UserMenu).
import { ariaKeyShortcuts } from '../../app/shortcuts';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { Icon } from '../../ui/Icon';
import { PHONE_QUERY, useMediaQuery } from '../../ui/useMediaQuery';

export function ImportButton() {
  const { t } = useI18n();
  const mayImport = useAppStore((s) => can(s.me, 'imports:write'));
  const openImport = useAppStore((s) => s.openImport);
  const phone = useMediaQuery(PHONE_QUERY);
  if (!mayImport || phone) return null;
  return (
    <button
      type="button"
      className="button button--secondary top-bar__import"
      aria-haspopup="dialog"
      aria-keyshortcuts={ariaKeyShortcuts('importFile')}
      title={t('import.open')}
      data-testid="import-open"
      onClick={() => openImport()}
    >
      <Icon name="upload" />
      {t('import.open')}
    </button>
  );
}
