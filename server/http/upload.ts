// Large request bodies (file imports) streamed to a file instead of memory, with a size limit answered as 413.
import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import { ProblemError } from './problem.js';

export interface Upload {
  file: string;
  bytes: number;
  contentType: string;
}

function tooLarge(maxBytes: number): ProblemError {
  const limit = `${maxBytes.toLocaleString('en')} bytes`;
  return new ProblemError(
    413,
    `The file is larger than ${limit}; split it into smaller files`,
    [{ field: 'body', code: 'too_large', maximum: maxBytes, message: `larger than ${limit}` }],
    {},
    // The unread rest of the body would otherwise be parsed as the next request.
    { Connection: 'close' },
  );
}

/** Saves the request body as a new file in `dir`; refuses bodies over `maxBytes` (413) and removes what it wrote. */
export async function receiveUpload(c: Context, dir: string, maxBytes: number): Promise<Upload> {
  const contentType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = Number(c.req.header('Content-Length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const file = join(dir, `upload-${randomUUID()}`);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  const body = c.req.raw.body;
  try {
    const source = body
      ? Readable.fromWeb(body as unknown as WebReadableStream)
      : Readable.from([]);
    await pipeline(source, count, createWriteStream(file));
  } catch (error) {
    rmSync(file, { force: true });
    if (error instanceof ProblemError) throw error;
    throw new ProblemError(400, 'The upload was interrupted', [
      { field: 'body', code: 'upload_interrupted', message: 'incomplete upload' },
    ]);
  }
  return { file, bytes, contentType };
}
