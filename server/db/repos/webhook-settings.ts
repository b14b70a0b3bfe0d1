// The workspace's webhook URL and signing secret, as rows of the workspace key/value table.
import { randomBytes } from 'node:crypto';
import type { Db } from '../connection.js';
import type { WebhookSettings } from '../../domain/schemas/webhook.js';

const URL_KEY = 'webhookUrl';
const SECRET_KEY = 'webhookSecret';

/** 32 random bytes, base64url: what receivers put into their HMAC. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function readWebhookUrl(db: Db): string | null {
  return (
    (db.prepare('SELECT value FROM workspace WHERE key = ?').pluck().get(URL_KEY) as
      string | undefined) ?? null
  );
}

/** The signing secret, created on first use (INSERT OR IGNORE: two first readers agree on one secret). */
export function webhookSecret(db: Db): string {
  db.prepare('INSERT OR IGNORE INTO workspace (key, value) VALUES (?, ?)').run(
    SECRET_KEY,
    newWebhookSecret(),
  );
  return db.prepare('SELECT value FROM workspace WHERE key = ?').pluck().get(SECRET_KEY) as string;
}

export function readWebhookSettings(db: Db): WebhookSettings {
  return { url: readWebhookUrl(db), secret: webhookSecret(db) };
}

/** null removes the URL, which turns delivery off. */
export function writeWebhookUrl(db: Db, url: string | null): void {
  if (url === null) db.prepare('DELETE FROM workspace WHERE key = ?').run(URL_KEY);
  else
    db.prepare(
      'INSERT INTO workspace (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(URL_KEY, url);
}

export function writeWebhookSecret(db: Db, secret: string): void {
  db.prepare(
    'INSERT INTO workspace (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(SECRET_KEY, secret);
}
