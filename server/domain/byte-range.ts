// HTTP Range (RFC 9110 §14) for one file: which bytes a `Range: bytes=…` header asks for.

export type RangeRequest =
  /** No Range header, another unit, or several ranges: answer 200 with the whole file (a server may ignore Range). */
  | { kind: 'whole' }
  /** One satisfiable range, both ends included, clipped to the file. */
  | { kind: 'part'; start: number; end: number }
  /** A byte range that is malformed or starts past the end: 416 with `Content-Range: bytes *\/size`. */
  | { kind: 'unsatisfiable' };

/**
 * Reads a Range header against a file of `size` bytes.
 * @example byteRange('bytes=0-126', 1000) // { kind: 'part', start: 0, end: 126 }
 * @example byteRange('bytes=-10', 1000)   // { kind: 'part', start: 990, end: 999 }
 */
export function byteRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return { kind: 'whole' };
  const specs = (match[1] ?? '').split(',');
  if (specs.length > 1) return { kind: 'whole' };
  const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(specs[0] ?? '');
  if (!spec || (spec[1] === '' && spec[2] === '')) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = spec;
  if (first === '') {
    // A suffix: the last n bytes (all of them when n ≥ size); the last 0 bytes are nothing to send.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== '' && Number(last) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}
