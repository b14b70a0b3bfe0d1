// API tokens for integrations: what lists show (never the secret or its hash) and what creating one takes and gives.
import { z } from 'zod';
import { tokenScopes } from '../permissions.js';
import { text } from './text.js';

export const token = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z
      .string()
      .meta({ description: 'The first characters of the secret, to tell tokens apart' }),
    scopes: z.array(z.enum(tokenScopes)),
    createdBy: z
      .string()
      .nullable()
      .meta({ description: 'The id of the user who created it; null once that user is deleted' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });

export const tokenList = z.object({ tokens: z.array(token) }).meta({ id: 'TokenList' });

/** Body of POST /api/tokens. */
export const tokenCreate = z
  .strictObject({
    name: text({ min: 1, max: 120 }),
    scopes: z.array(z.enum(tokenScopes)).min(1, 'at least one scope'),
  })
  .meta({ id: 'TokenCreate' });
export type TokenCreate = z.infer<typeof tokenCreate>;

export const tokenCreated = z
  .object({
    token,
    secret: z.string().meta({
      description:
        'Send as `Authorization: Bearer <secret>`. Shown only in this answer: it is stored hashed',
    }),
  })
  .meta({ id: 'TokenCreated' });

export type Token = z.infer<typeof token>;
