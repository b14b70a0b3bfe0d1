// The one shape an instant is stored and compared in.

/**
 * UTC ISO 8601 to the second, so text order is time order.
 * @example utcInstant('2026-11-23T11:00:00.750+01:00') // '2026-11-23T10:00:00Z'
 */
export function utcInstant(value: string | number | Date): string {
  const ms = new Date(value).getTime();
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
