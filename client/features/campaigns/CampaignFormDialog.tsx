// The campaign builder dialog: name, areas and audience, offer, channel, window in a chosen time zone, status on
// create, trigger mode and triggers, frequency cap (sending channels only) and holdout. The shared schema checks the
// draft before it is sent; its errors and the server's appear on the field they name; a 409 offers a reload.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { fieldMessage } from '../../api/field-messages';
import { fieldErrors, ProblemError } from '../../api/problem';
import {
  channels,
  createStatuses,
  isSendingChannel,
  triggerModes,
} from '../../../server/domain/schemas/campaign';
import { formatMeasure, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import type { CampaignFormState } from '../../store/slices/campaigns';
import { Dialog, useChangedSince, useDialogDirty } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { reportError } from '../toast/report';
import { reloadCampaignForm, saveCampaignForm } from './actions';
import { BuilderAudience } from './BuilderAudience';
import type { CampaignDraft } from '../../store/slices/campaigns';
import { checkCampaignDraft, type DraftProblem } from './campaign-form';
import { NEW_CAMPAIGN_BUTTON_ID } from './CampaignList';
import { TriggerEditor } from './TriggerEditor';

function timeZones(current: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** Inputs that show errors for their own field; anything else the server names is listed above the buttons. */
const OWN_FIELDS = [
  'body.name',
  'body.areaIds',
  'body.offer.headline',
  'body.offer.body',
  'body.offer.code',
  'body.offer.discountPercent',
  'body.channel',
  'body.startsAt',
  'body.endsAt',
  'body.timezone',
  'body.status',
  'body.triggerMode',
  'body.triggers',
  'body.frequencyCap',
  'body.holdoutPercent',
];
const owned = (field: string) =>
  OWN_FIELDS.some((own) => field === own || field.startsWith(`${own}.`));

function CampaignForm({ form }: { form: CampaignFormState }) {
  const { t, locale, units } = useI18n();
  const setForm = useAppStore((s) => s.setCampaignForm);
  const event = useAppStore((s) =>
    form.eventId ? (s.events.data?.features.find((e) => e.id === form.eventId) ?? null) : null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const draft = form.draft;
  const zones = useMemo(() => timeZones(draft.timezone), [draft.timezone]);
  const set = (change: Partial<CampaignDraft>) =>
    setForm({ ...form, draft: { ...draft, ...change } });
  useDialogDirty(useChangedSince(draft, form.campaign?.version));

  /**
   * The first error at a field or below it (`body.frequencyCap` also shows `body.frequencyCap.perDays`); the cap's
   * first input also shows an error about the cap as a whole.
   */
  const errorAt = (field: string) =>
    errors[field] ??
    Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1] ??
    (field === 'body.frequencyCap.maxPerCustomer' ? errors['body.frequencyCap'] : undefined);
  const stray = Object.entries(errors).filter(([field]) => !owned(field));

  /** A check's verdict in words; a threshold's range in the workspace's units (-76 °F to 140 °F). */
  const problemText = (p: DraftProblem) => {
    if (p.reason === 'schema') return fieldMessage(p.error, t);
    if (p.reason !== 'range') return t(`campaigns.form.error.${p.reason}`);
    const measure = (v: number) => formatMeasure(locale, v, p.unit, units, 1);
    return t(p.minExclusive ? 'campaigns.form.error.rangeAbove' : 'campaigns.form.error.range', {
      min: measure(p.min),
      max: measure(p.max),
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkCampaignDraft(draft);
    const local = Object.fromEntries(
      Object.entries(problems).map(([field, p]) => [field, problemText(p)]),
    );
    // A status is not sent with an edit: only the create body's checks name it.
    if (form.campaign) delete local['body.status'];
    setErrors(local);
    setConflict(false);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const result = await saveCampaignForm(useAppStore);
    setBusy(false);
    if (result.ok) return;
    const { error } = result;
    if (
      error instanceof ProblemError &&
      error.status === 409 &&
      fieldErrors(error, t)['body.version']
    )
      setConflict(true);
    else if (Object.keys(fieldErrors(error, t)).length > 0) setErrors(fieldErrors(error, t));
    else reportError(useAppStore, error);
  };

  const field = (
    name: string,
    label: string,
    input: (props: object) => ReactNode,
    hint?: string,
  ) => (
    <Field label={label} error={errorAt(name)} hint={hint}>
      {(props) => input(props)}
    </Field>
  );
  const text = (
    name: string,
    label: string,
    key: keyof CampaignDraft,
    extra: object = {},
    hint?: string,
  ) =>
    field(
      name,
      label,
      (props) => (
        <input
          {...props}
          {...extra}
          className="field__input"
          name={key}
          value={draft[key] as string}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      ),
      hint,
    );

  return (
    <form className="dialog__form campaign-form" onSubmit={(e) => void submit(e)} noValidate>
      {text('body.name', t('campaigns.form.name'), 'name', {
        autoFocus: true,
        autoComplete: 'off',
        maxLength: 200,
      })}
      <BuilderAudience
        areaIds={draft.areaIds}
        segment={draft.segment}
        error={errorAt('body.areaIds') ?? errorAt('body.segment')}
        event={event}
        onAreas={(areaIds) => set({ areaIds })}
        onSegment={(segment) => set({ segment })}
      />
      <fieldset className="campaign-form__group">
        <legend className="field__label">{t('campaigns.form.offer')}</legend>
        {text('body.offer.headline', t('campaigns.form.headline'), 'headline', { maxLength: 120 })}
        {field('body.offer.body', t('campaigns.form.body'), (props) => (
          <textarea
            {...props}
            className="field__input"
            name="body"
            rows={2}
            value={draft.body}
            onChange={(e) => set({ body: e.target.value })}
          />
        ))}
        <div className="event-form__row">
          {text(
            'body.offer.code',
            t('campaigns.form.code'),
            'code',
            { maxLength: 32, autoComplete: 'off', spellCheck: false },
            t('campaigns.form.codeHint'),
          )}
          {text('body.offer.discountPercent', t('campaigns.form.discount'), 'discount', {
            inputMode: 'decimal',
          })}
        </div>
      </fieldset>
      <div className="event-form__row">
        {field('body.channel', t('campaigns.form.channel'), (props) => (
          <select
            {...props}
            className="field__input"
            name="channel"
            value={draft.channel}
            onChange={(e) => set({ channel: e.target.value as CampaignDraft['channel'] })}
          >
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`campaigns.channel.${c}`)}
              </option>
            ))}
          </select>
        ))}
        {!form.campaign &&
          field('body.status', t('campaigns.form.status'), (props) => (
            <select
              {...props}
              className="field__input"
              name="status"
              value={draft.status}
              onChange={(e) => set({ status: e.target.value as CampaignDraft['status'] })}
            >
              {createStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`campaigns.status.${s}`)}
                </option>
              ))}
            </select>
          ))}
      </div>
      <div className="event-form__row">
        {text('body.startsAt', t('campaigns.form.starts'), 'start', { type: 'datetime-local' })}
        {text('body.endsAt', t('campaigns.form.ends'), 'end', { type: 'datetime-local' })}
      </div>
      {field('body.timezone', t('campaigns.form.timezone'), (props) => (
        <>
          <input
            {...props}
            className="field__input"
            name="timezone"
            list="campaign-form-zones"
            autoComplete="off"
            value={draft.timezone}
            onChange={(e) => set({ timezone: e.target.value })}
          />
          <datalist id="campaign-form-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      ))}
      <fieldset className="campaign-form__group" data-builder="triggers">
        <legend className="field__label">{t('campaigns.form.triggers')}</legend>
        {draft.triggers.length > 1 &&
          field('body.triggerMode', t('campaigns.form.triggerMode'), (props) => (
            <select
              {...props}
              className="field__input"
              name="triggerMode"
              value={draft.triggerMode}
              onChange={(e) => set({ triggerMode: e.target.value as CampaignDraft['triggerMode'] })}
            >
              {triggerModes.map((m) => (
                <option key={m} value={m}>
                  {t(`campaigns.form.triggerMode.${m}`)}
                </option>
              ))}
            </select>
          ))}
        <TriggerEditor
          triggers={draft.triggers}
          onChange={(triggers) => set({ triggers })}
          errorAt={errorAt}
        />
      </fieldset>
      <div className="event-form__row">
        {isSendingChannel(draft.channel) && (
          <>
            {text('body.frequencyCap.maxPerCustomer', t('campaigns.form.capMax'), 'capMax', {
              inputMode: 'numeric',
            })}
            {text('body.frequencyCap.perDays', t('campaigns.form.capDays'), 'capDays', {
              inputMode: 'numeric',
            })}
          </>
        )}
        {text(
          'body.holdoutPercent',
          t('campaigns.form.holdout'),
          'holdout',
          { inputMode: 'decimal' },
          t('campaigns.form.holdoutHint'),
        )}
      </div>
      {stray.length > 0 && (
        <ul className="field__error campaign-form__stray" role="alert">
          {stray.map(([f, message]) => (
            <li
              key={f}
            >{`${f.replace(/^body\.?/, '') || t('campaigns.form.name')}: ${message}`}</li>
          ))}
        </ul>
      )}
      {conflict && (
        <div
          className="event-form__conflict"
          role="alert"
          ref={(element) => element?.scrollIntoView({ block: 'nearest' })}
        >
          <p>{t('campaigns.form.conflict')}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void reloadCampaignForm(useAppStore).then(() => setConflict(false))}
          >
            {t('campaigns.form.reload')}
          </button>
        </div>
      )}
      {/* Pinned at the dialog's foot: the builder is taller than a laptop's window. */}
      <div className="form-actions panel-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? t('campaigns.form.saving')
            : form.campaign
              ? t('campaigns.form.save')
              : t('campaigns.form.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setForm(null)}>
          {t('campaigns.form.cancel')}
        </button>
      </div>
    </form>
  );
}

export function CampaignFormDialog() {
  const { t } = useI18n();
  const form = useAppStore((s) => s.campaignForm);
  const setForm = useAppStore((s) => s.setCampaignForm);
  return (
    <Dialog
      open={form !== null}
      onClose={() => setForm(null)}
      title={
        form?.campaign
          ? t('campaigns.form.editTitle', { name: form.campaign.name })
          : t('campaigns.form.createTitle')
      }
      closeLabel={t('dialog.close')}
      className="dialog--campaign"
      returnFocusId={form?.campaign ? undefined : NEW_CAMPAIGN_BUTTON_ID}
    >
      {form && <CampaignForm form={form} />}
    </Dialog>
  );
}
