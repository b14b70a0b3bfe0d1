// The campaign builder as data: the draft the inputs edit (numbers as typed, wall-clock times in the campaign's time
// zone), the POST / PATCH bodies, and the checks made before sending — the shared schema's own, so the client's and
// the server's errors name the same fields (`body.offer.code`, `body.triggers.0.threshold`) and land on the same input.
import type { CampaignCreate, CampaignPatch, CampaignRecord, Segment } from '../../api/contract';
import {
  campaignCreate,
  isSendingChannel,
  weatherThresholds,
} from '../../../server/domain/schemas/campaign';
import { isTimeZone } from '../../../server/domain/schemas/event';
import { fieldErrorFromIssue, type FieldError } from '../../../server/domain/schemas/problem';
import { addDays, localToUtc, nextFullHour, utcToLocal } from '../../../server/domain/time';
import type { CampaignDraft, TriggerDraft } from '../../store/slices/campaigns';

/** How long a new campaign runs, in calendar days on its own clock. */
const NEW_CAMPAIGN_DAYS = 30;

/** The starting values of a new trigger of each type. */
export function newTrigger(type: TriggerDraft['type']): TriggerDraft {
  if (type === 'weather')
    return { type, condition: 'rain', threshold: '1', sustainedHours: '', withinHours: '' };
  if (type === 'event')
    return {
      type,
      eventId: '',
      category: '',
      withinMeters: '500',
      beforeMinutes: '60',
      afterMinutes: '60',
    };
  return { type, daysOfWeek: [1, 2, 3, 4, 5], from: '07:00', to: '11:00' };
}

/**
 * A new campaign's draft: from the next full hour on the clock of `timeZone` (the workspace's) for 30 days, ending at
 * the same wall-clock time, with the given areas and segment.
 * @example emptyCampaignDraft({ timeZone: 'Europe/Berlin', now: new Date('2026-11-23T16:20:00Z') }).start // '2026-11-23T18:00'
 */
export function emptyCampaignDraft({
  timeZone,
  now,
  areaIds = [],
  segment = {},
}: {
  timeZone: string;
  now: Date;
  areaIds?: string[];
  segment?: Segment;
}): CampaignDraft {
  const start = utcToLocal(nextFullHour(now, timeZone), timeZone);
  const [day, time] = start.split('T') as [string, string];
  return {
    name: '',
    areaIds,
    segment,
    headline: '',
    body: '',
    code: '',
    discount: '',
    channel: 'in_store',
    start,
    end: `${addDays(day, NEW_CAMPAIGN_DAYS)}T${time}`,
    timezone: timeZone,
    status: 'draft',
    triggerMode: 'any',
    triggers: [],
    capMax: '',
    capDays: '',
    holdout: '0',
  };
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The draft of a stored campaign, its window read in its own time zone. */
export function draftFromCampaign(c: CampaignRecord): CampaignDraft {
  const triggers: TriggerDraft[] = c.triggers.map((t) => {
    if (t.type === 'weather')
      return {
        type: 'weather',
        condition: t.condition,
        threshold: text(t.threshold),
        sustainedHours: text(t.sustainedHours),
        withinHours: text(t.withinHours),
      };
    if (t.type === 'event')
      return {
        type: 'event',
        eventId: t.eventId ?? '',
        category: t.category ?? '',
        withinMeters: text(t.withinMeters),
        beforeMinutes: text(t.beforeMinutes),
        afterMinutes: text(t.afterMinutes),
      };
    return { type: 'schedule', daysOfWeek: [...t.daysOfWeek], from: t.from, to: t.to };
  });
  return {
    name: c.name,
    areaIds: [...c.areaIds],
    segment: c.segment,
    headline: c.offer.headline,
    body: c.offer.body,
    code: c.offer.code,
    discount: text(c.offer.discountPercent),
    channel: c.channel,
    start: utcToLocal(c.startsAt, c.timezone),
    end: utcToLocal(c.endsAt, c.timezone),
    timezone: c.timezone,
    status: c.status === 'scheduled' || c.status === 'active' ? c.status : 'draft',
    triggerMode: c.triggerMode,
    triggers,
    capMax: text(c.frequencyCap?.maxPerCustomer),
    capDays: text(c.frequencyCap?.perDays),
    holdout: text(c.holdoutPercent),
  };
}

/** A typed number: '' is absent, a decimal comma is read as a point, anything else that is not a number stays NaN. */
export function parseNumber(typed: string): number | undefined {
  const trimmed = typed.trim();
  return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}

function triggerBody(t: TriggerDraft): Record<string, unknown> {
  if (t.type === 'weather') {
    const out: Record<string, unknown> = { type: 'weather', condition: t.condition };
    for (const key of ['threshold', 'sustainedHours', 'withinHours'] as const) {
      const value = parseNumber(t[key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (t.type === 'event') {
    const out: Record<string, unknown> = {
      type: 'event',
      withinMeters: parseNumber(t.withinMeters) ?? 0,
      beforeMinutes: parseNumber(t.beforeMinutes) ?? 0,
      afterMinutes: parseNumber(t.afterMinutes) ?? 0,
    };
    if (t.eventId) out.eventId = t.eventId;
    else if (t.category.trim()) out.category = t.category.trim();
    return out;
  }
  return {
    type: 'schedule',
    daysOfWeek: [...t.daysOfWeek].sort((a, b) => a - b),
    from: t.from,
    to: t.to,
  };
}

/**
 * The POST body of a draft: local times converted to UTC in the campaign's time zone, numbers parsed, the frequency
 * cap only for channels that send. Not yet validated: {@link checkCampaignDraft} says what is wrong with it.
 * @example bodyFromDraft({ ...draft, start: '2026-07-01T14:00', timezone: 'Europe/Berlin' }).startsAt // '2026-07-01T12:00:00.000Z'
 */
export function bodyFromDraft(d: CampaignDraft): CampaignCreate {
  const capMax = parseNumber(d.capMax);
  const capDays = parseNumber(d.capDays);
  // While the time zone is being typed it may name none: the times go as typed and the timezone field says why.
  const instant = (local: string) =>
    isTimeZone(d.timezone) ? (localToUtc(local, d.timezone) ?? local) : local;
  const cap =
    isSendingChannel(d.channel) && (capMax !== undefined || capDays !== undefined)
      ? { maxPerCustomer: capMax ?? NaN, perDays: capDays ?? NaN }
      : null;
  return {
    name: d.name.trim(),
    areaIds: d.areaIds,
    segment: d.segment,
    offer: {
      headline: d.headline.trim(),
      body: d.body.trim(),
      code: d.code.trim(),
      discountPercent: parseNumber(d.discount) ?? null,
    },
    channel: d.channel,
    startsAt: instant(d.start),
    endsAt: instant(d.end),
    timezone: d.timezone,
    status: d.status,
    triggerMode: d.triggerMode,
    triggers: d.triggers.map(triggerBody) as CampaignCreate['triggers'],
    frequencyCap: cap,
    holdoutPercent: parseNumber(d.holdout) ?? 0,
  };
}

/** The PATCH body for an edited campaign: every field but the status (changed by its own actions), with the version read. */
export function changeFromDraft(c: CampaignRecord, d: CampaignDraft): CampaignPatch {
  const { status: _status, ...body } = bodyFromDraft(d);
  return { ...body, version: c.version };
}

/** The allowed range of the weather threshold at `path` (`triggers.0.threshold`), or null for any other field. */
function thresholdRange(body: CampaignCreate, path: readonly PropertyKey[]) {
  if (path.length !== 3 || path[0] !== 'triggers' || path[2] !== 'threshold') return null;
  const trigger = body.triggers[Number(path[1])];
  return trigger?.type === 'weather' ? weatherThresholds[trigger.condition] : null;
}

/** Why a field cannot be sent: `required`, `number` (typed text that is not one), or the schema's rule as the server would name it. */
export type DraftProblem =
  | { reason: 'required' | 'number' }
  | { reason: 'schema'; error: FieldError }
  /** A weather threshold outside its condition's range, in SI (`unit`), for the form to word in the viewer's units. */
  | { reason: 'range'; min: number; max: number; minExclusive: boolean; unit: string };

/**
 * The schema's verdict on the draft, by field as the server names it; empty when it can be sent. Empty texts say
 * `required` and unreadable numbers `number`, so the form can word those in the user's language.
 * @example checkCampaignDraft({ ...draft, code: 'R' }) // { 'body.offer.code': { reason: 'schema', error: { field: 'body.offer.code', code: 'invalid_format', format: 'regex', message: '2 to 32…' } } }
 */
export function checkCampaignDraft(d: CampaignDraft): Record<string, DraftProblem> {
  const body = bodyFromDraft(d);
  const result = campaignCreate.safeParse(body);
  const problems: Record<string, DraftProblem> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = ['body', ...issue.path.map(String)].join('.');
      if (problems[field]) continue;
      const value = issue.path.reduce<unknown>(
        (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
        body,
      );
      const range = thresholdRange(body, issue.path);
      if (typeof value === 'number' && Number.isNaN(value)) problems[field] = { reason: 'number' };
      else if (typeof value === 'number' && range) problems[field] = { reason: 'range', ...range };
      else if (typeof value === 'string' && value.trim() === '')
        problems[field] = { reason: 'required' };
      else problems[field] = { reason: 'schema', error: fieldErrorFromIssue(issue, 'body') };
    }
  }
  return problems;
}
