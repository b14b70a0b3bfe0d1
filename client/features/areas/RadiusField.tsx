// The radius in metres: a number field plus presets (250 m … 5 km). `live` reports every valid keystroke
// (a draft follows the typing); otherwise changes are reported on Enter, on leaving the field or on a preset.
import { useId, useState } from 'react';
import { MAX_RADIUS_M, MIN_RADIUS_M, RADIUS_PRESETS_M, isValidRadius } from '../../draw/circle';
import { unitLabel, useI18n } from '../../i18n';
import { formatDistance } from './format';

interface RadiusFieldProps {
  meters: number;
  onChange: (meters: number) => void;
  live?: boolean;
  disabled?: boolean;
}

export function RadiusField({ meters, onChange, live = false, disabled }: RadiusFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const [text, setText] = useState(String(meters));
  // The circle may change elsewhere (dragging its edge, undo): the field follows unless it already says so.
  const [seen, setSeen] = useState(meters);
  if (seen !== meters) {
    setSeen(meters);
    if (Number(text) !== meters) setText(String(meters));
  }
  const value = Number(text);
  const valid = text.trim() !== '' && isValidRadius(value);
  const commit = () => {
    if (valid && value !== meters) onChange(Math.round(value));
  };
  return (
    <div className="radius-field">
      <label htmlFor={id} className="field__label">
        {t('areas.radius.label')}
      </label>
      <div className="radius-field__row">
        <input
          id={id}
          className="field__input radius-field__input"
          type="number"
          inputMode="numeric"
          min={MIN_RADIUS_M}
          max={MAX_RADIUS_M}
          step={1}
          value={text}
          disabled={disabled}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : `${id}-error`}
          data-field="radius"
          onChange={(event) => {
            setText(event.target.value);
            const next = Number(event.target.value);
            if (live && event.target.value.trim() !== '' && isValidRadius(next))
              onChange(Math.round(next));
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
        <span className="radius-field__unit" aria-hidden="true">
          {unitLabel(locale, 'meter')}
        </span>
      </div>
      {!valid && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t('areas.radius.invalid', {
            min: formatDistance(locale, MIN_RADIUS_M),
            max: formatDistance(locale, MAX_RADIUS_M),
          })}
        </p>
      )}
      <div className="radius-presets" role="group" aria-label={t('areas.radius.presets')}>
        {RADIUS_PRESETS_M.map((preset) => (
          <button
            key={preset}
            type="button"
            className="chip-button"
            aria-pressed={meters === preset}
            disabled={disabled}
            onClick={() => {
              setText(String(preset));
              onChange(preset);
            }}
          >
            {formatDistance(locale, preset)}
          </button>
        ))}
      </div>
    </div>
  );
}
