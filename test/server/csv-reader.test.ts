// The streamed CSV reader across chunk boundaries: records that straddle the reader's 256 KB chunks (quoted line
// breaks, CRLF split between chunks) come out whole, and an unclosed quote is refused rather than swallowing the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, detectNewline } from '../../server/services/imports/csv-reader';

const dir = mkdtempSync(join(tmpdir(), 'csv-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(name: string, text: string, newline: '\r\n' | '\n' = '\r\n') {
  const file = join(dir, name);
  writeFileSync(file, text);
  const rows = [];
  for await (const row of csvRows(file, { encoding: 'utf-8', delimiter: ';', newline }))
    rows.push(row);
  return rows;
}

describe('csvRows', () => {
  it('keeps records whole across chunk boundaries, with quoted line breaks and CRLF', async () => {
    const lines = ['id;note;city'];
    for (let i = 0; i < 20_000; i++)
      lines.push(`c${i};"line one\r\nline ""two""; still ${i}";Köln`);
    const rows = await readAll('big.csv', `\uFEFF${lines.join('\r\n')}\r\n`);
    expect(rows).toHaveLength(20_001);
    expect(rows[0]!.cells).toEqual(['id', 'note', 'city']);
    for (const [i, row] of rows.slice(1).entries()) {
      expect(row.row).toBe(i + 2);
      expect(row.cells).toEqual([`c${i}`, `line one\r\nline "two"; still ${i}`, 'Köln']);
    }
  });

  it('counts blank lines in the row numbers without yielding them', async () => {
    const rows = await readAll('blank.csv', 'id;name\n\nc1;Ann\n;\nc2;Bo\n', '\n');
    expect(rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'id'],
      [3, 'c1'],
      [5, 'c2'],
    ]);
  });

  it('refuses a quoted field that is never closed', async () => {
    const text = `id;note\r\nc1;"open\r\n${'x;y\r\n'.repeat(300_000)}`;
    await expect(readAll('open-quote.csv', text)).rejects.toThrow(/not be read after row 1/);
  });

  it('tells the line break from the first line', () => {
    expect(detectNewline('a;b\r\nc;d')).toBe('\r\n');
    expect(detectNewline('a;b\nc;d\r\n')).toBe('\n');
    expect(detectNewline('a;b\rc;d')).toBe('\r');
  });
});
