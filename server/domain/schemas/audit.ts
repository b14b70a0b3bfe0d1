// The audit log as the API gives it: newest first, paged by id.
import { z } from 'zod';
import { queryInt } from './query.js';

export const MAX_AUDIT_PAGE = 200;

export const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actor: z.string().meta({
      description:
        "The user's email or the API token's name at the time; `system` for the server itself",
    }),
    action: z.string().meta({ description: '`user.create`, `token.revoke`, `area.update`, …' }),
    targetType: z.string(),
    targetId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z.object({
  before: queryInt(z.number().int().min(1))
    .optional()
    .meta({ description: 'Entries older than this id: the previous page’s nextBefore' }),
  limit: queryInt(z.number().int().min(1).max(MAX_AUDIT_PAGE)).default(50),
  action: z.string().min(1).max(100).optional(),
  targetType: z.string().min(1).max(100).optional(),
});

export const auditPage = z
  .object({
    entries: z.array(auditEntry),
    nextBefore: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Pass as `before` for the next (older) page; null on the last page' }),
  })
  .meta({ id: 'AuditPage' });
