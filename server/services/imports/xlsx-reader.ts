// XLSX workbooks, streamed with exceljs's WorkbookReader: the first sheet, or the one named by ?sheet=.
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { unreadableFile } from './errors.js';
import type { TableRow } from './table.js';

export interface XlsxOptions {
  sheet?: string | undefined;
  /** Filled with the workbook's sheet names once the first sheet is reached. */
  sheets: string[];
  onBytes?: (bytes: number) => void;
}

/** Cell text: dates as YYYY-MM-DD (or ISO with time), formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** Reads of a workbook that fail before its first row, before the file is called unreadable. */
const READ_ATTEMPTS = 3;

/**
 * The rows of the sheet asked for. exceljs's streaming reader can lose a zip entry it buffered while a slow consumer
 * held it (seen under load: it then has no workbook model, "Cannot read properties of undefined (reading 'sheets')"),
 * which another read of the same file does not: so a read that fails before its first row is tried again.
 */
export async function* xlsxRows(file: string, options: XlsxOptions): AsyncGenerator<TableRow> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const row of readSheet(file, options)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (error) {
      if (error instanceof Error && error.name === 'ServiceError') throw error;
      if (!yielded && attempt < READ_ATTEMPTS) continue;
      throw unreadableFile('The XLSX workbook could not be read', 'malformed XLSX file');
    }
  }
}

async function* readSheet(file: string, options: XlsxOptions): AsyncGenerator<TableRow> {
  const source = createReadStream(file);
  let bytes = 0;
  source.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const worksheet of reader) {
      const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
      if (options.sheets.length === 0)
        options.sheets.push(...(model?.sheets ?? []).map((s) => s.name));
      const name = (worksheet as unknown as { name: string }).name;
      if (options.sheet !== undefined && name !== options.sheet) {
        // Drain a sheet we skip: exceljs may be reading it from a temp file it deletes as soon as we move on, and
        // a read stream opened after that fails with ENOENT where nobody listens (an uncaught exception).
        for await (const row of worksheet) void row;
        continue;
      }
      found = true;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue));
        if (cells.every((c) => c.trim() === '')) continue;
        options.onBytes?.(bytes);
        yield { row: row.number, cells };
      }
      // One sheet is read; stop before exceljs opens (and deletes) the temp files of the sheets after it.
      break;
    }
  } finally {
    source.destroy();
  }
  if (!found)
    throw options.sheet !== undefined
      ? unreadableFile(
          `The workbook has no sheet named "${options.sheet}"`,
          `no sheet ${options.sheet}`,
        )
      : unreadableFile('The workbook has no sheets', 'no sheets');
  options.onBytes?.(bytes);
}
