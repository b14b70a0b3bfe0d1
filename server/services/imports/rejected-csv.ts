// A job's rejected rows as CSV: the row number, the reasons, then the row as it was in the file.
import type { RejectRow } from '../../db/repos/import-jobs.js';

/** Quotes a CSV field; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rejectedRowsCsv({
  headers,
  pages,
}: {
  headers: string[];
  pages: () => Generator<RejectRow[]>;
}): string {
  const lines = [['row', 'reason', ...headers].map(field).join(',')];
  for (const page of pages())
    for (const { row, errors, raw } of page) {
      const reason = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      lines.push(
        [String(row), reason, ...headers.map((_, i) => raw[i] ?? '')].map(field).join(','),
      );
    }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
