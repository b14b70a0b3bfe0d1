// Audit entries for people: a readable name for each action and how long ago it happened.
import { dateTimeFormat, relativeTimeFormat, type RelativeUnit } from '../../i18n/format';

/** The actions the server writes that have their own wording; others are shown as `target verb`. */
export const auditActions = [
  'user.create',
  'user.update',
  'user.delete',
  'user.password',
  'user.login',
  'token.create',
  'token.revoke',
  'settings.update',
  'area.create',
  'area.update',
  'area.delete',
  'customer.export',
  'customer.erase',
  'weather.scenario',
  'webhook.update',
  'webhook.rotate-secret',
  'webhook.test',
  'workspace.remove-demo',
] as const;
export type KnownAuditAction = (typeof auditActions)[number];

const isKnown = (action: string): action is KnownAuditAction =>
  (auditActions as readonly string[]).includes(action);

/** The message key for an action, or null when it has none (then use humanizeAction). */
export function auditActionKey(action: string): `audit.action.${KnownAuditAction}` | null {
  return isKnown(action) ? `audit.action.${action}` : null;
}

/**
 * An action without its own wording, readable anyway.
 * @example humanizeAction('campaign.pause_all') // 'campaign: pause all'
 */
export function humanizeAction(action: string): string {
  const [target, ...rest] = action.split('.');
  const verb = rest.join(' ').replace(/[_-]+/g, ' ').trim();
  return verb ? `${target}: ${verb}` : action.replace(/[_-]+/g, ' ');
}

const steps: [RelativeUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/**
 * How long before (or after) `at` an instant is, in the largest fitting unit, worded by Intl or the catalog.
 * @example formatRelativeTime('en', '2026-01-01T10:00:00Z', new Date('2026-01-01T12:30:00Z')) // '2 hours ago'
 */
export function formatRelativeTime(locale: string, iso: string, at: Date): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - at.getTime()) / 1000);
  const rtf = relativeTimeFormat(locale, 'auto');
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return rtf.format(Math.trunc(seconds / size), unit);
  }
  return iso;
}

/** An instant as date and time in the viewer's zone, for the tooltip next to a relative time. */
export function formatDateTime(locale: string, iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
