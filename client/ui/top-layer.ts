// The one primitive behind every dialog, menu and popover: the browser's top layer. A modal is a <dialog> opened with
// showModal() (the browser traps focus, makes the page inert, closes it on Escape and gives focus back); a menu or
// popover is an element with the `popover` attribute (Escape or a click outside closes it, focus comes back, and it
// sits above the map without z-index). Why not a library: Radix's dialog alone is 14 KB gzip and with its dropdown
// menu 32 KB (measured, React excluded) against a 5 KB budget, and React Aria weighs more; the platform already does
// the accessible behaviour those libraries re-create, so this file only keeps React's state and the element in step.
import { useEffect, type RefObject } from 'react';

export type TopLayerKind = 'modal' | 'popover';

const control: Record<
  TopLayerKind,
  {
    isOpen: (element: HTMLElement) => boolean;
    show: (element: HTMLElement) => void;
    hide: (element: HTMLElement) => void;
  }
> = {
  modal: {
    isOpen: (element) => (element as HTMLDialogElement).open,
    show: (element) => (element as HTMLDialogElement).showModal(),
    hide: (element) => (element as HTMLDialogElement).close(),
  },
  popover: {
    isOpen: (element) => element.matches(':popover-open'),
    show: (element) => element.showPopover(),
    hide: (element) => element.hidePopover(),
  },
};

/**
 * Shows the element in the top layer exactly while `open` is true: the store (or a component's state) decides and the
 * element follows. Closes the browser makes itself (Escape, a click outside) come back through the element's own
 * event — `close` for a dialog, `toggle` for a popover — which the component turns into its `onClose`.
 */
export function useTopLayer(
  ref: RefObject<HTMLElement | null>,
  kind: TopLayerKind,
  open: boolean,
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const { isOpen, show, hide } = control[kind];
    if (open && !isOpen(element)) show(element);
    else if (!open && isOpen(element)) hide(element);
  }, [ref, kind, open]);
}
