// One row of cells → a checked record of its kind, or the row number with every bad field and why.
import { validateAreaGeometry } from '../geometry/validate-area.js';
import { fieldErrorFromIssue, type CodedFieldError } from '../schemas/problem.js';
import { parseDate } from './dates.js';
import {
  addressFields,
  importFields,
  hasPoint,
  type ImportField,
  type ImportKind,
} from './fields.js';
import { composeAddress } from './address.js';
import { rekeyMapping, type DateFormat, type ImportMapping } from './mapping.js';
import { importRecordSchemas, unplacedRecordSchemas, type AnyImportRecord } from './records.js';
import { parsePoint, pointFromParts } from './coordinates.js';
import { canonicalEnum, parseBoolean, parseList, parseNumber, unguardFormula } from './values.js';

export interface RowPlan {
  kind: ImportKind;
  /** Field → column index. */
  index: Map<string, number>;
  values: ImportMapping['values'];
  dateFormat: DateFormat | null;
}

/** A customer or store read without its place: everything but `location`. */
export type UnplacedRecord = Omit<AnyImportRecord & { location: unknown }, 'location'> & {
  id: string;
};

export type RowResult =
  | { ok: true; row: number; record: AnyImportRecord }
  /** No coordinates but an address: kept until a geocoder or a person places it ("needs a place"). */
  | { ok: true; row: number; unplaced: UnplacedRecord; address: string }
  | { ok: false; row: number; errors: CodedFieldError[] };

export type PlanResult = { ok: true; plan: RowPlan } | { ok: false; errors: CodedFieldError[] };

/**
 * Resolves a mapping against the file's headers; a header equal to a field name needs no mapping. Fails naming each
 * required field no column feeds (and a point for customers and stores: lat and lng, or one location column).
 */
export function planRows(
  kind: ImportKind,
  headers: readonly string[],
  mapping: ImportMapping,
): PlanResult {
  const index = new Map<string, number>();
  const known = new Set(importFields[kind].map((f) => f.name));
  const columns = rekeyMapping(mapping, headers).columns;
  headers.forEach((header, i) => {
    const field = header in columns ? columns[header] : known.has(header) ? header : null;
    if (field && known.has(field) && !index.has(field)) index.set(field, i);
  });
  const errors: CodedFieldError[] = importFields[kind]
    .filter((f) => f.required && !index.has(f.name))
    .map((f) => ({
      field: f.name,
      code: 'unmapped_field',
      message: `no column is mapped to ${f.name}`,
    }));
  if (
    hasPoint(kind) &&
    !index.has('location') &&
    !(index.has('lat') && index.has('lng')) &&
    !addressFields.some((field) => index.has(field))
  )
    errors.push({
      field: 'location',
      code: 'no_location_columns',
      message: 'map lat and lng columns, one location column, or address columns',
    });
  return errors.length
    ? { ok: false, errors }
    : { ok: true, plan: { kind, index, values: mapping.values, dateFormat: mapping.dateFormat } };
}

const defaults: Record<string, unknown> = {
  firstName: '',
  email: '',
  phone: '',
  age: null,
  gender: 'unknown',
  jobTitle: '',
  industry: '',
  interests: [],
  loyaltyTier: 'none',
  visits: 0,
  totalSpend: 0,
  lastPurchaseAt: null,
  // A missing or empty consent column is no consent: never assumed.
  consent: false,
  homeStoreId: null,
  franchisee: '',
  address: '',
  attractiveness: 3,
  opened: null,
  population: 0,
  discount: null,
  productCategory: null,
};

/** The fields read cell by cell (points and geometry are read from their columns together, below). */
const cellFields = Object.fromEntries(
  Object.entries(importFields).map(([kind, fields]) => [
    kind,
    fields.filter((f) => !['lat', 'lng', 'location', 'geometry'].includes(f.name)),
  ]),
) as unknown as Record<ImportKind, readonly ImportField[]>;

/** A trimmed cell of the column fed to `field`, or undefined when no column is. */
function cellOf(plan: RowPlan, cells: readonly string[], field: string): string | undefined {
  const i = plan.index.get(field);
  return i === undefined ? undefined : (cells[i] ?? '').trim();
}

/** Why a cell was refused, as a field error without its field: the code, the English, the cell (cut short). */
type Refusal = { refused: Omit<CodedFieldError, 'field'> };
const refuse = (
  code: string,
  message: string,
  raw?: string,
  options?: readonly string[],
): Refusal => ({
  refused: {
    code,
    message,
    ...(raw === undefined ? {} : { value: raw.slice(0, 40) }),
    ...(options ? { options: [...options] } : {}),
  },
});

/** The value of one present cell, or the reason it cannot be one. No closures: this runs per cell of big files. */
function readValue(plan: RowPlan, field: ImportField, raw: string): { value: unknown } | Refusal {
  switch (field.type) {
    case 'number':
    case 'integer': {
      const n = parseNumber(raw);
      if (n === null) return refuse('not_a_number', `"${raw.slice(0, 40)}" is not a number`, raw);
      if (field.type === 'integer' && !Number.isInteger(n))
        return refuse('not_whole_number', `${n} is not a whole number`, String(n));
      return { value: n };
    }
    case 'boolean': {
      const b = parseBoolean(raw);
      return b === null
        ? refuse('not_yes_no', `"${raw.slice(0, 40)}" is neither yes nor no`, raw)
        : { value: b };
    }
    case 'date': {
      const d = parseDate(raw, plan.dateFormat);
      if (!d.ok) return refuse(d.code, d.reason, raw);
      return { value: field.name === 'purchasedAt' ? d.instant : d.date };
    }
    case 'enum': {
      const value = plan.values[field.name]?.[raw] ?? canonicalEnum(field.name, raw) ?? raw;
      return field.values?.includes(value)
        ? { value }
        : refuse(
            'not_one_of',
            `"${raw.slice(0, 40)}" is not one of ${field.values?.join(', ')}`,
            raw,
            field.values,
          );
    }
    case 'list':
      return { value: parseList(unguardFormula(raw)) };
    default:
      return { value: unguardFormula(raw) };
  }
}

/** Reads row `row` (its number as people see it in the file) through the plan. */
export function readRow(plan: RowPlan, cells: readonly string[], row: number): RowResult {
  const errors: CodedFieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const field of cellFields[plan.kind]) {
    const raw = cellOf(plan, cells, field.name);
    if (raw === undefined || raw === '') {
      if (field.required)
        errors.push({
          field: field.name,
          code: 'too_small',
          origin: 'string',
          minimum: 1,
          message: 'is empty',
        });
      else out[field.name] = defaults[field.name] ?? null;
      continue;
    }
    const read = readValue(plan, field, raw);
    if ('refused' in read) errors.push({ field: field.name, ...read.refused });
    else out[field.name] = read.value;
  }
  let address = '';
  if (hasPoint(plan.kind)) {
    address = composeAddress({
      address: cellOf(plan, cells, 'address'),
      postcode: cellOf(plan, cells, 'postcode'),
      city: cellOf(plan, cells, 'city'),
    });
    // Stores keep their address as one line; a customer's is only used to find their place, never stored.
    if (plan.kind === 'stores') out.address = address;
    const location = cellOf(plan, cells, 'location');
    const lat = cellOf(plan, cells, 'lat');
    const lng = cellOf(plan, cells, 'lng');
    const noPoint = !location && !lat && !lng;
    const point =
      location !== undefined && location !== ''
        ? parsePoint(location)
        : pointFromParts(lat ?? '', lng ?? '');
    if (point.ok) out.location = point.point;
    else if (!(noPoint && address !== ''))
      errors.push({
        field: plan.index.has('location') ? 'location' : plan.index.has('lat') ? 'lat' : 'address',
        // An empty row is missing its place, whichever point columns the file has; not "“” is not a number".
        ...(noPoint
          ? {
              code: 'no_location',
              message:
                !plan.index.has('location') && !plan.index.has('lat')
                  ? 'no address and no coordinates'
                  : point.reason,
            }
          : {
              code: point.code,
              message: point.reason,
              ...(point.value === undefined ? {} : { value: point.value.slice(0, 40) }),
            }),
      });
  }
  if (plan.kind === 'boundaries') {
    const raw = cellOf(plan, cells, 'geometry') ?? '';
    let value: unknown = null;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({
        field: 'geometry',
        code: 'invalid_geometry',
        message: 'not a GeoJSON Polygon or MultiPolygon',
      });
    }
    if (value !== null) {
      const checked = validateAreaGeometry(value);
      if (checked.ok) out.geometry = checked.geometry;
      else errors.push({ field: 'geometry', code: 'invalid_geometry', message: checked.message });
    }
  }
  if (errors.length) return { ok: false, row, errors };
  const unplaced = hasPoint(plan.kind) && out.location === undefined;
  const parsed = (
    unplaced
      ? unplacedRecordSchemas[plan.kind as 'customers' | 'stores']
      : importRecordSchemas[plan.kind]
  ).safeParse(out);
  if (!parsed.success)
    return {
      ok: false,
      row,
      // The record's own schema words its rules as any request's (too_small, invalid_format…); the field is the column's.
      errors: parsed.error.issues.map((issue) => ({
        ...fieldErrorFromIssue(issue, 'row'),
        field: String(issue.path[0] ?? 'row'),
      })),
    };
  if (unplaced) return { ok: true, row, unplaced: parsed.data as UnplacedRecord, address };
  return { ok: true, row, record: parsed.data as AnyImportRecord };
}
