// What GET /api/health answers once the database is open and migrated.
import { z } from 'zod';

export const health = z
  .object({
    status: z.literal('ok'),
    database: z.literal('ok'),
    schemaVersion: z.number().int(),
    customers: z.number().int(),
    // Campaign results, trends and compare wait for this after a start; a big history takes a while to read.
    purchaseHistory: z
      .object({
        ready: z.boolean(),
        rows: z.number().int(),
        fraction: z.number().min(0).max(1),
      })
      .meta({
        description:
          'The in-memory purchase history: loaded yet, rows read, share of the table read',
      }),
  })
  .meta({ id: 'Health' });
