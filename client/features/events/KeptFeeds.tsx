// "Feeds kept in sync" under the calendar import: each kept feed with its last sync (or why it failed), when the
// next one is due, "Sync now" and "Stop syncing". Shown to roles that may import, once a feed is kept.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import type { EventFeed } from '../../api/contract';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime, formatRelativeTime } from '../admin/audit-format';
import { loadEventFeeds, stopFeed, syncFeedNow } from './actions';

export function KeptFeeds() {
  const { t } = useI18n();
  const mayWrite = useAppStore((s) => can(s.me, 'events:write'));
  const feeds = useAppStore((s) => s.eventFeeds);
  useEffect(() => {
    if (mayWrite) void loadEventFeeds(useAppStore);
  }, [mayWrite]);
  if (!mayWrite || feeds.status !== 'ready' || feeds.data.length === 0) return null;
  return (
    <section className="kept-feeds" aria-labelledby="kept-feeds-title">
      <h3 id="kept-feeds-title" className="kept-feeds__title">
        {t('nav.events.feeds.title')}
      </h3>
      <ul className="kept-feeds__list">
        {feeds.data.map((feed) => (
          <KeptFeed key={feed.id} feed={feed} />
        ))}
      </ul>
    </section>
  );
}

function KeptFeed({ feed }: { feed: EventFeed }) {
  const { t, locale } = useI18n();
  const [syncing, setSyncing] = useState(false);
  const now = new Date();
  const when = (iso: string) => formatRelativeTime(locale, iso, now);
  const failed = feed.lastError !== null && feed.lastAttemptAt !== null;
  return (
    <li className="kept-feed" data-feed={feed.id}>
      <span className="kept-feed__label" title={feed.label}>
        {feed.label}
      </span>
      {failed ? (
        <span
          className="kept-feed__status kept-feed__status--failed"
          data-feed-status="failed"
          title={formatDateTime(locale, feed.lastAttemptAt!)}
        >
          {t('nav.events.feeds.failed', {
            time: when(feed.lastAttemptAt!),
            reason: feed.lastError!,
          })}
        </span>
      ) : (
        <span
          className="kept-feed__status"
          data-feed-status={feed.lastSyncedAt ? 'synced' : 'never'}
          title={feed.lastSyncedAt ? formatDateTime(locale, feed.lastSyncedAt) : undefined}
        >
          {feed.lastSyncedAt
            ? t('nav.events.feeds.status', {
                time: when(feed.lastSyncedAt),
                count: feed.eventCount,
              })
            : t('nav.events.feeds.never')}
        </span>
      )}
      <span className="kept-feed__status" title={formatDateTime(locale, feed.nextSyncAt)}>
        {t('nav.events.feeds.next', { time: when(feed.nextSyncAt) })}
      </span>
      <span className="kept-feed__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={syncing}
          aria-busy={syncing || undefined}
          onClick={() => {
            setSyncing(true);
            void syncFeedNow(useAppStore, feed.id, t).finally(() => setSyncing(false));
          }}
        >
          {syncing ? t('nav.events.feeds.syncing') : t('nav.events.feeds.syncNow')}
        </button>
        <ConfirmButton
          label={t('nav.events.feeds.stop')}
          question={t('nav.events.feeds.stopQuestion', { label: feed.label })}
          confirmLabel={t('nav.events.feeds.stopConfirm')}
          disabled={syncing}
          onConfirm={() => void stopFeed(useAppStore, feed.id)}
        />
      </span>
    </li>
  );
}
