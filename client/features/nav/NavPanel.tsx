// The left panel: lists for the current task (for now stores and neighbourhoods).
import { useI18n } from '../../i18n';
import { BoundaryList } from './BoundaryList';
import { StoreList } from './StoreList';

export function NavPanel({ id }: { id?: string }) {
  const { t } = useI18n();
  return (
    <nav className="nav-panel" id={id} aria-label={t('nav.label')}>
      <StoreList />
      <BoundaryList />
    </nav>
  );
}
