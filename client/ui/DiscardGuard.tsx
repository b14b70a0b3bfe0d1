// The part of Dialog that keeps a form's changes from being lost to a key press: forms report whether they hold
// changes (useDialogDirty), and the dialog asks "Discard changes?" before Escape or × throws them away.
import { createContext, useContext, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';

type Report = (source: object, dirty: boolean) => void;

export const DirtyContext = createContext<Report | null>(null);

/** Collects what the forms in one dialog report; `dirty()` is read when a close is asked for. */
export function useDirtyReports(): { report: Report; dirty: () => boolean } {
  const dirtySources = useRef(new Set<object>());
  const [api] = useState(() => ({
    report: ((source, dirty) => {
      if (dirty) dirtySources.current.add(source);
      else dirtySources.current.delete(source);
    }) as Report,
    dirty: () => dirtySources.current.size > 0,
  }));
  return api;
}

/**
 * Says whether the form calling it holds changes that closing its dialog would lose.
 * @example useDialogDirty(JSON.stringify(draft) !== JSON.stringify(opened))
 */
export function useDialogDirty(dirty: boolean): void {
  const report = useContext(DirtyContext);
  const [source] = useState(() => ({}));
  useEffect(() => {
    report?.(source, dirty);
    return () => report?.(source, false);
  }, [report, source, dirty]);
}

/**
 * Whether `value` differs from what it was when the form opened (or when `key` last changed: a reload after a
 * conflict starts again from the server's copy). Compared as JSON, so plain form drafts only.
 */
export function useChangedSince(value: unknown, key: unknown = null): boolean {
  const json = JSON.stringify(value);
  const [opened, setOpened] = useState({ key, json });
  if (opened.key !== key) {
    setOpened({ key, json });
    return false;
  }
  return json !== opened.json;
}

/** The question, at the top of the dialog: Keep editing (focused, the safe answer) or Discard. */
export function DiscardQuestion({
  onKeep,
  onDiscard,
}: {
  onKeep: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="dialog__discard" role="alertdialog" aria-labelledby={id} data-discard-question>
      <p id={id} className="dialog__discard-text">
        {t('dialog.discard.question')}
      </p>
      <button
        type="button"
        className="button button--secondary"
        autoFocus
        onClick={onKeep}
        data-action="keep-editing"
      >
        {t('dialog.discard.keep')}
      </button>
      <button
        type="button"
        className="button button--danger"
        onClick={onDiscard}
        data-action="discard-changes"
      >
        {t('dialog.discard.confirm')}
      </button>
    </div>
  );
}
