// Users, roles and sign-in: the shapes the auth and user routes take and give, shared with the client.
import { z } from 'zod';
import { text } from './text.js';

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

export const loginBody = z
  .strictObject({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .meta({ id: 'Login' });
export type LoginBody = z.infer<typeof loginBody>;

export const passwordChange = z
  .strictObject({
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    newPassword: password,
  })
  .meta({ id: 'PasswordChange' });

/** The signed-in user as /api/auth/me gives it, with what their role may do. */
export const me = z
  .object({
    user,
    permissions: z.array(z.string()),
    customerAccess: z.enum(['all', 'own-stores', 'aggregate']),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

/** What GET /api/auth/session answers: the signed-in user, or null before sign-in. */
export const session = z.object({ me: me.nullable() }).meta({ id: 'Session' });
export type Session = z.infer<typeof session>;

export const userList = z.object({ users: z.array(user) }).meta({ id: 'UserList' });

const userName = text({ max: 120 });
const storeIds = z
  .array(text({ min: 1, max: 200, trim: false }))
  .max(1000)
  .meta({ description: "A store manager's stores (at least one); stored empty for other roles" });

/** Body of POST /api/users. */
export const userCreate = z
  .strictObject({
    email: z.email().max(320),
    name: userName.default(''),
    password,
    role: z.enum(roles),
    storeIds: storeIds.default([]),
  })
  .meta({ id: 'UserCreate' });
export type UserCreate = z.infer<typeof userCreate>;

/** Body of PATCH /api/users/:id: any of these fields, plus the version last read. */
export const userPatch = z
  .strictObject({
    version: z.number().int().min(1).optional().meta({
      description: 'The version you last read; missing or stale answers 409 with currentVersion',
    }),
    name: userName.optional(),
    role: z.enum(roles).optional(),
    storeIds: storeIds.optional(),
    active: z
      .boolean()
      .optional()
      .meta({ description: 'false signs the user out everywhere and keeps them from signing in' }),
    password: password
      .optional()
      .meta({ description: 'A new password; signs the user out everywhere' }),
  })
  .meta({ id: 'UserPatch' });
export type UserPatch = z.infer<typeof userPatch>;
export type UserList = z.infer<typeof userList>;
