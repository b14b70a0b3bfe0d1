// The trigger editor's number fields: plain ones (hours, minutes) and measures typed in the workspace's units
// (°F, ft…) over a draft that keeps SI text, so the campaign is sent and stored in °C and metres.
import { inputUnit, inputUnitLabel, useI18n, type InputQuantity } from '../../i18n';
import { Field } from '../../ui/Field';
import { useMeasureText } from '../../ui/useMeasureText';

interface NumberInputProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  name: string;
}

export function NumberInput({ label, value, onChange, error, name }: NumberInputProps) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <input
          {...props}
          className="field__input"
          type="text"
          inputMode="decimal"
          name={name}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A number field for a quantity stored in SI: `label` gets the unit's short name the field is typed in.
 * @example <MeasureInput quantity="°C" name="threshold" label={(unit) => t('campaigns.form.threshold', { unit })} … />
 */
export function MeasureInput({
  quantity,
  label,
  value,
  onChange,
  ...rest
}: Omit<NumberInputProps, 'label'> & {
  quantity: InputQuantity;
  label: (unit: string) => string;
}) {
  const { locale, units } = useI18n();
  const unit = inputUnit(quantity, units);
  const [text, type] = useMeasureText(value, onChange, unit);
  return (
    <NumberInput
      {...rest}
      label={label(inputUnitLabel(locale, unit))}
      value={text}
      onChange={type}
    />
  );
}
