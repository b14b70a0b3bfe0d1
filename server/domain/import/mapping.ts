// The column mapping of an import: which header feeds which field, how raw enum values read, and the date format.
export type DateFormat = 'iso' | 'dmy' | 'mdy';

export interface ImportMapping {
  /** Header → field name, or null to ignore the column. */
  columns: Record<string, string | null>;
  /** Field → raw value → canonical value, for enumerations. */
  values: Record<string, Record<string, string>>;
  /** null: detect from the values. */
  dateFormat: DateFormat | null;
}

/** A header as compared for guessing and for saved mappings: lower case, no accents, no spaces, dashes or underscores. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_\-./()]+/g, '');
}

/** The text a saved mapping is keyed on (the service hashes it): the sorted set of normalised headers. */
export function headerSetText(headers: readonly string[]): string {
  return [...new Set(headers.map(normaliseHeader))].sort().join('\u001f');
}
