// Range headers read against a file's size (RFC 9110 §14): what a pmtiles reader and a browser send.
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../server/domain/byte-range.js';

describe('byteRange', () => {
  it('reads a closed, an open-ended and a suffix range, clipped to the file', () => {
    expect(byteRange('bytes=0-126', 1000)).toEqual({ kind: 'part', start: 0, end: 126 });
    expect(byteRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(byteRange('bytes=-10', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
    expect(byteRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
  });

  it('sends the whole file without a byte range, or for several ranges at once', () => {
    expect(byteRange(undefined, 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('items=0-5', 1000)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=0-5, 10-20', 1000)).toEqual({ kind: 'whole' });
  });

  it('finds nothing to send past the end, backwards, malformed or empty', () => {
    for (const header of ['bytes=1000-', 'bytes=5-2', 'bytes=x-3', 'bytes=-', 'bytes=-0'])
      expect(byteRange(header, 1000), header).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
