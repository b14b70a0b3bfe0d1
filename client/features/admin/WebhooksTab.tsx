// The webhooks tab: where activations are POSTed (the URL), the signing secret (masked, copy, rotate), a test ping,
// and the delivery log.
import { useState, type FormEvent } from 'react';
import {
  getWebhookSettings,
  patchWebhookSettings,
  rotateWebhookSecret,
  sendWebhookTest,
} from '../../api/client';
import { fieldErrors, formatProblem } from '../../api/problem';
import type { WebhookSettings } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Field } from '../../ui/Field';
import { useChangedSince, useDialogDirty } from '../../ui/DiscardGuard';
import { StateMessage } from '../../ui/StateMessage';
import { reportError } from '../toast/report';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DeliveryLog } from './DeliveryLog';
import { useLoad } from './useLoad';

const loadWebhook = (signal: AbortSignal) => getWebhookSettings({ signal });

/** The last four characters, so an owner can tell which secret a receiver has without showing it. */
const masked = (secret: string) => `${'•'.repeat(12)}${secret.slice(-4)}`;

function UrlForm({
  settings,
  onSaved,
}: {
  settings: WebhookSettings;
  onSaved: (s: WebhookSettings) => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState(settings.url ?? '');
  useDialogDirty(useChangedSince(url, settings.url));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await patchWebhookSettings(url.trim() === '' ? null : url.trim());
      useAppStore.getState().pushToast({
        tone: 'info',
        title: saved.url ? t('webhooks.saved') : t('webhooks.turnedOff'),
        detail: '',
      });
      onSaved(saved);
    } catch (e) {
      const fields = fieldErrors(e, t);
      if (fields['body.url']) setError(fields['body.url']);
      else reportError(useAppStore, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="admin-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('webhooks.urlTitle')}
    >
      <Field label={t('webhooks.url')} hint={t('webhooks.urlHelp')} error={error}>
        {(props) => (
          <input
            {...props}
            className="field__input"
            type="url"
            name="webhook-url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://example.com/hooks/catchment"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('webhooks.save')}
        </button>
      </div>
    </form>
  );
}

function SecretRow({
  secret,
  onRotated,
}: {
  secret: string;
  onRotated: (s: WebhookSettings) => void;
}) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  const rotate = async () => {
    try {
      onRotated(await rotateWebhookSecret());
      setCopied(false);
      useAppStore.getState().pushToast({
        tone: 'info',
        title: t('webhooks.rotated'),
        detail: t('webhooks.rotatedDetail'),
      });
    } catch (error) {
      reportError(useAppStore, error);
    }
  };
  return (
    <section className="webhook-secret" aria-labelledby="webhook-secret-title">
      <h3 id="webhook-secret-title" className="webhook-secret__title">
        {t('webhooks.secret')}
      </h3>
      <p className="dialog__hint">{t('webhooks.secretHelp')}</p>
      <div className="secret-once__row">
        <code className="secret-once__secret" data-webhook-secret={shown ? 'shown' : 'masked'}>
          {shown ? secret : masked(secret)}
        </code>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={shown}
          onClick={() => setShown(!shown)}
        >
          {shown ? t('webhooks.hide') : t('webhooks.show')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(secret)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? t('tokens.copied') : t('tokens.copy')}
        </button>
        <ConfirmButton
          label={t('webhooks.rotate')}
          question={t('webhooks.rotateQuestion')}
          confirmLabel={t('webhooks.rotateConfirm')}
          onConfirm={() => void rotate()}
        />
      </div>
    </section>
  );
}

function WebhookEditor({
  settings,
  onChanged,
}: {
  settings: WebhookSettings;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [refreshKey, setRefreshKey] = useState(0);
  const [sending, setSending] = useState(false);
  const sendTest = async () => {
    setSending(true);
    try {
      await sendWebhookTest();
      useAppStore
        .getState()
        .pushToast({ tone: 'info', title: t('webhooks.testQueued'), detail: '' });
      setRefreshKey((k) => k + 1);
      // The worker sends at once; look again a moment later for the answer.
      setTimeout(() => setRefreshKey((k) => k + 1), 800);
    } catch (error) {
      reportError(useAppStore, error);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <UrlForm
        settings={settings}
        onSaved={() => {
          onChanged();
          setRefreshKey((k) => k + 1);
        }}
      />
      <SecretRow secret={settings.secret} onRotated={onChanged} />
      <section className="webhook-log" aria-labelledby="webhook-log-title">
        <div className="admin-tab__bar">
          <h3 id="webhook-log-title" className="webhook-secret__title">
            {t('webhooks.logTitle')}
          </h3>
          <button
            type="button"
            className="button button--secondary"
            disabled={!settings.url || sending}
            title={settings.url ? undefined : t('webhooks.testNeedsUrl')}
            onClick={() => void sendTest()}
          >
            {t('webhooks.test')}
          </button>
        </div>
        <DeliveryLog refreshKey={refreshKey} />
      </section>
    </>
  );
}

export function WebhooksTab() {
  const { t } = useI18n();
  const [settings, reload] = useLoad(loadWebhook);
  if (settings.status !== 'ready' && settings.status !== 'error')
    return <StateMessage tone="loading">{t('admin.loading')}</StateMessage>;
  if (settings.status === 'error') {
    const { title, detail } = formatProblem(settings.error, t);
    return (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: reload }}>
        {t('webhooks.loadFailed')} {title}. {detail}
      </StateMessage>
    );
  }
  return (
    <div className="admin-tab">
      <p className="dialog__hint">{t('webhooks.intro')}</p>
      <WebhookEditor settings={settings.data} onChanged={reload} />
    </div>
  );
}
