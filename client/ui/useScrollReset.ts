// A panel that shows a new subject starts at its top, not at the scroll position the last subject was left at.
import { useLayoutEffect, type RefObject } from 'react';

/** Scrolls `ref` to the top whenever `subject` changes (before paint, so the old position never shows). */
export function useScrollReset(ref: RefObject<HTMLElement | null>, subject: string): void {
  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
  }, [ref, subject]);
}
