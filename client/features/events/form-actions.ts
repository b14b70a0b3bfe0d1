// What the event form and the event's Details actions do: open the form (new or prefilled), save it (POST, or
// PATCH with the version read), reload after a conflict, and delete an event.
import { createEvent, deleteEvent, getEvent, updateEvent } from '../../api/client';
import type { EventFeature } from '../../api/contract';
import { translatorFor } from '../../i18n';
import { aroundCircle } from '../../map/camera-targets';
import type { AppStore } from '../../store';
import { can } from '../../store/slices/session';
import { reportError } from '../toast/report';
import { viewerTimeZone } from './actions';
import { bodyFromDraft, changeFromDraft, draftFromEvent, emptyDraft } from './event-form';

/** Opens the form for a new event (today's next hour, the viewer's time zone), or for `event` prefilled. */
export function openEventForm(
  store: AppStore,
  event: EventFeature | null = null,
  now: Date = new Date(),
): boolean {
  if (!can(store.getState().me, 'events:write')) return false;
  const draft = event ? draftFromEvent(event) : emptyDraft(viewerTimeZone(), now);
  store.getState().setEventForm({ event, draft, opened: draft, picking: false });
  return true;
}

/** Sends the form's draft; on success the event is in the list and on the map, selected. Failures are returned to show in the form. */
export async function saveEventForm(
  store: AppStore,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const form = store.getState().eventForm;
  if (!form) return { ok: true };
  try {
    const saved = form.event
      ? await updateEvent(form.event.id, changeFromDraft(form.event, form.draft))
      : await createEvent(bodyFromDraft(form.draft));
    const state = store.getState();
    state.putEvent(saved);
    state.setEventForm(null);
    state.select({ kind: 'event', id: saved.id });
    if (saved.geometry)
      state.flyTo(
        aroundCircle({
          center: saved.geometry.coordinates as [number, number],
          radiusMeters: state.eventReachMeters,
        }),
      );
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/** After a 409: reads the event as it is now and starts the form again from it (the edits made here are dropped). */
export async function reloadEventForm(store: AppStore): Promise<void> {
  const event = store.getState().eventForm?.event;
  if (!event) return;
  try {
    const fresh = await getEvent(event.id);
    store.getState().putEvent(fresh);
    const draft = draftFromEvent(fresh);
    store.getState().setEventForm({ event: fresh, draft, opened: draft, picking: false });
  } catch (error) {
    reportError(store, error);
  }
}

/** Deletes an event (asked first in the Details panel): it leaves the list, the map and the selection. */
export async function removeEvent(store: AppStore, event: EventFeature): Promise<boolean> {
  try {
    await deleteEvent(event.id);
    const state = store.getState();
    state.dropEvent(event.id);
    if (state.selection?.kind === 'event' && state.selection.id === event.id) state.select(null);
    const t = translatorFor(state.locale);
    state.pushToast({
      tone: 'info',
      title: t('events.deleted', { name: event.properties.name }),
      detail: '',
    });
    return true;
  } catch (error) {
    reportError(store, error);
    return false;
  }
}
