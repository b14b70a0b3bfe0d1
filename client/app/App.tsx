// The application shell: top bar, left panel, full-bleed map with floating controls, Details panel, toasts, and the
// shortcuts, change-password, workspace settings and event dialogs.
import { useEffect } from 'react';
import { AdminDialog } from '../features/admin/AdminDialog';
import { PasswordDialog } from '../features/auth/PasswordDialog';
import {
  DetailsContent,
  DetailsPanel,
  SiteComparisonPanel,
} from '../features/details/DetailsPanel';
import { AreaComparisonPanel } from '../features/areas/AreaComparison';
import { WhiteSpacePanel } from '../features/areas/WhiteSpacePanel';
import { MarketSharePanel } from '../features/market/MarketSharePanel';
import { DrawToolbar } from '../features/areas/DrawToolbar';
import { PickBar } from '../features/areas/PickBar';
import { PlaceBar } from '../features/events/PlaceBar';
import { EventFormDialog } from '../features/events/EventFormDialog';
import { ImportRoot } from '../features/import/ImportRoot';
import { CampaignFormDialog } from '../features/campaigns/CampaignFormDialog';
import { LayerPanel } from '../features/layers/LayerPanel';
import { MapView } from '../features/map/MapView';
import { OfflineBadge } from '../features/map/OfflineBadge';
import { NavPanel } from '../features/nav/NavPanel';
import { ShortcutsDialog } from '../features/shortcuts/ShortcutsDialog';
import { BottomSheet } from '../features/sheet/BottomSheet';
import { Toasts } from '../features/toast/Toasts';
import { useI18n } from '../i18n';
import { useAppStore } from '../store';
import { can } from '../store/slices/session';
import { PHONE_QUERY, useMediaQuery } from '../ui/useMediaQuery';
import { useGlobalKeys } from './keyboard';
import { TopBar } from './TopBar';

function focusMap() {
  document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')?.focus();
}

export function App() {
  const { t } = useI18n();
  const phone = useMediaQuery(PHONE_QUERY);
  const navOpen = useAppStore((s) => s.navOpen);
  const selection = useAppStore((s) => s.selection);
  const sheet = useAppStore((s) => s.sheet);
  const setSheet = useAppStore((s) => s.setSheet);
  const comparing = useAppStore((s) => s.siteCompare !== null);
  const pickingSites = useAppStore((s) => s.siteCompare?.picking ?? false);
  const comparedAreas = useAppStore((s) => s.areaCompare);
  const whiteSpace = useAppStore((s) => s.whiteSpace);
  const marketShare = useAppStore((s) => s.marketShare !== null);
  const pickingWhatIf = useAppStore((s) => s.whatIfSite?.picking ?? false);
  // Viewers see areas but cannot draw or change them.
  const canDraw = useAppStore((s) => can(s.me, 'areas:write'));
  useGlobalKeys();

  // On a phone, a new selection lifts the sheet so its details are visible.
  useEffect(() => {
    if (phone && selection) setSheet('half');
  }, [phone, selection, setSheet]);
  // Comparing sites on a phone: the sheet steps down while points are tapped on the map, and up for the answer.
  useEffect(() => {
    if (phone && comparing) setSheet(pickingSites ? 'peek' : 'half');
  }, [phone, comparing, pickingSites, setSheet]);
  // Comparing areas or looking for white space on a phone: the sheet rises to the panel.
  const areaPanel = comparedAreas !== null || whiteSpace !== null || marketShare;
  useEffect(() => {
    if (phone && areaPanel) setSheet('half');
  }, [phone, areaPanel, setSheet]);
  // "What if we open here?" on a phone: the sheet steps down while the place is tapped, and up for the answer.
  useEffect(() => {
    if (phone && marketShare) setSheet(pickingWhatIf ? 'peek' : 'half');
  }, [phone, marketShare, pickingWhatIf, setSheet]);
  const sheetPanel = comparing ? (
    <SiteComparisonPanel />
  ) : comparedAreas ? (
    <AreaComparisonPanel chosen={comparedAreas} />
  ) : whiteSpace ? (
    <WhiteSpacePanel minStoreKm={whiteSpace.minStoreKm} />
  ) : marketShare ? (
    <MarketSharePanel />
  ) : selection ? (
    <DetailsContent selection={selection} />
  ) : (
    <NavPanel />
  );
  const sheetLabel = comparing
    ? t('sites.title')
    : comparedAreas
      ? t('compare.title')
      : whiteSpace
        ? t('whiteSpace.title')
        : marketShare
          ? t('market.title')
          : selection
            ? t('details.label')
            : t('nav.label');

  return (
    <div
      className="app"
      data-layout={phone ? 'phone' : 'desktop'}
      data-nav={navOpen ? 'open' : 'closed'}
      data-sheet={phone ? sheet : undefined}
    >
      <button type="button" className="skip-link" onClick={focusMap}>
        {t('app.skipToMap')}
      </button>
      <TopBar showNavToggle={!phone} />
      <div className="workspace">
        {!phone && navOpen && <NavPanel id="nav-panel" />}
        <main className="map-area">
          <MapView />
          <div className="map-top-centre">
            {canDraw && <DrawToolbar />}
            <PickBar />
            <PlaceBar />
          </div>
          <LayerPanel />
          <OfflineBadge />
        </main>
        {!phone && <DetailsPanel />}
      </div>
      {phone && <BottomSheet label={sheetLabel}>{sheetPanel}</BottomSheet>}
      <Toasts />
      <ShortcutsDialog />
      <PasswordDialog />
      <AdminDialog />
      <EventFormDialog />
      <CampaignFormDialog />
      <ImportRoot />
    </div>
  );
}
