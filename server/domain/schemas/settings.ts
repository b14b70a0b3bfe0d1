// Workspace privacy settings: the minimum group size for aggregate answers and how long customers are kept.
import { z } from 'zod';

export const DEFAULT_MIN_GROUP_SIZE = 10;

export const privacySettings = z
  .object({
    minGroupSize: z.number().int().meta({
      description: 'Counts below this are hidden (null) from roles without customer access',
    }),
    retentionMonths: z.number().int().nullable().meta({
      description:
        'Customers without a purchase (or update) for this many months are erased daily; null keeps them',
    }),
  })
  .meta({ id: 'PrivacySettings' });

export const privacySettingsPatch = z
  .strictObject({
    minGroupSize: z.number().int().min(2).max(1000).optional(),
    retentionMonths: z.number().int().min(1).max(240).nullable().optional(),
  })
  .meta({ id: 'PrivacySettingsPatch' });

export type PrivacySettings = z.infer<typeof privacySettings>;
export type PrivacySettingsPatch = z.infer<typeof privacySettingsPatch>;
