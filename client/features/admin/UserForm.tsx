// Create a user, or change one: email (new users only), name, role, stores for store managers, a password
// (required for new users, optional to reset), active. Problems appear on the field the server or the checks name.
import { useId, useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field';
import { useChangedSince, useDialogDirty } from '../../ui/DiscardGuard';
import type { Role, User } from '../../api/contract';
import { MIN_PASSWORD_LENGTH, roles } from '../../../server/domain/schemas/user';
import { useI18n, type Translate } from '../../i18n';
import { useAppStore } from '../../store';
import {
  storesForRole,
  validateUserDraft,
  type UserDraft,
  type UserFieldReason,
} from './user-form';

export type UserFormErrors = Record<string, string>;

interface UserFormProps {
  /** The user being changed; absent for a new one. */
  user?: User;
  busy: boolean;
  /** Errors the server answered with, by field (`body.email`). */
  serverErrors: UserFormErrors;
  onSubmit: (draft: UserDraft & { active: boolean }) => void;
  onCancel: () => void;
}

function reasonText(reason: UserFieldReason, t: Translate): string {
  return reason === 'passwordShort'
    ? t('password.tooShort', { count: MIN_PASSWORD_LENGTH })
    : t(`users.error.${reason}`);
}

export function UserForm({ user, busy, serverErrors, onSubmit, onCancel }: UserFormProps) {
  const { t } = useI18n();
  const id = useId();
  const stores = useAppStore((s) => s.stores.data?.features);
  const [draft, setDraft] = useState<UserDraft & { active: boolean }>({
    email: user?.email ?? '',
    name: user?.name ?? '',
    password: '',
    role: user?.role ?? 'viewer',
    storeIds: user?.storeIds ?? [],
    active: user?.active ?? true,
  });
  const [localErrors, setLocalErrors] = useState<UserFormErrors>({});
  useDialogDirty(useChangedSince(draft));
  const errors = { ...serverErrors, ...localErrors };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reasons = validateUserDraft(draft, { isNew: !user });
    const local = Object.fromEntries(
      Object.entries(reasons).map(([field, reason]) => [field, reasonText(reason, t)]),
    );
    setLocalErrors(local);
    if (Object.keys(local).length === 0)
      onSubmit({ ...draft, email: draft.email.trim(), name: draft.name.trim() });
  };

  const error = (field: string) =>
    errors[field] && (
      <span className="field__error" id={`${id}-${field}`}>
        {errors[field]}
      </span>
    );
  const invalid = (field: string) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}` } : {};
  const toggleStore = (storeId: string, on: boolean) =>
    setDraft({
      ...draft,
      storeIds: on ? [...draft.storeIds, storeId] : draft.storeIds.filter((s) => s !== storeId),
    });

  return (
    <form
      className="admin-form"
      onSubmit={submit}
      noValidate
      aria-label={user ? t('users.editTitle', { email: user.email }) : t('users.createTitle')}
    >
      <div className="admin-form__grid">
        {!user && (
          <Field label={t('users.email')} error={errors['body.email']}>
            {(props) => (
              <input
                {...props}
                className="field__input"
                type="email"
                name="email"
                autoComplete="off"
                value={draft.email}
                onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              />
            )}
          </Field>
        )}
        <Field label={t('users.name')} error={errors['body.name']}>
          {(props) => (
            <input
              {...props}
              className="field__input"
              type="text"
              name="name"
              autoComplete="off"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('users.role')} error={errors['body.role']}>
          {(props) => (
            <select
              {...props}
              className="field__input"
              name="role"
              value={draft.role}
              onChange={(e) => {
                const role = e.target.value as Role;
                setDraft({ ...draft, role, storeIds: storesForRole(role, draft.storeIds) });
              }}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={user ? t('users.newPassword') : t('users.password')}
          error={errors['body.password']}
        >
          {(props) => (
            <input
              {...props}
              className="field__input"
              type="password"
              name="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            />
          )}
        </Field>
      </div>
      {draft.role === 'store_manager' && (
        <fieldset className="admin-form__stores" {...invalid('body.storeIds')}>
          <legend className="field__label">{t('users.stores')}</legend>
          {!stores?.length && <p className="dialog__hint">{t('users.noStores')}</p>}
          <div className="checklist">
            {stores?.map((store) => (
              <label key={store.properties.id} className="checklist__item">
                <input
                  type="checkbox"
                  name="storeIds"
                  value={store.properties.id}
                  checked={draft.storeIds.includes(store.properties.id)}
                  onChange={(e) => toggleStore(store.properties.id, e.target.checked)}
                />
                <span>{store.properties.name}</span>
              </label>
            ))}
          </div>
          {error('body.storeIds')}
        </fieldset>
      )}
      {user && (
        <label className="checklist__item">
          <input
            type="checkbox"
            name="active"
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
          />
          <span>{t('users.activeLabel')}</span>
        </label>
      )}
      {error('body.version')}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {user ? t('users.save') : t('users.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
