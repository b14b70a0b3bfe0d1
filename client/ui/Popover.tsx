// A menu or popover on the top layer's `popover` attribute (see top-layer.ts): opened by the button whose
// `popoverTarget` names it, closed by Escape, a click outside or the button again, focus back on the button. It hangs
// below its anchor button, aligned to the button's end (its start in right-to-left pages).
import { useEffect, useRef, type ReactNode } from 'react';
import { useTopLayer } from './top-layer';

interface PopoverProps {
  id: string;
  /** The button that opens it (give that button `popoverTarget={id}`). */
  anchorId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  className?: string;
  children: ReactNode;
}

const GAP_PX = 4;

/** Places the popover under its anchor; fixed to the viewport like everything in the top layer. */
function placeBelow(popover: HTMLElement, anchorId: string): void {
  const anchor = document.getElementById(anchorId);
  if (!anchor) return;
  const box = anchor.getBoundingClientRect();
  const rtl = getComputedStyle(anchor).direction === 'rtl';
  popover.style.top = `${box.bottom + GAP_PX}px`;
  popover.style.left = rtl ? `${box.left}px` : 'auto';
  popover.style.right = rtl ? 'auto' : `${document.documentElement.clientWidth - box.right}px`;
}

export function Popover({ id, anchorId, open, onOpenChange, className, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useTopLayer(ref, 'popover', open);

  // A resized window moves the anchor; the popover follows while it is open.
  useEffect(() => {
    if (!open) return;
    const follow = () => ref.current && placeBelow(ref.current, anchorId);
    window.addEventListener('resize', follow);
    return () => window.removeEventListener('resize', follow);
  }, [open, anchorId]);

  return (
    <div
      ref={ref}
      id={id}
      popover="auto"
      className={['popover', className].filter(Boolean).join(' ')}
      onBeforeToggle={(event) => {
        if (event.newState === 'open') placeBelow(event.currentTarget, anchorId);
      }}
      // A task after the browser showed or hid it; the content is there all along (hidden while closed), so nothing
      // waits for this render.
      onToggle={(event) => onOpenChange(event.newState === 'open')}
    >
      {children}
    </div>
  );
}
