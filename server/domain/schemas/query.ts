// Numbers in query strings. z.coerce.number() read '' as 0, '0x34' as 52, '1e3' as 1000 and ' 7 ' as 7; these read
// plain decimals only and hand the number to the range check, so the OpenAPI document still shows a number.
import { z } from 'zod';

/** An optional sign, digits, and an optional fraction with at least one digit: `-13.405`, `52`, `+0.5`. */
export const DECIMAL_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
/** Digits only: `50`, `007`. */
export const WHOLE_NUMBER = /^\d+$/;

export const QUERY_NUMBER_MESSAGES = {
  decimal: 'must be a decimal number like -13.405 (no exponent, hexadecimal, spaces or Infinity)',
  whole: 'must be a whole number written in digits, like 50',
} as const;

function fromQuery<T extends z.ZodType<number>>(pattern: RegExp, message: string, schema: T) {
  return z.preprocess((value, ctx) => {
    // Absent values are left to the schema (`.optional()`, `.default()`); a repeated key arrives as an array and fails there.
    if (typeof value !== 'string') return value;
    if (pattern.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message, input: value });
    return z.NEVER;
  }, schema);
}

/**
 * A decimal query parameter checked by `schema`.
 * @example queryNumber(z.number().min(-90).max(90)).parse('52.52') // 52.52; '0x34', '' and '1e1' fail
 */
export const queryNumber = <T extends z.ZodType<number>>(schema: T) =>
  fromQuery(DECIMAL_NUMBER, QUERY_NUMBER_MESSAGES.decimal, schema);

/**
 * A whole-number query parameter (page sizes, ids) checked by `schema`, which should say `.int()`.
 * @example queryInt(z.number().int().min(1).max(200)).parse('50') // 50; '1e10', '10.0' and '+5' fail
 */
export const queryInt = <T extends z.ZodType<number>>(schema: T) =>
  fromQuery(WHOLE_NUMBER, QUERY_NUMBER_MESSAGES.whole, schema);
