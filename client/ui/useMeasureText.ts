// A text field typed in the workspace's units over a value kept as SI text (a draft's "30" °C shown as "86" °F).
// The field keeps what the person typed ("8", "86.") for as long as it means the same SI value, so converting
// never rewrites their keystrokes; a change from elsewhere (another unit, a reset draft) rewrites the field.
import { useState } from 'react';
import { fromFieldValue, toFieldValue, type InputUnit } from '../i18n/unit-input';

/** A typed number: a decimal comma reads as a point; '' and unreadable text are not numbers. */
function readNumber(typed: string): number | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** SI text as the field shows it; text that is no number passes through, so its error stays visible. */
export function fieldText(siText: string, unit: InputUnit): string {
  const si = readNumber(siText);
  return si === null ? siText : String(toFieldValue(si, unit));
}

/** Typed text as SI text; text that is no number passes through for the form's checks to name. */
export function siText(typed: string, unit: InputUnit): string {
  const value = readNumber(typed);
  return value === null ? typed : String(fromFieldValue(value, unit));
}

/**
 * `[text, type]` for a field over `si` in `unit`: `type(typed)` shows the typed text and reports its SI text.
 * @example const [text, type] = useMeasureText(trigger.threshold, (threshold) => set({ ...trigger, threshold }), unit)
 */
export function useMeasureText(
  si: string,
  onChange: (si: string) => void,
  unit: InputUnit,
): [string, (typed: string) => void] {
  const [text, setText] = useState(() => fieldText(si, unit));
  const [seen, setSeen] = useState({ si, unit: unit.unit });
  if (seen.si !== si || seen.unit !== unit.unit) {
    setSeen({ si, unit: unit.unit });
    if (seen.unit !== unit.unit || siText(text, unit) !== si) setText(fieldText(si, unit));
  }
  const type = (typed: string) => {
    setText(typed);
    onChange(siText(typed, unit));
  };
  return [text, type];
}
