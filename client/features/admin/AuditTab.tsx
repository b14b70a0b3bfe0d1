// The audit log tab: who did what and when, newest first, filtered by action, older entries on demand.
import { useEffect, useState } from 'react';
import { getAudit } from '../../api/client';
import { formatProblem, isAbort } from '../../api/problem';
import type { AuditEntry } from '../../api/contract';
import { useI18n, type Translate } from '../../i18n';
import { StateMessage } from '../../ui/StateMessage';
import {
  auditActionKey,
  auditActions,
  formatDateTime,
  formatRelativeTime,
  humanizeAction,
} from './audit-format';

const PAGE_SIZE = 50;

type Log =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; entries: AuditEntry[]; nextBefore: number | null; more: boolean };

const actionText = (action: string, t: Translate) => {
  const key = auditActionKey(action);
  return key ? t(key) : humanizeAction(action);
};

export function AuditTab() {
  const { t, locale } = useI18n();
  const [action, setAction] = useState('');
  const [log, setLog] = useState<Log>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getAudit({ limit: PAGE_SIZE, action }, { signal: controller.signal })
      .then((page) =>
        setLog({
          status: 'ready',
          entries: page.entries,
          nextBefore: page.nextBefore,
          more: false,
        }),
      )
      .catch((error: unknown) => {
        if (!isAbort(error)) setLog({ status: 'error', error });
      });
    return () => controller.abort();
  }, [action, generation]);

  const loadMore = async () => {
    if (log.status !== 'ready' || log.nextBefore === null) return;
    setLog({ ...log, more: true });
    try {
      const page = await getAudit({ limit: PAGE_SIZE, action, before: log.nextBefore });
      setLog({
        status: 'ready',
        entries: [...log.entries, ...page.entries],
        nextBefore: page.nextBefore,
        more: false,
      });
    } catch (error) {
      setLog({ status: 'error', error });
    }
  };

  const now = new Date();
  let body;
  if (log.status === 'loading')
    body = <StateMessage tone="loading">{t('admin.loading')}</StateMessage>;
  else if (log.status === 'error') {
    const { title, detail } = formatProblem(log.error, t);
    body = (
      <StateMessage
        tone="error"
        action={{
          label: t('app.retry'),
          onClick: () => {
            setLog({ status: 'loading' });
            setGeneration((g) => g + 1);
          },
        }}
      >
        {t('audit.loadFailed')} {title}. {detail}
      </StateMessage>
    );
  } else if (log.entries.length === 0)
    body = (
      <StateMessage tone="empty">
        {action ? t('audit.emptyFiltered') : t('audit.empty')}
      </StateMessage>
    );
  else
    body = (
      <>
        <ol className="audit-list" aria-label={t('audit.caption')}>
          {log.entries.map((entry) => (
            <li key={entry.id} className="audit-list__entry" data-action={entry.action}>
              <span className="audit-list__what">{actionText(entry.action, t)}</span>
              <span className="audit-list__target">
                {entry.targetType
                  ? `${entry.targetType}${entry.targetId ? ` ${entry.targetId}` : ''}`
                  : ''}
              </span>
              <span className="audit-list__who">{entry.actor ?? t('audit.system')}</span>
              <time
                className="audit-list__when"
                dateTime={entry.at}
                title={formatDateTime(locale, entry.at)}
              >
                {formatRelativeTime(locale, entry.at, now)}
              </time>
            </li>
          ))}
        </ol>
        {log.nextBefore !== null && (
          <button
            type="button"
            className="button button--secondary audit-list__more"
            disabled={log.more}
            onClick={() => void loadMore()}
          >
            {log.more ? t('admin.loading') : t('audit.more')}
          </button>
        )}
      </>
    );

  return (
    <div className="admin-tab">
      <div className="admin-tab__bar">
        <p className="dialog__hint">{t('audit.intro')}</p>
        <label className="field field--inline">
          <span className="field__label">{t('audit.filter')}</span>
          <select
            className="field__input"
            value={action}
            onChange={(e) => {
              setLog({ status: 'loading' });
              setAction(e.target.value);
            }}
          >
            <option value="">{t('audit.allActions')}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {actionText(a, t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {body}
    </div>
  );
}
