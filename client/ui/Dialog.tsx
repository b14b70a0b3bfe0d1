// A modal dialog on the top layer's <dialog> (see top-layer.ts): focus trapped, the page inert, Escape closes it. The
// content mounts only while open, so forms start empty each time. On close, focus goes to `returnFocusId` (the button
// that opened it may have been inside a menu that is gone by then), else the browser returns it where it was.
// A form with changes (`dirty`, or useDialogDirty from inside) is not thrown away by a key press: Escape or × ask
// "Discard changes?" first (see DiscardGuard.tsx).
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { DiscardQuestion, DirtyContext, useDirtyReports } from './DiscardGuard';
import { IconButton } from './IconButton';
import { useTopLayer } from './top-layer';

export { useChangedSince, useDialogDirty } from './DiscardGuard';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  /** Extra class for sizing (`dialog--wide`, `dialog--tall`). */
  className?: string;
  returnFocusId?: string;
  /** A click on the backdrop closes it too: for dialogs that only show something (never for a form with a draft). */
  dismissOnBackdrop?: boolean;
  /** The content holds changes that closing would lose; forms inside can say so with useDialogDirty instead. */
  dirty?: boolean;
  children: ReactNode;
}

export function Dialog({
  open,
  onClose,
  title,
  closeLabel,
  className,
  returnFocusId,
  dismissOnBackdrop,
  dirty = false,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reports = useDirtyReports();
  const [asking, setAsking] = useState(false);
  // Set by "Discard": the close that follows is wanted.
  const discarding = useRef(false);
  // The latest `open`: a close the app asks for (Save, Cancel) sets it false first and is never questioned.
  const openNow = useRef(open);
  useLayoutEffect(() => {
    openNow.current = open;
  }, [open]);
  if (!open && asking) setAsking(false);
  useTopLayer(ref, 'modal', open);

  const guarded = () => openNow.current && !discarding.current && (dirty || reports.dirty());
  const requestClose = () => {
    if (guarded()) setAsking(true);
    else ref.current?.close();
  };
  const discard = () => {
    discarding.current = true;
    setAsking(false);
    ref.current?.close();
  };

  return (
    <dialog
      ref={ref}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      // Escape with changes asks first, and a second Escape while asking means "keep editing". Refused at the key,
      // not at the cancel event: the browser lets a page refuse a cancel only once per click or keystroke.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !guarded()) return;
        event.preventDefault();
        setAsking((now) => !now);
      }}
      // Other close requests (a phone's Back gesture) come as a cancel event.
      onCancel={(event) => {
        if (!guarded()) return;
        event.preventDefault();
        setAsking(true);
      }}
      onClose={(event) => {
        // The close event comes a task later: when the dialog was opened again meanwhile (the event form hides
        // itself while a place is picked on the map), that event is stale.
        if (event.currentTarget.open) return;
        // The browser may close without a cancelable cancel event (a second Escape with no click or typing since):
        // the content is still mounted, so the dialog comes back with the question instead of losing the form.
        if (guarded()) {
          event.currentTarget.showModal();
          setAsking(true);
          return;
        }
        discarding.current = false;
        onClose();
        if (returnFocusId) document.getElementById(returnFocusId)?.focus();
      }}
      // The backdrop is the dialog element itself, outside its content.
      onClick={
        dismissOnBackdrop
          ? (event) => event.target === event.currentTarget && requestClose()
          : undefined
      }
    >
      {open && (
        <div className="dialog__content">
          <header className="dialog__header">
            <h2 className="dialog__title" id={titleId}>
              {title}
            </h2>
            <IconButton icon="close" label={closeLabel} onClick={requestClose} />
          </header>
          {asking && <DiscardQuestion onKeep={() => setAsking(false)} onDiscard={discard} />}
          <DirtyContext.Provider value={reports.report}>{children}</DirtyContext.Provider>
        </div>
      )}
    </dialog>
  );
}
