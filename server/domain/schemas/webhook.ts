// Workspace webhooks as the API gives them: the URL and signing secret, and the delivery log.
import { z } from 'zod';
import { queryInt } from './query.js';
import { isOneLineText, TEXT_MESSAGES } from './text.js';

export const MAX_DELIVERY_PAGE = 200;

export const webhookKinds = ['activation.started', 'activation.ended', 'ping'] as const;
export type WebhookKind = (typeof webhookKinds)[number];

export const webhookSettings = z
  .object({
    url: z.string().nullable().meta({
      description:
        'Where deliveries are POSTed; null turns webhooks off (deliveries wait in the outbox)',
    }),
    secret: z.string().meta({
      description: 'The HMAC-SHA256 signing secret (32 random bytes, base64url); owners only',
    }),
  })
  .meta({ id: 'WebhookSettings' });

const webhookUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2000)
  .refine(isOneLineText, { message: TEXT_MESSAGES.oneLine })
  // Credentials in the URL would end up in places a secret should not be (logs of proxies, screenshots).
  .refine((u) => !/^https?:\/\/[^/?#]*@/i.test(u), {
    message: 'must not contain a user name or password',
  });

export const webhookSettingsPatch = z
  .strictObject({
    url: webhookUrl.nullable().meta({ description: 'http(s) URL, or null to turn webhooks off' }),
  })
  .meta({ id: 'WebhookSettingsPatch' });

export const deliveryStatuses = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const webhookDelivery = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    idempotencyKey: z.string(),
    status: z.enum(deliveryStatuses).meta({
      description:
        '`pending`: not tried yet; `retrying`: failed at least once, tried again at nextAttemptAt',
    }),
    attempts: z.number().int(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    nextAttemptAt: z
      .string()
      .nullable()
      .meta({ description: 'When it is tried next; null once delivered or failed' }),
    lastAttemptAt: z.string().nullable(),
    lastStatus: z.number().int().nullable().meta({
      description:
        "The receiver's HTTP status on the last attempt; null when none came (network error, time-out)",
    }),
    lastError: z.string().nullable(),
    lastDurationMs: z.number().int().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveryQuery = z.object({
  limit: queryInt(z.number().int().min(1).max(MAX_DELIVERY_PAGE)).default(50),
  cursor: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'The previous page’s nextCursor' }),
});

export const deliveryPage = z
  .object({
    deliveries: z.array(webhookDelivery),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next (older) page; null on the last page' }),
  })
  .meta({ id: 'WebhookDeliveryPage' });

/** What POST /api/settings/webhook/test answers: the queued ping's key, to find it in the delivery log. */
export const webhookPing = z.object({ idempotencyKey: z.string() });

export type WebhookSettings = z.infer<typeof webhookSettings>;
export type WebhookSettingsPatch = z.infer<typeof webhookSettingsPatch>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export type WebhookDeliveryPage = z.infer<typeof deliveryPage>;
