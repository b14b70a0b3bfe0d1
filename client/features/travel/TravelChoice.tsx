// Mode (walk, bike, drive) and minutes (5–30) of a travel-time area: two selects side by side.
import { travelModes, type TravelMode } from '../../../server/domain/routing/travel-modes';
import { numberFormat, useI18n } from '../../i18n';
import { TRAVEL_MINUTES } from './travel-actions';

export function TravelChoice({
  mode,
  minutes,
  idPrefix,
  onChange,
}: {
  mode: TravelMode;
  minutes: number;
  idPrefix: string;
  onChange: (change: { mode?: TravelMode; minutes?: number }) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="travel-choice">
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-mode`}>
          {t('travel.mode')}
        </label>
        <select
          id={`${idPrefix}-mode`}
          className="field__input"
          value={mode}
          data-field="travel-mode"
          onChange={(e) => onChange({ mode: e.target.value as TravelMode })}
        >
          {travelModes.map((m) => (
            <option key={m} value={m}>
              {t(`travel.mode.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-minutes`}>
          {t('travel.minutes')}
        </label>
        <select
          id={`${idPrefix}-minutes`}
          className="field__input"
          value={minutes}
          data-field="travel-minutes"
          onChange={(e) => onChange({ minutes: Number(e.target.value) })}
        >
          {TRAVEL_MINUTES.map((m) => (
            <option key={m} value={m}>
              {numberFormat(locale, { style: 'unit', unit: 'minute' }).format(m)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
