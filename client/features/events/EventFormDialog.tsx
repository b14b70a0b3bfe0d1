// The new-event / edit-event dialog: name, category, local start and end in a chosen time zone (dates only when
// all-day), attendance, promo status, budget, venue, notes and the place (typed, or picked on the map). Problems
// appear on the field the checks or the server name; a 409 offers to reload the event.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, ProblemError } from '../../api/problem';
import { eventStatuses } from '../../../server/domain/schemas/event';
import { useI18n } from '../../i18n';
import { eventCategories, isKnownCategory } from '../../map/event-categories';
import { useAppStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { reportError } from '../toast/report';
import { categoryLabel } from './category-label';
import type { EventDraft } from '../../store/slices/events';
import { validateEventDraft, withAllDay } from './event-form';
import { reloadEventForm, saveEventForm } from './form-actions';

export const NEW_EVENT_BUTTON_ID = 'new-event-button';

/** The request field each input edits, as the checks and the server name it. */
const fieldOf: Record<keyof EventDraft, string> = {
  name: 'body.name',
  category: 'body.category',
  timezone: 'body.timezone',
  allDay: 'body.allDay',
  start: 'body.startsAt',
  end: 'body.endsAt',
  attendance: 'body.expectedAttendance',
  status: 'body.status',
  budget: 'body.budget',
  notes: 'body.notes',
  locationText: 'body.locationText',
  lat: 'body.location',
  lng: 'body.location',
};
const CUSTOM = '__custom';

/** Server field names inside the location (`body.location.coordinates.1`) all show on the place fields. */
function byField(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const key = field.startsWith('body.location') ? 'body.location' : field;
    out[key] ??= message;
  }
  return out;
}

function timeZones(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

function EventForm({ draft }: { draft: EventDraft }) {
  const { t } = useI18n();
  const form = useAppStore((s) => s.eventForm)!;
  const setForm = useAppStore((s) => s.setEventForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones(draft.timezone), [draft.timezone]);
  // Changing a field clears its error (the checks run again on the next save).
  const set = (change: Partial<EventDraft>) => {
    setForm({ ...form, draft: { ...draft, ...change } });
    const cleared = Object.keys(change).map((key) => fieldOf[key as keyof EventDraft]);
    if (cleared.some((field) => errors[field]))
      setErrors(
        Object.fromEntries(Object.entries(errors).filter(([field]) => !cleared.includes(field))),
      );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reasons = validateEventDraft(draft);
    const local = Object.fromEntries(
      Object.entries(reasons).map(([field, reason]) => [field, t(`events.form.error.${reason}`)]),
    );
    setErrors(local);
    setConflict(false);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const result = await saveEventForm(useAppStore);
    setBusy(false);
    if (result.ok) return;
    const { error } = result;
    if (error instanceof ProblemError && error.status === 409) setConflict(true);
    else if (Object.keys(fieldErrors(error, t)).length > 0)
      setErrors(byField(fieldErrors(error, t)));
    else reportError(useAppStore, error);
  };

  const field = (
    name: string,
    label: string,
    input: (props: object) => ReactNode,
    hint?: string,
  ) => (
    <Field label={label} error={errors[name]} hint={hint}>
      {(props) => input(props)}
    </Field>
  );
  const text = (
    name: string,
    label: string,
    key: keyof EventDraft,
    type = 'text',
    extra: object = {},
  ) =>
    field(name, label, (props) => (
      <input
        {...props}
        {...extra}
        className="field__input"
        type={type}
        name={key}
        value={draft[key] as string}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    ));
  const known = isKnownCategory(draft.category);
  // One message for the pair: latitude and longitude are checked together.
  const placeError = errors['body.location'];

  return (
    <form className="dialog__form event-form" onSubmit={(e) => void submit(e)} noValidate>
      {text('body.name', t('events.form.name'), 'name', 'text', {
        autoFocus: true,
        autoComplete: 'off',
        maxLength: 200,
      })}
      <div className="event-form__row">
        {field('body.category', t('events.form.category'), (props) => (
          <select
            {...props}
            className="field__input"
            name="category"
            value={known ? draft.category : CUSTOM}
            onChange={(e) => set({ category: e.target.value === CUSTOM ? '' : e.target.value })}
          >
            {eventCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(t, c)}
              </option>
            ))}
            <option value={CUSTOM}>{t('events.form.categoryCustom')}</option>
          </select>
        ))}
        {!known &&
          text('body.category', t('events.form.categoryText'), 'category', 'text', {
            maxLength: 60,
          })}
      </div>
      <div className="event-form__row">
        {field(
          'body.timezone',
          t('events.form.timezone'),
          (props) => (
            <>
              <input
                {...props}
                className="field__input"
                name="timezone"
                list="event-form-zones"
                autoComplete="off"
                value={draft.timezone}
                onChange={(e) => set({ timezone: e.target.value })}
              />
              <datalist id="event-form-zones">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          ),
          t('events.form.timezoneHint'),
        )}
        <label className="checklist__item event-form__all-day">
          <input
            type="checkbox"
            name="allDay"
            checked={draft.allDay}
            onChange={(e) => setForm({ ...form, draft: withAllDay(draft, e.target.checked) })}
          />
          <span>{t('events.form.allDay')}</span>
        </label>
      </div>
      <div className="event-form__row">
        {text(
          'body.startsAt',
          draft.allDay ? t('events.form.firstDay') : t('events.form.starts'),
          'start',
          draft.allDay ? 'date' : 'datetime-local',
        )}
        {text(
          'body.endsAt',
          draft.allDay ? t('events.form.lastDay') : t('events.form.ends'),
          'end',
          draft.allDay ? 'date' : 'datetime-local',
        )}
      </div>
      <div className="event-form__row">
        {text('body.expectedAttendance', t('events.form.attendance'), 'attendance', 'number', {
          min: 0,
          step: 1,
          inputMode: 'numeric',
        })}
        {text('body.budget', t('events.form.budget'), 'budget', 'number', {
          min: 0,
          step: 'any',
          inputMode: 'decimal',
        })}
      </div>
      <div className="event-form__row">
        {field('body.status', t('events.form.status'), (props) => (
          <select
            {...props}
            className="field__input"
            name="status"
            value={draft.status}
            onChange={(e) => set({ status: e.target.value as EventDraft['status'] })}
          >
            <option value="">{t('events.form.status.none')}</option>
            {eventStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`details.event.status.${s}`)}
              </option>
            ))}
          </select>
        ))}
        {text('body.locationText', t('events.form.locationText'), 'locationText', 'text', {
          maxLength: 500,
        })}
      </div>
      <fieldset className="field event-form__place" aria-describedby="event-form-place-hint">
        <legend className="field__label">{t('events.form.position')}</legend>
        <div className="event-form__row event-form__row--place">
          {(['lat', 'lng'] as const).map((key) => (
            <Field key={key} label={t(`events.form.${key}`)}>
              {(props) => (
                <input
                  {...props}
                  {...(placeError
                    ? { 'aria-invalid': true, 'aria-describedby': 'event-form-place-error' }
                    : {})}
                  className="field__input"
                  type="text"
                  name={key}
                  inputMode="decimal"
                  autoComplete="off"
                  value={draft[key]}
                  onChange={(e) => set({ [key]: e.target.value })}
                />
              )}
            </Field>
          ))}
          <div className="event-form__place-actions">
            <button
              type="button"
              className="button button--secondary"
              data-action="pick-place"
              onClick={() => setForm({ ...form, picking: true })}
            >
              {t('events.form.pick')}
            </button>
            {(draft.lat || draft.lng) && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => set({ lat: '', lng: '' })}
              >
                {t('events.form.clearPosition')}
              </button>
            )}
          </div>
        </div>
        {placeError && (
          <span className="field__error" id="event-form-place-error" data-field-error>
            {placeError}
          </span>
        )}
        <p className="dialog__hint" id="event-form-place-hint">
          {t('events.form.positionHint')}
        </p>
      </fieldset>
      {field('body.notes', t('events.form.notes'), (props) => (
        <textarea
          {...props}
          className="field__input event-form__notes"
          name="notes"
          rows={2}
          value={draft.notes}
          onChange={(e) => set({ notes: e.target.value })}
        />
      ))}
      {conflict && (
        // Scrolled into view: the form is taller than some screens and the message is next to the buttons.
        <div
          className="event-form__conflict"
          role="alert"
          ref={(element) => element?.scrollIntoView({ block: 'nearest' })}
        >
          <p>{t('events.form.conflict')}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void reloadEventForm(useAppStore).then(() => setConflict(false))}
          >
            {t('events.form.reload')}
          </button>
        </div>
      )}
      {/* Pinned at the dialog's foot, as in the campaign builder: the form outgrows a phone's window. */}
      <div className="form-actions panel-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? t('events.form.saving')
            : form.event
              ? t('events.form.save')
              : t('events.form.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setForm(null)}>
          {t('events.form.cancel')}
        </button>
      </div>
    </form>
  );
}

export function EventFormDialog() {
  const { t } = useI18n();
  const form = useAppStore((s) => s.eventForm);
  const setForm = useAppStore((s) => s.setEventForm);
  const open = form !== null && !form.picking;
  return (
    <Dialog
      open={open}
      // Picking a place closes the dialog for a moment; only a real close (Esc, ×, Cancel) drops the draft.
      onClose={() => {
        if (!useAppStore.getState().eventForm?.picking) setForm(null);
      }}
      title={
        form?.event
          ? t('events.form.editTitle', { name: form.event.properties.name })
          : t('events.form.createTitle')
      }
      closeLabel={t('dialog.close')}
      className="dialog--event"
      dirty={form !== null && JSON.stringify(form.draft) !== JSON.stringify(form.opened)}
      returnFocusId={form?.event ? undefined : NEW_EVENT_BUTTON_ID}
    >
      {form && <EventForm draft={form.draft} />}
    </Dialog>
  );
}
