// Opening an uploaded file as a table: its format (CSV, XLSX or GeoJSON, told by its first bytes and content type),
// its headers, and an iterator over its rows as text cells with their row numbers.
import { stat } from 'node:fs/promises';
import {
  csvRows,
  detectDelimiter,
  detectEncoding,
  detectNewline,
  readSample,
} from './csv-reader.js';
import { unreadableFile } from './errors.js';
import { geojsonTable } from './geojson-reader.js';
import { xlsxRows } from './xlsx-reader.js';

export type SourceFormat = 'csv' | 'xlsx' | 'geojson';

export interface TableRow {
  /** The row's number as people see it: the header is row 1 (GeoJSON: the feature's position, from 1). */
  row: number;
  cells: string[];
}

export interface Table {
  format: SourceFormat;
  encoding?: string;
  delimiter?: string;
  sheets?: string[];
  headers: string[];
  bytesTotal: number;
  /** Bytes read so far (CSV and XLSX stream; GeoJSON is read whole). */
  bytesDone(): number;
  /** Data rows after the header. */
  rows: AsyncGenerator<TableRow>;
}

export interface OpenOptions {
  contentType: string;
  sheet?: string | undefined;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format of a file: a zip is XLSX, a JSON object is GeoJSON, anything else text is CSV. Binary data is refused. */
export function sniffFormat(sample: Buffer, contentType: string): SourceFormat {
  if (sample.length === 0) throw unreadableFile('The file is empty', 'empty file');
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04)
    return 'xlsx';
  if (contentType === XLSX_TYPE)
    throw unreadableFile('The file is not an XLSX workbook', 'not an XLSX file');
  const head = sample.subarray(0, 4096);
  // A stray control character is a bad cell (named in its row); NULs or many controls are a binary file.
  const controls = head.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 27)).length;
  if (head.includes(0) || controls > head.length / 20)
    throw unreadableFile(
      'The file holds binary data, not CSV or GeoJSON text',
      'binary data, not a CSV, XLSX or GeoJSON file',
    );

  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text === '') throw unreadableFile('The file is empty', 'empty file');
  if (
    contentType === 'application/geo+json' ||
    contentType === 'application/json' ||
    text.startsWith('{')
  )
    return 'geojson';
  return 'csv';
}

async function headerOf(rows: AsyncGenerator<TableRow>): Promise<string[]> {
  const first = await rows.next();
  if (first.done) throw unreadableFile('The file has no header row', 'empty file');
  const headers = first.value.cells.map((h, i) => h.trim() || `column ${i + 1}`);
  return headers;
}

export async function openTable(file: string, options: OpenOptions): Promise<Table> {
  const bytesTotal = (await stat(file)).size;
  const sample = await readSample(file);
  const format = sniffFormat(sample, options.contentType);
  let bytes = 0;
  const onBytes = (n: number) => {
    bytes = n;
  };
  if (format === 'csv') {
    const encoding = detectEncoding(sample);
    const text = new TextDecoder(encoding).decode(sample);
    const delimiter = detectDelimiter(text);
    const rows = csvRows(file, { encoding, delimiter, newline: detectNewline(text), onBytes });
    const headers = await headerOf(rows);
    return { format, encoding, delimiter, headers, bytesTotal, bytesDone: () => bytes, rows };
  }
  if (format === 'xlsx') {
    const sheets: string[] = [];
    const rows = xlsxRows(file, { sheet: options.sheet, sheets, onBytes });
    const headers = await headerOf(rows);
    return { format, sheets, headers, bytesTotal, bytesDone: () => bytes, rows };
  }
  const table = await geojsonTable(file);
  return { format, ...table, bytesTotal, bytesDone: () => bytesTotal };
}
