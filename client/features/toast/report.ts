// Turns any failure into a toast with the problem's title and detail (never a silent failure, never a stack).
import { fieldMessage } from '../../api/field-messages';
import { formatProblem, isAbort } from '../../api/problem';
import { translatorFor } from '../../i18n';
import type { AppStore } from '../../store';

export function reportError(store: AppStore, error: unknown): void {
  if (isAbort(error)) return;
  const t = translatorFor(store.getState().locale);
  const { title, detail, fields } = formatProblem(error, t);
  // One field error is what the detail already says; several are listed, each after the field it names.
  const fieldText =
    fields.length > 1 ? fields.map((f) => `${f.field}: ${fieldMessage(f, t)}`).join('\n') : '';
  store
    .getState()
    .pushToast({ tone: 'error', title, detail: [detail, fieldText].filter(Boolean).join('\n') });
}
