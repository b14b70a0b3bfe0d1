// The radius in the workspace's units (metres, or feet): a number field plus presets (250 m … 5 km, or 500 ft … 3 mi).
// The area keeps metres; the field converts what is typed. `live` reports every valid keystroke (a draft follows
// the typing); otherwise changes are reported on Enter, on leaving the field or on a preset.
import { useId, useState } from 'react';
import {
  MAX_RADIUS_M,
  MIN_RADIUS_M,
  RADIUS_PRESETS_IMPERIAL_M,
  RADIUS_PRESETS_M,
  isValidRadius,
} from '../../draw/circle';
import { inputUnit, inputUnitLabel, useI18n } from '../../i18n';
import { fieldText, siText } from '../../ui/useMeasureText';
import { formatDistance } from './format';

interface RadiusFieldProps {
  meters: number;
  onChange: (meters: number) => void;
  live?: boolean;
  disabled?: boolean;
}

export function RadiusField({ meters, onChange, live = false, disabled }: RadiusFieldProps) {
  const { t, locale, units } = useI18n();
  const id = useId();
  const unit = inputUnit('m', units);
  const metersOf = (typed: string) => (typed.trim() === '' ? NaN : Number(siText(typed, unit)));
  const [text, setText] = useState(() => fieldText(String(meters), unit));
  // The circle may change elsewhere (dragging its edge, undo) and the units with the workspace setting: the
  // field follows unless it already says so.
  const [seen, setSeen] = useState({ meters, unit: unit.unit });
  if (seen.meters !== meters || seen.unit !== unit.unit) {
    setSeen({ meters, unit: unit.unit });
    if (seen.unit !== unit.unit || metersOf(text) !== meters)
      setText(fieldText(String(meters), unit));
  }
  const value = metersOf(text);
  const valid = isValidRadius(value);
  const commit = () => {
    if (valid && value !== meters) onChange(value);
  };
  const unitName = inputUnitLabel(locale, unit);
  const presets = units.distance === 'imperial' ? RADIUS_PRESETS_IMPERIAL_M : RADIUS_PRESETS_M;
  return (
    <div className="radius-field">
      <label htmlFor={id} className="field__label">
        {t('areas.radius.label', { unit: unitName })}
      </label>
      <div className="radius-field__row">
        <input
          id={id}
          className="field__input radius-field__input"
          type="text"
          inputMode="decimal"
          value={text}
          disabled={disabled}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : `${id}-error`}
          data-field="radius"
          data-unit={unit.unit}
          onChange={(event) => {
            setText(event.target.value);
            const next = metersOf(event.target.value);
            if (live && isValidRadius(next)) onChange(next);
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
        <span className="radius-field__unit" aria-hidden="true">
          {unitName}
        </span>
      </div>
      {!valid && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t('areas.radius.invalid', {
            min: formatDistance(locale, MIN_RADIUS_M, units.distance),
            max: formatDistance(locale, MAX_RADIUS_M, units.distance),
          })}
        </p>
      )}
      <div className="radius-presets" role="group" aria-label={t('areas.radius.presets')}>
        {presets.map((preset) => (
          <button
            key={preset}
            type="button"
            className="chip-button"
            aria-pressed={meters === preset}
            disabled={disabled}
            onClick={() => {
              setText(fieldText(String(preset), unit));
              onChange(preset);
            }}
          >
            {formatDistance(locale, preset, units.distance)}
          </button>
        ))}
      </div>
    </div>
  );
}
