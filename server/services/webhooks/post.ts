// One webhook POST over node:http(s), connecting only to addresses the policy allows (checked in the socket's own DNS
// lookup: outbound-address.ts). Global fetch cannot take a lookup, so a receiver whose name resolved publicly when it
// was saved and resolves to the intranet now (DNS rebinding) would be reached. Redirects are never followed: that
// would send the signed body somewhere the owner did not name. Never throws: failures come back as words for the log.
import http from 'node:http';
import https from 'node:https';
import { bareHost, checkedLookup, literalRefusal, type AddressCheck } from './outbound-address.js';

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  /** Connection and answer together. */
  timeoutMs: number;
  /** Aborts the request (the server stopping). */
  signal: AbortSignal;
  check: AddressCheck;
  /** How much of the answer to read, for the log; a receiver could answer with megabytes. */
  maxBodyBytes?: number;
}

export type PostResult = { ok: true; status: number; text: string } | { ok: false; error: string };

export function postWebhook(raw: string, o: PostOptions): Promise<PostResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return resolve({ ok: false, error: 'the webhook URL is not valid' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return resolve({ ok: false, error: `${url.protocol} URLs are not posted to` });
    const literal = literalRefusal(bareHost(url), o.check);
    if (literal) return resolve({ ok: false, error: literal });
    if (o.signal.aborted) return resolve({ ok: false, error: 'aborted: the server was stopping' });
    const { lookup, refusal } = checkedLookup(o.check);
    const maxBytes = o.maxBodyBytes ?? 1024;

    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result);
    };
    const onAbort = () => finish({ ok: false, error: 'aborted: the server was stopping' });
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      lookup,
      agent: false,
      headers: { ...o.headers, 'Content-Length': String(Buffer.byteLength(o.body)) },
    });
    const timer = setTimeout(
      () => finish({ ok: false, error: `timed out after ${o.timeoutMs} ms` }),
      o.timeoutMs,
    );
    o.signal.addEventListener('abort', onAbort, { once: true });

    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, error: refusal() ?? error.message }),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish({
          ok: true,
          status,
          text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'),
        });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) done();
      });
      response.on('end', done);
      // A receiver that closes mid-answer still answered with its status.
      response.on('aborted', done);
      response.on('error', done);
    });
    request.end(o.body);
  });
}
