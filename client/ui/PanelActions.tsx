// The foot of a side panel: its main actions, pinned while the content above them scrolls (.panel-actions is sticky
// in the side panel and in the phone's bottom sheet, the boxes that scroll).
import type { ReactNode } from 'react';

export function PanelActions({ children }: { children: ReactNode }) {
  return <footer className="details__footer panel-actions form-actions">{children}</footer>;
}
