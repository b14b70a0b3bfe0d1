// On an event's page: the campaigns the event triggers (GET /api/campaigns?eventId=) and, for writers, "Create offer
// for this event" (the page's main action, in its pinned foot).
import { useEffect, useState } from 'react';
import { listCampaigns } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { CampaignRecord, EventFeature } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { openEventOffer, showCampaign } from './actions';
import { StatusChip } from './StatusChip';

export function EventOffers({ event }: { event: EventFeature }) {
  const { t } = useI18n();
  const mayRead = useAppStore((s) => can(s.me, 'campaigns:read'));
  // Reloaded when the campaign list changes (one was made from here, or edited).
  const listVersion = useAppStore((s) => s.campaigns.data);
  const [offers, setOffers] = useState<CampaignRecord[] | null>(null);
  useEffect(() => {
    if (!mayRead) return;
    const controller = new AbortController();
    listCampaigns({ eventId: event.id }, { signal: controller.signal })
      .then((result) => setOffers(result.campaigns))
      .catch((error: unknown) => {
        if (!isAbort(error)) setOffers([]);
      });
    return () => controller.abort();
  }, [event.id, mayRead, listVersion]);
  if (!mayRead) return null;
  return (
    <section className="campaign-section event-offers" aria-labelledby="event-offers-title">
      <h3 className="audience__title" id="event-offers-title">
        {t('campaigns.eventOffers')}
      </h3>
      {offers !== null && offers.length === 0 && (
        <p className="muted">{t('campaigns.eventOffersEmpty')}</p>
      )}
      {offers !== null && offers.length > 0 && (
        <ul className="event-offers__list">
          {offers.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => showCampaign(useAppStore, c.id)}
              >
                {c.name}
              </button>
              <StatusChip status={c.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EventOfferButton({ event }: { event: EventFeature }) {
  const { t } = useI18n();
  const mayWrite = useAppStore((s) => can(s.me, 'campaigns:write'));
  if (!mayWrite) return null;
  return (
    <button
      type="button"
      className="button button--primary"
      data-action="event-offer"
      onClick={() => openEventOffer(useAppStore, event)}
    >
      {t('campaigns.fromEvent')}
    </button>
  );
}
