// Checks on the new-user and edit-user forms before they are sent, with the same field names the server uses
// (`body.email`), so the client's and the server's errors land on the same input.
import type { Role, User, UserChange } from '../../api/contract';
import { MIN_PASSWORD_LENGTH } from '../../../server/domain/schemas/user';

export interface UserDraft {
  email: string;
  name: string;
  password: string;
  role: Role;
  storeIds: string[];
}

/** Why a field is refused; the form translates it. */
export type UserFieldReason = 'required' | 'email' | 'passwordShort' | 'storesRequired';
export type UserFieldErrors = Partial<
  Record<'body.email' | 'body.password' | 'body.storeIds', UserFieldReason>
>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The reasons a user form cannot be sent yet; empty when it can. A password is needed for a new user only.
 * @example validateUserDraft({ email: 'x', name: '', password: '', role: 'viewer', storeIds: [] }, { isNew: true })
 * // { 'body.email': 'email', 'body.password': 'required' }
 */
export function validateUserDraft(
  draft: UserDraft,
  { isNew }: { isNew: boolean },
): UserFieldErrors {
  const errors: UserFieldErrors = {};
  const email = draft.email.trim();
  if (isNew) {
    if (!email) errors['body.email'] = 'required';
    else if (!EMAIL.test(email)) errors['body.email'] = 'email';
  }
  if (isNew && !draft.password) errors['body.password'] = 'required';
  else if (draft.password && draft.password.length < MIN_PASSWORD_LENGTH)
    errors['body.password'] = 'passwordShort';
  // A store manager without stores could see nothing; the server refuses it too.
  if (draft.role === 'store_manager' && draft.storeIds.length === 0)
    errors['body.storeIds'] = 'storesRequired';
  return errors;
}

/** Only store managers keep stores: switching a user to another role clears them. */
export function storesForRole(role: Role, storeIds: string[]): string[] {
  return role === 'store_manager' ? storeIds : [];
}

/**
 * The PATCH body for an edited user: the version it was made against and only what changed, so it does not
 * overwrite what someone else changed meanwhile. An empty password keeps the old one.
 * @example changeFrom(user, { ...sameAsUser, role: 'manager' }) // { version: 3, role: 'manager' }
 */
export function changeFrom(user: User, draft: UserDraft & { active: boolean }): UserChange {
  const change: UserChange = { version: user.version };
  if (draft.name !== user.name) change.name = draft.name;
  if (draft.role !== user.role) change.role = draft.role;
  if ([...draft.storeIds].sort().join() !== [...user.storeIds].sort().join())
    change.storeIds = draft.storeIds;
  if (draft.active !== user.active) change.active = draft.active;
  if (draft.password) change.password = draft.password;
  return change;
}
