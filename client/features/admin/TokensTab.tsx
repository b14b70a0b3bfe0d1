// The API tokens tab: tokens with their scopes, when created and last used, and whether revoked; create one
// (its secret is shown once, here, with a copy button) and revoke one.
import { useState, type FormEvent } from 'react';
import { createToken, listTokens, revokeToken } from '../../api/client';
import { fieldErrors, formatProblem } from '../../api/problem';
import type { CreatedToken, TokenScope } from '../../api/contract';
import { tokenScopes } from '../../../server/domain/permissions';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Field } from '../../ui/Field';
import { useChangedSince, useDialogDirty } from '../../ui/DiscardGuard';
import { StateMessage } from '../../ui/StateMessage';
import { reportError } from '../toast/report';
import { formatDateTime, formatRelativeTime } from './audit-format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useLoad } from './useLoad';

const loadTokens = (signal: AbortSignal) => listTokens({ signal });

function SecretOnce({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <section className="secret-once" aria-labelledby="secret-once-title">
      <h3 id="secret-once-title" className="secret-once__title">
        {t('tokens.secretTitle', { name: created.token.name })}
      </h3>
      <p className="secret-once__warning" role="alert">
        {t('tokens.secretWarning')}
      </p>
      <div className="secret-once__row">
        <code className="secret-once__secret" data-secret>
          {created.secret}
        </code>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(created.secret)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? t('tokens.copied') : t('tokens.copy')}
        </button>
      </div>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('tokens.secretDone')}
      </button>
    </section>
  );
}

function TokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: CreatedToken) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['offers:read']);
  useDialogDirty(useChangedSince({ name, scopes }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local['body.name'] = t('users.error.required');
    if (scopes.length === 0) local['body.scopes'] = t('tokens.scopesRequired');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      onCreated(await createToken(name.trim(), scopes));
    } catch (error) {
      const fields = fieldErrors(error, t);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else reportError(useAppStore, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('tokens.createTitle')}
    >
      <Field label={t('tokens.name')} error={errors['body.name']}>
        {(props) => (
          <input
            {...props}
            className="field__input"
            name="name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <fieldset
        className="admin-form__stores"
        aria-invalid={errors['body.scopes'] ? true : undefined}
      >
        <legend className="field__label">{t('tokens.scopes')}</legend>
        <div className="checklist">
          {tokenScopes.map((scope) => (
            <label key={scope} className="checklist__item">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) =>
                  setScopes(
                    e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope),
                  )
                }
              />
              <span>{t(`tokens.scope.${scope}`)}</span>
            </label>
          ))}
        </div>
        {errors['body.scopes'] && <span className="field__error">{errors['body.scopes']}</span>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('tokens.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

export function TokensTab() {
  const { t, locale } = useI18n();
  const [tokens, reload] = useLoad(loadTokens);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const now = new Date();

  const revoke = async (id: string) => {
    try {
      await revokeToken(id);
      reload();
    } catch (error) {
      reportError(useAppStore, error);
    }
  };
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso} title={formatDateTime(locale, iso)}>
        {formatRelativeTime(locale, iso, now)}
      </time>
    ) : (
      '—'
    );

  let body;
  if (tokens.status !== 'ready' && tokens.status !== 'error')
    body = <StateMessage tone="loading">{t('admin.loading')}</StateMessage>;
  else if (tokens.status === 'error') {
    const { title, detail } = formatProblem(tokens.error, t);
    body = (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: reload }}>
        {t('tokens.loadFailed')} {title}. {detail}
      </StateMessage>
    );
  } else if (tokens.data.tokens.length === 0)
    body = <StateMessage tone="empty">{t('tokens.empty')}</StateMessage>;
  else
    body = (
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption className="visually-hidden">{t('tokens.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.scopes')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.tokens.map((token) => (
              <tr key={token.id} data-token={token.name}>
                <th scope="row">
                  {token.name} <code className="admin-table__code">{token.prefix}…</code>
                </th>
                <td>{token.scopes.map((s) => t(`tokens.scope.${s}`)).join(', ')}</td>
                <td>{when(token.createdAt)}</td>
                <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('tokens.neverUsed')}</td>
                <td>
                  {token.revokedAt ? (
                    <span className="badge badge--muted">
                      {t('tokens.revokedAt', {
                        when: formatRelativeTime(locale, token.revokedAt, now),
                      })}
                    </span>
                  ) : (
                    <span className="badge badge--ok">{t('tokens.live')}</span>
                  )}
                </td>
                <td>
                  <div className="admin-table__actions">
                    {!token.revokedAt && (
                      <ConfirmButton
                        label={t('tokens.revoke')}
                        question={t('tokens.revokeQuestion', { name: token.name })}
                        confirmLabel={t('tokens.revokeConfirm')}
                        onConfirm={() => void revoke(token.id)}
                      />
                    )}
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
        <p className="dialog__hint">{t('tokens.intro')}</p>
        {!creating && !created && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            {t('tokens.add')}
          </button>
        )}
      </div>
      {created && <SecretOnce created={created} onDone={() => setCreated(null)} />}
      {creating && (
        <TokenForm
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            reload();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {body}
    </div>
  );
}
