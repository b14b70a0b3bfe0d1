// How to read dates (when a date field is mapped) and what a bad row does: strict or lenient, each in one line.
import { useId } from 'react';
import {
  dateFormats,
  importModes,
  type DateFormat,
  type ImportMode,
} from '../../../server/domain/schemas/import';
import { useI18n } from '../../i18n';

interface ImportOptionsProps {
  showDates: boolean;
  dateFormat: DateFormat | null;
  onDateFormat: (format: DateFormat | null) => void;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
}

export function ImportOptions({
  showDates,
  dateFormat,
  onDateFormat,
  mode,
  onMode,
}: ImportOptionsProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="import__options">
      {showDates && (
        <div className="field import__dates">
          <label className="field__label" htmlFor={`${id}-dates`}>
            {t('import.date')}
          </label>
          <select
            id={`${id}-dates`}
            className="field__input"
            value={dateFormat ?? ''}
            data-testid="import-date-format"
            onChange={(e) => onDateFormat((e.target.value || null) as DateFormat | null)}
          >
            <option value="">{t('import.date.auto')}</option>
            {dateFormats.map((f) => (
              <option key={f} value={f}>
                {t(`import.date.${f}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="field import__modes">
        <legend className="field__label">{t('import.mode')}</legend>
        {importModes.map((m) => (
          <label className="import__mode" key={m}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => onMode(m)}
            />
            <span>
              <span className="import__mode-label">{t(`import.mode.${m}`)}</span>
              <span className="dialog__hint">{t(`import.mode.${m}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
