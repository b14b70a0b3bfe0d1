// For each enumeration fed by a column: the distinct values the preview shows, each with the value it means here.
import { useId } from 'react';
import { useI18n } from '../../i18n';
import { genders, loyaltyTiers } from '../../../server/domain/schemas/customer';
import type { Translate } from '../../i18n/types';
import { fieldLabel } from './field-labels';
import type { EnumMapping } from './mapping';

const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/** Our word for a canonical value ("female" → "Female", "gold" → "Gold"); other enums show the value itself. */
function valueLabel(t: Translate, field: string, value: string): string {
  if (field === 'gender' && oneOf(genders, value)) return t(`gender.${value}`);
  if (field === 'loyaltyTier' && oneOf(loyaltyTiers, value)) return t(`tier.${value}`);
  return value;
}

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
              {column} → {fieldLabel(t, field.name)}
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
                      {valueLabel(t, field.name, v)}
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
