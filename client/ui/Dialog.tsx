// A modal dialog on the native <dialog> (showModal): the browser traps focus, makes the page inert and closes it
// on Escape. The content mounts only while open, so forms start empty each time. On close, focus goes to
// `returnFocusId` (the button that opened it may have been inside a menu that is gone by then).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from './IconButton';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  /** Extra class for sizing (`dialog--wide`, `dialog--tall`). */
  className?: string;
  returnFocusId?: string;
  children: ReactNode;
}

export function Dialog({ open, onClose, title, closeLabel, className, returnFocusId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={['dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onClose={(event) => {
        // The close event comes a task later: when the dialog was opened again meanwhile (the event form hides
        // itself while a place is picked on the map), that event is stale.
        if (event.currentTarget.open) return;
        onClose();
        if (returnFocusId) document.getElementById(returnFocusId)?.focus();
      }}
    >
      {open && (
        <div className="dialog__content">
          <header className="dialog__header">
            <h2 className="dialog__title" id={titleId}>
              {title}
            </h2>
            <IconButton icon="close" label={closeLabel} onClick={() => ref.current?.close()} />
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}
