// The mapping a person edits on the import screen, as pure functions over the server's ImportMapping: which column
// feeds which field, which raw values mean which canonical ones, and what is still missing.
import type {
  DateFormat,
  ImportField,
  ImportMapping,
  ImportPreview,
  ImportWarning,
} from '../../../server/domain/schemas/import';

/**
 * Maps `header` to `field` (null ignores it). A field is fed by one column: a column that fed it before is ignored now.
 * @example setColumn({ columns: { a: 'email', b: null }, values: {}, dateFormat: null }, 'b', 'email').columns
 * // { a: null, b: 'email' }
 */
export function setColumn(
  mapping: ImportMapping,
  header: string,
  field: string | null,
): ImportMapping {
  const columns: Record<string, string | null> = {};
  for (const [h, f] of Object.entries(mapping.columns))
    columns[h] = field !== null && f === field && h !== header ? null : f;
  columns[header] = field;
  return { ...mapping, columns };
}

/** Sets the canonical value a raw enum value stands for. */
export function setValue(
  mapping: ImportMapping,
  field: string,
  raw: string,
  canonical: string,
): ImportMapping {
  return {
    ...mapping,
    values: { ...mapping.values, [field]: { ...mapping.values[field], [raw]: canonical } },
  };
}

export const setDateFormat = (
  mapping: ImportMapping,
  dateFormat: DateFormat | null,
): ImportMapping => ({
  ...mapping,
  dateFormat,
});

/** The column feeding a field, or null. */
export function columnOf(mapping: ImportMapping, field: string): string | null {
  return Object.entries(mapping.columns).find(([, f]) => f === field)?.[0] ?? null;
}

export interface ValueRow {
  raw: string;
  /** The canonical value it maps to; '' when nothing matches yet (the row is then rejected). */
  canonical: string;
}

export interface EnumMapping {
  field: ImportField;
  column: string;
  values: ValueRow[];
}

/**
 * For each enum field fed by a column: the distinct raw values the preview shows and what each maps to — the saved
 * or guessed mapping first, else the canonical value it spells (any case).
 * @example enumMappings(preview, mapping)[0] // { field: gender, column: 'Geschlecht', values: [{ raw: 'w', canonical: 'female' }] }
 */
export function enumMappings(
  preview: Pick<ImportPreview, 'headers' | 'rows' | 'fields'>,
  mapping: ImportMapping,
): EnumMapping[] {
  const result: EnumMapping[] = [];
  for (const field of preview.fields) {
    if (field.type !== 'enum') continue;
    const column = columnOf(mapping, field.name);
    const index = column === null ? -1 : preview.headers.indexOf(column);
    if (column === null || index < 0) continue;
    const raws = [...new Set(preview.rows.map((row) => (row[index] ?? '').trim()))].filter(Boolean);
    const known = mapping.values[field.name] ?? {};
    const values = raws.map((raw) => ({
      raw,
      canonical:
        known[raw] ?? field.values?.find((v) => v.toLowerCase() === raw.toLowerCase()) ?? '',
    }));
    result.push({ field, column, values });
  }
  return result;
}

/** Required fields no column feeds. */
export function missingFields(fields: ImportField[], mapping: ImportMapping): string[] {
  const mapped = new Set(Object.values(mapping.columns));
  return fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name);
}

/** Whether a date field is mapped, so the date format matters. */
export function mapsDates(fields: ImportField[], mapping: ImportMapping): boolean {
  const mapped = new Set(Object.values(mapping.columns));
  return fields.some((f) => f.type === 'date' && mapped.has(f.name));
}

/**
 * The mapping to save and import with: every enum value the preview showed is written out (guesses included), so
 * the server reads the file exactly as the screen showed it.
 */
export function completeMapping(
  preview: Pick<ImportPreview, 'headers' | 'rows' | 'fields'>,
  mapping: ImportMapping,
): ImportMapping {
  let complete = mapping;
  for (const { field, values } of enumMappings(preview, mapping))
    for (const { raw, canonical } of values)
      if (canonical && mapping.values[field.name]?.[raw] !== canonical)
        complete = setValue(complete, field.name, raw, canonical);
  return complete;
}

/**
 * The preview's warnings that still hold for the mapping as edited: a column mapped by hand since is imported now,
 * and a consent column chosen since answers "no consent column".
 * @example currentWarnings([{ code: 'unmapped-column', column: 'Hobbys', message: '…' }], { columns: { Hobbys: 'interests' }, values: {}, dateFormat: null }) // []
 */
export function currentWarnings(
  warnings: ImportWarning[],
  mapping: ImportMapping,
): ImportWarning[] {
  return warnings.filter((w) => {
    if (w.code === 'unmapped-column') return !w.column || !mapping.columns[w.column];
    if (w.code === 'no-consent-column') return columnOf(mapping, 'consent') === null;
    return true;
  });
}
