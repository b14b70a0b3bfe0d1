// Campaigns: the list, which campaign × area pairs are live now (badges, map highlight) and the builder's form.
import type { StateCreator } from 'zustand';
import type { CampaignList, CampaignRecord, LiveCampaigns } from '../../api/contract';
import type {
  Channel,
  createStatuses,
  TriggerMode,
  WeatherCondition,
} from '../../../server/domain/schemas/campaign';
import type { Segment } from '../../../server/domain/schemas/segment';
import { idle, type Resource } from '../types';
import type { AppState } from '../index';

/** The campaign builder as the inputs hold it (features/campaigns/campaign-form turns it into API bodies). */
export type CreateStatus = (typeof createStatuses)[number];

export type TriggerDraft =
  | {
      type: 'weather';
      condition: WeatherCondition;
      threshold: string;
      sustainedHours: string;
      withinHours: string;
    }
  | {
      type: 'event';
      eventId: string;
      category: string;
      withinMeters: string;
      beforeMinutes: string;
      afterMinutes: string;
    }
  | { type: 'schedule'; daysOfWeek: number[]; from: string; to: string };

export interface CampaignDraft {
  name: string;
  areaIds: string[];
  segment: Segment;
  headline: string;
  body: string;
  code: string;
  discount: string;
  channel: Channel;
  /** `YYYY-MM-DDTHH:mm` in `timezone`. */
  start: string;
  /** `YYYY-MM-DDTHH:mm` in `timezone` (exclusive). */
  end: string;
  timezone: string;
  /** Only on create: a campaign then changes status through its allowed transitions. */
  status: CreateStatus;
  triggerMode: TriggerMode;
  triggers: TriggerDraft[];
  capMax: string;
  capDays: string;
  holdout: string;
}

/** The campaign builder: the draft lives here so entry points (an area, an event) can open it prefilled. */
export interface CampaignFormState {
  /** The campaign being edited, as read when the form opened (its version goes with the PATCH); null for a new one. */
  campaign: CampaignRecord | null;
  draft: CampaignDraft;
  /** Set when opened from an event: the builder offers "Create a 500 m area around the event" while no area is chosen. */
  eventId: string | null;
}

export interface CampaignsSlice {
  campaigns: Resource<CampaignList>;
  setCampaigns: (campaigns: Resource<CampaignList>) => void;
  /** Replaces one campaign by id (after an edit) or adds a new one, keeping the list sorted by name. */
  putCampaign: (campaign: CampaignRecord) => void;
  dropCampaign: (id: string) => void;
  /** What is live now; empty until GET /api/campaigns/live answers (or while it does not exist). */
  liveCampaigns: LiveCampaigns['live'];
  setLiveCampaigns: (live: LiveCampaigns['live']) => void;
  campaignForm: CampaignFormState | null;
  setCampaignForm: (form: CampaignFormState | null) => void;
}

const byName = (a: CampaignRecord, b: CampaignRecord) => a.name.localeCompare(b.name);

export const createCampaignsSlice: StateCreator<AppState, [], [], CampaignsSlice> = (set, get) => ({
  campaigns: idle,
  setCampaigns: (campaigns) => set({ campaigns }),
  putCampaign: (campaign) => {
    const { campaigns } = get();
    if (campaigns.status !== 'ready') return;
    const others = campaigns.data.campaigns.filter((c) => c.id !== campaign.id);
    set({
      campaigns: {
        status: 'ready',
        data: { campaigns: [...others, campaign].sort(byName) },
        error: null,
      },
    });
  },
  dropCampaign: (id) => {
    const { campaigns, liveCampaigns } = get();
    if (campaigns.status !== 'ready') return;
    set({
      campaigns: {
        status: 'ready',
        data: { campaigns: campaigns.data.campaigns.filter((c) => c.id !== id) },
        error: null,
      },
      liveCampaigns: liveCampaigns.filter((l) => l.campaignId !== id),
    });
  },
  liveCampaigns: [],
  setLiveCampaigns: (liveCampaigns) => set({ liveCampaigns }),
  campaignForm: null,
  setCampaignForm: (campaignForm) => set({ campaignForm }),
});
