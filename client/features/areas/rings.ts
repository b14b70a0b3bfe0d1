// Ring breaks as people type them: "1, 3, 5" (km) → the outer radii of the rings 0–1, 1–3 and 3–5 km.

export const DEFAULT_BREAKS_KM = [1, 3, 5] as const;

/**
 * Parses a list of kilometres separated by commas or spaces — or by semicolons, and then a comma is a decimal
 * comma ("0,5; 1,5"). Null unless 1–10 increasing positive numbers up to 100 km.
 * @example parseBreaksKm('1, 3, 5') // [1, 3, 5]
 * @example parseBreaksKm('0,5; 1,5') // [0.5, 1.5]
 */
export function parseBreaksKm(text: string): number[] | null {
  const parts = text.includes(';')
    ? text.split(';').map((p) => p.trim().replace(',', '.'))
    : text.split(/[,\s]+/);
  const values = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map(Number);
  if (values.length === 0 || values.length > 10) return null;
  if (values.some((v) => !Number.isFinite(v) || v <= 0 || v > 100)) return null;
  for (let i = 1; i < values.length; i++) if (values[i]! <= values[i - 1]!) return null;
  return values;
}
