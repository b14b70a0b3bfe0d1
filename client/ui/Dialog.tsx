// A modal dialog on the top layer's <dialog> (see top-layer.ts): focus trapped, the page inert, Escape closes it. The
// content mounts only while open, so forms start empty each time. On close, focus goes to `returnFocusId` (the button
// that opened it may have been inside a menu that is gone by then), else the browser returns it where it was.
import { useId, useRef, type ReactNode } from 'react';
import { IconButton } from './IconButton';
import { useTopLayer } from './top-layer';

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
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useTopLayer(ref, 'modal', open);

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
      // The backdrop is the dialog element itself, outside its content.
      onClick={
        dismissOnBackdrop
          ? (event) => event.target === event.currentTarget && event.currentTarget.close()
          : undefined
      }
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
