// The left panel: lists for the current task (areas, campaigns, events, imported rows that need a place, stores and
// neighbourhoods); in an empty workspace, the way to the import first; otherwise downloads of its data last.
import { useI18n } from '../../i18n';
import { AreaList } from '../areas/AreaList';
import { CampaignList } from '../campaigns/CampaignList';
import { BoundaryList } from './BoundaryList';
import { NavDownloads } from './DownloadLinks';
import { EmptyWorkspace, useIsEmptyWorkspace } from './EmptyWorkspace';
import { EventList } from './EventList';
import { UnplacedList } from '../import/UnplacedList';
import { StoreList } from './StoreList';

export function NavPanel({ id }: { id?: string }) {
  const { t } = useI18n();
  const empty = useIsEmptyWorkspace();
  return (
    <nav className="nav-panel" id={id} aria-label={t('nav.label')} data-covers-map>
      {empty && <EmptyWorkspace />}
      <AreaList />
      <CampaignList />
      <EventList />
      <UnplacedList />
      <StoreList />
      <BoundaryList />
      {!empty && <NavDownloads />}
    </nav>
  );
}
