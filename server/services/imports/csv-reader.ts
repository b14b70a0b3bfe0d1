// CSV as tills and CRMs write it: UTF-8 with or without BOM, else Windows-1252; comma, semicolon, tab or pipe; quoted
// fields with delimiters, quotes and line breaks; CRLF. Parsed by papaparse's core parser a chunk at a time (about
// four times csv-parse's speed on a million rows, see bench/): the file is never held whole.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { unreadableFile } from './errors.js';
import type { TableRow } from './table.js';

const SAMPLE_BYTES = 64 * 1024;
export const DELIMITERS = [',', ';', '\t', '|'] as const;

export async function readSample(file: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** 'utf-8' when the sample decodes as UTF-8 (a BOM or none), else 'windows-1252' (what Excel on Windows writes). */
export function detectEncoding(sample: Buffer): 'utf-8' | 'windows-1252' {
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * The delimiter that splits the first records into the same number (> 0) of fields, counting outside quotes (a quoted
 * field may span lines).
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    let n = 0;
    let quoted = false;
    let blank = true;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) {
        if (!blank) counts.push(n);
        n = 0;
        blank = true;
        if (counts.length >= 10) break;
        continue;
      } else if (ch === delimiter && !quoted) n++;
      if (ch.trim() !== '') blank = false;
    }
    // The sample's last record may be cut short; count it only when the sample is the whole file.
    if (!blank && text.length < SAMPLE_BYTES - 4) counts.push(n);
    if (counts.length === 0) continue;
    const min = Math.min(...counts);
    const consistent = counts.every((c) => c === counts[0]);
    const score = min === 0 ? 0 : min + (consistent ? 1000 : 0);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** The line break the sample's first lines end with: CRLF, LF or a lone CR (old Mac exports). */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (lf < 0 || cr < lf)) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

export interface CsvOptions {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Called with the bytes read so far. */
  onBytes?: (bytes: number) => void;
}

/** A record longer than this is an unclosed quote swallowing the file, not a row. */
const MAX_RECORD_CHARS = 1 << 20;

/** Rows of a CSV file: the header row first, numbered as a spreadsheet shows them (blank lines count, are not yielded). */
export async function* csvRows(file: string, options: CsvOptions): AsyncGenerator<TableRow> {
  const decoder = new TextDecoder(options.encoding);
  const parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.newline });
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  let row = 0;
  let partial = '';
  const malformed = (reason: string) =>
    unreadableFile(
      `The CSV file could not be read after row ${row}: ${reason}`,
      `malformed CSV after row ${row}`,
    );
  /** Parses what has arrived; the last, perhaps unfinished, record waits for the next chunk unless this is the end. */
  function* records(text: string, last: boolean): Generator<TableRow> {
    const result = parser.parse(partial + text, 0, !last) as Papa.ParseResult<string[]>;
    const quoteError = result.errors.find((e) => e.type === 'Quotes');
    if (quoteError) throw malformed(quoteError.message);
    partial = last ? '' : (partial + text).slice(result.meta.cursor);
    if (partial.length > MAX_RECORD_CHARS) throw malformed('a quoted field is never closed');
    for (const cells of result.data) {
      row++;
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield { row, cells };
    }
  }
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      options.onBytes?.(bytes);
      yield* records(decoder.decode(chunk, { stream: true }), false);
    }
    yield* records(decoder.decode(), true);
  } finally {
    source.destroy();
  }
  options.onBytes?.(bytes);
}
