// The workspace's own customer export: every customer the caller may see, as CSV whose header row is exactly the field
// names the customer import takes, so the file re-imports without a mapping. Streamed in batches by seq (never the
// whole table in memory; no statement stays open between reads, so other requests run meanwhile).
import type { Db } from '../../db/connection.js';
import { pageCustomers } from '../../db/repos/customers.js';
import type { Customer } from '../../domain/schemas/customer.js';
import { guardFormula } from '../../domain/import/values.js';

/** The customer import's field names, in this order. `interests` are joined with ';', `consent` is true or false. */
export const CUSTOMER_CSV_COLUMNS = [
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
  'consent',
  'homeStoreId',
] as const;
export const INTEREST_SEPARATOR = ';';
const BATCH = 2000;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF. Text a spreadsheet would run as a formula
 * is prefixed with ' (guardFormula; the import takes it off again); phone numbers such as `+49 30 555 01234` stay as
 * they are, so they import back unchanged.
 * @example exportCell('+49 30 555 01234') // '+49 30 555 01234'
 * @example exportCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function exportCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = guardFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One customer as a CSV line of CUSTOMER_CSV_COLUMNS, CRLF-terminated. */
export function customerCsvLine(c: Customer): string {
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
    c.interests.join(INTEREST_SEPARATOR),
    c.loyaltyTier,
    c.visits,
    c.totalSpend,
    c.lastPurchaseAt,
    c.consent ? 'true' : 'false',
    c.homeStoreId,
  ];
  return cells.map(exportCell).join(',') + '\r\n';
}

/** The header row, then the customers (only those of `storeIds` when given) in seq order. */
export function customersCsv(db: Db, storeIds: string[] | null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterSeq: number | null = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CUSTOMER_CSV_COLUMNS.join(',') + '\r\n'));
    },
    pull(controller) {
      if (afterSeq === null) return controller.close();
      const page = pageCustomers(db, { bbox: null, afterSeq, limit: BATCH, storeIds });
      afterSeq = page.lastSeq;
      if (page.customers.length)
        controller.enqueue(encoder.encode(page.customers.map(customerCsvLine).join('')));
      if (afterSeq === null) controller.close();
    },
  });
}
