// What the campaign panels do: load the list and what is live now, open the builder (new, from an area, from an
// event, or to edit), save it, change a campaign's status, delete one, and make a 500 m area around an event.
import { createArea } from '../../api/areas';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  getLiveCampaigns,
  listCampaigns,
  updateCampaign,
} from '../../api/client';
import { ProblemError } from '../../api/problem';
import type { CampaignRecord, CampaignStatus, EventFeature } from '../../api/contract';
import { translatorFor } from '../../i18n';
import type { AppStore } from '../../store';
import { can } from '../../store/slices/session';
import { reportError } from '../toast/report';
import { viewerTimeZone } from '../events/actions';
import {
  bodyFromDraft,
  changeFromDraft,
  draftFromCampaign,
  emptyCampaignDraft,
  newTrigger,
} from './campaign-form';
import { eventDay } from './event-offer';

export async function loadCampaigns(store: AppStore): Promise<void> {
  if (!can(store.getState().me, 'campaigns:read')) return;
  const { setCampaigns } = store.getState();
  setCampaigns({ status: 'loading', data: null, error: null });
  try {
    setCampaigns({ status: 'ready', data: await listCampaigns(), error: null });
  } catch (error) {
    setCampaigns({
      status: 'error',
      data: null,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    reportError(store, error);
  }
  await loadLiveCampaigns(store);
}

/** What is live now. A server without the route yet (404) or a failure leaves no badges, quietly: badges are extra. */
export async function loadLiveCampaigns(store: AppStore): Promise<void> {
  if (!can(store.getState().me, 'campaigns:read')) return;
  try {
    store.getState().setLiveCampaigns((await getLiveCampaigns()).live);
  } catch (error) {
    if (!(error instanceof ProblemError && error.status === 404)) reportError(store, error);
    store.getState().setLiveCampaigns([]);
  }
}

export function showCampaign(store: AppStore, id: string): void {
  store.getState().select({ kind: 'campaign', id });
}

const mayWrite = (store: AppStore) => can(store.getState().me, 'campaigns:write');

/** Opens the builder for a new campaign; with areas, those areas and the current segment are chosen already. */
export function openNewCampaign(
  store: AppStore,
  {
    areaId,
    areaIds = areaId ? [areaId] : [],
    now = new Date(),
  }: { areaId?: string; areaIds?: string[]; now?: Date } = {},
): boolean {
  if (!mayWrite(store)) return false;
  const { segment, config } = store.getState();
  const draft = emptyCampaignDraft({
    // The workspace's clock (set in the workspace settings); the viewer's own until one is set.
    timeZone: config.data?.workspace.timeZone ?? viewerTimeZone(),
    now,
    areaIds,
    segment,
  });
  store.getState().setCampaignForm({ campaign: null, draft, eventId: null });
  return true;
}

/** Opens the builder with an event trigger for `event` (within 500 m, ±60 min), its window the event's day(s) in its time zone. */
export function openEventOffer(store: AppStore, event: EventFeature, now = new Date()): boolean {
  if (!mayWrite(store)) return false;
  const { segment } = store.getState();
  const p = event.properties;
  const day = eventDay(p);
  // No area is guessed: the user picks saved areas, or makes one around the event in one click.
  const draft = {
    ...emptyCampaignDraft({ timeZone: p.timezone, now, segment }),
    name: p.name,
    start: day.start,
    end: day.end,
    triggers: [{ ...newTrigger('event'), eventId: event.id } as const],
  };
  store.getState().setCampaignForm({ campaign: null, draft, eventId: event.id });
  return true;
}

export function openEditCampaign(store: AppStore, campaign: CampaignRecord): boolean {
  if (!mayWrite(store)) return false;
  store.getState().setCampaignForm({ campaign, draft: draftFromCampaign(campaign), eventId: null });
  return true;
}

/** Sends the builder's draft; on success the campaign is in the list, selected. Failures are returned to show in the form. */
export async function saveCampaignForm(
  store: AppStore,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const form = store.getState().campaignForm;
  if (!form) return { ok: true };
  try {
    const saved = form.campaign
      ? await updateCampaign(form.campaign.id, changeFromDraft(form.campaign, form.draft))
      : await createCampaign(bodyFromDraft(form.draft));
    const state = store.getState();
    state.putCampaign(saved);
    state.setCampaignForm(null);
    state.select({ kind: 'campaign', id: saved.id });
    void loadLiveCampaigns(store);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/** After a 409: the campaign as it is now, and the form again from it. */
export async function reloadCampaignForm(store: AppStore): Promise<void> {
  const campaign = store.getState().campaignForm?.campaign;
  if (!campaign) return;
  try {
    const fresh = await getCampaign(campaign.id);
    store.getState().putCampaign(fresh);
    store
      .getState()
      .setCampaignForm({ campaign: fresh, draft: draftFromCampaign(fresh), eventId: null });
  } catch (error) {
    reportError(store, error);
  }
}

/** One allowed status change (the server checks it again); a stale version or a refused change shows as a toast and the campaign reloads. */
export async function changeCampaignStatus(
  store: AppStore,
  campaign: CampaignRecord,
  status: CampaignStatus,
): Promise<void> {
  try {
    store
      .getState()
      .putCampaign(await updateCampaign(campaign.id, { status, version: campaign.version }));
    void loadLiveCampaigns(store);
  } catch (error) {
    reportError(store, error);
    if (error instanceof ProblemError && error.status === 409) {
      try {
        store.getState().putCampaign(await getCampaign(campaign.id));
      } catch (reload) {
        reportError(store, reload);
      }
    }
  }
}

/** Deletes a campaign that has not run. The server's 409 ("it has run: end it instead") is returned to show in place. */
export async function removeCampaign(
  store: AppStore,
  campaign: CampaignRecord,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await deleteCampaign(campaign.id);
    const state = store.getState();
    state.dropCampaign(campaign.id);
    if (state.selection?.kind === 'campaign' && state.selection.id === campaign.id)
      state.select(null);
    state.pushToast({
      tone: 'info',
      title: translatorFor(state.locale)('campaigns.deleted', { name: campaign.name }),
      detail: '',
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof ProblemError && error.status === 409) return { ok: false, error };
    reportError(store, error);
    return { ok: false, error: null };
  }
}

/** Saves a 500 m radius area around a placed event and chooses it in the open builder. */
export async function addEventArea(store: AppStore, event: EventFeature): Promise<void> {
  if (!event.geometry) return;
  const t = translatorFor(store.getState().locale);
  try {
    const area = await createArea({
      kind: 'radius',
      name: t('campaigns.form.eventAreaName', { name: event.properties.name }),
      params: { center: event.geometry.coordinates as [number, number], radiusMeters: 500 },
    });
    const state = store.getState();
    state.putAreas([area]);
    const form = state.campaignForm;
    if (form)
      state.setCampaignForm({
        ...form,
        draft: { ...form.draft, areaIds: [...form.draft.areaIds, area.properties.id] },
      });
  } catch (error) {
    reportError(store, error);
  }
}
