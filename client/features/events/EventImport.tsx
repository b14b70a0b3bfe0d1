// "Import calendar (.ics)" in the Events panel: a file input (or a file dropped onto the panel) is sent to
// POST /api/events/import; the panel shows progress, then what was added and updated (and which recurring events were
// cut short by the import's limits), or the file's errors by line.
import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import type { FieldError } from '../../api/problem';
import type { EventImportResult } from '../../api/contract';
import type { Translate } from '../../i18n/types';
import { fieldMessage } from '../../api/field-messages';
import { importCalendar, importFeed } from './actions';
import { importCutLines } from './import-cuts';
import { KeptFeeds } from './KeptFeeds';

/** "Line 7: …" for the server's body.line.N errors, the bare message otherwise; worded from its code. */
export function importErrorText(error: FieldError, t: Translate): string {
  const line = /^body\.line\.(\d+)$/.exec(error.field)?.[1];
  const message = fieldMessage(error, t);
  return line ? t('nav.events.import.line', { line, message }) : message;
}

/** Under the summary: which recurring events the import cut short, and the limits that cut them. */
function ImportCuts({ result }: { result: EventImportResult }) {
  const { t, locale } = useI18n();
  const [limits, ...series] = importCutLines(result, t, locale);
  if (!limits) return null;
  return (
    <div className="event-import__status event-import__status--cut" role="status" data-import="cut">
      <p>{limits}</p>
      <ul className="event-import__errors">
        {series.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function ImportStatus() {
  const { t } = useI18n();
  const state = useAppStore((s) => s.eventImport);
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    return (
      <p className="event-import__status" role="status" data-import="running">
        {t('nav.events.import.running', { file: state.fileName })}
      </p>
    );
  }
  if (state.status === 'done') {
    const { inserted, updated, removed, needsPlace } = state.result;
    return (
      <>
        <p className="event-import__status" role="status" data-import="done">
          {removed > 0
            ? t('nav.events.import.summaryRemoved', {
                inserted,
                updated,
                removed,
                count: needsPlace,
              })
            : t('nav.events.import.summary', { inserted, updated, count: needsPlace })}
        </p>
        <ImportCuts result={state.result} />
      </>
    );
  }
  // A feed's fetch failure names body.url with the reason the title already gives: say it once.
  const details = state.errors.filter((error) => !state.title.includes(fieldMessage(error, t)));
  return (
    <div
      className="event-import__status event-import__status--error"
      role="alert"
      data-import="error"
    >
      <p>{t('nav.events.import.failed', { file: state.fileName, reason: state.title })}</p>
      {details.length > 0 && (
        <ul className="event-import__errors">
          {details.map((error, i) => (
            <li key={i}>{importErrorText(error, t)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The import control; nothing for roles without events:write. */
export function EventImport() {
  const { t } = useI18n();
  const mayWrite = useAppStore((s) => can(s.me, 'events:write'));
  const running = useAppStore((s) => s.eventImport.status === 'running');
  const input = useRef<HTMLInputElement>(null);
  if (!mayWrite) return null;
  return (
    <div className="event-import">
      <label
        className="button button--secondary button--small event-import__pick"
        aria-disabled={running || undefined}
      >
        {t('nav.events.import')}
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".ics,text/calendar"
          disabled={running}
          data-testid="event-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importCalendar(useAppStore, file, t);
          }}
        />
      </label>
      <FeedForm running={running} />
      <ImportStatus />
      <KeptFeeds />
    </div>
  );
}

/** "Import from a feed URL": the server fetches the calendar (http, https or webcal) and imports it like a file. */
function FeedForm({ running }: { running: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState('');
  const [keep, setKeep] = useState(true);
  const urlRefused = useAppStore(
    (s) =>
      s.eventImport.status === 'error' && s.eventImport.errors.some((e) => e.field === 'body.url'),
  );
  return (
    <form
      className="event-import__feed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (url.trim()) void importFeed(useAppStore, url, keep, t);
      }}
    >
      <label className="field__label" htmlFor={`${id}-url`}>
        {t('nav.events.import.feed')}
      </label>
      <div className="field__row">
        <input
          id={`${id}-url`}
          className="field__input"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('nav.events.import.feedPlaceholder')}
          value={url}
          disabled={running}
          aria-invalid={urlRefused || undefined}
          data-testid="event-import-url"
          onChange={(e) => setUrl(e.target.value)}
        />
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={running || !url.trim()}
        >
          {t('nav.events.import.feedSubmit')}
        </button>
      </div>
      <label className="checkbox event-import__keep">
        <input
          type="checkbox"
          checked={keep}
          disabled={running}
          onChange={(e) => setKeep(e.target.checked)}
          data-testid="event-import-keep"
        />
        {t('nav.events.import.keep')}
      </label>
    </form>
  );
}

/** Wraps the Events panel so a calendar file dropped onto it is imported (for roles with events:write). */
export function EventImportDrop({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const mayWrite = useAppStore((s) => can(s.me, 'events:write'));
  if (!mayWrite) return <>{children}</>;
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className="event-import-drop"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void importCalendar(useAppStore, file, t);
      }}
    >
      {children}
    </div>
  );
}
