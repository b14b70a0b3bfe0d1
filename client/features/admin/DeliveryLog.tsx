// The webhook delivery log: the newest deliveries with their status, attempts and last error, refreshed while open.
import { useEffect } from 'react';
import { listWebhookDeliveries } from '../../api/client';
import { formatProblem } from '../../api/problem';
import type { DeliveryStatus, WebhookDelivery } from '../../api/contract';
import { webhookKinds, type WebhookKind } from '../../../server/domain/schemas/webhook';
import { numberFormat, useI18n } from '../../i18n';
import { StateMessage } from '../../ui/StateMessage';
import { formatDateTime, formatRelativeTime } from './audit-format';
import { useLoad } from './useLoad';

const loadDeliveries = (signal: AbortSignal) => listWebhookDeliveries({ signal });

/** Retries happen in the background; the log follows them without a manual refresh. */
const REFRESH_MS = 3_000;

const badgeClass: Record<DeliveryStatus, string> = {
  delivered: 'badge badge--ok',
  retrying: 'badge badge--warning',
  pending: 'badge badge--muted',
  failed: 'badge badge--danger',
};

const isKnownKind = (kind: string): kind is WebhookKind =>
  (webhookKinds as readonly string[]).includes(kind);

/** The moment that matters for a row: when it arrived, failed for good, or was last tried. */
const whenOf = (d: WebhookDelivery) =>
  d.deliveredAt ?? d.failedAt ?? d.lastAttemptAt ?? d.createdAt;

export function DeliveryLog({ refreshKey }: { refreshKey: number }) {
  const { t, locale } = useI18n();
  const [log, reload] = useLoad(loadDeliveries);

  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  if (log.status !== 'ready' && log.status !== 'error')
    return <StateMessage tone="loading">{t('admin.loading')}</StateMessage>;
  if (log.status === 'error') {
    const { title, detail } = formatProblem(log.error, t);
    return (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: reload }}>
        {t('webhooks.logLoadFailed')} {title}. {detail}
      </StateMessage>
    );
  }
  if (log.data.deliveries.length === 0)
    return <StateMessage tone="empty">{t('webhooks.logEmpty')}</StateMessage>;
  const now = new Date();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table delivery-log">
        <caption className="visually-hidden">{t('webhooks.logTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.col.event')}</th>
            <th scope="col">{t('webhooks.col.status')}</th>
            <th scope="col">{t('webhooks.col.attempts')}</th>
            <th scope="col">{t('webhooks.col.lastError')}</th>
            <th scope="col">{t('webhooks.col.when')}</th>
          </tr>
        </thead>
        <tbody>
          {log.data.deliveries.map((d) => (
            <tr key={d.id} data-delivery={d.idempotencyKey} data-status={d.status}>
              <th scope="row">
                {isKnownKind(d.kind) ? t(`webhooks.kind.${d.kind}`) : d.kind}{' '}
                <code className="admin-table__code">{d.idempotencyKey}</code>
              </th>
              <td>
                <span className={badgeClass[d.status]}>{t(`webhooks.status.${d.status}`)}</span>
                {d.status === 'retrying' && d.nextAttemptAt && (
                  <span className="delivery-log__next">
                    {t('webhooks.nextAttempt', {
                      when: formatRelativeTime(locale, d.nextAttemptAt, now),
                    })}
                  </span>
                )}
              </td>
              <td className="delivery-log__number">{numberFormat(locale).format(d.attempts)}</td>
              <td className="delivery-log__error">{d.lastError ?? '—'}</td>
              <td>
                <time dateTime={whenOf(d)} title={formatDateTime(locale, whenOf(d))}>
                  {formatRelativeTime(locale, whenOf(d), now)}
                </time>
                {d.lastDurationMs !== null && (
                  <span className="delivery-log__next">
                    {t('webhooks.duration', {
                      ms: numberFormat(locale).format(d.lastDurationMs),
                    })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
