// The configured Protomaps archive (CATCHMENT_BASEMAP_PMTILES) as the byte-range responses the pmtiles client reads.
// The file is streamed from disk a range at a time: a city archive runs to gigabytes and is never read whole.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { byteRange } from '../../domain/byte-range.js';

export interface ArchiveResponse {
  status: 200 | 206 | 304 | 404 | 416;
  headers: Record<string, string>;
  /** The bytes to send (null for HEAD, 304, 404 and 416). */
  body: ReadableStream<Uint8Array> | null;
}

/**
 * Answers one GET or HEAD for the archive. The ETag changes when the file is replaced (size or time), so a browser
 * never mixes ranges of two archives; an If-None-Match on the whole file answers 304.
 */
export async function readArchive(options: {
  file: string;
  method: 'GET' | 'HEAD';
  range: string | undefined;
  ifNoneMatch: string | undefined;
}): Promise<ArchiveResponse> {
  const info = await stat(options.file).catch(() => null);
  if (!info?.isFile()) return { status: 404, headers: {}, body: null };
  const size = info.size;
  const etag = `"pm-${size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const common = {
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Cache-Control': 'no-cache',
    'Content-Type': 'application/vnd.pmtiles',
  };
  const range = byteRange(options.range, size);
  if (range.kind === 'unsatisfiable')
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, body: null };
  if (range.kind === 'whole' && options.ifNoneMatch === etag)
    return { status: 304, headers: common, body: null };
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
  const headers: Record<string, string> = {
    ...common,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range.kind === 'part' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  };
  const status = range.kind === 'part' ? 206 : 200;
  if (options.method === 'HEAD' || size === 0) return { status, headers, body: null };
  const stream = Readable.toWeb(createReadStream(options.file, { start, end }));
  return { status, headers, body: stream as ReadableStream<Uint8Array> };
}
