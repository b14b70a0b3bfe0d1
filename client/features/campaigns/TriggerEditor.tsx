// The builder's trigger editor: add and remove weather, event and schedule triggers, each input labelled with its
// unit. Errors the checks or the server name (`body.triggers.0.threshold`) show on the input they belong to.
import type { ReactNode } from 'react';
import {
  weatherConditions,
  weatherThresholds,
  type WeatherCondition,
} from '../../../server/domain/schemas/campaign';
import { useI18n, type InputQuantity } from '../../i18n';
import { useAppStore } from '../../store';
import { Field } from '../../ui/Field';
import type { TriggerDraft } from '../../store/slices/campaigns';
import { newTrigger } from './campaign-form';
import { MeasureInput, NumberInput } from './NumberInput';
import { weekdayNames } from './trigger-text';

interface EditorProps {
  triggers: TriggerDraft[];
  onChange: (triggers: TriggerDraft[]) => void;
  /** The error for a field and anything below it (`body.triggers.0.daysOfWeek` also shows `…daysOfWeek.2`). */
  errorAt: (field: string) => string | undefined;
}

const types: TriggerDraft['type'][] = ['weather', 'event', 'schedule'];

function WeatherFields({
  trigger,
  set,
  errorAt,
  base,
}: {
  trigger: Extract<TriggerDraft, { type: 'weather' }>;
  set: (t: TriggerDraft) => void;
  errorAt: EditorProps['errorAt'];
  base: string;
}) {
  const { t } = useI18n();
  const { unit } = weatherThresholds[trigger.condition];
  const quantity = unit as InputQuantity;
  return (
    <div className="trigger__fields">
      <Field label={t('campaigns.form.condition')} error={errorAt(`${base}.condition`)}>
        {(props) => (
          <select
            {...props}
            className="field__input"
            name="condition"
            value={trigger.condition}
            onChange={(e) => set({ ...trigger, condition: e.target.value as WeatherCondition })}
          >
            {weatherConditions.map((c) => (
              <option key={c} value={c}>
                {t(`campaigns.conditionChoice.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MeasureInput
        quantity={quantity}
        name="threshold"
        label={(shown) => t('campaigns.form.threshold', { unit: shown })}
        value={trigger.threshold}
        error={errorAt(`${base}.threshold`)}
        onChange={(threshold) => set({ ...trigger, threshold })}
      />
      <NumberInput
        name="sustainedHours"
        label={t('campaigns.form.sustainedHours')}
        value={trigger.sustainedHours}
        error={errorAt(`${base}.sustainedHours`)}
        onChange={(sustainedHours) => set({ ...trigger, sustainedHours })}
      />
      <NumberInput
        name="withinHours"
        label={t('campaigns.form.withinHours')}
        value={trigger.withinHours}
        error={errorAt(`${base}.withinHours`)}
        onChange={(withinHours) => set({ ...trigger, withinHours })}
      />
    </div>
  );
}

function EventFields({
  trigger,
  set,
  errorAt,
  base,
}: {
  trigger: Extract<TriggerDraft, { type: 'event' }>;
  set: (t: TriggerDraft) => void;
  errorAt: EditorProps['errorAt'];
  base: string;
}) {
  const { t } = useI18n();
  const events = useAppStore((s) => s.events.data?.features) ?? [];
  const known = trigger.eventId === '' || events.some((e) => e.id === trigger.eventId);
  return (
    <div className="trigger__fields">
      <Field label={t('campaigns.form.event')} error={errorAt(`${base}.eventId`)}>
        {(props) => (
          <select
            {...props}
            className="field__input"
            name="eventId"
            value={trigger.eventId}
            onChange={(e) => set({ ...trigger, eventId: e.target.value })}
          >
            <option value="">{t('campaigns.form.eventNone')}</option>
            {!known && <option value={trigger.eventId}>{trigger.eventId}</option>}
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.properties.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {trigger.eventId === '' && (
        <Field label={t('campaigns.form.category')} error={errorAt(`${base}.category`)}>
          {(props) => (
            <input
              {...props}
              className="field__input"
              name="category"
              maxLength={60}
              value={trigger.category}
              onChange={(e) => set({ ...trigger, category: e.target.value })}
            />
          )}
        </Field>
      )}
      <MeasureInput
        quantity="m"
        name="withinMeters"
        label={(unit) => t('campaigns.form.withinMeters', { unit })}
        value={trigger.withinMeters}
        error={errorAt(`${base}.withinMeters`)}
        onChange={(withinMeters) => set({ ...trigger, withinMeters })}
      />
      <NumberInput
        name="beforeMinutes"
        label={t('campaigns.form.beforeMinutes')}
        value={trigger.beforeMinutes}
        error={errorAt(`${base}.beforeMinutes`)}
        onChange={(beforeMinutes) => set({ ...trigger, beforeMinutes })}
      />
      <NumberInput
        name="afterMinutes"
        label={t('campaigns.form.afterMinutes')}
        value={trigger.afterMinutes}
        error={errorAt(`${base}.afterMinutes`)}
        onChange={(afterMinutes) => set({ ...trigger, afterMinutes })}
      />
    </div>
  );
}

function ScheduleFields({
  trigger,
  set,
  errorAt,
  base,
}: {
  trigger: Extract<TriggerDraft, { type: 'schedule' }>;
  set: (t: TriggerDraft) => void;
  errorAt: EditorProps['errorAt'];
  base: string;
}) {
  const { t, locale } = useI18n();
  const names = weekdayNames(locale);
  const daysError = errorAt(`${base}.daysOfWeek`);
  const toggle = (day: number) =>
    set({
      ...trigger,
      daysOfWeek: trigger.daysOfWeek.includes(day)
        ? trigger.daysOfWeek.filter((d) => d !== day)
        : [...trigger.daysOfWeek, day],
    });
  return (
    <div className="trigger__fields">
      <fieldset className="field trigger__days">
        <legend className="field__label">{t('campaigns.form.days')}</legend>
        <div className="weekday-toggles">
          {names.map((name, i) => (
            <button
              key={name}
              type="button"
              className="chip-button"
              aria-pressed={trigger.daysOfWeek.includes(i + 1)}
              onClick={() => toggle(i + 1)}
            >
              {name}
            </button>
          ))}
        </div>
        {daysError && (
          <span className="field__error" data-field-error>
            {daysError}
          </span>
        )}
      </fieldset>
      <Field label={t('campaigns.form.from')} error={errorAt(`${base}.from`)}>
        {(props) => (
          <input
            {...props}
            className="field__input"
            type="time"
            name="from"
            value={trigger.from}
            onChange={(e) => set({ ...trigger, from: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('campaigns.form.to')} error={errorAt(`${base}.to`)}>
        {(props) => (
          <input
            {...props}
            className="field__input"
            type="text"
            name="to"
            placeholder={t('campaigns.form.timePlaceholder')}
            value={trigger.to}
            onChange={(e) => set({ ...trigger, to: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}

export function TriggerEditor({ triggers, onChange, errorAt }: EditorProps) {
  const { t } = useI18n();
  const replace = (index: number, trigger: TriggerDraft) =>
    onChange(triggers.map((old, i) => (i === index ? trigger : old)));
  return (
    <div className="trigger-editor">
      {triggers.length === 0 && <p className="dialog__hint">{t('campaigns.form.triggersNone')}</p>}
      <ol className="trigger-list">
        {triggers.map((trigger, index) => {
          const base = `body.triggers.${index}`;
          const set = (next: TriggerDraft) => replace(index, next);
          let fields: ReactNode;
          if (trigger.type === 'weather')
            fields = <WeatherFields trigger={trigger} set={set} errorAt={errorAt} base={base} />;
          else if (trigger.type === 'event')
            fields = <EventFields trigger={trigger} set={set} errorAt={errorAt} base={base} />;
          else
            fields = <ScheduleFields trigger={trigger} set={set} errorAt={errorAt} base={base} />;
          return (
            <li
              className="trigger"
              key={index}
              data-trigger={index}
              data-trigger-type={trigger.type}
            >
              <div className="trigger__header">
                <span className="trigger__type">{t(`campaigns.triggerType.${trigger.type}`)}</span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`${t('campaigns.form.remove')} ${index + 1}`}
                  onClick={() => onChange(triggers.filter((_, i) => i !== index))}
                >
                  {t('campaigns.form.remove')}
                </button>
              </div>
              {fields}
            </li>
          );
        })}
      </ol>
      <div className="trigger-editor__add" role="group" aria-label={t('campaigns.form.add')}>
        {types.map((type) => (
          <button
            key={type}
            type="button"
            className="button button--secondary button--small"
            data-add-trigger={type}
            onClick={() => onChange([...triggers, newTrigger(type)])}
          >
            + {t(`campaigns.triggerType.${type}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
