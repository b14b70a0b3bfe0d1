// The Users tab: everyone in the workspace with role, stores and status; add, change, deactivate, delete.
// A 409 means someone else changed the user meanwhile: the list reloads and says so.
import { useState } from 'react';
import { createUser, deleteUser, listUsers, updateUser } from '../../api/client';
import { fieldErrors, formatProblem, ProblemError } from '../../api/problem';
import type { User } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { StateMessage } from '../../ui/StateMessage';
import { reportError } from '../toast/report';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { changeFrom, type UserDraft } from './user-form';
import { UserForm, type UserFormErrors } from './UserForm';
import { useLoad } from './useLoad';

const loadUsers = (signal: AbortSignal) => listUsers({ signal });

type Editing = { kind: 'new' } | { kind: 'edit'; user: User } | null;

export function UsersTab() {
  const { t } = useI18n();
  const me = useAppStore((s) => s.me);
  const storeNames = useAppStore((s) => s.stores.data?.features);
  const [users, reload] = useLoad(loadUsers);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<UserFormErrors>({});
  const [notice, setNotice] = useState<string | null>(null);

  const storeName = (id: string) =>
    storeNames?.find((s) => s.properties.id === id)?.properties.name ?? id;

  const fail = (error: unknown) => {
    if (error instanceof ProblemError && error.status === 409 && editing?.kind === 'edit') {
      setNotice(t('users.conflict'));
      setEditing(null);
      reload();
      return;
    }
    const fields = fieldErrors(error, t);
    if (error instanceof ProblemError && error.status === 409 && Object.keys(fields).length === 0)
      fields['body.email'] = t('users.emailTaken');
    if (Object.keys(fields).length > 0) setServerErrors(fields);
    else reportError(useAppStore, error);
  };

  const save = async (draft: UserDraft & { active: boolean }) => {
    setBusy(true);
    setServerErrors({});
    setNotice(null);
    try {
      if (editing?.kind === 'edit') {
        await updateUser(editing.user.id, changeFrom(editing.user, draft));
        setNotice(t('users.saved', { email: editing.user.email }));
      } else {
        const { role, email, name, password, storeIds } = draft;
        await createUser({
          email,
          password,
          role,
          ...(name ? { name } : {}),
          ...(role === 'store_manager' ? { storeIds } : {}),
        });
        setNotice(t('users.created', { email }));
      }
      setEditing(null);
      reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const setActive = async (user: User, active: boolean) => {
    setNotice(null);
    try {
      await updateUser(user.id, { version: user.version, active });
      setNotice(
        active
          ? t('users.reactivated', { email: user.email })
          : t('users.deactivated', { email: user.email }),
      );
      reload();
    } catch (error) {
      if (error instanceof ProblemError && error.status === 409) {
        setNotice(t('users.conflict'));
        reload();
      } else reportError(useAppStore, error);
    }
  };

  const remove = async (user: User) => {
    setNotice(null);
    try {
      await deleteUser(user.id);
      setNotice(t('users.deleted', { email: user.email }));
      reload();
    } catch (error) {
      reportError(useAppStore, error);
    }
  };

  const startEditing = (next: Editing) => {
    setServerErrors({});
    setNotice(null);
    setEditing(next);
  };

  let body;
  if (users.status !== 'ready' && users.status !== 'error')
    body = <StateMessage tone="loading">{t('admin.loading')}</StateMessage>;
  else if (users.status === 'error') {
    const { title, detail } = formatProblem(users.error, t);
    body = (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: reload }}>
        {t('users.loadFailed')} {title}. {detail}
      </StateMessage>
    );
  } else if (users.data.users.length === 0)
    body = <StateMessage tone="empty">{t('users.empty')}</StateMessage>;
  else
    body = (
      <div className="admin-table-wrap">
        <table className="admin-table admin-table--stack">
          <caption className="visually-hidden">{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.stores')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((user) => (
              <tr
                key={user.id}
                data-user={user.email}
                aria-current={
                  editing?.kind === 'edit' && editing.user.id === user.id ? 'true' : undefined
                }
              >
                <th scope="row">{user.email}</th>
                <td data-label={t('users.name')}>{user.name}</td>
                <td data-label={t('users.role')}>{t(`role.${user.role}`)}</td>
                <td data-label={t('users.stores')}>
                  {user.storeIds.length ? user.storeIds.map(storeName).join(', ') : '—'}
                </td>
                <td data-label={t('users.status')}>
                  <span className={`badge ${user.active ? 'badge--ok' : 'badge--muted'}`}>
                    {user.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td>
                  <div className="admin-table__actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => startEditing({ kind: 'edit', user })}
                      aria-label={t('users.editTitle', { email: user.email })}
                    >
                      {t('users.edit')}
                    </button>
                    {user.active ? (
                      <ConfirmButton
                        label={t('users.deactivate')}
                        question={t('users.deactivateQuestion', { email: user.email })}
                        confirmLabel={t('users.deactivateConfirm')}
                        disabled={user.id === me?.user.id}
                        onConfirm={() => void setActive(user, false)}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void setActive(user, true)}
                      >
                        {t('users.reactivate')}
                      </button>
                    )}
                    <ConfirmButton
                      label={t('users.delete')}
                      question={t('users.deleteQuestion', { email: user.email })}
                      confirmLabel={t('users.deleteConfirm')}
                      disabled={user.id === me?.user.id}
                      onConfirm={() => void remove(user)}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="admin-tab">
      <div className="admin-tab__bar">
        <p className="dialog__hint">{t('users.intro')}</p>
        {editing === null && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => startEditing({ kind: 'new' })}
          >
            {t('users.add')}
          </button>
        )}
      </div>
      {notice && (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      )}
      {editing && (
        <UserForm
          key={editing.kind === 'edit' ? editing.user.id : 'new'}
          user={editing.kind === 'edit' ? editing.user : undefined}
          busy={busy}
          serverErrors={serverErrors}
          onSubmit={(draft) => void save(draft)}
          onCancel={() => setEditing(null)}
        />
      )}
      {body}
    </div>
  );
}
