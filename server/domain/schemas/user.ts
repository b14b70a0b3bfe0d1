// Users, roles and sign-in: the shapes the auth and user routes take and give, shared with the client.
import { z } from 'zod';

export const roles = ['owner', 'manager', 'store_manager', 'marketer', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`);

export const user = z
  .object({
    id: z.string(),
    email: z.email(),
    name: z.string(),
    role: z.enum(roles),
    /** The stores a store manager looks after; empty for other roles. */
    storeIds: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const loginBody = z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) }).meta({ id: 'Login' });
export type LoginBody = z.infer<typeof loginBody>;

export const passwordChange = z.strictObject({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: password }).meta({ id: 'PasswordChange' });

/** The signed-in user as /api/auth/me gives it, with what their role may do. */
export const me = z
  .object({
    user,
    permissions: z.array(z.string()),
    customerAccess: z.enum(['all', 'own-stores', 'aggregate']),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;
