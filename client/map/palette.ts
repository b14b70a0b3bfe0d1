// Map colours come from the design tokens (client/styles/tokens.css), so no colour is written twice.
// MapLibre cannot read CSS variables, so they are read once from the computed style and passed to the layer builders.

export interface MapPalette {
  landOutside: string;
  land: string;
  water: string;
  park: string;
  /** Streets of the offline basemap: fill, the darker edge around it, and their names. */
  street: string;
  streetCasing: string;
  streetLabel: string;
  label: string;
  waterLabel: string;
  labelHalo: string;
  boundaryLine: string;
  boundaryFill: string;
  selection: string;
  symbolHalo: string;
  /** One hue per brand, assigned in brand-name order. */
  brands: string[];
  /** The customers' sequential palette, light to dark (clusters, heat, points). */
  sequential: string[];
  clusterText: string;
  /** The events' badge. */
  event: string;
  /** White-space hexagons: places to win, in a warm hue no brand or area uses. */
  whiteSpace: string;
  /** Choropleths and probability surfaces, light to dark (colour-blind safe). */
  ramp: string[];
}

const single = {
  landOutside: '--map-land-outside',
  land: '--map-land',
  water: '--map-water',
  park: '--map-park',
  street: '--map-street',
  streetCasing: '--map-street-casing',
  streetLabel: '--map-street-label',
  label: '--map-label',
  waterLabel: '--map-water-label',
  labelHalo: '--map-label-halo',
  boundaryLine: '--map-boundary-line',
  boundaryFill: '--map-boundary-fill',
  selection: '--map-selection',
  symbolHalo: '--map-symbol-halo',
  clusterText: '--map-cluster-text',
  event: '--map-event',
  whiteSpace: '--map-white-space',
} as const satisfies Record<string, string>;

type SingleKey = keyof typeof single;

/** Reads the palette from CSS custom properties on `element` (default: <html>). */
export function readPalette(element: Element = document.documentElement): MapPalette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const series = (prefix: string) => {
    const values: string[] = [];
    for (let i = 1; ; i++) {
      const value = read(`${prefix}${i}`);
      if (!value) return values;
      values.push(value);
    }
  };
  const singles = Object.fromEntries(
    Object.entries(single).map(([key, name]) => [key, read(name)]),
  ) as Record<SingleKey, string>;
  return {
    ...singles,
    brands: series('--brand-'),
    sequential: series('--seq-'),
    ramp: series('--ramp-'),
  };
}

/** `#rrggbb` (or `#rgb`) with an alpha, as `rgba()` for MapLibre. Other colour syntaxes are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  let hex = color.replace('#', '');
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return color;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
