// The left panel: lists for the current task (areas, events, stores and neighbourhoods).
import { useI18n } from '../../i18n';
import { AreaList } from '../areas/AreaList';
import { BoundaryList } from './BoundaryList';
import { EventList } from './EventList';
import { StoreList } from './StoreList';

export function NavPanel({ id }: { id?: string }) {
  const { t } = useI18n();
  return (
    <nav className="nav-panel" id={id} aria-label={t('nav.label')}>
      <AreaList />
      <EventList />
      <StoreList />
      <BoundaryList />
    </nav>
  );
}
