// What GET /api/health answers once the database is open and migrated.
import { z } from 'zod';

export const health = z
  .object({
    status: z.literal('ok'),
    database: z.literal('ok'),
    schemaVersion: z.number().int(),
    customers: z.number().int(),
  })
  .meta({ id: 'Health' });
