// A campaign: an offer for a segment in one or more areas, live within its window while its triggers hold. The bodies of
// /api/campaigns and the stored shape, shared by the server, the evaluator and the campaign builder.
import { z } from 'zod';
import { campaignStatuses, createStatuses } from '../campaigns/status.js';
import { areaId } from './area.js';
import { isTimeZone } from './event.js';
import { segment } from './segment.js';
import { text } from './text.js';
import { trigger } from './trigger.js';

export {
  campaignStatuses,
  campaignTransitions,
  canBeLive,
  createStatuses,
  transitionError,
  type CampaignStatus,
} from '../campaigns/status.js';
export * from './trigger.js';

/** Channels in API spelling: `in_store` is the "in-store" of the product text, written like every other API enum value. */
export const channels = ['email', 'sms', 'push', 'in_store', 'print'] as const;
export type Channel = (typeof channels)[number];
/** Channels that send messages to people, and so take a frequency cap. */
export const sendingChannels = ['email', 'sms', 'push'] as const satisfies readonly Channel[];
export const isSendingChannel = (channel: Channel): boolean =>
  (sendingChannels as readonly Channel[]).includes(channel);

export const triggerModes = ['any', 'all'] as const;
export type TriggerMode = (typeof triggerModes)[number];

export const maxTriggers = 20;

export const offer = z
  .strictObject({
    headline: text({ min: 1, max: 120 }),
    body: text({ max: 2000, multiline: true }).default(''),
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, '2 to 32 letters, digits, _ or -, e.g. RAIN20')
      .toUpperCase()
      .meta({
        description: 'Redemption code; codes are not case-sensitive and are kept in capitals',
      }),
    discountPercent: z
      .number()
      .gt(0)
      .max(100)
      .nullable()
      .default(null)
      .meta({ description: 'null when the offer is not a discount (a free cookie)' }),
  })
  .meta({
    id: 'Offer',
    example: {
      headline: '20% off when it rains',
      body: 'Show this at the till',
      code: 'RAIN20',
      discountPercent: 20,
    },
  });

export const frequencyCap = z
  .strictObject({
    maxPerCustomer: z.number().int().min(1).max(100),
    perDays: z.number().int().min(1).max(365),
  })
  .meta({
    id: 'FrequencyCap',
    description:
      'At most maxPerCustomer messages per customer in any perDays days (sending channels only)',
  });

const instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 date-time with Z or an offset' });
const timezone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin)' });
const areaIds = z.array(areaId).min(1, 'at least one area').max(100);

const campaignFields = {
  name: text({ min: 1, max: 200 }),
  areaIds,
  segment,
  offer,
  channel: z.enum(channels),
  startsAt: instant,
  endsAt: instant.meta({ description: 'Exclusive end; must be after startsAt' }),
  timezone: timezone.meta({ description: 'IANA time zone that schedule triggers are read in' }),
  triggers: z.array(trigger).max(maxTriggers),
  triggerMode: z
    .enum(triggerModes)
    .meta({ description: 'any: one trigger suffices; all: every trigger must hold' }),
  frequencyCap: frequencyCap.nullable(),
  holdoutPercent: z
    .number()
    .min(0)
    .max(50)
    .meta({ description: 'Share of the audience never offered, to measure lift against' }),
};

/** The fields whose combination is checked by {@link campaignIssues}. */
export interface CampaignShape {
  areaIds?: string[];
  channel?: Channel;
  startsAt?: string;
  endsAt?: string;
  frequencyCap?: { maxPerCustomer: number; perDays: number } | null;
}

/** A problem between fields: where, which rule (a stable code for clients to word), and in English. */
export interface CampaignIssue {
  path: (string | number)[];
  rule: 'duplicate_area' | 'ends_before_start' | 'cap_channel';
  message: string;
}

/**
 * Problems between fields, as issues naming the field: duplicate area ids, an end not after the start, a frequency cap
 * on a channel that sends nothing. Run by the create body on itself and, for a PATCH, by the service on the campaign as
 * it would be after the change (a patch alone may hold only one side of a pair).
 * @example campaignIssues({ channel: 'print', frequencyCap: { maxPerCustomer: 1, perDays: 7 } })
 * // [{ path: ['frequencyCap'], rule: 'cap_channel', message: 'only for channels that send (email, sms, push), not print' }]
 */
export function campaignIssues(c: CampaignShape): CampaignIssue[] {
  const issues: CampaignIssue[] = [];
  if (typeof c !== 'object' || c === null) return issues;
  // Runs even when single fields failed (so every problem is named at once): look before trusting a field's type.
  if (Array.isArray(c.areaIds)) {
    const seen = new Set<unknown>();
    c.areaIds.forEach((id, i) => {
      if (seen.has(id))
        issues.push({
          path: ['areaIds', i],
          rule: 'duplicate_area',
          message: `area ${id} is listed twice`,
        });
      seen.add(id);
    });
  }
  const starts = typeof c.startsAt === 'string' ? Date.parse(c.startsAt) : NaN;
  const ends = typeof c.endsAt === 'string' ? Date.parse(c.endsAt) : NaN;
  if (!Number.isNaN(starts) && !Number.isNaN(ends) && ends <= starts)
    issues.push({ path: ['endsAt'], rule: 'ends_before_start', message: 'must be after startsAt' });
  if (
    typeof c.channel === 'string' &&
    (channels as readonly string[]).includes(c.channel) &&
    c.frequencyCap &&
    !isSendingChannel(c.channel)
  )
    issues.push({
      path: ['frequencyCap'],
      rule: 'cap_channel',
      message: `only for channels that send (${sendingChannels.join(', ')}), not ${c.channel.replace('_', '-')}`,
    });
  return issues;
}

const checkCampaign = (c: CampaignShape, ctx: z.RefinementCtx) => {
  for (const { path, rule, message } of campaignIssues(c))
    ctx.addIssue({ code: 'custom', path, message, params: { code: rule } });
};
/** Check combinations even when a single field already failed, so one answer names every bad field. */
const always = { when: () => true };

/** Body of POST /api/campaigns. */
export const campaignCreate = z
  .strictObject({
    ...campaignFields,
    segment: segment.default({}),
    status: z
      .enum(createStatuses)
      .default('draft')
      .meta({ description: 'A new campaign starts as draft, scheduled or active' }),
    triggers: campaignFields.triggers.default([]),
    triggerMode: campaignFields.triggerMode.default('any'),
    frequencyCap: campaignFields.frequencyCap.default(null),
    holdoutPercent: campaignFields.holdoutPercent.default(0),
  })
  .superRefine(checkCampaign, always)
  .meta({ id: 'CampaignCreate' });

/** Body of PATCH /api/campaigns/:id: any field, plus the version last read. A status change must be allowed by transitionError. */
export const campaignPatch = z
  .strictObject({
    name: campaignFields.name.optional(),
    areaIds: campaignFields.areaIds.optional(),
    segment: segment.optional(),
    offer: offer.optional(),
    channel: campaignFields.channel.optional(),
    startsAt: campaignFields.startsAt.optional(),
    endsAt: campaignFields.endsAt.optional(),
    timezone: campaignFields.timezone.optional(),
    status: z.enum(campaignStatuses).optional(),
    triggers: campaignFields.triggers.optional(),
    triggerMode: campaignFields.triggerMode.optional(),
    frequencyCap: campaignFields.frequencyCap.optional(),
    holdoutPercent: campaignFields.holdoutPercent.optional(),
    version: z.number().int().min(1).optional().meta({
      description: 'The version you last read; missing or stale answers 409 with currentVersion',
    }),
  })
  .superRefine(checkCampaign, always)
  .meta({ id: 'CampaignPatch' });

/** A stored campaign as the API returns it. */
export const campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    areaIds: z.array(z.string()),
    segment,
    offer,
    channel: z.enum(channels),
    startsAt: z.string(),
    endsAt: z.string(),
    timezone: z.string(),
    status: z.enum(campaignStatuses),
    triggers: z.array(trigger),
    triggerMode: z.enum(triggerModes),
    frequencyCap: frequencyCap.nullable(),
    holdoutPercent: z.number(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Campaign' });

/** A stored campaign with who created it, as the /api/campaigns routes answer. */
export const campaignRecord = campaign
  .extend({
    owner: z
      .string()
      .nullable()
      .meta({ description: 'The user who created it (store managers change only their own)' }),
  })
  .meta({ id: 'CampaignRecord' });
export const campaignList = z
  .object({ campaigns: z.array(campaignRecord) })
  .meta({ id: 'CampaignList' });

/** Query of GET /api/campaigns. */
export const campaignListQuery = z.object({
  status: z
    .string()
    .regex(
      new RegExp(`^(${campaignStatuses.join('|')})(,(${campaignStatuses.join('|')}))*$`),
      `a comma-separated list of ${campaignStatuses.join(', ')}`,
    )
    .optional()
    .meta({ description: 'Only campaigns in these statuses, e.g. `scheduled,active`' }),
  eventId: z.string().min(1).max(200).optional().meta({
    description: 'Only campaigns with an event trigger naming this event, or its category',
  }),
});

export type Offer = z.infer<typeof offer>;
export type FrequencyCap = z.infer<typeof frequencyCap>;
export type CampaignCreate = z.infer<typeof campaignCreate>;
export type CampaignPatch = z.infer<typeof campaignPatch>;
export type Campaign = z.infer<typeof campaign>;
export type CampaignRecord = z.infer<typeof campaignRecord>;
export type CampaignList = z.infer<typeof campaignList>;
