// "What if it rains here from 07:00 to 11:00 tomorrow?" (and, with "Add a condition", "…and it is cold?", for
// campaigns whose triggers must all hold): the campaigns that would fire in this area, and in which hours, under
// hypothetical weather. A preview: nothing is recorded, no offer goes out.
import { useId, useState } from 'react';
import { previewWhatIf } from '../../api/client';
import { formatProblem } from '../../api/problem';
import type { WhatIfAnswer } from '../../api/contract';
import {
  dateTimeFormat,
  fromFieldValue,
  inputUnit,
  inputUnitLabel,
  toFieldValue,
  useI18n,
} from '../../i18n';
import { useAppStore } from '../../store';
import { IconButton } from '../../ui/IconButton';
import { StateMessage } from '../../ui/StateMessage';
import { viewerTimeZone } from '../events/actions';
import {
  addCondition,
  conditionChoices,
  defaultWhatIf,
  whatIfRequest,
  whatIfValues,
  type WhatIfForm,
  type WhatIfWeather,
} from './what-if';

type State =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; answer: WhatIfAnswer; form: WhatIfForm }
  | { status: 'error'; message: string };

export function AreaWhatIf({
  areaId,
  bbox,
}: {
  areaId: string;
  bbox: [number, number, number, number];
}) {
  const { t, locale, units } = useI18n();
  const id = useId();
  /** What a condition's value is typed in: the workspace's units; the request stays in SI. */
  const unitOf = (condition: WhatIfWeather['condition']) =>
    inputUnit(whatIfValues[condition].unit, units);
  const timeZone = viewerTimeZone();
  const [form, setForm] = useState<WhatIfForm>(() => defaultWhatIf(new Date(), timeZone));
  const [invalid, setInvalid] = useState<{ field: string; row?: number | undefined } | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const select = useAppStore((s) => s.select);

  const update = (patch: Partial<WhatIfForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setInvalid(null);
  };
  /** Changes one condition row; a new condition starts at its usual value. */
  const updateRow = (row: number, patch: Partial<WhatIfWeather>) =>
    update({
      conditions: form.conditions.map((c, i) =>
        i !== row
          ? c
          : patch.condition
            ? { condition: patch.condition, value: whatIfValues[patch.condition].value }
            : { ...c, ...patch },
      ),
    });
  const run = async () => {
    const built = whatIfRequest(form, areaId, bbox, timeZone);
    if (!built.ok) return setInvalid({ field: built.field, row: built.row });
    setState({ status: 'running' });
    try {
      setState({ status: 'done', answer: await previewWhatIf(built.request), form });
    } catch (error) {
      setState({ status: 'error', message: formatProblem(error, t).title });
    }
  };

  const hour = (iso: string) =>
    dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return (
    <section className="what-if" aria-labelledby={`${id}-title`}>
      <h3 className="audience__title" id={`${id}-title`}>
        {t('whatIf.title')}
      </h3>
      <form
        className="what-if__form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        {form.conditions.map((weather, row) => (
          <div className="what-if__condition" key={row} data-condition-row={row}>
            <label className="field">
              <span className="field__label">
                {row === 0 ? t('whatIf.condition') : t('whatIf.andCondition')}
              </span>
              <select
                className="input"
                value={weather.condition}
                onChange={(e) =>
                  updateRow(row, { condition: e.target.value as WhatIfWeather['condition'] })
                }
              >
                {conditionChoices(form.conditions, row).map((c) => (
                  <option key={c} value={c}>
                    {t(`whatIf.condition.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">
                {t('whatIf.value', {
                  unit: inputUnitLabel(locale, unitOf(weather.condition)),
                })}
              </span>
              <input
                className="input"
                type="number"
                step="any"
                name="what-if-value"
                data-unit={unitOf(weather.condition).unit}
                value={
                  Number.isFinite(weather.value)
                    ? toFieldValue(weather.value, unitOf(weather.condition))
                    : ''
                }
                aria-invalid={(invalid?.field === 'value' && invalid.row === row) || undefined}
                onChange={(e) =>
                  updateRow(row, {
                    value: Number.isFinite(e.target.valueAsNumber)
                      ? fromFieldValue(e.target.valueAsNumber, unitOf(weather.condition))
                      : NaN,
                  })
                }
              />
            </label>
            {form.conditions.length > 1 && (
              <IconButton
                icon="close"
                label={t('whatIf.removeCondition', {
                  condition: t(`whatIf.condition.${weather.condition}`),
                })}
                onClick={() => update({ conditions: form.conditions.filter((_, i) => i !== row) })}
              />
            )}
          </div>
        ))}
        {addCondition(form) !== form && (
          <button
            type="button"
            className="link-button what-if__add"
            data-action="what-if-add"
            onClick={() => update(addCondition(form))}
          >
            {t('whatIf.addCondition')}
          </button>
        )}
        <label className="field">
          <span className="field__label">{t('whatIf.day')}</span>
          <input
            className="input"
            type="date"
            value={form.day}
            aria-invalid={invalid?.field === 'day' || undefined}
            onChange={(e) => update({ day: e.target.value })}
          />
        </label>
        <div className="what-if__times">
          <label className="field">
            <span className="field__label">{t('whatIf.from')}</span>
            <input
              className="input"
              type="time"
              value={form.from}
              aria-invalid={invalid?.field === 'from' || undefined}
              onChange={(e) => update({ from: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('whatIf.to')}</span>
            <input
              className="input"
              type="time"
              value={form.to}
              aria-invalid={invalid?.field === 'to' || undefined}
              onChange={(e) => update({ to: e.target.value })}
            />
          </label>
        </div>
        {invalid && (
          <p className="field__error" role="alert">
            {t(`whatIf.invalid.${invalid.field}` as 'whatIf.invalid.to')}
          </p>
        )}
        <button
          type="submit"
          className="button button--secondary"
          disabled={state.status === 'running'}
          data-action="what-if"
        >
          {t('whatIf.run')}
        </button>
      </form>
      {state.status === 'running' && (
        <StateMessage tone="loading">{t('whatIf.running')}</StateMessage>
      )}
      {state.status === 'error' && <StateMessage tone="error">{state.message}</StateMessage>}
      {state.status === 'done' &&
        (state.answer.campaigns.length === 0 ? (
          <StateMessage tone="empty">{t('whatIf.none')}</StateMessage>
        ) : (
          <div className="what-if__answer" data-what-if="answer">
            <p className="muted">{t('whatIf.would', { count: state.answer.campaigns.length })}</p>
            <WhatIfLegend
              from={hour(state.answer.steps[0]?.at ?? state.answer.campaigns[0]!.firstLiveAt)}
              to={hour(endOf(state.answer.steps))}
            />
            <ul className="what-if__list">
              {state.answer.campaigns.map((c) => (
                <li key={c.campaignId} data-campaign={c.campaignId}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => select({ kind: 'campaign', id: c.campaignId })}
                  >
                    {c.name}
                  </button>{' '}
                  <code>{c.code}</code>
                  <span
                    className="what-if__hours"
                    aria-label={t('whatIf.hours', { count: c.liveSteps })}
                  >
                    {state.answer.steps.map((step) => (
                      <span
                        key={step.at}
                        className="what-if__hour"
                        data-live={
                          step.live.some((l) => l.campaignId === c.campaignId) || undefined
                        }
                        title={hour(step.at)}
                      />
                    ))}
                  </span>
                  <span className="muted">
                    {t('whatIf.firstAt', { time: hour(c.firstLiveAt) })} ·{' '}
                    {t('whatIf.hours', { count: c.liveSteps })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}

/** When the last hour shown ends: one step (an hour) after the last step starts. */
function endOf(steps: readonly { at: string }[]): string {
  const last = steps.at(-1)?.at;
  return new Date(Date.parse(last ?? '') + STEP_MS).toISOString();
}
const STEP_MS = 60 * 60 * 1000;

/** What the marks in each campaign's strip mean, and the span they cover (the what-if draws nothing on the map). */
function WhatIfLegend({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  return (
    <div className="what-if__legend" data-what-if="legend">
      <span className="what-if__legend-item">
        <span className="what-if__hour" data-live aria-hidden="true" />
        {t('whatIf.legend.live')}
      </span>
      <span className="what-if__legend-item">
        <span className="what-if__hour" aria-hidden="true" />
        {t('whatIf.legend.idle')}
      </span>
      <span className="muted">{t('whatIf.legend.span', { from, to })}</span>
    </div>
  );
}
