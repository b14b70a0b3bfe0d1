// An audience as CSV, streamed: rows are read from SQLite in batches by seq as the client reads, never the whole
// file in memory. Consent is checked again in SQL (the index could lag a write by a moment), the segment and the
// area again in JS, and text cells that a spreadsheet would run as a formula are neutralised.
import type { Db } from '../../db/connection.js';
import { consentedCustomersBySeq } from '../../db/repos/customers.js';
import { prepareAreaGrid, gridContains } from '../../domain/geometry/area-grid.js';
import type { Customer } from '../../domain/schemas/customer.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { inSegment } from '../../domain/segment.js';

export const EXPORT_COLUMNS = [
  'id',
  'firstName',
  'email',
  'phone',
  'lat',
  'lng',
  'age',
  'gender',
  'jobTitle',
  'industry',
  'interests',
  'loyaltyTier',
  'visits',
  'totalSpend',
  'lastPurchaseAt',
  'homeStoreId',
] as const;
const BATCH = 500;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF. Text starting with = + - @ tab or CR is
 * prefixed with ' so spreadsheets show it instead of running it. Numbers are written from numbers, so they are
 * left alone (a negative longitude stays a number).
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(c: Customer): string {
  const cells = [
    c.id,
    c.firstName,
    c.email,
    c.phone,
    c.location[1],
    c.location[0],
    c.age,
    c.gender,
    c.jobTitle,
    c.industry,
    c.interests.join(';'),
    c.loyaltyTier,
    c.visits,
    c.totalSpend,
    c.lastPurchaseAt,
    c.homeStoreId,
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

/** A stream of the CSV: header row, then the consented customers among `seqs` still inside and in the segment. */
export function audienceCsv(
  db: Db,
  seqs: Float64Array,
  { geometry, segment, at }: { geometry: AreaGeometry; segment: Segment | undefined; at: Date },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const readBatch = consentedCustomersBySeq(db);
  const area = prepareAreaGrid(geometry);
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(EXPORT_COLUMNS.join(',') + '\r\n'));
    },
    pull(controller) {
      // Keep reading until a batch yields rows: a pull that enqueues nothing would not be called again.
      while (next < seqs.length) {
        const batch = Array.from(seqs.subarray(next, next + BATCH));
        next += BATCH;
        let text = '';
        for (const customer of readBatch(batch)) {
          if (
            !gridContains(area, customer.location[0], customer.location[1]) ||
            (segment && !inSegment(customer, segment, { at }))
          )
            continue;
          text += csvLine(customer);
        }
        if (text) {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
      controller.close();
    },
  });
}
