// Rename and recolour a saved area. Each change is one PATCH with the version we have, and undoable.
import { useId, useState } from 'react';
import type { AreaFeature } from '../../api/areas';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { changeArea } from './actions';
import { areaPalette } from './colors';

export function AreaEditForm({ area }: { area: AreaFeature }) {
  const { t } = useI18n();
  const p = area.properties;
  const nameId = useId();
  const [name, setName] = useState(p.name);
  // A rename that arrives (undo, another tab) replaces what the field shows.
  const [seen, setSeen] = useState(p.name);
  if (seen !== p.name) {
    setSeen(p.name);
    setName(p.name);
  }
  const palette = areaPalette();
  const renamed = name.trim() !== '' && name.trim() !== p.name;
  return (
    <>
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          if (renamed) void changeArea(useAppStore, p.id, { name: name.trim() });
        }}
      >
        <label htmlFor={nameId} className="field__label">
          {t('areas.name')}
        </label>
        <div className="field__row">
          <input
            id={nameId}
            className="field__input"
            value={name}
            maxLength={120}
            onChange={(event) => setName(event.target.value)}
            data-field="area-name"
          />
          <button type="submit" className="button button--secondary" disabled={!renamed}>
            {t('areas.rename')}
          </button>
        </div>
      </form>
      <fieldset className="field swatches">
        <legend className="field__label">{t('areas.color')}</legend>
        {palette.map((color, index) => (
          <label
            key={color}
            className="swatch"
            style={{ backgroundColor: color }}
            title={t('areas.colorN', { n: index + 1 })}
          >
            <input
              type="radio"
              name={`color-${p.id}`}
              className="visually-hidden"
              checked={p.color.toLowerCase() === color.toLowerCase()}
              onChange={() => void changeArea(useAppStore, p.id, { color })}
              aria-label={t('areas.colorN', { n: index + 1 })}
            />
          </label>
        ))}
      </fieldset>
    </>
  );
}
