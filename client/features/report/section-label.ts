// A report section's label. A comparison repeats each section once per area, so a fixed id would repeat too (issue
// 20): React's useId gives every heading its own, and the area's title goes first in aria-labelledby, so a screen
// reader's list of regions reads "Kreuzberg Events nearby" rather than "Events nearby" once per area.
import { useId } from 'react';

export interface SectionLabel {
  /** The section heading's id, unique on the page. */
  headingId: string;
  /** For the section's aria-labelledby: the area's title (in a comparison), then the heading. */
  labelledBy: string;
}

/** `areaTitleId`: the id of the area's title in a comparison; none when the report is about one area. */
export function useSectionLabel(areaTitleId?: string): SectionLabel {
  const headingId = useId();
  return { headingId, labelledBy: areaTitleId ? `${areaTitleId} ${headingId}` : headingId };
}
