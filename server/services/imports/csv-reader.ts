// CSV as tills and CRMs write it: UTF-8 with or without BOM, else Windows-1252; comma, semicolon, tab or pipe; quoted
// fields with delimiters, quotes and line breaks; CRLF. Parsed by csv-parse, streamed: the file is never held whole.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
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

export interface CsvOptions {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  /** Called with the bytes read so far. */
  onBytes?: (bytes: number) => void;
}

/** Rows of a CSV file: the header row first, numbered as a spreadsheet shows them (blank lines count, are not yielded). */
export async function* csvRows(file: string, options: CsvOptions): AsyncGenerator<TableRow> {
  const decoder = new TextDecoder(options.encoding);
  let bytes = 0;
  const decode = new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = parse({
    delimiter: options.delimiter,
    relax_column_count: true,
    // Blank lines are skipped below, not by the parser: they still count, so row numbers match a spreadsheet's.
    skip_empty_lines: false,
    bom: true,
  });
  const source = createReadStream(file);
  source.pipe(decode).pipe(parser);
  const fail = (error: Error) => parser.destroy(error);
  source.on('error', fail);
  decode.on('error', fail);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      options.onBytes?.(bytes);
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { row, cells: record };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw unreadableFile(
      `The CSV file could not be read after row ${row}: ${message}`,
      `malformed CSV after row ${row}`,
    );
  } finally {
    source.destroy();
  }
  options.onBytes?.(bytes);
}
