// The right panel: details of the selected store, neighbourhood, customer, area, event, campaign or draft. Escape closes it (see app/keyboard).
import { useRef, type ReactNode } from 'react';
import { showOnMap } from '../../app/actions';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { selectBoundary, selectStore } from '../../store/selectors';
import type { Selection } from '../../store/types';
import { PanelActions } from '../../ui/PanelActions';
import { PanelHeader } from '../../ui/PanelHeader';
import { StateMessage } from '../../ui/StateMessage';
import { useScrollReset } from '../../ui/useScrollReset';
import { AreaCampaignButton, AreaDetails } from '../areas/AreaDetails';
import { DraftDetails } from '../areas/DraftDetails';
import { StoreRings, TargetStoreButton } from '../areas/StoreTargeting';
import { discardDraft } from '../areas/draft-actions';
import { BoundaryDetails } from './BoundaryDetails';
import { CustomerDetails } from './CustomerDetails';
import { can } from '../../store/slices/session';
import { StoreDetails } from './StoreDetails';
import { EventDetails } from './EventDetails';
import { useEvent } from './useEventReach';
import { useCustomer } from './useCustomer';
import { SiteComparison, useSiteKeys } from '../events/SiteComparison';
import { CampaignActions, CampaignDetails } from '../campaigns/CampaignDetails';
import { EventOfferButton } from '../campaigns/EventOffers';
import { AreaComparisonPanel } from '../areas/AreaComparison';
import { WhiteSpacePanel } from '../areas/WhiteSpacePanel';
import { MarketSharePanel } from '../market/MarketSharePanel';
import { TravelDetails } from '../travel/TravelDetails';
import { discardTravel } from '../travel/travel-actions';
import { TradeAreas } from '../travel/TradeAreas';

function Frame({
  selection,
  title,
  kind,
  canZoom,
  actions,
  children,
}: {
  selection: Selection;
  title: string;
  kind?: string;
  canZoom?: boolean;
  /** The panel's main action, pinned at its foot beside Zoom to. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const select = useAppStore((s) => s.select);
  return (
    <div className="details" data-kind={selection.kind}>
      <PanelHeader
        kind={kind ?? t(`details.kind.${selection.kind}`)}
        title={title}
        closeLabel={t('details.close')}
        onClose={() =>
          selection.kind === 'draft'
            ? discardDraft(useAppStore)
            : selection.kind === 'travel'
              ? discardTravel(useAppStore)
              : select(null)
        }
      />
      <div className="details__body">{children}</div>
      {(canZoom || actions) && (
        <PanelActions>
          {actions}
          {canZoom && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => showOnMap(useAppStore, selection)}
            >
              {t('details.zoomTo')}
            </button>
          )}
        </PanelActions>
      )}
    </div>
  );
}

function Pending({
  selection,
  status,
}: {
  selection: Selection;
  status: 'loading' | 'idle' | 'error' | 'ready';
}) {
  const { t } = useI18n();
  const missing = status === 'ready' || status === 'error';
  return (
    <Frame selection={selection} title={missing ? selection.id : t('app.loading')}>
      <StateMessage tone={missing ? 'empty' : 'loading'}>
        {missing ? t('details.missing') : t('app.loading')}
      </StateMessage>
    </Frame>
  );
}

function StorePanel({ selection }: { selection: Selection }) {
  const store = useAppStore(selectStore(selection.id));
  const status = useAppStore((s) => s.stores.status);
  if (!store) return <Pending selection={selection} status={status} />;
  return (
    <Frame
      selection={selection}
      title={store.properties.name}
      canZoom
      actions={<TargetStoreButton store={store} />}
    >
      <StoreRings store={store} />
      <StoreDetails store={store} />
      <TradeAreas store={store} />
    </Frame>
  );
}

function BoundaryPanel({ selection }: { selection: Selection }) {
  const boundary = useAppStore(selectBoundary(selection.id));
  const status = useAppStore((s) => s.boundaries.status);
  if (!boundary) return <Pending selection={selection} status={status} />;
  return (
    <Frame selection={selection} title={boundary.properties.name} canZoom>
      <BoundaryDetails boundary={boundary} />
    </Frame>
  );
}

/** Roles without customer access never ask for one customer (the server would refuse anyway). */
function CustomerPanel({ selection }: { selection: Selection }) {
  const { t } = useI18n();
  const mayRead = useAppStore((s) => can(s.me, 'customers:read'));
  if (!mayRead) {
    return (
      <Frame selection={selection} title={t('details.kind.customer')}>
        <StateMessage tone="empty">{t('details.customer.notAllowed')}</StateMessage>
      </Frame>
    );
  }
  return <CustomerRecord selection={selection} />;
}

function CustomerRecord({ selection }: { selection: Selection }) {
  const { t } = useI18n();
  const state = useCustomer(selection.id);
  if (state.status === 'loading') {
    return (
      <Frame selection={selection} title={selection.id}>
        <StateMessage tone="loading">{t('details.customer.loading')}</StateMessage>
      </Frame>
    );
  }
  if (state.status === 'error') return <Pending selection={selection} status="error" />;
  return (
    <Frame selection={selection} title={state.customer.properties.firstName || selection.id}>
      <CustomerDetails customer={state.customer} />
    </Frame>
  );
}

function AreaPanel({ selection }: { selection: Selection }) {
  const area = useAppStore((s) =>
    s.areas.data?.features.find((f) => f.properties.id === selection.id),
  );
  const status = useAppStore((s) => s.areas.status);
  if (!area) return <Pending selection={selection} status={status} />;
  return (
    <Frame
      selection={selection}
      title={area.properties.name}
      canZoom
      actions={<AreaCampaignButton areaId={area.properties.id} />}
    >
      <AreaDetails area={area} />
    </Frame>
  );
}

function EventPanel({ selection }: { selection: Selection }) {
  const state = useEvent(selection.id);
  if (state.status !== 'ready')
    return (
      <Pending selection={selection} status={state.status === 'missing' ? 'ready' : 'loading'} />
    );
  return (
    <Frame
      selection={selection}
      title={state.event.properties.name}
      canZoom={state.event.geometry !== null}
      actions={<EventOfferButton event={state.event} />}
    >
      <EventDetails event={state.event} />
    </Frame>
  );
}

function CampaignPanel({ selection }: { selection: Selection }) {
  const campaign = useAppStore((s) =>
    s.campaigns.data?.campaigns.find((c) => c.id === selection.id),
  );
  const status = useAppStore((s) => s.campaigns.status);
  if (!campaign) return <Pending selection={selection} status={status} />;
  return (
    <Frame
      selection={selection}
      title={campaign.name}
      actions={<CampaignActions campaign={campaign} />}
    >
      <CampaignDetails campaign={campaign} />
    </Frame>
  );
}

function DraftPanel({ selection }: { selection: Selection }) {
  const { t } = useI18n();
  const draft = useAppStore((s) => s.draft);
  if (!draft) return <Pending selection={selection} status="ready" />;
  return (
    <Frame
      selection={selection}
      kind={draft.areaId ? t('details.kind.area') : undefined}
      title={draft.areaId ? t('areas.draft.editing', { name: draft.name }) : t('areas.draft.title')}
    >
      <DraftDetails draft={draft} />
    </Frame>
  );
}

function TravelPanel({ selection }: { selection: Selection }) {
  const { t } = useI18n();
  const travel = useAppStore((s) => s.travel);
  if (!travel) return <Pending selection={selection} status="ready" />;
  return (
    <Frame selection={selection} title={t('travel.title')}>
      <TravelDetails travel={travel} />
    </Frame>
  );
}

export function DetailsContent({ selection }: { selection: Selection }) {
  switch (selection.kind) {
    case 'store':
      return <StorePanel selection={selection} key={selection.id} />;
    case 'boundary':
      return <BoundaryPanel selection={selection} key={selection.id} />;
    case 'customer':
      return <CustomerPanel selection={selection} key={selection.id} />;
    case 'area':
      return <AreaPanel selection={selection} key={selection.id} />;
    case 'event':
      return <EventPanel selection={selection} key={selection.id} />;
    case 'campaign':
      return <CampaignPanel selection={selection} key={selection.id} />;
    case 'draft':
      return <DraftPanel selection={selection} />;
    case 'travel':
      return <TravelPanel selection={selection} />;
  }
}

/** The open site comparison (with its keys: Escape, Backspace), in the side panel or a phone's bottom sheet. */
export function SiteComparisonPanel() {
  const compare = useAppStore((s) => s.siteCompare);
  useSiteKeys(compare !== null);
  return compare ? <SiteComparison compare={compare} /> : null;
}

/** What the side panel shows, as a key: a new one starts scrolled to the top. */
export function usePanelSubject(): string {
  return useAppStore((s) =>
    s.siteCompare
      ? 'sites'
      : s.areaCompare
        ? 'compare'
        : s.whiteSpace
          ? 'white-space'
          : s.marketShare
            ? 'market-share'
            : s.selection
              ? `${s.selection.kind}:${s.selection.id}`
              : 'none',
  );
}

export function DetailsPanel() {
  const selection = useAppStore((s) => s.selection);
  const comparing = useAppStore((s) => s.siteCompare !== null);
  const comparedAreas = useAppStore((s) => s.areaCompare);
  const whiteSpace = useAppStore((s) => s.whiteSpace);
  const marketShare = useAppStore((s) => s.marketShare !== null);
  const ref = useRef<HTMLElement>(null);
  useScrollReset(ref, usePanelSubject());
  // A site comparison takes the panel while it is open, then an area comparison, then the white-space search; the
  // selection comes back when they close.
  const content = comparing ? (
    <SiteComparisonPanel />
  ) : comparedAreas ? (
    <AreaComparisonPanel chosen={comparedAreas} />
  ) : whiteSpace ? (
    <WhiteSpacePanel minStoreKm={whiteSpace.minStoreKm} />
  ) : marketShare ? (
    <MarketSharePanel />
  ) : selection ? (
    <DetailsContent selection={selection} />
  ) : null;
  if (!content) return null;
  return (
    <aside className="details-panel" aria-labelledby="details-title" data-covers-map ref={ref}>
      {content}
    </aside>
  );
}
