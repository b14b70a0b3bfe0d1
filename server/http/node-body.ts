// A request body read straight from Node's stream under a size limit into Hono's body cache: c.req.json(), text() and
// arrayBuffer() then answer from it, and @hono/node-server never builds a fetch Request around the stream (an
// AbortSignal, a web ReadableStream and a copy: about a tenth of an area write's CPU in the mix benchmark, issue 21).
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { ProblemError } from './problem.js';

const utf8 = new TextDecoder();

/** The body's bytes, or null as soon as it grows past `maxSize` (the rest is left unread). */
export function readBody(incoming: IncomingMessage, maxSize: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onFail);
      incoming.off('close', onFail);
    };
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size <= maxSize) return void chunks.push(chunk);
      stop();
      resolve(null);
    }
    function onEnd() {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    }
    // A client that goes away mid-body gets no answer; the error only ends this request quietly.
    function onFail() {
      stop();
      reject(new ProblemError(400, 'The request body ended before its length'));
    }
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onFail);
    incoming.once('close', onFail);
  });
}

/** Keeps `bytes` as the request's body for Hono's readers (text as fetch decodes it: UTF-8, a leading BOM dropped). */
export function keepBody(c: Context, bytes: Buffer): void {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Hono keeps promises in its cache (its readers call .then on them), though its type names the values.
  const cache = c.req.bodyCache as Record<string, Promise<unknown>>;
  cache.arrayBuffer = Promise.resolve(view.slice().buffer);
  cache.text = Promise.resolve(utf8.decode(view));
}

/** True when the body was read into the cache (so nothing is left on the stream to drain). */
export const bodyKept = (c: Context): boolean => c.req.bodyCache.arrayBuffer !== undefined;
