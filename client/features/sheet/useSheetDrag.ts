// Pointer drags on the bottom sheet's handle: the sheet follows the finger (no transition), and on release comes to
// rest at the height snapAfterDrag picks. A press that barely moves stays a click (the handle's own cycle).
import { useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { SheetHeight } from '../../store/types';
import {
  draggedHeightPx,
  SHEET_HEIGHTS,
  snapAfterDrag,
  upwardVelocity,
  type SheetSnapsPx,
} from './snap';

/** Movement under this many px is a tap, not a drag. */
const DRAG_SLOP_PX = 6;
/** Velocity is taken over the last this many ms of movement. */
const VELOCITY_WINDOW_MS = 100;

/** The resting heights in px, from the sheet's `--sheet-<height>` properties (registered as lengths in overlays.css). */
function restingHeights(sheet: HTMLElement): SheetSnapsPx {
  const style = getComputedStyle(sheet);
  return Object.fromEntries(
    SHEET_HEIGHTS.map((h) => [h, parseFloat(style.getPropertyValue(`--sheet-${h}`))]),
  ) as SheetSnapsPx;
}

interface Drag {
  pointerId: number;
  startY: number;
  startPx: number;
  snapsPx: SheetSnapsPx;
  moved: boolean;
  samples: { t: number; y: number }[];
}

export function useSheetDrag(
  sheet: RefObject<HTMLElement | null>,
  height: SheetHeight,
  setHeight: (height: SheetHeight) => void,
) {
  const drag = useRef<Drag | null>(null);
  /** Set when a drag ends, so the click the browser sends after pointerup does not also cycle the height. */
  const justDragged = useRef(false);

  const end = (event: ReactPointerEvent<HTMLElement>, cancelled: boolean) => {
    const d = drag.current;
    const el = sheet.current;
    if (!d || d.pointerId !== event.pointerId || !el) return;
    drag.current = null;
    el.removeAttribute('data-dragging');
    const heightPx = el.getBoundingClientRect().height;
    el.style.removeProperty('block-size');
    if (!d.moved || cancelled) return;
    justDragged.current = true;
    // Only the last moments count: a finger that stopped before lifting places the sheet, it does not flick it.
    const t = event.timeStamp;
    const recent = d.samples.filter((s) => t - s.t <= VELOCITY_WINDOW_MS);
    const velocityPxPerMs = upwardVelocity([...recent, { t, y: event.clientY }]);
    setHeight(snapAfterDrag({ snapsPx: d.snapsPx, heightPx, velocityPxPerMs, from: height }));
  };

  return {
    /** Whether a click on the handle is the tail of a drag (and so not a press); reading it resets it. */
    consumeDrag(): boolean {
      const was = justDragged.current;
      justDragged.current = false;
      return was;
    },
    handlers: {
      onPointerDown(event: ReactPointerEvent<HTMLElement>) {
        const el = sheet.current;
        if (!el || (event.pointerType === 'mouse' && event.button !== 0)) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        justDragged.current = false;
        drag.current = {
          pointerId: event.pointerId,
          startY: event.clientY,
          startPx: el.getBoundingClientRect().height,
          snapsPx: restingHeights(el),
          moved: false,
          samples: [{ t: event.timeStamp, y: event.clientY }],
        };
      },
      onPointerMove(event: ReactPointerEvent<HTMLElement>) {
        const d = drag.current;
        const el = sheet.current;
        if (!d || d.pointerId !== event.pointerId || !el) return;
        const travelUp = d.startY - event.clientY;
        if (!d.moved && Math.abs(travelUp) < DRAG_SLOP_PX) return;
        d.moved = true;
        el.setAttribute('data-dragging', '');
        el.style.setProperty('block-size', `${draggedHeightPx(d.snapsPx, d.startPx, travelUp)}px`);
        d.samples.push({ t: event.timeStamp, y: event.clientY });
        d.samples = d.samples.filter((s) => event.timeStamp - s.t <= VELOCITY_WINDOW_MS);
      },
      onPointerUp: (event: ReactPointerEvent<HTMLElement>) => end(event, false),
      onPointerCancel: (event: ReactPointerEvent<HTMLElement>) => end(event, true),
    },
  };
}
