// The demo city's rows in a workspace: what "Remove demo data" would remove, or did.
import { z } from 'zod';

export const demoData = z
  .object({
    present: z.boolean().meta({
      description: 'Whether the workspace still holds the demo city (false once it is removed)',
    }),
    stores: z.number().int(),
    customers: z.number().int(),
    boundaries: z.number().int(),
    events: z.number().int(),
  })
  .meta({ id: 'DemoData' });
export type DemoData = z.infer<typeof demoData>;
