// Checks on the change-password form before it is sent (the server checks again and knows the current password).
import { MIN_PASSWORD_LENGTH } from '../../../server/domain/schemas/user';

export interface PasswordDraft {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export type PasswordFieldReason = 'required' | 'tooShort' | 'mismatch' | 'unchanged';
export type PasswordFieldErrors = Partial<
  Record<'body.currentPassword' | 'body.newPassword' | 'confirm', PasswordFieldReason>
>;

/**
 * @example validatePasswordDraft({ currentPassword: 'old', newPassword: 'short', confirm: 'short' })
 * // { 'body.newPassword': 'tooShort' }
 */
export function validatePasswordDraft(draft: PasswordDraft): PasswordFieldErrors {
  const errors: PasswordFieldErrors = {};
  if (!draft.currentPassword) errors['body.currentPassword'] = 'required';
  if (!draft.newPassword) errors['body.newPassword'] = 'required';
  else if (draft.newPassword.length < MIN_PASSWORD_LENGTH) errors['body.newPassword'] = 'tooShort';
  else if (draft.newPassword === draft.currentPassword) errors['body.newPassword'] = 'unchanged';
  if (draft.newPassword && draft.confirm !== draft.newPassword) errors.confirm = 'mismatch';
  return errors;
}
