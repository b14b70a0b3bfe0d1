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

/**
 * A mapping keyed by this file's headers: a saved mapping's columns match headers by their normalised names, so
 * "E-Mail" saved once also maps "e_mail". Headers the mapping does not name are left out.
 */
export function rekeyMapping(mapping: ImportMapping, headers: readonly string[]): ImportMapping {
  const byName = new Map<string, string | null>();
  for (const [header, field] of Object.entries(mapping.columns))
    if (!byName.has(normaliseHeader(header))) byName.set(normaliseHeader(header), field);
  const columns: Record<string, string | null> = {};
  for (const header of headers) {
    if (header in mapping.columns) columns[header] = mapping.columns[header] ?? null;
    else if (byName.has(normaliseHeader(header)))
      columns[header] = byName.get(normaliseHeader(header)) ?? null;
  }
  return { ...mapping, columns };
}
