// For each enumeration fed by a column: the distinct values the preview shows, each with the value it means here.
import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { EnumMapping } from './mapping';

interface ValueMappingsProps {
  enums: EnumMapping[];
  onValue: (field: string, raw: string, canonical: string) => void;
}

export function ValueMappings({ enums, onValue }: ValueMappingsProps) {
  const { t } = useI18n();
  const id = useId();
  if (enums.length === 0) return null;
  return (
    <section className="import__section" aria-labelledby={`${id}-title`}>
      <h3 className="import__section-title" id={`${id}-title`}>
        {t('import.values.title')}
      </h3>
      <p className="dialog__hint">{t('import.values.hint')}</p>
      <div className="import__enums">
        {enums.map(({ field, column, values }) => (
          <fieldset className="import__enum" key={field.name}>
            <legend className="import__enum-title">
              {column} → <code>{field.name}</code>
            </legend>
            {values.map(({ raw, canonical }) => (
              <label className="import__value" key={raw}>
                <span className="import__raw" title={t('import.values.label', { raw, column })}>
                  {raw}
                </span>
                <span aria-hidden="true">→</span>
                <select
                  className="field__input"
                  aria-label={t('import.values.label', { raw, column })}
                  value={canonical}
                  aria-invalid={canonical ? undefined : true}
                  onChange={(e) => onValue(field.name, raw, e.target.value)}
                >
                  <option value="">{t('import.values.none')}</option>
                  {(field.values ?? []).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </section>
  );
}
