// A titled list section that shows loading, error and empty states in place of its items.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Resource } from '../store/types';
import { StateMessage } from './StateMessage';

interface ListSectionProps {
  title: string;
  count?: string;
  resource: Resource<unknown>;
  isEmpty: boolean;
  messages: { loading: string; empty: string; error: string };
  onRetry: () => void;
  children: ReactNode;
}

export function ListSection({
  title,
  count,
  resource,
  isEmpty,
  messages,
  onRetry,
  children,
}: ListSectionProps) {
  const { t } = useI18n();
  const headingId = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  let body: ReactNode = children;
  if (resource.status === 'loading' || resource.status === 'idle')
    body = <StateMessage tone="loading">{messages.loading}</StateMessage>;
  else if (resource.status === 'error')
    body = (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: onRetry }}>
        {messages.error}
      </StateMessage>
    );
  else if (isEmpty) body = <StateMessage tone="empty">{messages.empty}</StateMessage>;
  return (
    <section className="list-section" aria-labelledby={headingId}>
      <h2 className="list-section__title" id={headingId}>
        <span>{title}</span>
        {count && <span className="list-section__count">{count}</span>}
      </h2>
      {body}
    </section>
  );
}
