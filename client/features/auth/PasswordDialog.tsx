// Change your own password: current, new and confirmation; problems appear on the field they concern.
// The server rotates the session cookie on success, so this tab stays signed in.
import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/client';
import { fieldErrors } from '../../api/problem';
import { MIN_PASSWORD_LENGTH } from '../../../server/domain/schemas/user';
import { useI18n, type Translate } from '../../i18n';
import { useAppStore } from '../../store';
import { Dialog, useChangedSince, useDialogDirty } from '../../ui/Dialog';
import { Field as FormField } from '../../ui/Field';
import { reportError } from '../toast/report';
import {
  validatePasswordDraft,
  type PasswordDraft,
  type PasswordFieldReason,
} from './password-form';
import { USER_MENU_BUTTON_ID } from './UserMenu';

type Field = 'body.currentPassword' | 'body.newPassword' | 'confirm';

function reasonText(reason: PasswordFieldReason, t: Translate): string {
  if (reason === 'tooShort') return t('password.tooShort', { count: MIN_PASSWORD_LENGTH });
  return t(`password.${reason}`);
}

function PasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PasswordDraft>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  useDialogDirty(useChangedSince(draft));
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reasons = validatePasswordDraft(draft);
    const local = Object.fromEntries(
      Object.entries(reasons).map(([field, reason]) => [field, reasonText(reason, t)]),
    );
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await changePassword(draft.currentPassword, draft.newPassword);
      useAppStore.getState().pushToast({ tone: 'info', title: t('password.changed'), detail: '' });
      onDone();
    } catch (error) {
      const fields: Partial<Record<Field, string>> = fieldErrors(error, t);
      // The server's wording is English; the one error everyone meets is said in the reader's language.
      if (fields['body.currentPassword'])
        fields['body.currentPassword'] = t('password.wrongCurrent');
      if (Object.keys(fields).length > 0) setErrors(fields);
      else reportError(useAppStore, error);
    } finally {
      setBusy(false);
    }
  };

  const input = (
    field: Field,
    key: keyof PasswordDraft,
    label: string,
    autoComplete: string,
    hint?: string,
  ) => (
    <FormField label={label} error={errors[field]} hint={hint}>
      {(props) => (
        <input
          {...props}
          className="field__input"
          type="password"
          name={key}
          autoComplete={autoComplete}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <form className="dialog__form" onSubmit={(e) => void submit(e)} noValidate>
      {/* The username field lets password managers tie the new password to the account. */}
      <input
        type="email"
        name="username"
        autoComplete="username"
        value={useAppStore.getState().me?.user.email ?? ''}
        readOnly
        hidden
      />
      {input('body.currentPassword', 'currentPassword', t('password.current'), 'current-password')}
      {input(
        'body.newPassword',
        'newPassword',
        t('password.new'),
        'new-password',
        t('password.rule', { count: MIN_PASSWORD_LENGTH }),
      )}
      {input('confirm', 'confirm', t('password.confirm'), 'new-password')}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('password.saving') : t('password.save')}
        </button>
      </div>
    </form>
  );
}

export function PasswordDialog() {
  const { t } = useI18n();
  const open = useAppStore((s) => s.passwordOpen);
  const setOpen = useAppStore((s) => s.setPasswordOpen);
  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      title={t('password.title')}
      closeLabel={t('dialog.close')}
      returnFocusId={USER_MENU_BUTTON_ID}
    >
      <PasswordForm onDone={() => setOpen(false)} />
    </Dialog>
  );
}
