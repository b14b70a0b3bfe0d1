// The delivery worker: polls the outbox for due rows and POSTs each one, signed, to the workspace's URL (only to
// addresses the policy allows, as calendar feeds: post.ts); logs every attempt; retries failures with back-off and
// gives up after maxAttempts. Runs are serial (a tick that finds the last run still going skips), and each row is
// claimed with a lease before it is sent, so no row goes out twice at once.
import type { Db } from '../../db/connection.js';
import {
  claimOutbox,
  dueOutbox,
  recordAttempt,
  type OutboxRow,
} from '../../db/repos/webhook-outbox.js';
import { readWebhookUrl, webhookSecret } from '../../db/repos/webhook-settings.js';
import type { Logger } from '../../logger.js';
import type { AddressPolicy } from './outbound-address.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import { postWebhook } from './post.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface WebhookWorkerDeps {
  db: Db;
  clock: () => Date;
  logger: Logger;
  /** Where deliveries may connect: outboundAddressPolicy with the CATCHMENT_ALLOW_PRIVATE_URLS opt-in. */
  isAllowedAddress: AddressPolicy;
  /** Whether this process polls the outbox on the timer (cluster mode: only the leader does); kicks always run. */
  polls?: () => boolean;
}

export interface WebhookWorkerOptions {
  /** How often due rows are looked for. */
  intervalMs: number;
  /** One attempt's limit, connection and answer together. */
  timeoutMs: number;
  /** After this many failed attempts a delivery is marked failed. */
  maxAttempts: number;
  backoff: Backoff;
  /** Rows sent per run. */
  batchSize: number;
}

export const defaultWebhookOptions: WebhookWorkerOptions = {
  intervalMs: 5_000,
  timeoutMs: 10_000,
  maxAttempts: 8,
  backoff: exponentialBackoff(),
  batchSize: 50,
};

export interface WebhookWorker {
  /** Sends what is due at `now` (default: the clock); resolves with how many attempts were made. Serial with other runs. */
  deliverDue(now?: Date): Promise<number>;
  /** Look for due rows soon (after a test ping, or once a URL is saved), without waiting for the next tick. */
  kick(): void;
  /** Stops the timer, aborts an attempt in flight and waits for the run to end. */
  stop(): Promise<void>;
}

/** Where a URL points, for the log: the origin only. Paths and queries of hook URLs often carry tokens. */
export function urlForLog(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

// Errors can quote the URL they failed on; drop any query string it carries.
const errorText = (message: string) =>
  oneLine(message.replace(/(https?:\/\/[^\s?#]*)[?#]\S*/g, '$1'), 300);

export function startWebhookDelivery(
  deps: WebhookWorkerDeps,
  options: Partial<WebhookWorkerOptions> = {},
): WebhookWorker {
  const o = { ...defaultWebhookOptions, ...options };
  const stopping = new AbortController();
  let current: Promise<number> | null = null;

  async function attempt(row: OutboxRow, url: string, secret: string, now: Date): Promise<void> {
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    const result = await postWebhook(url, {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Catchment-Webhooks/1',
        'Idempotency-Key': row.idempotencyKey,
        [SIGNATURE_HEADER]: signatureHeader(secret, row.payload, Math.floor(now.getTime() / 1000)),
      },
      body: row.payload,
      timeoutMs: o.timeoutMs,
      signal: stopping.signal,
      check: (address) => deps.isAllowedAddress(address, 0),
    });
    if (result.ok) {
      status = result.status;
      // A redirect is a failure too (post.ts never follows one).
      if (status < 200 || status > 299)
        error = oneLine(`HTTP ${status}${result.text ? `: ${result.text}` : ''}`, 300);
    } else {
      error = errorText(result.error);
    }
    if (stopping.signal.aborted) return; // the lease runs out and the row is tried again after a restart
    const durationMs = Math.round(performance.now() - started);
    const attempts = row.attempts + 1;
    const nowIso = now.toISOString();
    const outcome =
      error === null
        ? { delivered: nowIso }
        : attempts >= o.maxAttempts
          ? { failed: nowIso }
          : { retryAt: new Date(now.getTime() + o.backoff(attempts)).toISOString() };
    recordAttempt(deps.db, {
      outboxId: row.id,
      attemptedAt: nowIso,
      status,
      error,
      durationMs,
      outcome,
    });
    const log = error === null ? deps.logger.info : deps.logger.error;
    log('webhook attempt', {
      outboxId: row.id,
      kind: row.kind,
      target: urlForLog(url),
      status,
      ms: durationMs,
      attempt: attempts,
      outcome: Object.keys(outcome)[0],
      ...(error ? { error } : {}),
    });
  }

  async function runOnce(now: Date): Promise<number> {
    if (stopping.signal.aborted) return 0;
    const url = readWebhookUrl(deps.db);
    if (url === null) return 0; // webhooks off: rows wait until a URL is saved
    const secret = webhookSecret(deps.db);
    const lease = new Date(now.getTime() + o.timeoutMs + 60_000).toISOString();
    let sent = 0;
    for (const row of dueOutbox(deps.db, now.toISOString(), o.batchSize)) {
      if (stopping.signal.aborted) break;
      if (!claimOutbox(deps.db, row, lease)) continue;
      await attempt(row, url, secret, now);
      sent++;
    }
    return sent;
  }

  function deliverDue(now?: Date): Promise<number> {
    const run = (current ?? Promise.resolve(0))
      .catch(() => 0)
      .then(() => runOnce(now ?? deps.clock()));
    current = run;
    void run
      .catch(() => 0)
      .finally(() => {
        if (current === run) current = null;
      });
    return run;
  }

  const background = () => {
    deliverDue().catch((error: unknown) =>
      deps.logger.error('webhook delivery failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  };
  const timer = setInterval(() => {
    if (!current && (deps.polls?.() ?? true)) background();
  }, o.intervalMs);
  timer.unref();

  return {
    deliverDue,
    kick: () => {
      if (!stopping.signal.aborted) setImmediate(background);
    },
    stop: async () => {
      clearInterval(timer);
      stopping.abort();
      await current?.catch(() => 0);
    },
  };
}
