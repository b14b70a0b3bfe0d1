// The privacy, time zone and units tab: the smallest group counts are shown for (k), how long customer data is kept,
// the workspace's time zone (new campaigns start on its clock) and the units distances and temperatures show in.
import { useMemo, useState, type FormEvent } from 'react';
import { getSettings, patchSettings } from '../../api/client';
import { fieldErrors, formatProblem } from '../../api/problem';
import type { WorkspaceSettings } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Field } from '../../ui/Field';
import { useChangedSince, useDialogDirty } from '../../ui/DiscardGuard';
import { StateMessage } from '../../ui/StateMessage';
import { reportError } from '../toast/report';
import { useLoad } from './useLoad';
import { parseSettingsForm, type SettingsForm } from './settings-form';

const loadSettings = (signal: AbortSignal) => getSettings({ signal });

/** New campaigns start in the workspace's zone and figures show in its units: the app's config follows a saved change at once. */
function followSettings({ timeZone, distanceUnits, temperatureUnit }: WorkspaceSettings) {
  const { config, setResource } = useAppStore.getState();
  if (config.status !== 'ready') return;
  const { timeZone: _old, ...workspace } = config.data.workspace;
  setResource('config', {
    ...config,
    data: {
      ...config.data,
      workspace: {
        ...workspace,
        ...(timeZone ? { timeZone } : {}),
        distanceUnits,
        temperatureUnit,
      },
    },
  });
}

function SettingsEditor({
  settings,
  onSaved,
}: {
  settings: WorkspaceSettings;
  onSaved: (s: WorkspaceSettings) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<SettingsForm>({
    minGroupSize: String(settings.minGroupSize),
    retain: settings.retentionMonths !== null,
    retentionMonths: String(settings.retentionMonths ?? 24),
    timeZone: settings.timeZone ?? '',
    distanceUnits: settings.distanceUnits,
    temperatureUnit: settings.temperatureUnit,
  });
  const zones = useMemo(
    () => ['UTC', ...Intl.supportedValuesOf('timeZone')].sort((a, b) => a.localeCompare(b)),
    [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Saved settings come back as a new `settings`: what is on screen then counts as unchanged.
  useDialogDirty(useChangedSince(form, JSON.stringify(settings)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSettingsForm(form);
    if (!parsed.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(parsed.errors).map(([field, reason]) => [
            field,
            t(`privacy.error.${reason}`),
          ]),
        ),
      );
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await patchSettings(parsed.value);
      useAppStore.getState().pushToast({ tone: 'info', title: t('privacy.saved'), detail: '' });
      onSaved(saved);
      followSettings(saved);
    } catch (error) {
      const fields = fieldErrors(error, t);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else reportError(useAppStore, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form privacy-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label={t('privacy.timeZone')}
        hint={t('privacy.timeZoneHelp')}
        error={errors['body.timeZone']}
      >
        {(props) => (
          <select
            {...props}
            className="field__input"
            name="timeZone"
            value={form.timeZone}
            onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
          >
            <option value="">{t('privacy.timeZoneUnset')}</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('units.distance')}>
        {(props) => (
          <select
            {...props}
            className="field__input"
            name="distanceUnits"
            value={form.distanceUnits}
            onChange={(e) =>
              setForm({ ...form, distanceUnits: e.target.value as SettingsForm['distanceUnits'] })
            }
          >
            <option value="metric">{t('units.distance.metric')}</option>
            <option value="imperial">{t('units.distance.imperial')}</option>
          </select>
        )}
      </Field>
      <Field label={t('units.temperature')}>
        {(props) => (
          <select
            {...props}
            className="field__input"
            name="temperatureUnit"
            value={form.temperatureUnit}
            onChange={(e) =>
              setForm({
                ...form,
                temperatureUnit: e.target.value as SettingsForm['temperatureUnit'],
              })
            }
          >
            <option value="celsius">{t('units.temperature.celsius')}</option>
            <option value="fahrenheit">{t('units.temperature.fahrenheit')}</option>
          </select>
        )}
      </Field>
      <Field
        label={t('privacy.minGroupSize')}
        hint={t('privacy.minGroupSizeHelp')}
        error={errors['body.minGroupSize']}
      >
        {(props) => (
          <input
            {...props}
            className="field__input field__input--number"
            type="number"
            inputMode="numeric"
            min={2}
            step={1}
            value={form.minGroupSize}
            onChange={(e) => setForm({ ...form, minGroupSize: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="field">
        <legend className="field__label">{t('privacy.retention')}</legend>
        <label className="checklist__item">
          <input
            type="checkbox"
            checked={form.retain}
            onChange={(e) => setForm({ ...form, retain: e.target.checked })}
          />
          <span>{t('privacy.retentionOn')}</span>
        </label>
        {form.retain && (
          <label className="field field--inline">
            <span className="field__label">{t('privacy.retentionMonths')}</span>
            <input
              className="field__input field__input--number"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={form.retentionMonths}
              onChange={(e) => setForm({ ...form, retentionMonths: e.target.value })}
              aria-invalid={errors['body.retentionMonths'] ? true : undefined}
              aria-describedby={
                errors['body.retentionMonths'] ? 'retention-months-error' : undefined
              }
            />
          </label>
        )}
        <p className="dialog__hint">{t('privacy.retentionHelp')}</p>
        {errors['body.retentionMonths'] && (
          <span className="field__error" id="retention-months-error">
            {errors['body.retentionMonths']}
          </span>
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('privacy.save')}
        </button>
      </div>
    </form>
  );
}

export function PrivacyTab() {
  const { t } = useI18n();
  const [settings, reload] = useLoad(loadSettings);
  if (settings.status !== 'ready' && settings.status !== 'error')
    return <StateMessage tone="loading">{t('admin.loading')}</StateMessage>;
  if (settings.status === 'error') {
    const { title, detail } = formatProblem(settings.error, t);
    return (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: reload }}>
        {t('privacy.loadFailed')} {title}. {detail}
      </StateMessage>
    );
  }
  return (
    <div className="admin-tab">
      <p className="dialog__hint">{t('privacy.intro')}</p>
      <SettingsEditor settings={settings.data} onSaved={reload} />
    </div>
  );
}
