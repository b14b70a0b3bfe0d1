// Reading and moving between the workspace settings view's tabs (the store's panels slice lists them).
import { adminTabs, type AdminTab } from '../../store/slices/panels';

/** `users` → 'users'; anything else (missing, misspelt) → null, i.e. the view is closed. */
export function parseAdminTab(value: string | null): AdminTab | null {
  return (adminTabs as readonly (string | null)[]).includes(value) ? (value as AdminTab) : null;
}

/**
 * The tab an arrow key, Home or End moves to (WAI-ARIA tabs: arrows wrap around). In a right-to-left page the tabs
 * run from the right, so the left arrow moves on.
 */
export function nextTab(current: AdminTab, key: string, rtl = false): AdminTab | null {
  const i = adminTabs.indexOf(current);
  const n = adminTabs.length;
  if (rtl && (key === 'ArrowRight' || key === 'ArrowLeft'))
    return nextTab(current, key === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight');
  if (key === 'ArrowRight') return adminTabs[(i + 1) % n]!;
  if (key === 'ArrowLeft') return adminTabs[(i - 1 + n) % n]!;
  if (key === 'Home') return adminTabs[0];
  if (key === 'End') return adminTabs[n - 1]!;
  return null;
}
