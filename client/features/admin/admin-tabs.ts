// The workspace settings view's tabs, in order; the open tab is in the URL as `?admin=<tab>`.
export const adminTabs = ['users', 'tokens', 'audit', 'privacy', 'webhooks'] as const;
export type AdminTab = (typeof adminTabs)[number];

/** `users` → 'users'; anything else (missing, misspelt) → null, i.e. the view is closed. */
export function parseAdminTab(value: string | null): AdminTab | null {
  return (adminTabs as readonly (string | null)[]).includes(value) ? (value as AdminTab) : null;
}

/** The tab an arrow key, Home or End moves to (WAI-ARIA tabs: arrows wrap around). */
export function nextTab(current: AdminTab, key: string): AdminTab | null {
  const i = adminTabs.indexOf(current);
  const n = adminTabs.length;
  if (key === 'ArrowRight') return adminTabs[(i + 1) % n]!;
  if (key === 'ArrowLeft') return adminTabs[(i - 1 + n) % n]!;
  if (key === 'Home') return adminTabs[0];
  if (key === 'End') return adminTabs[n - 1]!;
  return null;
}
